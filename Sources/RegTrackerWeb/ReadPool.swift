import RegTrackerStore

/// The dashboard's database reads: at most one per connection in the pool at a time, and waiting readers served
/// in turn by client, so that one client's burst cannot starve another (issue 20: 60 township pages from one token
/// made the office's `/api/report` wait 18 s). A client is whoever presented the same credential (or address).
actor ReadPool {
    private var idle: [any RegistryStore]
    /// Each waiting client's readers, oldest first.
    private var waiting: [String: [CheckedContinuation<any RegistryStore, Never>]] = [:]
    /// The clients with waiting readers, in the order their turns come.
    private var turns: [String] = []

    /// `stores`: one read connection each (separate `SQLiteStore`s on the same file), at least one.
    init(stores: [any RegistryStore]) {
        precondition(!stores.isEmpty, "a read pool needs a connection")
        idle = stores
    }

    /// Runs `body` on a free connection once it is `client`'s turn, on a Dispatch thread (SQLite blocks).
    nonisolated func read<T: Sendable>(
        for client: String, _ body: @escaping @Sendable (any RegistryStore) throws -> T
    ) async throws -> T {
        let store = await acquire(for: client)
        do {
            let value = try await BlockingRead.value { try body(store) }
            await release(store)
            return value
        } catch {
            await release(store)
            throw error
        }
    }

    private func acquire(for client: String) async -> any RegistryStore {
        if let store = idle.popLast() { return store }
        return await withCheckedContinuation { continuation in
            if waiting[client] == nil { turns.append(client) }
            waiting[client, default: []].append(continuation)
        }
    }

    /// Hands the connection to the next client in turn, who goes to the back of the line if it has more waiting.
    private func release(_ store: any RegistryStore) {
        guard !turns.isEmpty else {
            idle.append(store)
            return
        }
        let client = turns.removeFirst()
        var readers = waiting[client] ?? []
        let next = readers.removeFirst()
        if readers.isEmpty {
            waiting[client] = nil
        } else {
            waiting[client] = readers
            turns.append(client)
        }
        next.resume(returning: store)
    }
}
