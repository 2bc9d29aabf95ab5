import RegTrackerCore

/// A streaming source of rows: every format (CSV, SpreadsheetML, OOXML sheet, XLSX, XLS) hands the
/// pipeline the same `SourceRow`s, one at a time, so that memory does not grow with the file.
public protocol TableReader {
    /// What was detected while opening (format, encoding, delimiter, sheet), for summaries and `inspect`.
    var description: TableDescription { get }
    /// The next row, or nil at the end. Blank rows may be yielded or skipped; row numbers stay true either way.
    mutating func nextRow() throws(ReadError) -> SourceRow?
}

/// How a file was read.
public struct TableDescription: Sendable, Equatable {
    public var format: FileFormat
    /// CSV only: `utf-8`, `utf-8-bom` or `gb18030`.
    public var encoding: String?
    /// CSV only: the detected separator.
    public var delimiter: Character?
    /// Workbooks: every sheet name in order, and the one being read.
    public var sheets: [String]
    public var sheet: String?

    public init(
        format: FileFormat, encoding: String? = nil, delimiter: Character? = nil, sheets: [String] = [],
        sheet: String? = nil
    ) {
        self.format = format
        self.encoding = encoding
        self.delimiter = delimiter
        self.sheets = sheets
        self.sheet = sheet
    }
}

/// Options the file-reading commands share (`--encoding`, `--sheet`).
public struct ReadOptions: Sendable, Equatable {
    public enum Encoding: String, Sendable, CaseIterable {
        case utf8 = "utf-8"
        case gb18030 = "gb18030"
    }

    /// A sheet chosen by name or by its position counting from 1.
    public enum SheetSelector: Sendable, Equatable {
        case name(String)
        case position(Int)

        public init(_ text: String) {
            if let position = Int(text), position >= 1 { self = .position(position) } else { self = .name(text) }
        }
    }

    public var encoding: Encoding?
    public var sheet: SheetSelector?

    public init(encoding: Encoding? = nil, sheet: SheetSelector? = nil) {
        self.encoding = encoding
        self.sheet = sheet
    }
}
