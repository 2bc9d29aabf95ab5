import Foundation
import RegTrackerCore

/// Reads one worksheet of an .xlsx: the workbook and its relationships find the sheet, shared strings
/// and styles give text and dates, and the sheet part itself is streamed row by row.
public struct XLSXReader: TableReader {
    public let description: TableDescription
    private var source: Source

    private enum Source {
        case sheet(XMLPushedRows<WorksheetRowBuilder>)
        /// An Excel 97–2003 workbook that was given an .xlsx name.
        case legacy(XLSReader)
    }

    public init(path: String, options: ReadOptions) throws(ReadError) {
        try self.init(path: path, options: options, chunkSize: XLSXPartStream.defaultChunkSize)
    }

    /// `chunkSize`: how much of a part is inflated at a time (small in tests, to cut cells and characters).
    init(path: String, options: ReadOptions, chunkSize: Int) throws(ReadError) {
        guard let head = FileSignature.read(path) else {
            throw ReadError(.cannotOpen(errno: nil))
        }
        if head.starts(with: FileSignature.compoundFile) {
            // Excel saves a password-protected .xlsx as an OLE compound file holding an EncryptedPackage.
            if !CompoundFile.isEncryptedPackage(path), let legacy = try? XLSReader(path: path, options: options) {
                source = .legacy(legacy)
                description = legacy.description
                return
            }
            throw CompoundFile.encrypted
        }
        let package = try XLSXPackage(url: URL(fileURLWithPath: path))
        let workbook = try XLSXWorkbook.read(package)
        let names = workbook.sheets.map(\.name)
        let index: Int?
        if options.sheet == nil {
            // The first visible worksheet: a hidden first sheet is usually a list of dropdown values (SPEC 1.6).
            index =
                workbook.sheets.firstIndex { $0.info.isReadByDefault && $0.part != nil }
                ?? workbook.sheets.firstIndex { $0.isWorksheet && $0.part != nil }
        } else {
            index = SheetChoice.index(options.sheet, names: names)
        }
        guard let index else {
            if names.isEmpty || options.sheet == nil {
                throw ReadError(.noWorksheet)
            }
            throw SheetChoice.notFound(options.sheet, names: names)
        }
        let sheet = workbook.sheets[index]
        guard sheet.isWorksheet else {
            throw ReadError(.notAWorksheet(sheet: sheet.name))
        }
        var dateStyles: [Bool] = []
        if let stylesPart = workbook.stylesPart, let styles = try package.openXML(stylesPart) {
            dateStyles = try NumberFormats.dateStyles(styles)
        }
        let sharedStringsPart = workbook.sharedStringsPart
        let sharedStrings = SharedStrings { (handler) throws(ReadError) -> XMLPushParser? in
            guard let sharedStringsPart else { return nil }
            return try package.parser(sharedStringsPart, handler: handler, chunkSize: chunkSize)
        }
        let builder = WorksheetRowBuilder(
            sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: workbook.date1904)
        guard let part = sheet.part, let parser = try package.parser(part, handler: builder, chunkSize: chunkSize)
        else {
            throw ReadError(.noSheetPart(sheet: sheet.name))
        }
        let rows = XMLPushedRows(parser: parser, builder: builder)
        while builder.isWorksheet == nil, rows.parseMore() {}
        if let error = rows.pendingError, builder.isWorksheet == nil { throw error }
        guard builder.isWorksheet == true else {
            throw ReadError(.sheetPartNotWorksheet(sheet: sheet.name), at: .part(part))
        }
        source = .sheet(rows)
        description = TableDescription(format: .xlsx, sheets: names, sheet: sheet.name)
    }

    /// Every sheet of the workbook in order, hidden ones included (SPEC 1.6).
    public static func sheetCatalog(path: String) throws(ReadError) -> [SheetInfo] {
        if let head = FileSignature.read(path), head.starts(with: FileSignature.compoundFile) {
            if CompoundFile.isEncryptedPackage(path) { throw CompoundFile.encrypted }
            return try XLSReader.sheetCatalog(path: path)
        }
        return try XLSXWorkbook.read(XLSXPackage(url: URL(fileURLWithPath: path))).sheets.map(\.info)
    }

    public mutating func nextRow() throws(ReadError) -> SourceRow? {
        switch source {
        case .sheet(let rows):
            return try rows.next()
        case .legacy(var reader):
            defer { source = .legacy(reader) }
            return try reader.nextRow()
        }
    }
}
