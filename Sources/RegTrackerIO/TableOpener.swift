/// Opens any supported file as a `TableReader`, choosing the reader by the file's extension.
public enum TableOpener {
    public static let extensions: Set<String> = ["csv", "txt", "xml", "xlsx", "xls", "et"]

    public static func open(path: String, options: ReadOptions) throws(ReadError) -> any TableReader {
        let fileExtension = path.split(separator: "/").last.flatMap { name in
            name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
        }
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
            throw ReadError(
                "unsupported file type \(fileExtension.map { ".\($0)" } ?? "(no extension)")",
                hint: "regtracker reads .csv, .txt, .xml, .xlsx, .xls and .et files")
        }
    }
}
