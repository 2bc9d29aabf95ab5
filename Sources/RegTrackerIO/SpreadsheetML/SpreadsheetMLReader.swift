import Foundation
import RegTrackerCore

/// Reads Excel's "XML Spreadsheet 2003" (SpreadsheetML) with libxml2's SAX2 push parser: each chunk of the file
/// parsed makes rows (`SpreadsheetMLRowBuilder`), which `nextRow()` hands on before the next chunk is parsed, so
/// memory holds one chunk's rows at most. Events instead of `xmlTextReader`'s nodes: less work per element.
final class SpreadsheetMLReader: TableReader {
    /// Excel's widest sheet; a larger index is a damaged or hostile file, not a bigger row.
    static let maxColumns = 16_384

    /// Set once the chosen worksheet is found.
    private(set) var description = TableDescription(format: .spreadsheetML)
    private let rows: XMLPushedRows<SpreadsheetMLRowBuilder>

    /// Opens `path` and parses up to the chosen worksheet. A file whose root is not a SpreadsheetML `Workbook` is
    /// refused with `notSpreadsheetXML` naming the root (which `XMLTableReaders` reads to tell an OOXML sheet part).
    init(path: String, options: ReadOptions) throws(ReadError) {
        let builder = SpreadsheetMLRowBuilder(choice: options.sheet)
        rows = XMLPushedRows(parser: try XMLPushParser(path: path, handler: builder), builder: builder)
        while builder.root == nil, rows.parseMore() {}
        guard let root = builder.root else {
            throw rows.pendingError ?? ReadError(.notSpreadsheetXML(root: nil, namespace: nil))
        }
        guard root.isWorkbook else {
            throw ReadError(.notSpreadsheetXML(root: root.name, namespace: root.namespace), at: .line(root.line))
        }
        while builder.chosenSheet == nil, rows.parseMore() {}
        guard let chosen = builder.chosenSheet else {
            if let pendingError = rows.pendingError { throw pendingError }
            throw SheetChoice.notFound(options.sheet, names: builder.sheetNames)
        }
        // Streaming: only the worksheets up to the chosen one are known without reading the whole file.
        description = TableDescription(format: .spreadsheetML, sheets: builder.sheetNames, sheet: chosen)
    }

    func nextRow() throws(ReadError) -> SourceRow? {
        try rows.next()
    }
}

extension Cell {
    var isEmptyCell: Bool { if case .empty = self { true } else { false } }
}

/// Choosing a worksheet by `--sheet`, shared by the workbook readers.
enum SheetChoice {
    /// The index (from 0) of the sheet `selector` picks among `names`; the first when nil.
    static func index(_ selector: ReadOptions.SheetSelector?, names: [String]) -> Int? {
        switch selector {
        case nil: names.isEmpty ? nil : 0
        case .name(let wanted): names.firstIndex(of: wanted)
        case .position(let position): position >= 1 && position <= names.count ? position - 1 : nil
        }
    }

    static func notFound(_ selector: ReadOptions.SheetSelector?, names: [String]) -> ReadError {
        guard let selector, !names.isEmpty else { return ReadError(.noWorksheet) }
        return ReadError(.sheetNotFound(selector, sheets: names))
    }
}
