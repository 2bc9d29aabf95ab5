import RegTrackerCore
import RegTrackerIO

/// A file opened and its header found: the rows above are consumed, the data rows follow from `reader`.
struct TableScan {
    var reader: any TableReader
    let columns: ColumnMap
    /// The text of the rows above the header (the list's title), where a list without a township column names
    /// its township (SPEC 1.2).
    let title: String
    /// Rows read while looking for the header that come after it.
    private var pending: [SourceRow]
    /// At most this many rows, blank ones included, are read looking for the header (which must stand among the
    /// first 20 non-blank rows): a file of millions of empty lines is not held in memory.
    static let maximumTopRows = 10_000

    /// Reads the top of the file until the header can be decided (SPEC 1.4).
    init(file table: TableFile, kind: FileKind, options: ReadOptions) throws(ImportError) {
        let file = FileName.base(table.path)
        var top: [SourceRow] = []
        do throws(ReadError) {
            reader = try table.open(options: options)
            var nonBlank = 0
            // One row beyond the search depth, for the second row of a two-row header. Blank rows are kept (row
            // positions matter) but only so many: a file of millions of empty lines must not be held in memory.
            while nonBlank <= HeaderDetector.searchDepth, top.count < Self.maximumTopRows,
                let row = try reader.nextRow()
            {
                top.append(row)
                if !row.isBlank { nonBlank += 1 }
            }
        } catch {
            throw ImportError(file: file, error)
        }
        switch HeaderDetector.detect(kind: kind, rows: top) {
        case .success(let found):
            columns = found.map
            pending = Array(top[found.dataStart...].reversed())
            title = top.prefix { $0.number < found.map.headerRow }.flatMap(\.cells)
                .map { CellText.clean($0.displayText) }.filter { !$0.isEmpty }.joined(separator: " ")
        case .failure(let error):
            throw ImportError(file: file, error)
        }
    }

    /// The next data row below the header.
    mutating func nextRow() throws(ReadError) -> SourceRow? {
        if let row = pending.popLast() { return row }
        return try reader.nextRow()
    }

    /// Every cell of a row joined by U+001F, for raw storage.
    static func raw(_ row: SourceRow) -> String {
        var raw = ""
        // One allocation of the right size rather than one each time the text outgrows its storage.
        raw.reserveCapacity(
            row.cells.reduce(row.cells.count) { total, cell in
                if case .text(let text) = cell { total + text.utf8.count } else { total + 24 }
            })
        for (column, cell) in row.cells.enumerated() {
            if column > 0 { raw.append("\u{1F}") }
            if case .text(let text) = cell { raw.append(text) } else { raw.append(cell.displayText) }
        }
        // As in every cleaned cell (CellText): a NUL is nothing to keep, and PostgreSQL text cannot hold it.
        if raw.withUTF8({ $0.contains(0) }) { raw.unicodeScalars.removeAll { $0.value == 0 } }
        return raw
    }
}

enum FileName {
    /// The base name of a path, without its folder, control characters escaped: it is stored as the batch's file
    /// name and shown in every message and report.
    static func base(_ path: String) -> String {
        PrintableName.escaped(path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path)
    }
}
