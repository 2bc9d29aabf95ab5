import RegTrackerCore

/// What importing one file did.
public enum ImportResult: Sendable {
    case imported(BatchSummary)
    /// The same bytes are already in an active batch: nothing done, success.
    case alreadyImported(file: String, batch: Int64)
    case rejected(ImportError)

    public var file: String {
        switch self {
        case .imported(let summary): summary.file
        case .alreadyImported(let file, _): file
        case .rejected(let error): error.file
        }
    }
}

/// A new batch: its number, rows and what became of them.
public struct BatchSummary: Sendable {
    public var file: String
    public var kind: FileKind
    public var batch: Int64
    /// Data rows stored (registrations, townships or invalid-list entries).
    public var rows: Int
    /// Rows below the header that are not data (totals, notes, signatures, blank lines).
    public var skippedRows: Int
    /// Registration lists: the skipped rows by why (SPEC 1.4).
    public var skippedByReason: [SkippedRowReason: Int] = [:]
    /// Registration lists: outcomes of the new rows.
    public var outcomes: [OutcomeKind: Int]
    /// Batches retracted by `--replace`.
    public var replaced: [Int64]
    /// Rows of earlier batches whose outcome changed (roster, invalid list, replacement).
    public var reevaluated: Int
    /// Things worth telling the user that do not reject the file.
    public var warnings: [ImportWarning]
    /// Workbooks read sheet by sheet: every sheet, read or skipped (SPEC 1.6); empty for a file of one table.
    public var sheets: [SheetReport] = []
    /// Registration lists: the township given to rows without one, and where it came from (SPEC 1.2). For a
    /// workbook whose sheets differ, the first sheet's; each sheet's own is in `sheets`.
    public var township: String?
    public var townshipFrom: NameSource?
    /// The county a registration list named for its rows (SPEC 8), and where it came from; nil when it named none.
    public var county: String?
    public var countyFrom: NameSource?
    /// Rosters: what changed against the roster in force, and the rows left unassigned (with `--force`).
    public var rosterChanges: RosterChanges?
    public var rowsLost: [RowsLost] = []
    /// Rosters with villages: rows matched to a village that the new roster matches to none (SPEC 5; a warning).
    public var villageRowsLost: [VillageRowsLost] = []
}
