import Foundation
import Glibc
import RegTrackerStore

/// `regtracker backup` and `restore`: dated, consistent copies of the database, and putting one back.
///
/// A destination ending in `.sqlite` or `.db` is a file, replaced atomically; anything else is a folder (created
/// with mode 0700 when missing) that receives `regtracker-YYYY-MM-DDTHHMMSS.sqlite`, named by local time, of which
/// the newest `keep` are kept. Copies have mode 0600: they hold the same personal data as the database.
public struct BackupService: Sendable {
    public var database: String
    /// The moment that names the copy, as `YYYY-MM-DDTHHMMSS` (local time).
    public var stamp: String

    public init(database: String, stamp: String = BackupService.stamp()) {
        self.database = database
        self.stamp = stamp
    }

    public static let defaultKeep = 14

    public struct Result: Sendable, Equatable {
        /// The copy written.
        public var path: String
        /// Older copies removed by `keep`, oldest first.
        public var removed: [String]
    }

    /// True when `destination` names a file rather than a folder.
    public static func namesFile(_ destination: String) -> Bool {
        destination.hasSuffix(".sqlite") || destination.hasSuffix(".db")
    }

    /// Writes a copy to `destination`; in a folder, then keeps the newest `keep` copies (0 keeps every copy).
    public func backup(to destination: String, keep: Int = BackupService.defaultKeep) throws -> Result {
        if Self.namesFile(destination) {
            try SQLiteBackup.copy(from: database, to: destination)
            return Result(path: destination, removed: [])
        }
        let folder = destination.hasSuffix("/") && destination.count > 1 ? String(destination.dropLast()) : destination
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            // Check the source first, so that a missing database leaves no empty folder behind.
            guard FileManager.default.fileExists(atPath: database) else {
                throw SQLiteBackup.Failure.noDatabase(path: database)
            }
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw SQLiteBackup.Failure.cannotWrite(path: folder, reason: "cannot create the folder")
            }
        } else if !isFolder.boolValue {
            throw SQLiteBackup.Failure.cannotWrite(path: folder, reason: "a file, not a folder")
        }
        let path = folder + "/" + Self.fileName(stamp)
        try SQLiteBackup.copy(from: database, to: path)
        return Result(path: path, removed: try prune(folder, keep: keep))
    }

    /// Checks `file` and puts it in place of the database; returns where the database as it was is kept
    /// (`<database>.before-restore-<stamp>`), nil when there was no database.
    public func restore(_ file: String) throws -> String? {
        let old = database + ".before-restore-" + stamp
        let existed = FileManager.default.fileExists(atPath: database)
        try SQLiteBackup.restore(file, into: database, keepingOldAt: old)
        return existed ? old : nil
    }

    /// `regtracker-2026-12-02T063000.sqlite`: names sort in time order.
    public static func fileName(_ stamp: String) -> String { "regtracker-\(stamp).sqlite" }

    /// Whether `name` is a copy that `backup` wrote (and so may prune).
    public static func isBackupName(_ name: String) -> Bool {
        name.wholeMatch(of: /regtracker-\d{4}-\d{2}-\d{2}T\d{6}\.sqlite/) != nil
    }

    /// Removes all but the newest `keep` copies in `folder`; other files are never touched.
    private func prune(_ folder: String, keep: Int) throws -> [String] {
        guard keep > 0 else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter(Self.isBackupName).sorted()
        let removed = names.dropLast(keep).map { folder + "/" + $0 }
        for path in removed { try FileManager.default.removeItem(atPath: path) }
        return removed
    }

    /// Now, local time, as `YYYY-MM-DDTHHMMSS`.
    public static func stamp() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        let date = [Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday)]
        let clock = [parts.tm_hour, parts.tm_min, parts.tm_sec].map(Int.init)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date[0])-\(two(date[1]))-\(two(date[2]))T" + clock.map(two).joined()
    }
}
