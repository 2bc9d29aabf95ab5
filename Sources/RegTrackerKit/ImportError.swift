import RegTrackerCore
import RegTrackerIO

/// Why a whole file was rejected: it names the file, the place and what to do. Nothing of the file is stored.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    /// The header problem behind it: a sheet of several without a header is skipped, not rejected (SPEC 1.6).
    private var headerError: HeaderError?

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    init(file: String, _ error: ReadError) { self.init(file: file, message: error.description) }
    /// The header error quotes the cells it saw, which may be the first person's ID number or phone: masked.
    init(file: String, _ error: HeaderError) {
        self.init(file: file, message: Mask.digits(in: error.description))
        headerError = error
    }

    var isNoHeader: Bool { if case .noHeader = headerError { true } else { false } }

    /// The same error, placed in one sheet of a workbook.
    func inSheet(_ sheet: String) -> ImportError {
        var error = self
        error.message = "sheet “\(sheet)”: \(message)"
        return error
    }

    /// A roster refused because rows the current roster assigns would become unassigned (SPEC 1.1).
    init(file: String, losing lost: [RowsLost]) {
        let list = lost.map { "\($0.township): \($0.rows) rows (\($0.valid) valid)" }.joined(separator: "; ")
        self.init(
            file: file,
            message: "this roster would leave rows unassigned that the current roster assigns — \(list); "
                + "keep the old name as an alias (别名) of its township, or import with --force")
    }

    /// A workbook none of whose sheets is a list of `kind`, naming every sheet and why it was passed over.
    init(file: String, noSheetOf kind: FileKind, reports: [SheetReport]) {
        let sheets = reports.map { report in
            let why: String =
                switch report.skip {
                case .hidden: "hidden"
                case .veryHidden: "very hidden"
                case .notWorksheet: "a chart, not a worksheet"
                case .excludedName(let word): "its name says \(word)"
                case .noHeader, nil: "no header row"
                }
            return "“\(report.name)” (\(why))"
        }
        self.init(
            file: file,
            message: "no sheet of the workbook holds a \(kind.noun) with a header row: \(sheets.joined(separator: ", "));"
                + " add a header row with column names such as 姓名, 身份证号, 手机号码, or name the sheet with --sheet")
    }

    public var description: String { "\(file): \(message)" }
}

extension FileKind {
    /// What a file of this kind is called in messages.
    var noun: String {
        switch self {
        case .roster: "population roster"
        case .registrations: "registration list"
        case .invalidList: "invalid list"
        }
    }
}
