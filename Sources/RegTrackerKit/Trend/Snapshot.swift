import RegTrackerStore

/// Runs several services on one read snapshot, so that what they compute together (a dashboard page) never mixes
/// the database before and after an import that commits meanwhile.
public func withSnapshot<T>(of store: any RegistryStore, _ body: (any RegistryStore) throws -> T) throws -> T {
    try store.read { transaction in try body(SnapshotStore(transaction: transaction)) }
}

/// A store whose reads all run on one open read transaction; it cannot write. Used only inside `withSnapshot`,
/// on the thread that runs it, hence the unchecked `Sendable`.
private struct SnapshotStore: RegistryStore, @unchecked Sendable {
    let transaction: any RegistryTransaction

    func write<T>(_ body: (any RegistryTransaction) throws -> T) throws -> T {
        throw StoreError(message: "a read snapshot cannot write", hint: "this is a bug; please report it")
    }

    func read<T>(_ body: (any RegistryTransaction) throws -> T) throws -> T { try body(transaction) }

    func eraseWAL() throws -> Bool {
        throw StoreError(message: "a read snapshot cannot write", hint: "this is a bug; please report it")
    }
}
