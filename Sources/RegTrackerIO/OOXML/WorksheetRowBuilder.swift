import RegTrackerCore

/// Builds the rows of an OOXML worksheet part (`<worksheet><sheetData><row><c>`) from SAX events, for
/// `XMLPushedRows` to hand on: for a sheet inside an .xlsx and for a bare sheet XML file.
///
/// `r` references may skip rows and columns, `t` gives a cell's type, a shared string is looked up by its index, and a
/// number whose style has a date format is a date. Names and attributes are compared as bytes and a `<v>` is kept as
/// bytes: only a cell's text or value becomes a String.
final class WorksheetRowBuilder: XMLRowBuilder {
    /// Excel's last column, XFD.
    static let maxColumns = 16_384
    /// Excel's last row.
    static let maxRows = 1_048_576

    /// Whether the root element is a `worksheet`; nil until the root has been seen.
    private(set) var isWorksheet: Bool?

    private let sharedStrings: SharedStrings
    /// Per `cellXfs` index: whether the number format is a date. Empty for a bare sheet (no styles).
    private let dateStyles: [Bool]
    private let date1904: Bool

    /// Rows built and not yet taken, sparse until taken.
    private var built = SparseRows()

    private var inSheetData = false
    private var lastRowNumber = 0
    /// The row being built: its number, and the column of the last cell.
    private var rowNumber: Int?
    private var column = -1
    /// The `<c>` being read: its type and style, its `<v>` (nil when it has none) and its `<is>`.
    private var inCell = false
    private var type = CellType.number
    private var style = 0
    private var value: [UInt8] = []
    private var hasValue = false
    private var inValue = false
    private var inline = OOXMLRichText()
    private var hasInline = false
    private var inInline = false

    init(sharedStrings: SharedStrings, dateStyles: [Bool] = [], date1904: Bool = false) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    var builtRowCount: Int { built.count }

    func builtRow(at index: Int) -> SourceRow { built.row(at: index) }

    func removeBuiltRows() { built.removeBuilt() }

    func startElement(_ element: XMLPushParser.Element, depth: Int) throws(XMLPushParser.Stop) {
        switch depth {
        case 0:
            isWorksheet = element.isNamed("worksheet")
            if isWorksheet == false { throw .finished }
        case 1:
            inSheetData = element.isNamed("sheetData")
        case 2 where inSheetData && element.isNamed("row"):
            try startRow(element)
        case 3 where rowNumber != nil && element.isNamed("c"):
            try startCell(element)
        case 4 where inCell:
            // The last `<v>` or `<is>` of a cell counts, as when reading node by node.
            if element.isNamed("v") {
                value.removeAll(keepingCapacity: true)
                hasValue = true
                inValue = true
            } else if element.isNamed("is") {
                inline.reset()
                hasInline = true
                inInline = true
            }
        default:
            if inInline { inline.startElement(element, depth: depth) }
        }
    }

