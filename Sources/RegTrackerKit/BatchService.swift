import Foundation
import RegTrackerCore
import RegTrackerStore

/// Batch housekeeping (SPEC 3): list and retract.
public struct BatchService {
    public var store: any RegistryStore
    public var clock: Clock

    public init(store: any RegistryStore, clock: Clock) {
        self.store = store
        self.clock = clock
    }

    public func batches() throws -> [BatchRecord] {
        try store.read { try $0.batches() }
    }

    /// After a purge: removes the purged rows from the database's journal too (SPEC 3: deleted for good).
    /// False when a reader held an old snapshot past the busy timeout; the rows then leave the journal at the next
    /// purge or checkpoint.
    public func erasePurged() throws -> Bool { try store.erasePurgedRemains() }

    /// Who purges, for the audit line: the login name.
    static var user: String {
        let environment = ProcessInfo.processInfo.environment
        return environment["SUDO_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
    }

    public enum RetractResult: Sendable {
        case retracted(BatchRecord, RetractSummary)
        /// `--purge` of a batch retracted earlier: its rows are deleted, no outcome changes.
        case purgedRetracted(BatchRecord)
        case alreadyRetracted(BatchRecord)
        case alreadyPurged(BatchRecord)
        case notFound
    }

    /// Retracts batch `number`; `purge` also deletes its stored rows for good, keeping the batch listed as purged.
    /// Counts follow at once.
    public func retract(_ number: Int64, purge: Bool) throws -> RetractResult {
        try store.write { transaction in
            guard let batch = try transaction.batch(id: number) else { return .notFound }
            if batch.isPurged { return .alreadyPurged(batch) }
            if batch.isRetracted && !purge { return .alreadyRetracted(batch) }
            if batch.isRetracted {
                // Its rows stopped counting when it was retracted; only their deletion is left.
                try transaction.purge(batch: number, at: clock.timestamp, by: Self.user)
                return .purgedRetracted(try transaction.batch(id: number) ?? batch)
            }
            try transaction.rememberOutcomes()
            try transaction.markRetracted(batch: number, at: clock.timestamp)
            if purge { try transaction.purge(batch: number, at: clock.timestamp, by: Self.user) }
            _ = try Reevaluation.all(in: transaction)
            let summary = RetractSummary(batch: number, changes: try transaction.outcomeChanges())
            return .retracted(try transaction.batch(id: number) ?? batch, summary)
        }
    }
}

/// What a retraction changed, counted row by row: the batch's own rows that stopped counting, by the outcome they
/// had, and the rows of other batches whose outcome changed (a duplicate that becomes valid, say).
public struct RetractSummary: Sendable, Equatable {
    /// The batch's rows that had an outcome, by that outcome, in outcome order (valid first).
    public var stopped: [(outcome: OutcomeKind, count: Int)]
    /// Rows of other batches, by (before, after), most first.
    public var changed: [(from: OutcomeKind?, to: OutcomeKind?, count: Int)]

    public init(batch: Int64, changes: [OutcomeChange]) {
        var stopped: [OutcomeKind: Int] = [:]
        var changed: [Pair: Int] = [:]
        for change in changes {
            if change.batch == batch, change.to == nil, let from = change.from {
                stopped[from, default: 0] += change.count
            } else if change.batch != batch {
                changed[Pair(from: change.from, to: change.to), default: 0] += change.count
            }
        }
        self.stopped = stopped.sorted { $0.key > $1.key }.map { ($0.key, $0.value) }
        self.changed = changed.map { ($0.key.from, $0.key.to, $0.value) }.sorted { lhs, rhs in
            lhs.count != rhs.count
                ? lhs.count > rhs.count
                : (lhs.from?.rawValue ?? -1, lhs.to?.rawValue ?? -1) > (
                    rhs.from?.rawValue ?? -1, rhs.to?.rawValue ?? -1
                )
        }
    }

    public var stoppedCount: Int { stopped.reduce(0) { $0 + $1.count } }
    public var changedCount: Int { changed.reduce(0) { $0 + $1.count } }

    public static func == (lhs: RetractSummary, rhs: RetractSummary) -> Bool {
        lhs.stopped.elementsEqual(rhs.stopped) { $0 == $1 } && lhs.changed.elementsEqual(rhs.changed) { $0 == $1 }
    }

    private struct Pair: Hashable {
        var from: OutcomeKind?
        var to: OutcomeKind?
    }
}
