import Foundation
import RegTrackerPostgres
import RegTrackerStore

/// Where the data is, from `--db` or `REGTRACKER_DB`: a SQLite file (the default) or a database on a PostgreSQL
/// server (`postgres://…`, issue 19). The one place that knows which store stands behind an address; every command
/// above it sees `RegistryStore` only.
enum DatabaseAddress: Sendable, Equatable {
    case file(path: String)
    case server(PostgresLocation)

    /// A text that starts like a PostgreSQL URL is one; `isWellFormed` (checked when the options are parsed)
    /// refuses one without a user or a database before this is asked.
    init(_ text: String) {
        if let location = PostgresLocation(url: text) {
            self = .server(location)
        } else {
            self = .file(path: text)
        }
    }

    static func isWellFormed(_ text: String) -> Bool {
        !PostgresLocation.names(text) || PostgresLocation(url: text) != nil
    }

    /// How messages name the database (a server's without its password).
    var name: String {
        switch self {
        case .file(let path): path
        case .server(let location): location.description
        }
    }

    /// Whether there is a database at the address to read (`inspect` never creates one). A server's database is
    /// looked for when it is opened.
    var exists: Bool {
        switch self {
        case .file(let path): FileManager.default.fileExists(atPath: path)
        case .server: true
        }
    }

    /// Opens the database for writing, creating (a file) and migrating it on first use.
    func open() throws -> any RegistryStore {
        switch self {
        case .file(let path): try SQLiteStore(path: path)
        case .server(let location): try PostgresStore(location)
        }
    }

    /// Opens an existing database for writing, migrating it, but never creating one (a notice reads what is there):
    /// a missing file, or a server database without regtracker's tables, is `DatabaseOpeningError.noDatabase`.
    func openWithoutCreating() throws -> any RegistryStore {
        switch self {
        case .file(let path):
            guard exists else { throw DatabaseOpeningError(code: .noDatabase, path: path) }
            return try SQLiteStore(path: path)
        case .server(let location): return try PostgresStore(location, creating: false)
        }
    }

    /// Opens an existing, fully migrated database for reading only (SPEC 3): never created, never migrated, never
    /// waiting for a writer. Failures are `DatabaseOpeningError`.
    func openExisting() throws -> any RegistryStore {
        switch self {
        case .file(let path): try SQLiteStore.existing(path: path)
        case .server(let location): try PostgresStore.existing(location)
        }
    }

    /// The dashboard's one writing connection, for its login sessions, on an existing database.
    func openSessionWriter() throws -> any RegistryStore {
        switch self {
        case .file(let path): try SQLiteStore.sessionWriter(path: path)
        case .server(let location): try PostgresStore.existing(location, readOnly: false)
        }
    }

    /// Brings an existing database up to this version's schema; returns the migrations applied.
    func migrate() throws -> [String] {
        switch self {
        case .file(let path): try SQLiteStore.migrate(path: path)
        case .server(let location): try PostgresStore.migrate(location)
        }
    }

    /// The database file, for the commands that copy files (`backup`, `restore`); nil for a database on a server.
    var filePath: String? {
        switch self {
        case .file(let path): path
        case .server: nil
        }
    }
}
