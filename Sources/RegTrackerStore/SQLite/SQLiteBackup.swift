import Foundation
import GRDB
import Glibc

/// Whole-database copies through SQLite's online backup API, for `regtracker backup` and `restore`.
///
/// The backup copies every page in one step inside one read transaction of the source, so the copy is the database
/// as one commit left it, however many imports write meanwhile in other processes (WAL lets them go on). Restoring
/// copies the other way, into the live database, in one write transaction: a reader sees the old or the new
/// database, never a mixture, and a running import is waited for like any writer (up to `SQLiteStore.busyTimeout`).
public enum SQLiteBackup {
    /// Why a file cannot be backed up or restored; each case names the file.
    public enum Failure: Error, Sendable, Equatable {
        /// There is no database to copy (a backup never creates one).
        case noDatabase(path: String)
        /// The copy to restore from is not there (or is a folder).
        case noCopy(path: String)
        /// The file is not an SQLite database, or SQLite finds it damaged.
        case notADatabase(path: String)
        /// `PRAGMA integrity_check` reports problems; the first line of its report.
        case damaged(path: String, report: String)
        /// An SQLite database, but not one of regtracker's.
        case foreign(path: String)
        /// A regtracker database with migrations this binary does not know (made by a newer regtracker).
        case newerSchema(path: String)
        /// The database is held by another run for longer than the busy timeout.
        case busy(path: String)
        /// A file cannot be written or moved.
        case cannotWrite(path: String, reason: String)
    }

    /// Copies the database at `source` into a new file at `destination` (replaced atomically if it exists),
    /// mode 0600, as one self-contained file (rollback journal, no -wal beside it). Opens `source` read-only.
    public static func copy(from source: String, to destination: String) throws {
        let reader = try openReadOnly(source)
        let partial = destination + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try createPrivately(partial)
            let copy = try DatabaseQueue(path: partial, configuration: plainConfiguration())
            try reader.backup(to: copy)
            // The copy took the source's WAL flag with its header: make it one file again.
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw failure(error, path: source)
        }
        try move(partial, to: destination)
    }

    /// Checks that `path` is a sound regtracker database this binary can open: integrity, regtracker's schema, and
    /// no migration newer than this binary's. Reads only.
    public static func check(_ path: String) throws {
        let reader = try openReadOnly(path)
        do {
            try reader.read { db in
                let report = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard report == ["ok"] else {
                    throw Failure.damaged(path: path, report: report.first ?? "no report")
                }
                let migrator = Migrations.migrator
                guard try db.tableExists("grdb_migrations"), try db.tableExists("batch"),
                    let first = migrator.migrations.first,
                    try migrator.appliedIdentifiers(db).contains(first)
                else { throw Failure.foreign(path: path) }
                if try migrator.hasBeenSuperseded(db) { throw Failure.newerSchema(path: path) }
            }
            try reader.close()
        } catch {
            throw failure(error, path: path)
        }
    }

    /// Replaces the database at `database` with the checked copy `file`, in one transaction; the database as it
    /// was is first copied to `keepingOldAt`. A database that cannot be read any more (damaged) is moved there
    /// instead, with its -wal and -shm files. Where there is no database yet, the copy becomes it.
    public static func restore(_ file: String, into database: String, keepingOldAt old: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue else {
            throw Failure.noCopy(path: file)
        }
        try check(file)
        let manager = FileManager.default
        if manager.fileExists(atPath: database) {
            do {
                try copy(from: database, to: old)
            } catch Failure.notADatabase, Failure.damaged {
                for suffix in ["", "-wal", "-shm"] where manager.fileExists(atPath: database + suffix) {
                    try move(database + suffix, to: old + suffix)
                }
            }
        }
        var source = try openReadOnly(file)
        let samePages = database + ".restoring"
        defer { try? FileManager.default.removeItem(atPath: samePages) }
        do {
            let pageSize = try source.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } ?? SQLiteStore.pageSize
            try createPrivately(database)
            var configuration = plainConfiguration()
            configuration.journalMode = .wal
            // A database made here takes the copy's page size; an existing one keeps its own.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = \(pageSize)") }
            let live = try DatabaseQueue(path: database, configuration: configuration)
            let livePageSize = try live.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } ?? pageSize
            if livePageSize != pageSize {
                // SQLite cannot back up into a WAL database of another page size (4 KiB before regtracker made its
                // databases with 16 KiB pages): the copy is first rewritten with the live database's.
                try createPrivately(samePages)
                try source.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA page_size = \(livePageSize)")
                    try db.execute(sql: "VACUUM INTO ?", arguments: [samePages])
                }
                try source.close()
                source = try openReadOnly(samePages)
            }
            try source.backup(to: live)
            try live.close()
            try source.close()
        } catch {
            throw failure(error, path: database)
        }
    }

    private static func plainConfiguration() -> Configuration {
        var configuration = Configuration.regTracker()
        configuration.busyMode = .timeout(SQLiteStore.busyTimeout)
        return configuration
    }

    /// Opens an existing database for reading only: SQLite never creates or changes it through this connection.
    private static func openReadOnly(_ path: String) throws -> DatabaseQueue {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw Failure.noDatabase(path: path)
        }
        var configuration = plainConfiguration()
        configuration.readonly = true
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw failure(error, path: path)
        }
    }

    private static func createPrivately(_ path: String) throws {
        let descriptor = Glibc.open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw Failure.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
    }

    private static func move(_ from: String, to destination: String) throws {
        guard rename(from, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: from)
            throw Failure.cannotWrite(path: destination, reason: reason)
        }
    }

    private static func failure(_ error: any Error, path: String) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return Failure.notADatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return Failure.busy(path: path)
        default: return Failure.cannotWrite(path: path, reason: "\(error.resultCode)")
        }
    }
}
