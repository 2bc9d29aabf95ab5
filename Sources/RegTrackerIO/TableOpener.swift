/// Opens any supported file as a `TableReader`, choosing the reader by the file's extension.
public enum TableOpener {
    public static let extensions: Set<String> = ["csv", "txt", "xml", "xlsx", "xls", "et"]

    /// The sheets of a workbook, hidden ones included, in the order `--sheet N` counts them (SPEC 1.6); nil for a
    /// file that holds one table (CSV, an OOXML sheet part).
    public static func sheetCatalog(path: String) throws(ReadError) -> [SheetInfo]? {
        switch fileExtension(path) {
        case "xml": try XMLTableReaders.sheetCatalog(path: path)
        case "xlsx", "xlsm": try XLSXReader.sheetCatalog(path: path)
        case "xls", "et":
            // WPS and web exports give .xlsx packages an .xls (or .et) name; the file's signature tells them apart.
            if let head = FileSignature.read(path), head.starts(with: FileSignature.zip) {
                try XLSXReader.sheetCatalog(path: path)
            } else {
                try XLSReader.sheetCatalog(path: path)
            }
        default: nil
        }
    }

    static func fileExtension(_ path: String) -> String? {
        path.split(separator: "/").last.flatMap { name in
            name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
        }
    }

    public static func open(path: String, options: ReadOptions) throws(ReadError) -> any TableReader {
        let fileExtension = fileExtension(path)
        switch fileExtension {
        case "csv", "txt":
            return try CSVReader(path: path, options: options)
        case "xml":
            return try XMLTableReaders.open(path: path, options: options)
        case "xlsx", "xlsm":
            // .xlsm (macro-enabled) is the same package; read when named, never picked up from a folder (SPEC 4).
            return try XLSXReader(path: path, options: options)
        case "xls", "et":
            // .et is WPS's name for the same binary workbook; the reader goes by content (a compound file with a
            // Workbook or Book stream, or an .xlsx or SpreadsheetML saved under that name).
            return try XLSReader(path: path, options: options)
        default:
            throw ReadError(.unsupportedType(extension: fileExtension))
        }
    }
}

/// A file to read tables from, for an import that asks for its sheet list and then a reader for one sheet or more.
/// A binary workbook (.xls, .et) is read here once, its globals and shared strings decoded, and the sheet list and
/// every sheet's reader use that; other files are opened by path each time, as `TableOpener` does. Errors are not
/// thrown here: a workbook that cannot be read is left to `sheetCatalog()` and `open(options:)`, which read it by
/// path and say why, word for word as `TableOpener`.
public struct TableFile {
    public let path: String
    private let workbook: XLSWorkbook?

    public init(path: String) {
        self.path = path
        switch TableOpener.fileExtension(path) {
        case "xls", "et":
            if let head = FileSignature.read(path), head.starts(with: FileSignature.compoundFile) {
                workbook = try? XLSWorkbook(path: path)
            } else {
                workbook = nil
            }
        default:
            workbook = nil
        }
    }

    /// `TableOpener.sheetCatalog(path:)`, but nil for a SpreadsheetML file of one sheet: a list of one sheet is one
    /// table, and it is not parsed whole once more only to say so.
    public func sheetCatalog() throws(ReadError) -> [SheetInfo]? {
        if let workbook { return workbook.catalog }
        if TableOpener.fileExtension(path) == "xml", try !WorksheetStartTags.mayHoldSeveral(path: path) { return nil }
        return try TableOpener.sheetCatalog(path: path)
    }

    /// `TableOpener.open(path:options:)`.
    public func open(options: ReadOptions) throws(ReadError) -> any TableReader {
        if let workbook { return try XLSReader(workbook: workbook, options: options) }
        return try TableOpener.open(path: path, options: options)
    }
}
