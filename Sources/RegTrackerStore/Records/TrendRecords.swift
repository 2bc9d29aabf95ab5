import RegTrackerCore

/// How many rows of one township ended in one outcome, with the dates that place them in time (issue 7).
public struct DatedOutcomeCount: Sendable, Equatable {
    /// The roster township's database id; nil for unassigned rows.
    public var township: Int64?
    public var outcome: OutcomeKind
    /// The first ten characters of `registered_at` when they look like `YYYY-MM-DD`, else nil (absent or text).
    public var registeredDay: String?
    /// The batch's import date, `YYYY-MM-DD` (local).
    public var importedDay: String
    public var count: Int64

    public init(township: Int64?, outcome: OutcomeKind, registeredDay: String?, importedDay: String, count: Int64) {
        self.township = township
        self.outcome = outcome
        self.registeredDay = registeredDay
        self.importedDay = importedDay
        self.count = count
    }
}

/// One township's rows in one village (村/社区) and outcome; the village is "" where the list left it empty.
public struct VillageCount: Sendable, Equatable {
    public var village: String
    public var outcome: OutcomeKind
    public var count: Int64

    public init(village: String, outcome: OutcomeKind, count: Int64) {
        self.village = village
        self.outcome = outcome
        self.count = count
    }
}
