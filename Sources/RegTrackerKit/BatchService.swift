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

    public enum RetractResult: Sendable {
        case retracted(BatchRecord, reevaluated: Int)
        case alreadyRetracted(BatchRecord)
        case notFound
    }

    /// Retracts batch `number`; `purge` also deletes its stored rows for good. Counts follow at once.
    public func retract(_ number: Int64, purge: Bool) throws -> RetractResult {
        try store.write { transaction in
            guard let batch = try transaction.batch(id: number) else { return .notFound }
            if batch.isRetracted && !purge { return .alreadyRetracted(batch) }
            if !batch.isRetracted { try transaction.markRetracted(batch: number, at: clock.timestamp) }
            if purge { try transaction.purge(batch: number) }
            let changed = try Reevaluation.all(in: transaction)
            return .retracted(batch, reevaluated: changed)
        }
    }
}
