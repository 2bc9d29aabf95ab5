import Foundation
import PostgresNIO
import RegTrackerStore

/// The PostgreSQL store (issue 19): one connection per store, each `write` or `read` one transaction on it.
public final class PostgresStore: RegistryStore, @unchecked Sendable {
    // One transaction at a time on the connection: a store belongs to one command or one dashboard read thread,
    // and the lock keeps a second caller from interleaving statements with the first.
    private let connection: BlockingConnection
    private let lock = NSLock()
    /// The changes this connection committed (see `ChangeStamp`): its own writes do not move its change stamp.
    private var ownChanges: Int64 = 0
    public let location: PostgresLocation
    /// The migrations this opening applied.
    public let applied: [String]

    /// The seconds a write waits for a lock (`StoreError.Code.busy`), and an import for the imports before it at the
    /// sequence lock (`.importQueue`).
    let lockSeconds: Int
    let queueSeconds: Int

    /// Connects and brings the schema up to date. `lockTimeout`: how long a write waits for a lock another run holds
    /// before failing with `StoreError.Code.busy`, as SQLite's busy timeout; `queueTimeout`: how long an import
    /// waits its turn behind other imports (`lockSequence`).
    /// `creating: false` refuses a database without regtracker's tables (`DatabaseOpeningError`) instead of creating
    /// them: a command that reads what is there, such as `notice`, must not turn a mistyped URL into an empty county.
    public convenience init(
        _ location: PostgresLocation, lockTimeout seconds: Int = StoreError.busySeconds,
        queueTimeout: Int = StoreError.importQueueSeconds, creating: Bool = true
    ) throws {
        let connection = try Self.connect(location)
        do {
            if !creating, try PostgresSchema.appliedIdentifiers(connection).isEmpty {
                throw try Self.notRegTrackerYet(connection, location: location)
            }
            let applied = try PostgresSchema.migrate(connection)
            try connection.execute(sql: "SET lock_timeout = '\(seconds)s'")
            self.init(
                connection: connection, location: location, applied: applied, lockSeconds: seconds,
                queueSeconds: queueTimeout)
        } catch let error as DatabaseOpeningError {
            throw error
        } catch {
            throw Self.storeError(error, location: location)
        }
    }

    init(
        connection: BlockingConnection, location: PostgresLocation, applied: [String],
        lockSeconds: Int = StoreError.busySeconds, queueSeconds: Int = StoreError.importQueueSeconds
    ) {
        self.connection = connection
        self.location = location
        self.applied = applied
        self.lockSeconds = lockSeconds
        self.queueSeconds = queueSeconds
    }

    /// Runs `body` in one transaction that commits when it returns and rolls back when it throws. A write is READ
    /// COMMITTED: what the counting rules need serialised (the sequence of batches, the rows' ids, the same bytes
    /// imported once) takes the sequence lock on first use, after which each statement sees what the importer
    /// before it committed. A read is one REPEATABLE READ snapshot.
    public func transaction<T>(readOnly: Bool = false, _ body: (PostgresTransaction) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            try connection.execute(
                sql: readOnly
                    ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN ISOLATION LEVEL READ COMMITTED")
        } catch {
            throw Self.storeError(error, location: location)
        }
        do {
            let state = TransactionState(writing: !readOnly, ownChanges: ownChanges, store: self)
            let result = try body(PostgresTransaction(connection: connection, state: state))
            let changed = readOnly ? false : try ChangeStamp.advance(connection)
            try connection.execute(sql: "COMMIT")
            if changed { ownChanges += 1 }
            return result
        } catch {
            connection.settle()
            try? connection.execute(sql: "ROLLBACK")
            throw Self.storeError(error, location: location)
        }
    }

    public func write<T>(_ body: (any RegistryTransaction) throws -> T) throws -> T {
        try transaction { try body($0) }
    }

    public func read<T>(_ body: (any RegistryTransaction) throws -> T) throws -> T {
        try transaction(readOnly: true) { try body($0) }
    }

    /// VACUUM of the tables a purge deletes from, outside a transaction (VACUUM cannot run in one): the space of
    /// the deleted rows is made free for new rows. It waits for no reader's snapshot (rows a snapshot still sees
    /// are left for the next VACUUM), so it is true whenever it ran.
    public func erasePurgedRemains() throws -> Bool {
        lock.lock()
        defer { lock.unlock() }
        do {
            try connection.execute(sql: "VACUUM \(Self.purgedTables.joined(separator: ", "))")
        } catch {
            throw Self.storeError(error, location: location)
        }
        return true
    }

    static let purgedTables = [
        "registration", "invalid_entry", "village", "township", "figure", "figure_total", "valid_id_key",
        "valid_phone_key",
    ]
}

/// What one PostgreSQL transaction can do; each narrow store is an extension of its own.
public struct PostgresTransaction {
    let connection: BlockingConnection
    let state: TransactionState

    /// In a write, takes the sequence lock (once) before anything the counting rules order: the batches, the
    /// roster, the invalid lists and the rows. Settings, tokens and notices never wait for an import.
    func sequenced() throws {
        if state.writing && !state.holdsSequenceLock { try lockSequence() }
    }
}

/// What a transaction knows besides its connection.
final class TransactionState {
    let writing: Bool
    /// The changes the connection had committed when the transaction began.
    let ownChanges: Int64
    var holdsSequenceLock = false
    var holdsNoticeLock = false
    let location: PostgresLocation
    let path: String
    let lockSeconds: Int
    let queueSeconds: Int

    init(writing: Bool, ownChanges: Int64, store: PostgresStore) {
        self.writing = writing
        self.ownChanges = ownChanges
        location = store.location
        path = store.location.description
        lockSeconds = store.lockSeconds
        queueSeconds = store.queueSeconds
    }
}
