import RegTrackerCore

/// The registration rows: storing a batch's rows, the valid-key index, deciding every row again, and the rows that
/// did not count.
public protocol RegistrationStore {
    /// Stores the rows of a new registration batch, each with its outcome.
    func registrationWriter(batch: Int64) throws -> any RegistrationWriter
    /// The valid-key index: the valid row holding a key, looked up one key at a time. `before`: only rows of
    /// batches placed before that place in the sequence; nil: every one.
    func validKeys(before place: Int64?) throws -> any ValidKeyLookup
    /// Adds the keys of a new batch's valid rows to the valid-key index, after its rows are stored.
    func validKeyWriter(batch: Int64) throws -> any ValidKeyWriter
    /// Where the valid-key index and the valid rows disagree; empty when they agree.
    func validKeyDifferences() throws -> [ValidKeyDifference]
    /// Sets the valid-key index to the keys of the valid rows (`check --repair`); returns the entries written.
    func rebuildValidKeys() throws -> Int
    /// Decides every active row again in sequence order; retracted rows lose their outcome. Returns the rows whose
    /// outcome or township changed. `lost` is called for each row that had a township and has none now (the roster
    /// takes its township text no longer), with the township it had and whether it was valid.
    func reevaluate(
        roster: StoredRoster, decide: (Int64, RowFacts) throws -> Outcome, lost: (LostRow) -> Void
    ) throws -> Int
    /// Rows that are not valid, for one township (by database id), the unassigned ones (nil), or all (`all`).
    func rejects(township: Int64?, all: Bool) throws -> [RejectRecord]
    /// The first `limit` rows (import order) of a township (by database id) that match none of its villages, and how
    /// many there are (from the kept figures).
    func unmatchedVillageRows(township: Int64, limit: Int) throws -> UnmatchedVillageRows
    /// Remembers every row's outcome, for `outcomeChanges()` after a change in the same transaction.
    func rememberOutcomes() throws
    /// The rows whose outcome differs from the one remembered, counted by batch and (before, after).
    func outcomeChanges() throws -> [OutcomeChange]
}

public protocol RegistrationWriter {
    /// Inserts the row and returns its outcome, which `decide` gives from the row's id (its place in the sequence)
    /// and facts. `inout` only so that the row is read where it lies, not copied (a retain and a release of each of
    /// its strings, a million times an import): the writer does not change it.
    /// `villageID`: the village (SPEC 5) of the township at that roster index that a village cell names, if any.
    func insert(
        _ row: inout NewRegistration, decide: (Int64, RowFacts) throws -> Outcome, townshipID: (Int) -> Int64,
        villageID: (Int, String) -> Int64?
    ) throws -> Outcome
    /// Stores the kept figures of the rows inserted; called once, after the last row, in the same transaction.
    func finish() throws
}

extension RegistrationStore {
    /// Decides every active row again (`reevaluate(roster:decide:lost:)`), whatever rows lose their township.
    public func reevaluate(roster: StoredRoster, decide: (Int64, RowFacts) throws -> Outcome) throws -> Int {
        try reevaluate(roster: roster, decide: decide, lost: { _ in })
    }
}

/// A row that had a township before a re-evaluation and has none after it.
public struct LostRow: Sendable, Equatable {
    /// The township it had, by name, and that township's county (nil in a roster without counties).
    public var township: String
    public var county: String?
    public var wasValid: Bool

    public init(township: String, county: String?, wasValid: Bool) {
        self.township = township
        self.county = county
        self.wasValid = wasValid
    }

    /// The row lost, when it had an outcome in a township (`outcome`, `township`: as stored before) and the outcome
    /// decided now has none; `names` and `counties`: the stored townships', by database id.
    public init?(outcome: Int?, township: Int64?, now: Outcome, names: [Int64: String], counties: [Int64: String]) {
        guard let outcome, now.township == nil, let township, let name = names[township] else { return nil }
        self.init(township: name, county: counties[township], wasValid: outcome == OutcomeKind.valid.rawValue)
    }
}
