import RegTrackerCore
import RegTrackerIO

extension OutcomeEngine {
    /// An engine whose valid-row indexes spill to scratch files: what every import, re-evaluation and inspection
    /// uses, so that memory stays the same however many rows there are.
    static func spilling(roster: Roster, invalidEntries: [InvalidEntry]) -> OutcomeEngine {
        OutcomeEngine(
            roster: roster, invalidEntries: invalidEntries, validRowByID: SpillingKeyIndex(),
            validRowByPhone: SpillingKeyIndex())
    }
}
