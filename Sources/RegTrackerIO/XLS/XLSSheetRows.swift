import RegTrackerCore

/// The rows of one worksheet substream of an .xls, yielded in order as its cell records come.
///
/// Excel and every writer seen so far store a sheet's cell records row by row, so a row is complete when the row
/// number changes and memory holds one row. A sheet whose records go back to an earlier row is detected before the
/// first row is yielded and then read into a table of its rows first (bounded by the stream, which is in memory
/// anyway). A merged area keeps its value in its top-left cell, as the other readers do: MERGEDCELLS adds nothing.
/// A chart embedded in the sheet (a BOF…EOF inside it) is skipped. Rows with no value are skipped.
struct XLSSheetRows {
    /// Excel's 256 columns (IV) for BIFF5 and BIFF8.
    static let maxColumns = 256

    private var cursor: BIFFRecordCursor
    private let globals: XLSWorkbookGlobals
    private let sheetName: String
    private var depth = 0
    private var finished = false

    private var row = -1
    private var cells: [Cell] = []
    private var ready: [SourceRow] = []
    /// A FORMULA whose string result follows in a STRING record.
    private var pendingString: (row: Int, column: Int)?
    /// Set while gathering a sheet whose records are out of row order: every row by number.
    private var table: [Int: [Cell]]?
    /// Such a sheet's rows, last first, to be yielded.
    private var gathered: [SourceRow] = []

    init(stream: [UInt8], offset: Int, globals: XLSWorkbookGlobals, sheetName: String) throws(ReadError) {
        var cursor = BIFFRecordCursor(stream: stream, offset: offset)
        guard let bof = cursor.next(), bof.type == BIFF.bof else {
            throw XLSWorkbookGlobals.damaged(.sheetMisplaced(sheetName))
        }
        self.cursor = BIFFRecordCursor(stream: stream, offset: offset)
        self.globals = globals
        self.sheetName = sheetName
        if !Self.inRowOrder(stream: stream, offset: offset) {
            table = [:]
            while !finished, let record = self.cursor.next() { try handle(record) }
            finished = true
            let rows = table ?? [:]
            gathered = rows.keys.sorted(by: >).compactMap { Self.row(number: $0, cells: rows[$0] ?? []) }
            table = nil
        }
    }

    /// True when the sheet's cell records never go back to an earlier row.
    private static func inRowOrder(stream: [UInt8], offset: Int) -> Bool {
        var cursor = BIFFRecordCursor(stream: stream, offset: offset)
        var depth = 0
        var last = -1
        while let record = cursor.next() {
            switch record.type {
            case BIFF.bof: depth += 1
            case BIFF.eof:
                depth -= 1
                if depth <= 0 { return true }
            case BIFF.labelSST, BIFF.label, BIFF.richString, BIFF.number, BIFF.rk, BIFF.mulRK, BIFF.boolErr,
                BIFF.formula:
                guard depth == 1 else { continue }
                let row = record.data.u16(0)
                if row < last { return false }
                last = row
            default: continue
            }
        }
        return true
    }

    mutating func next() throws(ReadError) -> SourceRow? {
        while ready.isEmpty, !finished {
            guard let record = cursor.next() else {
                finished = true
                break
            }
            try handle(record)
        }
        if !ready.isEmpty { return ready.removeFirst() }
        if let completed = completeRow() { return completed }
        return gathered.popLast()
    }

