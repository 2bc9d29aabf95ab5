import RegTrackerCore

/// A registration row as stored: raw cells, normalised values and the facts the outcome rules need.
public struct NewRegistration: Sendable {
    public var rowNumber: Int
    /// Every cell of the row as read, joined by U+001F.
    public var raw: String
    public var registration: Registration
    public var facts: RowFacts

    public init(rowNumber: Int, raw: String, registration: Registration) {
        self.rowNumber = rowNumber
        self.raw = raw
        self.registration = registration
        self.facts = RowFacts(registration)
    }
}

/// A row that did not count, for the rejects list and `rate` (SPEC 3: given back to its township).
public struct RejectRecord: Sendable, Equatable {
    public var township: String?
    public var townshipText: String
    public var fileName: String
    public var batch: Int64
    public var rowNumber: Int
    public var name: String
    public var idText: String?
    public var phoneText: String?
    public var outcome: OutcomeKind
    public var reason: String
}

/// Counts per township of the roster in force, and rows that match none.
public struct OutcomeTally: Sendable, Equatable {
    public var byTownship: [Int64: OutcomeCounts]
    public var unassigned: Int64
    /// The date (YYYY-MM-DD) of each township's latest batch with rows of it.
    public var lastSubmission: [Int64: String]
}

/// The roster in force with the database id of each township, in roster order.
public struct StoredRoster: Sendable {
    public var roster: Roster
    public var ids: [Int64]
    public var batch: Int64?

    public static let empty = StoredRoster(roster: .empty, ids: [], batch: nil)
}
