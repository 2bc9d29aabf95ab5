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

    /// Every cell of a row as stored (`StoredRaw`), with no cell referring to a column: an invalid list's entry.
    static func raw(_ row: SourceRow) -> String {
        StoredRaw.encode(row.cells, column: { _ in nil }, value: { _ in nil })
    }

    /// The columns of the file a registration's stored cells may refer to (`StoredRaw`), by column index.
    var rawReferences: [StoredRaw.Column?] {
        var references: [StoredRaw.Column?] = []
        for column in StoredRaw.Column.allCases {
            guard let index = columns.column(of: column.field) else { continue }
            if references.count <= index { references += Array(repeating: nil, count: index + 1 - references.count) }
            references[index] = column
        }
        return references
    }
}

enum FileName {
    /// The base name of a path, without its folder, control characters escaped: it is stored as the batch's file
    /// name and shown in every message and report.
    static func base(_ path: String) -> String {
        PrintableName.escaped(path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path)
    }
}