    private mutating func handle(_ record: BIFFRecord) throws(ReadError) {
        let data = record.data
        switch record.type {
        case BIFF.bof:
            depth += 1
            return
        case BIFF.eof:
            depth -= 1
            if depth <= 0 { finished = true }
            return
        default:
            guard depth == 1 else { return }
        }
        switch record.type {
        case BIFF.labelSST:
            guard data.count >= 10 else { throw cutShort(data) }
            let index = Int(data.u32(6))
            let text = index < globals.sharedStrings.count ? globals.sharedStrings[index] : ""
            try put(data, text.isEmpty ? .empty : .text(text))
        case BIFF.label, BIFF.richString:
            guard data.count >= 8 else { throw cutShort(data) }
            let text = string(data.bytes(6, data.count))
            try put(data, text.isEmpty ? .empty : .text(text))
        case BIFF.number:
            guard data.count >= 14 else { throw cutShort(data) }
            try put(data, number(data.f64(6), xf: data.u16(4)))
        case BIFF.rk:
            guard data.count >= 10 else { throw cutShort(data) }
            try put(data, number(BIFF.rkNumber(data.u32(6)), xf: data.u16(4)))
        case BIFF.mulRK:
            guard data.count >= 12 else { throw cutShort(data) }
            let first = data.u16(2)
            let count = (data.count - 6) / 6
            for index in 0..<count {
                let at = 4 + 6 * index
                try put(
                    row: data.u16(0), column: first + index, number(BIFF.rkNumber(data.u32(at + 2)), xf: data.u16(at)))
            }
        case BIFF.boolErr:
            guard data.count >= 8 else { throw cutShort(data) }
            let value = data.u8(6)
            try put(data, data.u8(7) == 0 ? .bool(value != 0) : .error(BIFF.errorText(value)))
        case BIFF.formula:
            guard data.count >= 14 else { throw cutShort(data) }
            pendingString = nil
            guard data.u16(12) == 0xFFFF else {
                try put(data, number(data.f64(6), xf: data.u16(4)))
                return
            }
            switch data.u8(6) {
            case 0: pendingString = (data.u16(0), data.u16(2))
            case 1: try put(data, .bool(data.u8(8) != 0))
            case 2: try put(data, .error(BIFF.errorText(data.u8(8))))
            default: try put(data, .empty)  // 3: an empty string
            }
        case BIFF.string:
            guard let pending = pendingString else { return }
            pendingString = nil
            var reader = ContinuedBytes(record: record, continuedFrom: &cursor)
            let text: String
            if let decoder = globals.decoder {
                text = decoder.decode(data.bytes(2, data.u16(0)))
            } else {
                text = reader.unicodeString(countBytes: 2) ?? ""
            }
            try put(row: pending.row, column: pending.column, text.isEmpty ? .empty : .text(text))
        default:
            return
        }
    }

    /// A LABEL or RSTRING string: 8-bit in the code page for BIFF5, a Unicode string for BIFF8.
    private func string(_ bytes: ArraySlice<UInt8>) -> String {
        if let decoder = globals.decoder { return decoder.decode(bytes.bytes(2, bytes.u16(0))) }
        var reader = ContinuedBytes(bytes)
        return reader.unicodeString(countBytes: 2) ?? ""
    }

    /// A number, or a date when its cell format shows a date.
    private func number(_ value: Double, xf: Int) -> Cell {
        if xf < globals.dateXFs.count, globals.dateXFs[xf],
            let date = ExcelDates.date(serial: value, date1904: globals.date1904)
        {
            return .date(date)
        }
        return .number(value)
    }

    private func cutShort(_ data: ArraySlice<UInt8>) -> ReadError {
        XLSWorkbookGlobals.damaged(.cellRecordCutShort, at: .sheetRow(sheetName, row: data.u16(0) + 1))
    }

    private mutating func put(_ data: ArraySlice<UInt8>, _ cell: Cell) throws(ReadError) {
        try put(row: data.u16(0), column: data.u16(2), cell)
    }

    private mutating func put(row: Int, column: Int, _ cell: Cell) throws(ReadError) {
        if row != pendingString?.row || column != pendingString?.column { pendingString = nil }
        guard column < Self.maxColumns else {
            throw ReadError(.cellPastColumnIV, at: .sheetRow(sheetName, row: row + 1))
        }
        if table != nil {
            var cells = table?[row] ?? []
            Self.set(&cells, column, cell)
            table?[row] = cells
            return
        }
        if row != self.row {
            if let completed = completeRow() { ready.append(completed) }
            self.row = row
        }
        Self.set(&cells, column, cell)
    }

    private static func set(_ cells: inout [Cell], _ column: Int, _ cell: Cell) {
        if column < cells.count {
            cells[column] = cell
        } else if !cell.isEmptyCell {
            while cells.count < column { cells.append(.empty) }
            cells.append(cell)
        }
    }

    /// The row being gathered, when it has a value; the gathering starts over.
    private mutating func completeRow() -> SourceRow? {
        defer { cells.removeAll(keepingCapacity: true) }
        return Self.row(number: row, cells: cells)
    }

    private static func row(number: Int, cells: [Cell]) -> SourceRow? {
        var cells = cells
        while let last = cells.last, last.isEmptyCell { cells.removeLast() }
        guard !cells.isEmpty, number >= 0 else { return nil }
        return SourceRow(number: number + 1, cells: cells)
    }
}
