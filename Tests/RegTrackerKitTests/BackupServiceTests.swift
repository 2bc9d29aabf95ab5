import Foundation
import RegTrackerKit
import RegTrackerStore
import Testing

/// Issue 18: how backups are named, recognised and pruned.
@Suite struct BackupServiceTests {
    @Test(arguments: [
        ("regtracker-2026-12-02T063000.sqlite", true),
        ("regtracker-2026-12-02T063000.sqlite.partial", false),
        ("regtracker-manual.sqlite", false),
        ("regtracker-2026-12-02.sqlite", false),
        ("county.sqlite", false),
    ])
    func onlyTheCopiesBackupWritesArePruned(name: String, pruned: Bool) {
        #expect(BackupService.isBackupName(name) == pruned)
    }

    @Test(arguments: [
        ("backups", false), ("backups/", false), ("/var/backups/regtracker", false), ("copy.sqlite", true),
        ("copy.db", true),
    ])
    func aDestinationEndingInSqliteOrDbIsAFile(destination: String, isFile: Bool) {
        #expect(BackupService.namesFile(destination) == isFile)
    }

    @Test func theStampSortsInTimeOrder() {
        let stamp = BackupService.stamp()
        #expect(stamp.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{6}/) != nil, "\(stamp)")
        #expect(BackupService.isBackupName(BackupService.fileName(stamp)))
    }

    @Test func aMissingDatabaseIsNamedAndNoFolderIsMade() throws {
        let folder = NSTemporaryDirectory() + "regtracker-backup-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let service = BackupService(database: folder + "/none.sqlite")
        #expect(throws: SQLiteBackup.Failure.noDatabase(path: folder + "/none.sqlite")) {
            try service.backup(to: folder + "/backups")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/backups"))
    }
}
