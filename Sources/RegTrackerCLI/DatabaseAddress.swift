import Foundation
import RegTrackerStore

/// Where the data is, from `--db` or `REGTRACKER_DB`: a SQLite file (the default). The one place that knows which
/// store stands behind an address; every command above it sees `RegistryStore` only.
enum DatabaseAddress: Sendable, Equatable {
    case file(path: String)

    init(_ text: String) {
        self = .file(path: text)
    }

    /// How messages name the database.
    var name: String {
        switch self {
        case .file(let path): path
        }
    }

    /// Whether there is a database at the address to read (a notice or `inspect` never creates one).
    var exists: Bool {
        switch self {
        case .file(let path): FileManager.default.fileExists(atPath: path)
        }
    }

    /// Opens the database for writing, creating and migrating it on first use.
    func open() throws -> any RegistryStore {
        switch self {
        case .file(let path): try SQLiteStore(path: path)
        }
    }

    /// Opens an existing, fully migrated database for reading only (SPEC 3): never created, never migrated, never
    /// waiting for a writer. Failures are `DatabaseOpeningError`.
    func openExisting() throws -> any RegistryStore {
        switch self {
        case .file(let path): try SQLiteStore.existing(path: path)
        }
    }

    /// The dashboard's one writing connection, for its login sessions, on an existing database.
    func openSessionWriter() throws -> any RegistryStore {
        switch self {
        case .file(let path): try SQLiteStore.sessionWriter(path: path)
        }
    }

    /// Brings an existing database up to this version's schema; returns the migrations applied.
    func migrate() throws -> [String] {
        switch self {
        case .file(let path): try SQLiteStore.migrate(path: path)
        }
    }

    /// The database file, for the commands that copy files (`backup`, `restore`); nil for a database on a server.
    var filePath: String? {
        switch self {
        case .file(let path): path
        }
    }
}
