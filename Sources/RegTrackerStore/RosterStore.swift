import RegTrackerCore

/// The roster (townships and their villages) and what the rows already stored ask of a new one.
public protocol RosterStore {
    func insertRoster(batch: Int64, townships: [(row: Int, township: Township)]) throws
    /// The roster of the newest active roster batch; `.empty` when there is none.
    func currentRoster() throws -> StoredRoster
    /// Rows matched to a village of the roster in force, by the village text they carry (SPEC 5).
    func matchedVillageRowCounts() throws -> [MatchedVillageRowCount]
}

/// The invalid lists' entries (SPEC 1.3).
public protocol InvalidListStore {
    func insertInvalidEntry(
        batch: Int64, row: Int, raw: String, townshipText: String?, countyText: String?, idKey: Int64?,
        phoneKey: Int64?, reason: String
    ) throws
    /// The entries of the active invalid-list batches, in import order.
    func invalidEntries() throws -> [InvalidEntry]
}
