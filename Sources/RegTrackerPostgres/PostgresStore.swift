import PostgresNIO
import RegTrackerStore

/// The PostgreSQL store (issue 19): one connection per store, each `write` or `read` one transaction on it.
/// It grows store by store towards the whole `RegistryTransaction`; until then it is used by its tests only.
public final class PostgresStore: @unchecked Sendable {
    // One caller at a time: a store belongs to one command or one dashboard read thread.
    private let connection: BlockingConnection
    public let location: PostgresLocation
    /// The migrations this opening applied.
    public let applied: [String]

    /// Connects and brings the schema up to date.
    public init(_ location: PostgresLocation) throws {
        self.location = location
        connection = try BlockingConnection(location)
        applied = try PostgresSchema.migrate(connection)
    }

    /// Runs `body` in one transaction that commits when it returns and rolls back when it throws. SERIALIZABLE
    /// isolation is not needed: imports take the sequence lock themselves (`BatchLedger`).
    public func transaction<T>(readOnly: Bool = false, _ body: (PostgresTransaction) throws -> T) throws -> T {
        try connection.execute(sql: readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
        do {
            let result = try body(PostgresTransaction(connection: connection))
            try connection.execute(sql: "COMMIT")
            return result
        } catch {
            try? connection.execute(sql: "ROLLBACK")
            throw error
        }
    }
}

/// What one PostgreSQL transaction can do; each narrow store is an extension of its own.
public struct PostgresTransaction {
    let connection: BlockingConnection
}
