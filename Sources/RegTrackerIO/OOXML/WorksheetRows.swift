import RegTrackerCore

/// Streams the rows of an OOXML worksheet part (`<worksheet><sheetData><row><c>`), for both a bare
/// sheet XML file and a sheet inside an .xlsx.
final class WorksheetRows {
    /// Excel's last column, XFD.
    static let maxColumns = 16_384
    /// Excel's last row.
    static let maxRows = 1_048_576

    private let xml: XMLStreamReader
    private let sharedStrings: SharedStrings
    /// Per `cellXfs` index: whether the number format is a date. Empty for a bare sheet (no styles).
    private let dateStyles: [Bool]
    private let date1904: Bool
    private var lastRowNumber = 0
    private var state = State.beforeSheetData

    private enum State { case beforeSheetData, inSheetData, finished }

    /// `xml` stands on the root `worksheet` element.
    init(xml: XMLStreamReader, sharedStrings: SharedStrings, dateStyles: [Bool] = [], date1904: Bool = false) {
        self.xml = xml
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        if xml.isEmptyElement { state = .finished }
    }

    func next() throws(ReadError) -> SourceRow? {
        if state == .beforeSheetData {
            while try xml.readToElement() {
                guard xml.depth == 1, xml.isNamed("sheetData") else { continue }
                state = xml.isEmptyElement ? .finished : .inSheetData
                break
            }
            if state == .beforeSheetData { state = .finished }
        }
        guard state == .inSheetData else { return nil }
        while try xml.read() {
            switch xml.kind {
            case .endElement where xml.depth == 1:  // </sheetData>: nothing after it is a row
                state = .finished
                return nil
            case .element where xml.depth == 2 && xml.isNamed("row"):
                return try readRow()
            default:
                continue
            }
        }
        state = .finished
        return nil
    }

    private func readRow() throws(ReadError) -> SourceRow {
        var number = lastRowNumber + 1
        var given: String?
        xml.forEachAttribute { name, _, value in
            if cStringEquals(name, "r") { given = String(cString: value) }
        }
        if let given {
            // Like a column past XFD: a row number Excel cannot write (0, negative, past 1,048,576, or not after
            // the previous row) is a damaged sheet, not a row to renumber in silence.
            guard let value = Int(given), value > lastRowNumber, value <= Self.maxRows else {
                throw ReadError(.badRowNumber(given, from: lastRowNumber + 1, to: Self.maxRows), at: xml.location())
            }
            number = value
        } else if number > Self.maxRows {
            throw ReadError(.tooManyRows(maximum: Self.maxRows), at: xml.location())
        }
        lastRowNumber = number
        guard !xml.isEmptyElement else { return SourceRow(number: number, cells: []) }
        // Sparse until the end of the row: a lone cell at XFD costs one entry, not 16,384.
        var found: [(column: Int, cell: Cell)] = []
        var width = 0
        var column = -1
        let rowDepth = xml.depth
        while try xml.read() {
            if xml.kind == .endElement, xml.depth == rowDepth { break }
            guard xml.kind == .element, xml.depth == rowDepth + 1, xml.isNamed("c") else { continue }
            column = try readReference(after: column)
            let cell = try readCell(row: number)
            if !cell.isEmptyCell {
                found.append((column, cell))
                width = max(width, column + 1)
            }
        }
        var cells = [Cell](repeating: .empty, count: width)
        for (column, cell) in found { cells[column] = cell }
        return SourceRow(number: number, cells: cells)
    }

    /// The column (from 0) of the current `<c>`: its `r` reference, or the one after the previous cell.
    private func readReference(after previous: Int) throws(ReadError) -> Int {
        var column = previous + 1
        var reference: String?
        var tooWide = false
        xml.forEachAttribute { name, _, value in
            guard cStringEquals(name, "r") else { return }
            var letters = 0
            var pointer = value
            while true {
                let byte = UInt8(bitPattern: pointer.pointee)
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
                    reference = String(cString: value)
                    return
                }
                pointer += 1
            }
            if letters > 0 { column = letters - 1 }
        }
        // Cells without `r` follow the previous one: a row of a million `<c/>` must stop at XFD too.
        if column >= Self.maxColumns { tooWide = true }
        if tooWide {
            throw ReadError(.columnBeyondXFD(reference: reference, position: column + 1), at: xml.location())
        }
        return column
    }

    private func readCell(row: Int) throws(ReadError) -> Cell {
        var type = CellType.number
        var style = 0
        xml.forEachAttribute { name, _, value in
            if cStringEquals(name, "t") {
                type = CellType(value)
            } else if cStringEquals(name, "s") {
                style = Self.positiveInt(value) ?? 0
            }
        }
        guard !xml.isEmptyElement else { return .empty }
        let cellDepth = xml.depth
        var value: String?
        var inline: String?
        while try xml.read() {
            if xml.kind == .endElement, xml.depth == cellDepth { break }
            guard xml.kind == .element, xml.depth == cellDepth + 1 else { continue }
            if xml.isNamed("v") {
                value = try OOXMLText.readElementText(xml)
            } else if xml.isNamed("is") {
                inline = try OOXMLText.readRichText(xml)
            }
        }
        switch type {
        case .inlineString:
            return Self.textCell(OOXMLText.decode(inline ?? value ?? ""))
        case .sharedString:
            guard let value, !value.isEmpty else { return .empty }
            guard let index = Int(value.trimmingASCIISpaces) else {
                throw ReadError(.badSharedStringIndex(value), at: xml.location())
            }
            return Self.textCell(try sharedStrings.string(at: index, location: xml.location()))
        case .formulaString:
            return Self.textCell(OOXMLText.decode(value ?? ""))
        case .boolean:
            guard let value, !value.isEmpty else { return .empty }
            switch value.trimmingASCIISpaces {
            case "1", "true": return .bool(true)
            case "0", "false": return .bool(false)
            default: return .text(value)
            }
        case .error:
            guard let value, !value.isEmpty else { return .empty }
            return .error(value)
        case .date:
            guard let value, !value.isEmpty else { return .empty }
            return ExcelDates.date(isoText: value.trimmingASCIISpaces).map(Cell.date) ?? .text(value)
        case .number:
            guard let value, !value.isEmpty else { return .empty }
            guard let number = Double(value.trimmingASCIISpaces) else { return .text(value) }
            if style < dateStyles.count, dateStyles[style],
                let date = ExcelDates.date(serial: number, date1904: date1904)
            {
                return .date(date)
            }
            return .number(number)
        }
    }

    private static func textCell(_ text: String) -> Cell {
        text.isEmpty ? .empty : .text(text)
    }

    /// A positive decimal integer, or nil (also for 0: `<row r="0">` names no row; the next number is taken).
    static func positiveInt(_ text: UnsafePointer<CChar>) -> Int? {
        var value = 0
        var pointer = text
        while pointer.pointee != 0 {
            let byte = UInt8(bitPattern: pointer.pointee)
            guard byte >= 48, byte <= 57, value < 100_000_000 else { return nil }
            value = value * 10 + Int(byte - 48)
            pointer += 1
        }
        return pointer == text || value == 0 ? nil : value
    }

    /// The `t` attribute of `<c>`.
    private enum CellType {
        case number, sharedString, inlineString, formulaString, boolean, error, date

        init(_ text: UnsafePointer<CChar>) {
            let types: [(StaticString, CellType)] = [
                ("s", .sharedString), ("inlineStr", .inlineString), ("str", .formulaString), ("b", .boolean),
                ("e", .error), ("d", .date),
            ]
            self = types.first { cStringEquals(text, $0.0) }?.1 ?? .number
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
