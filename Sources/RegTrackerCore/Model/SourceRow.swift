/// One row of a table as a reader yields it: its cells and where it stands in the file.
public struct SourceRow: Sendable, Equatable {
    /// The row number a person sees: the spreadsheet row, or the CSV record counted from 1.
    public var number: Int
    /// The physical line a CSV record starts on (equal to `number` for spreadsheets).
    public var line: Int
    /// Cells from column A (index 0); missing trailing cells are simply absent.
    public var cells: [Cell]

    public init(number: Int, line: Int? = nil, cells: [Cell]) {
        self.number = number
        self.line = line ?? number
        self.cells = cells
    }

    public subscript(column: Int) -> Cell {
        column < cells.count ? cells[column] : .empty
    }

    public var isBlank: Bool { cells.allSatisfy(\.isBlank) }
}
