import RegTrackerCore

/// How many rows of one batch went from one outcome to another; nil is "not counted" (a retracted or purged row).
public struct OutcomeChange: Sendable, Equatable {
    public var batch: Int64
    public var from: OutcomeKind?
    public var to: OutcomeKind?
    public var count: Int

    public init(batch: Int64, from: OutcomeKind?, to: OutcomeKind?, count: Int) {
        self.batch = batch
        self.from = from
        self.to = to
        self.count = count
    }
}
