import Foundation
import RegTrackerCore

/// Reads Excel's "XML Spreadsheet 2003" (SpreadsheetML) one `<Row>` at a time.
///
/// `ss:Index` on a row or cell skips rows or cells, `ss:MergeAcross` keeps the value in the first
/// cell and moves the following cells right, `<Data ss:Type>` gives the cell type.
final class SpreadsheetMLReader: TableReader {
    private static let namespace = XMLTableReaders.spreadsheetMLNamespace
    /// Excel's widest sheet; a larger index is a damaged or hostile file, not a bigger row.
    static let maxColumns = 16_384

    let description: TableDescription
    private let xml: XMLStreamReader
    private var lastRowNumber = 0
    private var finished = false

    /// `xml` stands on the root `Workbook` element; this moves it into the chosen worksheet.
    init(xml: XMLStreamReader, options: ReadOptions) throws(ReadError) {
        self.xml = xml
        var names: [String] = []
        var chosen: String?
        var chosenIsEmpty = false
        while try xml.readToElement() {
            guard xml.depth == 1, xml.isNamed("Worksheet"), xml.isIn(namespace: Self.namespace) else { continue }
            let name = xml.attribute("Name") ?? "Sheet\(names.count + 1)"
            names.append(name)
            let isChosen: Bool =
                switch options.sheet {
                case nil: true
                case .name(let wanted): name == wanted
                case .position(let position): position == names.count
                }
            if isChosen {
                chosen = name
                chosenIsEmpty = xml.isEmptyElement
                break
            }
        }
        guard let chosen else {
            throw SheetChoice.notFound(options.sheet, names: names)
        }
        // Streaming: only the worksheets up to the chosen one are known without reading the whole file.
        description = TableDescription(format: .spreadsheetML, sheets: names, sheet: chosen)
        finished = chosenIsEmpty
    }

    func nextRow() throws(ReadError) -> SourceRow? {
        guard !finished else { return nil }
        while try xml.read() {
            switch xml.kind {
            case .endElement where xml.depth == 1:  // </Worksheet>
                finished = true
                return nil
            case .element where xml.depth == 3 && xml.isNamed("Row") && xml.isIn(namespace: Self.namespace):
                return try readRow()
            default:
                continue
            }
        }
        finished = true
        return nil
    }

    private func readRow() throws(ReadError) -> SourceRow {
        let number =
            try xml.attribute("Index").map { (text) throws(ReadError) in try index(text, of: .row) }
            ?? lastRowNumber + 1
        lastRowNumber = number
        var cells: [Cell] = []
        guard !xml.isEmptyElement else { return SourceRow(number: number, cells: cells) }
        let rowDepth = xml.depth
        var column = 0
        while try xml.read() {
            if xml.kind == .endElement, xml.depth == rowDepth { break }
            guard xml.kind == .element, xml.depth == rowDepth + 1, xml.isNamed("Cell") else { continue }
            var indexText: String?
            var mergeAcross = 0
            xml.forEachAttribute { name, _, value in
                if cStringEquals(name, "Index") {
                    indexText = String(cString: value)
                } else if cStringEquals(name, "MergeAcross") {
                    mergeAcross = WorksheetRows.positiveInt(value) ?? 0
                }
            }
            if let indexText { column = try index(indexText, of: .cell) - 1 }
            guard column < Self.maxColumns else { throw tooWide(column + 1) }
            let cell = xml.isEmptyElement ? Cell.empty : try readCell()
            if !cell.isEmptyCell {
                if column == cells.count {
                    cells.append(cell)
                } else {
                    if cells.count < column {
                        cells.append(contentsOf: repeatElement(.empty, count: column - cells.count))
                    }
                    if column < cells.count { cells[column] = cell } else { cells.append(cell) }
                }
            }
            column += 1 + min(mergeAcross, Self.maxColumns)
        }
        return SourceRow(number: number, cells: cells)
    }

    /// Reads a `<Cell>` up to its end: the value of its `<Data>` child (a `<Comment>`'s Data is not it).
    private func readCell() throws(ReadError) -> Cell {
        let cellDepth = xml.depth
        var cell = Cell.empty
        while try xml.read() {
            if xml.kind == .endElement, xml.depth == cellDepth { break }
            guard xml.kind == .element, xml.depth == cellDepth + 1, xml.isNamed("Data") else { continue }
            let type = xml.attribute("Type") ?? "String"
            var text = ""
            if !xml.isEmptyElement {
                // Rich text (<Font>, <B>, <I>, <Sup>…, in the html namespace) is read as its plain text.
                let dataDepth = xml.depth
                while try xml.read() {
                    if xml.kind == .endElement, xml.depth == dataDepth { break }
                    if xml.kind == .text { xml.appendValue(to: &text) }
                }
            }
            cell = SpreadsheetMLValue.cell(type: type, text: text)
        }
        return cell
    }

    /// An `ss:Index` of a row or cell, checked.
    private func index(_ text: String, of element: ReadError.IndexedElement) throws(ReadError) -> Int {
        guard let index = Int(text), index >= 1 else {
            throw ReadError(.badIndex(element: element, value: text), at: xml.location())
        }
        return index
    }

    private func tooWide(_ column: Int) -> ReadError {
        ReadError(.columnBeyondLimit(column: column, maximum: Self.maxColumns), at: xml.location())
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
