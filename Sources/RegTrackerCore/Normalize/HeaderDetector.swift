/// Where a file's header is and which column holds which field (SPEC 1.4).
public struct ColumnMap: Sendable, Equatable {
    /// The row number of the (first) header row.
    public var headerRow: Int
    /// 1, or 2 for a two-row header whose second row adds names under a group cell.
    public var headerRowCount: Int
    /// The column (from 0) of each field found.
    public var columns: [Field: Int] {
        didSet { columnByField = Self.lookup(columns) }
    }
    /// The header text of every column, as found (merged from both rows of a two-row header).
    public var headers: [String]
    /// `columns` as an array indexed by field, -1 where absent: read for every cell of every row.
    private var columnByField: [Int]
    /// The column headed 序号, where row numbers stand (SPEC 1.4's marker cells).
    private let serialColumn: Int?

    public init(headerRow: Int, headerRowCount: Int, columns: [Field: Int], headers: [String]) {
        self.headerRow = headerRow
        self.headerRowCount = headerRowCount
        self.columns = columns
        self.headers = headers
        columnByField = Self.lookup(columns)
        serialColumn = headers.firstIndex { HeaderName.keys($0).contains("序号") }
    }

    /// The column (from 0) of `field`, read without hashing (hot loops).
    public func column(of field: Field) -> Int? {
        let column = columnByField[field.index]
        return column >= 0 ? column : nil
    }

    /// Whether digits alone in `column` are a row number: the 序号 column, or the first column.
    public func mayHoldRowNumbers(_ column: Int) -> Bool { column == 0 || column == serialColumn }

    public func cell(_ field: Field, in row: SourceRow) -> Cell {
        let column = columnByField[field.index]
        return column >= 0 ? row[column] : .empty
    }

    private static func lookup(_ columns: [Field: Int]) -> [Int] {
        Field.allCases.map { columns[$0] ?? -1 }
    }

    /// Columns whose header names no field: kept with the row, play no part.
    public var unmappedColumns: [Int] {
        let mapped = Set(columns.values)
        return headers.indices.filter { !mapped.contains($0) && !CellText.clean(headers[$0]).isEmpty }
    }

    /// The headers of unused columns that mention 截图, 核验 or 审核: they look like a verdict that is not read
    /// (SPEC 1.2), and the import warns about each.
    public var unusedVerdictLikeHeaders: [String] {
        unmappedColumns.map { headers[$0] }.filter { header in
            // Compared as header names are matched: 审 核 is 审核.
            let compact = CellText.compact(header)
            return FileKind.verdictLikeWords.contains { compact.contains($0) }
        }
    }
}

public enum HeaderDetector {
    /// How many non-blank rows from the top may hold the header.
    public static let searchDepth = 20

    /// Finds the header among `rows` (the top of the file, in order; blank rows allowed).
    /// Returns the index in `rows` of the first data row with the map, or an error naming what was found.
    public static func detect(
        kind: FileKind, rows: [SourceRow]
    ) -> Result<(map: ColumnMap, dataStart: Int), HeaderError> {
        // SPEC 1.4: two known names make a header row. An invalid list may hold one column only (SPEC 1.3: an ID
        // number or a phone): failing two, a row naming that column is its header.
        let found =
            headerIndex(in: rows) { $0.compactMap { $0 }.count >= 2 }
            ?? (kind == .invalidList ? headerIndex(in: rows) { $0.contains(.idNumber) || $0.contains(.phone) } : nil)
        guard let index = found else {
            let firstRow = rows.first { !$0.isBlank }.map { $0.cells.map { CellText.clean($0.displayText) } } ?? []
            return .failure(.noHeader(firstRowCells: firstRow.filter { !$0.isEmpty }, kind: kind))
        }
        return header(at: index, kind: kind, rows: rows)

        /// The first of the first `searchDepth` non-blank rows whose cells' fields `matches` accepts.
        func headerIndex(in rows: [SourceRow], matches: ([Field?]) -> Bool) -> Int? {
            var nonBlankSeen = 0
            for (index, row) in rows.enumerated() where !row.isBlank {
                nonBlankSeen += 1
                if nonBlankSeen > searchDepth { break }
                if matches(row.cells.map { HeaderName.field(for: $0, kind: kind) }) { return index }
            }
            return nil
        }
    }

    /// The column map of the header row at `index` (with the row below it when it is a second header row).
    private static func header(
        at index: Int, kind: FileKind, rows: [SourceRow]
    ) -> Result<(map: ColumnMap, dataStart: Int), HeaderError> {
        let row = rows[index]
        let fields = row.cells.map { HeaderName.field(for: $0, kind: kind) }
        var headers = row.cells.map { CellText.clean($0.displayText) }
        var columns: [Field: Int] = [:]
        for (column, field) in fields.enumerated() {
            if let field, columns[field] == nil { columns[field] = column }
        }
        var headerRowCount = 1
        if index + 1 < rows.count {
            let below = rows[index + 1]
            var added = false
            for (column, cell) in below.cells.enumerated() {
                guard let field = HeaderName.field(for: cell, kind: kind),
                    column >= fields.count || fields[column] == nil
                else { continue }
                added = true
                if columns[field] == nil { columns[field] = column }
                let text = CellText.clean(cell.displayText)
                if column < headers.count {
                    headers[column] = headers[column].isEmpty ? text : "\(headers[column])/\(text)"
                } else {
                    headers += Array(repeating: "", count: column - headers.count) + [text]
                }
            }
            if added { headerRowCount = 2 }
        }
        let map = ColumnMap(headerRow: row.number, headerRowCount: headerRowCount, columns: columns, headers: headers)
        let required = kind.requiredFields
        var missing = required.all.filter { columns[$0] == nil }
        if !required.either.isEmpty, !required.either.contains(where: { columns[$0] != nil }) {
            missing += required.either
        }
        guard missing.isEmpty else {
            return .failure(.missingColumns(missing, headerRow: row.number, found: headers.filter { !$0.isEmpty }))
        }
        return .success((map, index + headerRowCount))
    }
}

/// Why no usable header was found; the pipeline adds the file name, `HeaderErrorText` (RegTrackerRender) the words.
public enum HeaderError: Error, Sendable, Equatable {
    /// `kind`: what the file was read as, whose column names the message suggests.
    case noHeader(firstRowCells: [String], kind: FileKind = .registrations)
    case missingColumns([Field], headerRow: Int, found: [String])
}
