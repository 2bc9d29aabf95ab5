import RegTrackerCore

/// How many rows of one batch, township and outcome there are, split by whether their registered_at is a date
/// after a given day: what a notice needs for its figures as of the period's end and its 未报送 list, in one
/// pass over the rows (issue 14: a notice on 1M rows in under 2 s).
public struct BatchOutcomeCount: Sendable, Equatable {
    public var batch: Int64
    /// The roster township's database id; nil for unassigned rows.
    public var township: Int64?
    public var outcome: OutcomeKind
    /// The row's registered_at is a date after the day asked about.
    public var registeredAfter: Bool
    public var count: Int64

    public init(batch: Int64, township: Int64?, outcome: OutcomeKind, registeredAfter: Bool, count: Int64) {
        self.batch = batch
        self.township = township
        self.outcome = outcome
        self.registeredAfter = registeredAfter
        self.count = count
    }
}
