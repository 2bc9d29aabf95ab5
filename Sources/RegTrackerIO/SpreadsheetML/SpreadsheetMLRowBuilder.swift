import RegTrackerCore

/// Builds the rows of the chosen worksheet from SAX events, for `SpreadsheetMLReader` to take.
///
/// `ss:Index` on a row or cell skips rows or cells, `ss:MergeAcross` keeps the value in the first cell and moves the
/// following cells right, `<Data ss:Type>` gives the cell type, and rich text inside `<Data>` is its plain text.
/// Element names are compared as bytes and attributes read from libxml2's buffer: only a cell's text becomes a String.
final class SpreadsheetMLRowBuilder: XMLRowBuilder {
    private static let namespace = XMLTableReaders.spreadsheetMLNamespace

    private let choice: ReadOptions.SheetSelector?
    /// The root element, once seen: its name and namespace make the message when it is not a `Workbook`.
    private(set) var root: (name: String, namespace: String?, line: Int, isWorkbook: Bool)?
    /// The worksheets met so far, the chosen one last.
    private(set) var sheetNames: [String] = []
    private(set) var chosenSheet: String?
    /// Rows built and not yet taken, sparse until taken (`ss:Index` may put a cell in the last column of every row).
    private var rows = SparseRows()

    private var inChosenSheet = false
    private var lastRowNumber = 0
    /// The row being built: its number, and the column the next cell goes to.
    private var rowNumber: Int?
    private var column = 0
    /// The `<Cell>` being read: what its `<Data>` held, and how many columns it spans after its own.
    private var cell: Cell?
    private var mergeAcross = 0
    /// The `<Data>` being read (directly under `<Cell>`): its type, and its text so far in UTF-8.
    private var dataType: SpreadsheetMLValue.DataType?
    private var text: [UInt8] = []

    init(choice: ReadOptions.SheetSelector?) {
        self.choice = choice
    }

    var builtRowCount: Int { rows.count }

    func builtRow(at index: Int) -> SourceRow { rows.row(at: index) }

    func removeBuiltRows() { rows.removeBuilt() }

    func startElement(_ element: XMLPushParser.Element, depth: Int) throws(XMLPushParser.Stop) {
        switch depth {
        case 0:
            let isWorkbook = element.isNamed("Workbook") && element.isIn(namespace: Self.namespace)
            root = (element.name, element.namespaceURI, element.line, isWorkbook)
            // Another kind of file (an OOXML sheet part, say): nothing more to read here.
            guard isWorkbook else { throw .finished }
        case 1 where chosenSheet == nil && element.isNamed("Worksheet") && element.isIn(namespace: Self.namespace):
            let name = element.attribute("Name") ?? "Sheet\(sheetNames.count + 1)"
            sheetNames.append(name)
            let isChosen =
                switch choice {
                case nil: true
                case .name(let wanted): name == wanted
                case .position(let position): position == sheetNames.count
                }
            if isChosen {
                chosenSheet = name
                inChosenSheet = true
            }
        case 3 where inChosenSheet && element.isNamed("Row") && element.isIn(namespace: Self.namespace):
            let number = try index(element, of: .row) ?? lastRowNumber + 1
            lastRowNumber = number
            rowNumber = number
            rows.dropOpenRow()
            column = 0
        case 4 where rowNumber != nil && element.isNamed("Cell"):
            if let index = try index(element, of: .cell) { column = index - 1 }
            guard column < SpreadsheetMLReader.maxColumns else {
                throw .failed(.columnBeyondLimit(column: column + 1, maximum: SpreadsheetMLReader.maxColumns))
            }
            mergeAcross = element.attributeBytes("MergeAcross").flatMap(XMLDigits.positiveInt) ?? 0
            cell = .empty
        case 5 where cell != nil && element.isNamed("Data"):
            dataType = SpreadsheetMLValue.DataType(element.attributeBytes("Type"))
            text.removeAll(keepingCapacity: true)
        default:
            break
        }
    }

    func endElement(depth: Int) throws(XMLPushParser.Stop) {
        switch depth {
        case 5:
            // The last `<Data>` of a cell is its value, as when reading node by node.
            guard let type = dataType else { return }
            cell =
                text.isEmpty ? .empty : SpreadsheetMLValue.cell(type: type, text: String(decoding: text, as: UTF8.self))
            dataType = nil
        case 4:
            guard let value = cell else { return }
            // A blank cell fills nothing: the row is as wide as its last cell with a value.
            rows.put(value, at: column)
            column += 1 + min(mergeAcross, SpreadsheetMLReader.maxColumns)
            cell = nil
        case 3:
            guard let number = rowNumber else { return }
            rows.endRow(number: number)
            rowNumber = nil
        case 1 where inChosenSheet:
            // The rest of the file is other worksheets: not read.
            inChosenSheet = false
            throw .finished
        default:
            break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard dataType != nil else { return }
        text.append(contentsOf: bytes)
    }

    /// The `ss:Index` of a row or cell, checked; nil when it has none.
    private func index(_ element: XMLPushParser.Element, of indexed: ReadError.IndexedElement) throws(XMLPushParser
        .Stop) -> Int?
    {
        guard let bytes = element.attributeBytes("Index") else { return nil }
        if let index = XMLDigits.positiveInt(bytes) { return index }
        // Rare: read as `Int` reads it ("+3", "0"), and the value kept for the message.
        let text = element.attribute("Index") ?? ""
        guard let index = Int(text), index >= 1 else { throw .failed(.badIndex(element: indexed, value: text)) }
        return index
    }
}
