import Foundation
import GRDB
import Testing

@testable import RegTrackerStore

/// Issue 20, items 1 and 9: every writing connection syncs each commit to disk (a committed import survives a power
/// cut) and overwrites what it deletes (a purge erases).
@Suite struct ConnectionSettingsTests {
    @Test func aWritingConnectionSyncsEveryCommitAndErasesWhatItDeletes() throws {
        let folder = NSTemporaryDirectory() + "regtracker-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteStore(path: folder + "/county.sqlite")
        let settings = try store.write { transaction -> [String: Int] in
            let db = try #require(transaction as? SQLiteTransaction).db
            return [
                "synchronous": try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1,
                "secure_delete": try Int.fetchOne(db, sql: "PRAGMA secure_delete") ?? -1,
                "journal_size_limit": try Int.fetchOne(db, sql: "PRAGMA journal_size_limit") ?? -1,
            ]
        }
        #expect(settings["synchronous"] == 2, "FULL")
        #expect(settings["secure_delete"] == 1)
        #expect(settings["journal_size_limit"] == 64 << 20)
        let mode = try store.read { transaction in
            try String.fetchOne(try #require(transaction as? SQLiteTransaction).db, sql: "PRAGMA journal_mode")
        }
        #expect(mode == "wal")
    }
}
