import RegTrackerCore

/// The rows a push parse built and the reader has not yet taken, kept sparse until taken: a chunk of a hostile file
/// may hold thousands of rows that each have one cell in Excel's last column, which as full rows would take
/// gigabytes. A row's cells go in as they are read; a cell put again at the same column replaces the one before.
struct SparseRows {
    /// The built rows: their numbers and widths, and where their cells start in `cells`.
    private var rows: [(number: Int, firstCell: Int, width: Int)] = []
    private var cells: [(column: Int, cell: Cell)] = []
    /// Where the cells of the row being built start in `cells`.
    private var openRowStart = 0
    private var openRowWidth = 0

    var count: Int { rows.count }

    /// Puts a cell of the row being built at `column` (from 0); an empty one adds nothing.
    mutating func put(_ cell: Cell, at column: Int) {
        guard !cell.isEmptyCell else { return }
        cells.append((column, cell))
        openRowWidth = max(openRowWidth, column + 1)
    }

    /// Ends the row being built as row `number`.
    mutating func endRow(number: Int) {
        rows.append((number, openRowStart, openRowWidth))
        openRowStart = cells.count
        openRowWidth = 0
    }

    /// Forgets the cells put since the last row ended (a row given up).
    mutating func dropOpenRow() {
        cells.removeSubrange(openRowStart...)
        openRowWidth = 0
    }

    /// The built row at `index` (below `count`), its gaps blank.
    func row(at index: Int) -> SourceRow {
        let row = rows[index]
        let end = index + 1 < rows.count ? rows[index + 1].firstCell : openRowStart
        var full = [Cell](repeating: .empty, count: row.width)
        for (column, cell) in cells[row.firstCell..<end] { full[column] = cell }
        return SourceRow(number: row.number, cells: full)
    }

    /// Forgets the built rows, once all have been taken; the cells of a row that a chunk's end cut stay for the rest
    /// of it.
    mutating func removeBuilt() {
        rows.removeAll(keepingCapacity: true)
        cells.removeFirst(openRowStart)
        openRowStart = 0
    }
}
