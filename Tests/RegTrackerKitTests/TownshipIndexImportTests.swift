import Foundation
import GRDB
import RegTrackerCore
import Testing

@testable import RegTrackerStore

/// An import that outgrows the rows stored before it sets the index by township aside and builds it at the end
/// (issue 17): the database is the same as when each entry is added as its row comes.
@Suite(.serialized) struct TownshipIndexImportTests {
    /// `count` rows from `first` on: valid IDs and phones of their own, every third a duplicate of the row before,
    /// townships and villages in turn, one township the roster lacks.
    static func list(from first: Int, count: Int) -> String {
        var lines = ["序号,姓名,乡镇,身份证号码,手机号码,所属村（社区）,注册时间"]
        for number in first..<(first + count) {
            let person = number % 3 == 0 ? number - 1 : number
            let first17 = "11010519800101" + String(format: "%03d", person)
            let id = first17 + String(IDNumber.checkCharacter(for: Array(first17.utf8)))
            let township = ["青石镇", "白沙镇", "青石镇", "红岩镇"][number % 4]
            lines.append("\(number),人\(number),\(township),\(id),1380013\(String(format: "%04d", person)),村\(number % 2),")
        }
        return lines.joined(separator: "\n")
    }

    /// Each row's stored columns, the index's definition, SQLite's integrity check and the report's figures.
    func state(after threshold: Int) throws -> [String] {
        TownshipIndex.setAsideRows = threshold
        defer { TownshipIndex.setAsideRows = 100_000 }
        let folder = NSTemporaryDirectory() + "regtracker-township-index-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inbox = try TestInbox(store: try SQLiteStore(path: folder + "/db.sqlite"))
        _ = try inbox.roster()
        // Into an empty table: set aside after `threshold` rows. Then 12 rows onto 9: set aside after the 10th
        // (more than the table held). Then 3 onto 21: kept up a row at a time.
        let counts = try [(1, 9), (10, 12), (22, 3)].map { first, count in
            try inbox.register("list-\(first).csv", Self.list(from: first, count: count)).summary?.rows
        }
        #expect(counts == [9, 12, 3])
        let queue = try DatabaseQueue(path: folder + "/db.sqlite")
        let stored = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM registration ORDER BY id").map { "\($0)" }
                + String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'registration_by_township'")
                + String.fetchAll(db, sql: "PRAGMA integrity_check")
                + String.fetchAll(
                    db, sql: "SELECT IFNULL(township_id, '-') || '/' || outcome || '/' || COUNT(*) FROM registration "
                        + "INDEXED BY registration_by_township GROUP BY township_id, outcome")
        }
        let figures = try inbox.report().townships.map { "\($0.township) \($0.counts)" }
        return stored + figures
    }

    @Test func settingTheIndexAsideGivesWhatKeepingItUpGives() throws {
        let setAside = try state(after: 2)
        let keptUp = try state(after: Int.max - 1)
        #expect(setAside == keptUp)
        #expect(setAside.count == 24 + 1 + 1 + 5 + 2)
        #expect(setAside.contains { $0.hasPrefix("CREATE INDEX registration_by_township") })
        // Rows read through the index by township: six in 红岩镇 (no township of the roster), duplicates (4) of
        // rows in the roster's townships and valid rows (5).
        #expect(Array(setAside.suffix(7).prefix(5)) == ["-/0/6", "1/4/2", "1/5/10", "2/4/2", "2/5/4"])
        #expect(setAside.contains("ok"))
    }
}
