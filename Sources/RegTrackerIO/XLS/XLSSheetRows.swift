import RegTrackerCore

/// The rows of one worksheet substream of an .xls, yielded in order as its cell records come.
///
/// Excel and every writer seen so far store a sheet's cell records row by row, so a row is complete when the row
/// number changes and memory holds one row. A sheet whose records go back to an earlier row is detected before the
/// first row is yielded and then read into a table of its rows first (bounded by the stream, which is in memory
/// anyway). A merged area keeps its value in its top-left cell, as the other readers do: MERGEDCELLS adds nothing.
/// A chart embedded in the sheet (a BOF…EOF inside it) is skipped. Rows with no value are skipped.
///
/// The record loop reads the stream's bytes directly: the cursor checks that each record lies inside the stream, each
/// kind of cell record checks its length once, and its fixed fields are then read without a check per byte.
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
    /// A row completed by the record that began the next one (one record completes at most one row).
    private var ready: SourceRow?
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
            try records()
            finished = true
            let rows = table ?? [:]
            gathered = rows.keys.sorted(by: >).compactMap { Self.row(number: $0, cells: rows[$0] ?? []) }
            table = nil
        }
    }

    /// True when the sheet's cell records never go back to an earlier row.
    private static func inRowOrder(stream: [UInt8], offset: Int) -> Bool {
        stream.withUnsafeBytes { raw in
            var cursor = BIFFRecordCursor(stream: stream, offset: offset)
            var depth = 0
            var last = -1
            while let (type, start, count) = cursor.nextHeader(raw) {
                switch type {
                case BIFF.bof: depth += 1
                case BIFF.eof:
                    depth -= 1
                    if depth <= 0 { return true }
                case BIFF.labelSST, BIFF.label, BIFF.richString, BIFF.number, BIFF.rk, BIFF.mulRK, BIFF.boolErr,
                    BIFF.formula:
                    guard depth == 1 else { continue }
                    // A record too short for its row number counts as row 0 (the row loop then calls it cut short).
                    let row = count >= 2 ? raw.unchecked16(start) : count == 1 ? Int(raw.unchecked8(start)) : 0
                    if row < last { return false }
                    last = row
                default: continue
                }
            }
            return true
        }
    }

    mutating func next() throws(ReadError) -> SourceRow? {
        if ready == nil, !finished { try records() }
        if let row = ready {
            ready = nil
            return row
        }
        if let completed = completeRow() { return completed }
        return gathered.popLast()
    }

    /// Handles records until one completes a row (`ready`) or the sheet ends.
    private mutating func records() throws(ReadError) {
        let stream = cursor.stream
        try stream.withUnsafeBytes { raw in
            Result { () throws(ReadError) in
                while ready == nil, !finished {
                    guard let (type, start, count) = cursor.nextHeader(raw) else {
                        finished = true
                        break
                    }
                    try handle(type: type, start: start, count: count, raw)
                }
            }
        }.get()
    }

    /// One record, whose data is `raw[start..<start + count]` (inside `raw`: `BIFFRecordCursor.nextHeader` checked
    /// it). Each kind of cell record checks its length once; its fields are then read without a check per read.
    private mutating func handle(type: UInt16, start: Int, count: Int, _ raw: UnsafeRawBufferPointer)
        throws(ReadError)
    {
        switch type {
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
        guard start >= 0, count >= 0, start + count <= raw.count else { return }
        /// The record's fields, from its start; only at offsets the length check of the case allows.
        func u8(_ offset: Int) -> UInt8 { raw.unchecked8(start + offset) }
        func u16(_ offset: Int) -> Int { raw.unchecked16(start + offset) }
        func u32(_ offset: Int) -> UInt32 { raw.unchecked32(start + offset) }
        func f64(_ offset: Int) -> Double { raw.uncheckedF64(start + offset) }
        switch type {
        case BIFF.labelSST:
            guard count >= 10 else { throw cutShort(start, count) }
            let index = Int(u32(6))
            let text = index < globals.sharedStrings.count ? globals.sharedStrings[index] : ""
            try put(row: u16(0), column: u16(2), text.isEmpty ? .empty : .text(text))
        case BIFF.label, BIFF.richString:
            guard count >= 8 else { throw cutShort(start, count) }
            let data = cursor.stream[start..<start + count]
            let text = string(data.bytes(6, data.count))
            try put(row: u16(0), column: u16(2), text.isEmpty ? .empty : .text(text))
        case BIFF.number:
            guard count >= 14 else { throw cutShort(start, count) }
            try put(row: u16(0), column: u16(2), number(f64(6), xf: u16(4)))
        case BIFF.rk:
            guard count >= 10 else { throw cutShort(start, count) }
            try put(row: u16(0), column: u16(2), number(BIFF.rkNumber(u32(6)), xf: u16(4)))
        case BIFF.mulRK:
            guard count >= 12 else { throw cutShort(start, count) }
            let row = u16(0)
            let first = u16(2)
            // Six bytes a cell from offset 4 (XF, then the RK value); the last column number takes the last two.
            for index in 0..<(count - 6) / 6 {
                let at = 4 + 6 * index
                try put(row: row, column: first + index, number(BIFF.rkNumber(u32(at + 2)), xf: u16(at)))
            }
        case BIFF.boolErr:
            guard count >= 8 else { throw cutShort(start, count) }
            let value = u8(6)
            try put(row: u16(0), column: u16(2), u8(7) == 0 ? .bool(value != 0) : .error(BIFF.errorText(value)))
        case BIFF.formula:
            guard count >= 14 else { throw cutShort(start, count) }
            pendingString = nil
            guard u16(12) == 0xFFFF else {
                try put(row: u16(0), column: u16(2), number(f64(6), xf: u16(4)))
                return
            }
            switch u8(6) {
            case 0: pendingString = (u16(0), u16(2))
            case 1: try put(row: u16(0), column: u16(2), .bool(u8(8) != 0))
            case 2: try put(row: u16(0), column: u16(2), .error(BIFF.errorText(u8(8))))
            default: try put(row: u16(0), column: u16(2), .empty)  // 3: an empty string
            }
        case BIFF.string:
            guard let pending = pendingString else { return }
            pendingString = nil
            let record = BIFFRecord(type: type, data: cursor.stream[start..<start + count])
            let data = record.data
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

    /// A cell record too short for its fields, at the row its first bytes name.
    private func cutShort(_ start: Int, _ count: Int) -> ReadError {
        XLSWorkbookGlobals.damaged(
            .cellRecordCutShort, at: .sheetRow(sheetName, row: cursor.stream[start..<start + count].u16(0) + 1))
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
            if let completed = completeRow() { ready = completed }
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
