/// A report or notice file that could not be written: which file, the step that failed, and the system's or the
/// library's own reason where it gave one. `ReportFileErrorText` words it in the reader's language.
public struct ReportFileError: Error, Sendable, Equatable {
    public enum Step: Sendable, Equatable {
        case createFolder
        case writeFile
        case startWorkbook
        case addSheet(String)
        /// A part of a workbook's sheet that libxlsxwriter refused.
        case write(SheetPart)
        /// The .docx package (ZIP) of a notice.
        case startPackage
        case addPackagePart
        case emptyPackage
        /// The notice's ranking picture (librsvg and cairo).
        case drawPicture
    }

    public enum SheetPart: Sendable, Equatable {
        case title, heading, note, chart, chartColours
        /// A data row, counted from 1.
        case row(Int)
    }

    public var path: String
    public var step: Step
    public var reason: String?

    public init(path: String, step: Step, reason: String? = nil) {
        self.path = path
        self.step = step
        self.reason = reason
    }
}
