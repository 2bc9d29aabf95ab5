import Foundation
import GRDB
import Glibc
import RegTrackerCore

/// The SQLite store: one database file in WAL mode, created with mode 0600 because it holds personal data.
public final class SQLiteStore: RegistryStore {
    private let queue: DatabaseQueue

    /// How long a second process waits for the database before giving up with a clear message.
    public static let busyTimeout: TimeInterval = 60

    /// Opens (creating on first use) the database at `path`; `":memory:"` for tests. `readOnly` opens an existing
    /// database through SQLite's read-only mode (for the dashboard): nothing is created or migrated, and a file
    /// older than this binary's schema is refused.
    public init(path: String, readOnly: Bool = false) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.journalMode = path == ":memory:" || readOnly ? .default : .wal
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync never corrupts; only a power cut can lose the last commit, which the next
            // scheduled run imports again. A larger cache keeps a big import's pages out of the WAL until commit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -8192; PRAGMA temp_store = MEMORY")
        }
        do {
            if path == ":memory:" {
                queue = try DatabaseQueue(configuration: configuration)
            } else if readOnly {
                guard FileManager.default.fileExists(atPath: path) else {
                    throw StoreError(
                        message: "there is no database \(path)", hint: "check --db or $REGTRACKER_DB")
                }
                queue = try DatabaseQueue(path: path, configuration: configuration)
                guard try queue.read(Migrations.migrator.hasCompletedMigrations) else {
                    throw StoreError(
                        message: "the database \(path) has an older schema than this regtracker",
                        hint: "run any other regtracker command on it once, which upgrades it")
                }
                return
            } else {
                try Self.createPrivately(path)
                queue = try DatabaseQueue(path: path, configuration: configuration)
            }
            try Migrations.migrator.migrate(queue)
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path)
        }
    }

    public func write<T>(_ body: (any RegistryTransaction) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(SQLiteTransaction(db: db))
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: queue.path)
        }
    }

    public func read<T>(_ body: (any RegistryTransaction) throws -> T) throws -> T {
        do {
            return try queue.read { db in try body(SQLiteTransaction(db: db)) }
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: queue.path)
        }
    }

    /// Creates the file with mode 0600 before SQLite does; SQLite gives its -wal and -shm files the same mode.
    private static func createPrivately(_ path: String) throws {
        let descriptor = Glibc.open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError(
                message: "cannot open the database \(path) (\(String(cString: strerror(errno))))",
                hint: "check that its folder exists and is writable, or choose another with --db")
        }
        close(descriptor)
    }

    private static func storeError(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            StoreError(
                message: "the database \(path) is busy: another regtracker run held it for over \(Int(busyTimeout)) s",
                hint: "wait for the other run to finish and try again")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            StoreError(
                message: "\(path) is not a regtracker database or is damaged",
                hint: "check the --db path; restore the file from a backup if it was damaged")
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            StoreError(message: "cannot write the database \(path)", hint: "check its permissions and free disk space")
        case .SQLITE_FULL, .SQLITE_IOERR:
            StoreError(message: "the disk holding \(path) is full or failing", hint: "free space and run again")
        default:
            StoreError(message: "database error (\(error.resultCode))", hint: "run again; report it if it persists")
        }
    }
}