    func endElement(depth: Int) throws(XMLPushParser.Stop) {
        switch depth {
        case 1 where inSheetData:
            // </sheetData>: nothing after it is a row, and the rest of the part is not read.
            throw .finished
        case 2 where rowNumber != nil:
            endRow()
        case 3 where inCell:
            try endCell()
        case 4:
            inValue = false
            inInline = false
        default:
            if inInline { inline.endElement(depth: depth) }
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inValue {
            value.append(contentsOf: bytes)
        } else if inInline {
            inline.characters(bytes)
        }
    }

    private func startRow(_ element: XMLPushParser.Element) throws(XMLPushParser.Stop) {
        var number = lastRowNumber + 1
        if let bytes = element.attributeBytes("r") {
            // Like a column past XFD: a row number Excel cannot write (0, negative, past 1,048,576, or not after
            // the previous row) is a damaged sheet, not a row to renumber in silence.
            let given = XMLDigits.positiveInt(bytes) ?? element.attribute("r").flatMap { Int($0) }
            guard let given, given > lastRowNumber, given <= Self.maxRows else {
                throw .failed(
                    .badRowNumber(element.attribute("r") ?? "", from: lastRowNumber + 1, to: Self.maxRows))
            }
            number = given
        } else if number > Self.maxRows {
            throw .failed(.tooManyRows(maximum: Self.maxRows))
        }
        lastRowNumber = number
        rowNumber = number
        built.dropOpenRow()
        column = -1
    }

    private func endRow() {
        guard let number = rowNumber else { return }
        built.endRow(number: number)
        rowNumber = nil
    }

    private func startCell(_ element: XMLPushParser.Element) throws(XMLPushParser.Stop) {
        column = try reference(element, after: column)
        type = element.attributeBytes("t").map(CellType.init) ?? .number
        style = element.attributeBytes("s").flatMap(XMLDigits.positiveInt) ?? 0
        hasValue = false
        hasInline = false
        inCell = true
    }

    /// The column (from 0) of a `<c>`: its `r` reference, or the one after the previous cell.
    private func reference(_ element: XMLPushParser.Element, after previous: Int) throws(XMLPushParser.Stop) -> Int {
        var column = previous + 1
        var reference: String?
        var tooWide = false
        if let bytes = element.attributeBytes("r") {
            var letters = 0
            for byte in bytes {
                let digit: Int
                switch byte {
                case 65...90: digit = Int(byte) - 64
                case 97...122: digit = Int(byte) - 96
                default: digit = 0
                }
                if digit == 0 { break }
                letters = letters * 26 + digit
                if letters > Self.maxColumns {
                    tooWide = true
                    reference = element.attribute("r")
                    break
                }
            }
            if !tooWide, letters > 0 { column = letters - 1 }
        }
        // Cells without `r` follow the previous one: a row of a million `<c/>` must stop at XFD too.
        if column >= Self.maxColumns { tooWide = true }
        if tooWide { throw .failed(.columnBeyondXFD(reference: reference, position: column + 1)) }
        return column
    }

    private func endCell() throws(XMLPushParser.Stop) {
        inCell = false
        inValue = false
        inInline = false
        let cell = try cellValue()
        built.put(cell, at: column)
    }

    private func cellValue() throws(XMLPushParser.Stop) -> Cell {
        switch type {
        case .inlineString:
            return Self.textCell(hasInline ? inline.text : OOXMLText.decode(utf8: hasValue ? value : []))
        case .formulaString:
            return Self.textCell(OOXMLText.decode(utf8: hasValue ? value : []))
        default:
            break
        }
        guard hasValue, !value.isEmpty else { return .empty }
        if type == .sharedString, let index = Self.index(value) {
            return Self.textCell(try sharedStrings.string(at: index))
        }
        let text = String(decoding: value, as: UTF8.self)
        switch type {
        case .sharedString:
            // Rare: read as `Int` reads it ("+3", "-1"), and the value kept for the message.
            guard let index = Int(text.trimmingASCIISpaces) else { throw .failed(.badSharedStringIndex(text)) }
            return Self.textCell(try sharedStrings.string(at: index))
        case .boolean:
            switch text.trimmingASCIISpaces {
            case "1", "true": return .bool(true)
            case "0", "false": return .bool(false)
            default: return .text(text)
            }
        case .error:
            return .error(text)
        case .date:
            return ExcelDates.date(isoText: text.trimmingASCIISpaces).map(Cell.date) ?? .text(text)
        case .number, .inlineString, .formulaString:
            guard let number = Double(text.trimmingASCIISpaces) else { return .text(text) }
            if style < dateStyles.count, dateStyles[style],
                let date = ExcelDates.date(serial: number, date1904: date1904)
            {
                return .date(date)
            }
            return .number(number)
        }
    }

    /// A shared string's index as Excel writes it, plain digits (spaces around allowed), read without a String.
    private static func index(_ bytes: [UInt8]) -> Int? {
        var digits = bytes[...]
        while let first = digits.first, first == 32 || first == 9 || first == 10 || first == 13 {
            digits = digits.dropFirst()
        }
        while let last = digits.last, last == 32 || last == 9 || last == 10 || last == 13 {
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.count <= 15 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func textCell(_ text: String) -> Cell {
        text.isEmpty ? .empty : .text(text)
    }

    /// The `t` attribute of `<c>`.
    private enum CellType {
        case number, sharedString, inlineString, formulaString, boolean, error, date

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self =
                if bytes.elementsEqual("s".utf8) {
                    .sharedString
                } else if bytes.elementsEqual("inlineStr".utf8) {
                    .inlineString
                } else if bytes.elementsEqual("str".utf8) {
                    .formulaString
                } else if bytes.elementsEqual("b".utf8) {
                    .boolean
                } else if bytes.elementsEqual("e".utf8) {
                    .error
                } else if bytes.elementsEqual("d".utf8) {
                    .date
                } else {
                    .number
                }
        }
    }
}

extension String {
    /// Without leading and trailing ASCII spaces, tabs and line breaks (numbers in `<v>`).
    var trimmingASCIISpaces: String {
        if let first = utf8.first, let last = utf8.last, first > 32, last > 32 { return self }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
