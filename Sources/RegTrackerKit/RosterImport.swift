import RegTrackerCore
import RegTrackerIO
import RegTrackerStore

/// Loads the population roster (SPEC 1.1): it replaces the previous one whole, and every row is decided again.
public struct RosterImport {
    public var store: any RegistryStore
    public var clock: Clock

    public init(store: any RegistryStore, clock: Clock) {
        self.store = store
        self.clock = clock
    }

    /// `force`: import a roster even though rows the current one assigns would become unassigned (SPEC 1.1).
    public func run(path: String, options: ReadOptions, force: Bool = false) -> ImportResult {
        let file = FileName.base(path)
        return FileImport.rejectingFailures(of: path) {
            let sha256 = try FileImport.sha256(of: path)
            var sheets = SheetSource(path: path, kind: .roster, options: options)
            var entries: [(row: Int, entry: RosterEntry)] = []
            var skipped = 0
            var first: (description: TableDescription, columns: ColumnMap)?
            while var scan = try sheets.next() {
                if first == nil { first = (scan.reader.description, scan.columns) }
                let entriesBefore = entries.count
                defer { sheets.finishSheet(rows: entries.count - entriesBefore, township: nil, from: nil) }
                while let row = try scan.nextRow() {
                    switch RosterRow.entry(from: row, columns: scan.columns) {
                    case .success(let entry?): entries.append((row.number, entry))
                    case .success(nil): skipped += 1
                    case .failure(let error): throw ImportError(file: file, problem: .rosterRow(error))
                    }
                }
            }
            guard let (description, columns) = first else {
                throw ImportError(file: file, problem: .noSheet(.roster, sheets.reports))
            }
            switch RosterRow.fillTownships(entries) {
            case .success(let filled): entries = filled
            case .failure(let error): throw ImportError(file: file, problem: .rosterRow(error))
            }
            switch RosterRow.fillCounties(entries, hasCountyColumn: columns.columns[.county] != nil) {
            case .success(let filled): entries = filled
            case .failure(let error): throw ImportError(file: file, problem: .rosterRow(error))
            }
            let townships: [(row: Int, township: Township)]
            switch RosterRow.assemble(entries) {
            case .success(let assembled): townships = assembled
            case .failure(let error): throw ImportError(file: file, problem: .rosterRow(error))
            }
            if let error = RosterRow.checkUnique(townships) { throw ImportError(file: file, problem: .rosterRow(error)) }
            guard !townships.isEmpty else {
                throw ImportError(file: file, problem: .emptyRoster)
            }
            return try store.write { transaction in
                let stored = try transaction.currentRoster()
                if let existing = try transaction.activeBatch(sha256: sha256), let id = existing.id {
                    // The roster in force, or other bytes than a roster's, are a no-op; an earlier roster that a later
                    // one replaced stands again when imported again (SPEC 1.1: the last one stands).
                    if existing.kind != .roster { return .alreadyImported(file: file, batch: id) }
                    if let inForce = try stored.batch.flatMap(transaction.batch(id:)), inForce.sha256 == sha256,
                        let inForceID = inForce.id
                    {
                        return .alreadyImported(file: file, batch: inForceID)
                    }
                }
                let current = stored.roster
                let new = Roster(townships: townships.map(\.township))
                let batch = try transaction.insertBatch(
                    FileImport.batch(
                        .roster, file: file, sha256: sha256, clock: clock, description: description, columns: columns))
                try transaction.insertRoster(batch: batch, townships: townships)
                let villageRowsLost = try Self.villageRowsLost(to: new, in: transaction)
                try transaction.setBatchCounts(batch: batch, rows: townships.count, skippedRows: skipped)
                // The rows the new roster leaves without a township are counted as every row is decided again; a
                // refused roster then rolls the whole change back. (Counted before, by a grouping of every row's
                // township text, they took an eighth of a roster change over 1M rows.)
                var lost = RowsLostCounter()
                let changed = try Reevaluation.all(in: transaction) { lost.add($0) }
                if !lost.rows.isEmpty, !force { throw ImportError(file: file, problem: .losesRows(lost.rows)) }
                var summary = BatchSummary(
                    file: file, kind: .roster, batch: batch, rows: townships.count, skippedRows: skipped,
                    outcomes: [:], replaced: [], reevaluated: changed, warnings: [])
                summary.rosterChanges = RosterChanges.between(current, new)
                summary.sheets = sheets.reports
                summary.rowsLost = lost.rows
                summary.villageRowsLost = villageRowsLost
                return .imported(summary)
            }
        }
    }

    /// Per township of the roster in force, the rows it assigned that the new roster leaves unassigned, by name in
    /// Unicode order (counties may share a township name, SPEC 8: the county names which one).
    struct RowsLostCounter {
        private var lost: [String: RowsLost] = [:]

        mutating func add(_ row: LostRow) {
            let name = TownshipFigures.label(row.township, county: row.county)
            lost[name, default: RowsLost(township: name, rows: 0, valid: 0)].rows += 1
            if row.wasValid { lost[name]!.valid += 1 }
        }

        var rows: [RowsLost] { lost.keys.sorted(by: UnicodeOrder.precedes).compactMap { lost[$0] } }
    }
}

extension RosterImport {
    /// Per village of the roster in force, the rows matched to it that `new` would match to no village of the same
    /// township (SPEC 5): the township still counts them, so this is a warning, not a refusal.
    static func villageRowsLost(to new: Roster, in transaction: any RosterStore) throws -> [VillageRowsLost] {
        var lost: [VillageRowsLost] = []
        for count in try transaction.matchedVillageRowCounts() {
            if let township = new.index(county: count.county, named: count.township),
                new.villageIndex(township: township, cell: count.villageText) != nil
            {
                continue
            }
            if let last = lost.last, last.township == count.township, last.village == count.village {
                lost[lost.count - 1].rows += count.rows
                lost[lost.count - 1].valid += count.valid
            } else {
                lost.append(
                    VillageRowsLost(
                        township: count.township, village: count.village, rows: count.rows, valid: count.valid))
            }
        }
        return lost.sorted {
            $0.township != $1.township
                ? UnicodeOrder.precedes($0.township, $1.township) : UnicodeOrder.precedes($0.village, $1.village)
        }
    }
}

/// Rows of one village that a new roster would match to no village (SPEC 5); they still count for the township.
public struct VillageRowsLost: Sendable, Equatable {
    public var township: String
    public var village: String
    public var rows: Int64
    public var valid: Int64
}

/// Rows of one township that a new roster would leave unassigned (SPEC 1.1).
public struct RowsLost: Sendable, Equatable {
    public var township: String
    public var rows: Int64
    public var valid: Int64
}

/// Deciding every row again, after anything that can change earlier outcomes (roster, invalid list, retraction).
enum Reevaluation {
    static func all(
        in transaction: any RosterStore & InvalidListStore & RegistrationStore, lost: (LostRow) -> Void = { _ in }
    ) throws -> Int {
        let roster = try transaction.currentRoster()
        var engine = try engine(roster: roster, in: transaction)
        return try transaction.reevaluate(roster: roster, decide: { try engine.decide(row: $0, facts: $1) }, lost: lost)
    }

    /// An engine for the stored roster and invalid lists.
    static func engine(roster: StoredRoster, in transaction: any InvalidListStore) throws -> OutcomeEngine {
        .spilling(roster: roster.roster, invalidEntries: try transaction.invalidEntries())
    }
}
