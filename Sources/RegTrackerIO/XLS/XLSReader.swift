import Foundation
import RegTrackerCore

/// Reads one worksheet of a legacy Excel workbook (.xls, and WPS's .et: BIFF8 from Excel 97–2003, BIFF5 from
/// Excel 95), in Swift: the compound file gives the Workbook stream (`CompoundFile`), its globals the sheets, strings
/// and date formats (`XLSWorkbookGlobals`), and the chosen sheet's records are turned into rows one at a time
/// (`XLSSheetRows`).
///
/// The workbook stream is read into memory (an .xls is at most `CompoundFile.maxFileSize`); rows with no value are
/// skipped, row numbers stay the sheet's. `XLSWorkbook` holds a file read once, for its sheet list and every sheet.
public struct XLSReader: TableReader {
    public let description: TableDescription
    /// The sheet's rows, mutated in place (`rows!.next()`), so that its buffers are not copied at each row.
    private var rows: XLSSheetRows?
    /// An .xlsx or SpreadsheetML file that was given an .xls name (WPS and web exports do this).
    private var other: (any TableReader)?

    public init(path: String, options: ReadOptions) throws(ReadError) {
        guard let head = FileSignature.read(path) else {
            throw ReadError(.cannotOpen(errno: nil))
        }
        if head.starts(with: FileSignature.zip) {
            self.init(other: try XLSXReader(path: path, options: options))
            return
        }
        if !head.starts(with: FileSignature.compoundFile), Self.looksLikeXML(head) {
            self.init(other: try XMLTableReaders.open(path: path, options: options))
            return
        }
        try self.init(workbook: XLSWorkbook(path: path), options: options)
    }

    private init(other reader: any TableReader) {
        description = reader.description
        other = reader
    }

    /// The sheet `options` chooses of a workbook already read.
    init(workbook: XLSWorkbook, options: ReadOptions) throws(ReadError) {
        let globals = workbook.globals
        let catalog = workbook.catalog
        let names = catalog.map(\.name)
        let index: Int?
        if options.sheet == nil {
            index = catalog.firstIndex(where: \.isReadByDefault)
        } else {
            index = SheetChoice.index(options.sheet, names: names)
        }
        guard let index else {
            if options.sheet == nil {
                throw ReadError(names.isEmpty ? .noWorksheet : .noVisibleWorksheet(catalog))
            }
            throw SheetChoice.notFound(options.sheet, names: names)
        }
        let sheet = globals.sheets[index]
        guard sheet.info.isWorksheet else {
            throw ReadError(.notAWorksheet(sheet: sheet.info.name))
        }
        rows = try XLSSheetRows(
            stream: workbook.stream, offset: sheet.offset, globals: globals, sheetName: sheet.info.name)
        description = TableDescription(format: .xls, sheets: names, sheet: sheet.info.name)
    }

    public mutating func nextRow() throws(ReadError) -> SourceRow? {
        if rows != nil { return try rows!.next() }
        return try other?.nextRow() ?? nil
    }

    /// Every sheet of the workbook in order, hidden ones included (SPEC 1.6); `--sheet N` counts in this list.
    public static func sheetCatalog(path: String) throws(ReadError) -> [SheetInfo] {
        if let head = FileSignature.read(path), !head.starts(with: FileSignature.compoundFile) {
            // An .xlsx or SpreadsheetML under an .xls name: its reader's sheet list, every sheet taken as visible.
            let reader = try XLSReader(path: path, options: ReadOptions())
            return reader.description.sheets.map { SheetInfo(name: $0) }
        }
        return try XLSWorkbookGlobals(stream: workbookStream(path: path), strings: false).sheets.map(\.info)
    }

    /// True when the file is a compound file holding a workbook stream (`Workbook`, or `Book` for BIFF5), whatever
    /// its name: how an .et or a misnamed .xls is recognised.
    public static func isWorkbook(path: String) -> Bool {
        guard let head = FileSignature.read(path), head.starts(with: FileSignature.compoundFile),
            let bytes = try? FileBytes.read(path, limit: CompoundFile.maxFileSize + 1),
            let file = try? CompoundFile(bytes: bytes)
        else { return false }
        return file.rootChildren().contains { $0.type == 2 && ["workbook", "book"].contains($0.name.lowercased()) }
    }

    /// The Workbook (BIFF8) or Book (BIFF5) stream of the compound file at `path`, names in any case.
    static func workbookStream(path: String) throws(ReadError) -> [UInt8] {
        var status = stat()
        if stat(path, &status) == 0, Int(status.st_size) > CompoundFile.maxFileSize {
            throw ReadError(.xlsTooLarge(mebibytes: CompoundFile.maxFileSize >> 20))
        }
        let bytes = try FileBytes.read(path, limit: CompoundFile.maxFileSize + 1)
        let file: CompoundFile
        do {
            file = try CompoundFile(bytes: bytes)
        } catch {
            if CompoundFile.isEncryptedPackage(path) { throw CompoundFile.encrypted }
            throw error
        }
        guard let stream = try file.stream(named: ["Workbook", "Book"]) else {
            if file.rootChildren().contains(where: { $0.name == "EncryptedPackage" }) { throw CompoundFile.encrypted }
            throw CompoundFile.damaged(.noWorkbookStream)
        }
        return stream
    }

    private static func looksLikeXML(_ head: [UInt8]) -> Bool {
        let text = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        return text.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) == UInt8(ascii: "<")
    }
}

/// A compound-file workbook read once: its Workbook stream and its globals, shared strings decoded. The sheet list
/// and every sheet read from it use the same one (`TableFile`), where each read the file and its globals again.
final class XLSWorkbook {
    let stream: [UInt8]
    let globals: XLSWorkbookGlobals

    init(path: String) throws(ReadError) {
        stream = try XLSReader.workbookStream(path: path)
        globals = try XLSWorkbookGlobals(stream: stream)
    }

    /// Every sheet in order, hidden ones included, as `XLSReader.sheetCatalog` gives them.
    var catalog: [SheetInfo] { globals.sheets.map(\.info) }
}
