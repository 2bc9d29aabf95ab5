import Foundation
import GRDB
import Glibc
import RegTrackerCore

/// The SQLite store: one database file in WAL mode, created with mode 0600 because it holds personal data.
public final class SQLiteStore: RegistryStore {
    private let queue: DatabaseQueue

    /// How long a second process waits for the database before giving up with a clear message.
    public static let busyTimeout = TimeInterval(StoreError.busySeconds)

    /// FULL, except under `REGTRACKER_BENCH_SYNCHRONOUS=NORMAL`: a benchmark-only switch, so that `make bench` can
    /// measure what FULL costs (docs/benchmarks.md); never set it for real data.
    static let synchronous =
        ProcessInfo.processInfo.environment["REGTRACKER_BENCH_SYNCHRONOUS"] == "NORMAL" ? "NORMAL" : "FULL"

    /// The page size of a database this store creates.
    static let pageSize = 16384

    /// Opens (creating on first use) the database at `path`; `":memory:"` for tests. Readers use `existing(path:)`.
    public init(path: String) throws {
        var configuration = Configuration.regTracker()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.journalMode = path == ":memory:" ? .default : .wal
        configuration.foreignKeysEnabled = true
        let synchronous = Self.synchronous
        configuration.prepareDatabase { db in
            // FULL: a committed import survives a power cut (one more sync a file costs milliseconds). secure_delete:
            // deleted rows are overwritten, not left in free pages, whatever SQLite was built with (a purge must
            // erase). journal_size_limit: the WAL does not keep a large import's pages after a checkpoint.
            // temp_store stays SQLite's default, files: a sort or grouping of a million rows (a roster change's
            // count of rows by township text) then spills to an unlinked file instead of growing memory (75 MB).
            // page_size, for a new database only (an existing one keeps its own): every page of an import goes
            // through the WAL and again through the checkpoint, and 16 KiB pages cost half the system time of 4 KiB
            // ones for the same rows (docs/benchmarks.md).
            try db.execute(
                sql: """
                    PRAGMA page_size = \(Self.pageSize); PRAGMA synchronous = \(synchronous); PRAGMA secure_delete = ON;
                    PRAGMA journal_size_limit = 67108864; PRAGMA cache_size = -8192
                    """)
        }
        do {
            if path == ":memory:" {
                queue = try DatabaseQueue(configuration: configuration)
            } else {
                try Self.createPrivately(path)
                queue = try DatabaseQueue(path: path, configuration: configuration)
                // GRDB sets `synchronous = NORMAL` when it turns WAL on, after `prepareDatabase`: set it again.
                try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = \(Self.synchronous)") }
            }
            try Self.migrate(queue)
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path)
        }
    }

    /// Migrates a database that other runs may be creating at the same moment (cron and a person on its first
    /// use): the migrator reads which migrations are applied before it takes the write lock, so two runs can both
    /// try the same one, and the later finds its table already there. It tries again, up to 5 s, once the other
    /// is through: what is applied then is read anew.
    private static func migrate(_ queue: DatabaseQueue) throws {
        var attempts = 0
        while true {
            do {
                return try Migrations.migrator.migrate(queue)
            } catch let error as DatabaseError
                where attempts < 50 && [.SQLITE_ERROR, .SQLITE_CONSTRAINT].contains(error.resultCode)
            {
                attempts += 1
                usleep(100_000)
            }
        }
    }

    init(queue: DatabaseQueue) {
        self.queue = queue
    }

    /// Opens an existing, fully migrated database read-only, for the commands that only read (SPEC 3): it never
    /// creates a file, never migrates and never takes the write lock, so it answers while an import is writing.
    public static func existing(path: String) throws -> SQLiteStore {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw DatabaseOpeningError(code: .noDatabase, path: path)
        }
        var configuration = Configuration.regTracker()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -8192")
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let state = try queue.read { db -> DatabaseOpeningError.Code? in
                let applied = try Migrations.migrator.appliedIdentifiers(db)
                if applied.isEmpty {
                    // An empty file (a database nobody imported into) is no database; tables of another
                    // program are not ours.
                    let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
                    return tables == 0 ? .noDatabase : .notRegTracker
                }
                return Set(Migrations.migrator.migrations).isSubset(of: applied) ? nil : .needsMigration
            }
            if let state { throw DatabaseOpeningError(code: state, path: path) }
            return SQLiteStore(queue: queue)
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path, reading: true)
        }
    }

    /// Brings the existing database at `path` up to the current schema; returns the migrations it
    /// applied, empty when it was up to date.
    public static func migrate(path: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DatabaseOpeningError(code: .noDatabase, path: path)
        }
        let (before, tables) = try existingMigrations(path: path)
        // Our tables are not added to another program's database.
        if before.isEmpty && tables > 0 { throw DatabaseOpeningError(code: .notRegTracker, path: path) }
        let store = try SQLiteStore(path: path)
        let after = try store.queue.read { try Migrations.migrator.appliedMigrations($0) }
        return after.filter { !before.contains($0) }
    }

    /// The migrations applied to the database at `path`, and how many tables and indexes it has.
    private static func existingMigrations(path: String) throws -> (applied: Set<String>, tables: Int) {
        var configuration = Configuration.regTracker()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                (
                    try Migrations.migrator.appliedIdentifiers(db),
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
                )
            }
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

    /// Copies the WAL into the database and truncates it, so that pages a purge overwrote are gone from the -wal
    /// file too. Waits (up to the busy timeout) for readers of older snapshots; false when one held on longer.
    public func erasePurgedRemains() throws -> Bool {
        do {
            return try queue.writeWithoutTransaction { db in
                guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") else { return true }
                let busy: Int = row["busy"]
                return busy == 0
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

    private static func storeError(_ error: DatabaseError, path: String, reading: Bool = false) -> StoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            StoreError(
                message: "the database \(path) is busy: another regtracker run held it for over \(Int(busyTimeout)) s",
                hint: "wait for the other run to finish and try again", code: .busy, path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            StoreError(
                message: "\(path) is not a regtracker database or is damaged",
                hint: "check the --db path; restore the file from a backup if it was damaged", code: .notADatabase,
                path: path)
        case .SQLITE_CANTOPEN where reading, .SQLITE_PERM where reading:
            StoreError(
                message: "cannot read the database \(path)", hint: "check its permissions", code: .cannotRead,
                path: path)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            StoreError(
                message: "cannot write the database \(path)", hint: "check its permissions and free disk space",
                code: .cannotWrite, path: path)
        case .SQLITE_FULL, .SQLITE_IOERR:
            StoreError(
                message: "the disk holding \(path) is full or failing", hint: "free space and run again",
                code: .diskFull, path: path)
        default:
            StoreError(message: "database error (\(error.resultCode))", hint: "run again; report it if it persists")
        }
    }
}
