import Foundation
import GRDB
import RegTrackerCore
import Testing

@testable import RegTrackerStore

/// The kept figures (issue 13): the registration day taken as SQL takes it, and a database of the last release
/// filled by its migration.
@Suite struct KeptFiguresTests {
    @Test func theRegistrationDayIsTheLeadingDateOnly() {
        #expect(FigureCounter.day("2026-11-02") == 20_261_102)
        #expect(FigureCounter.day("2026-11-02 08:30:15") == 20_261_102)
        #expect(FigureCounter.day("0000-00-00") == 0)
        #expect(FigureCounter.day("2026/11/02") == -1)
        #expect(FigureCounter.day("2026-1-2") == -1)
        #expect(FigureCounter.day("上周三") == -1)
        #expect(FigureCounter.day("２０２６-11-02") == -1)
        #expect(FigureCounter.day(nil) == -1)
        #expect(FigureCounter.text(20_261_102) == "2026-11-02")
        #expect(FigureCounter.text(0) == "0000-00-00")
        #expect(FigureCounter.text(-1) == nil)
    }

    @Test func theMigrationFillsTheFiguresFromTheRowsOfTheLastRelease() throws {
        let folder = NSTemporaryDirectory() + "regtracker-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Self.storeOfTheLastRelease(in: folder)
        let tally = try store.read { try $0.outcomeTally(roster: $0.currentRoster()) }
        #expect(tally.byTownship[7] == OutcomeCounts(malformed: 1, duplicates: 1, valid: 2))
        #expect(tally.unassigned == 1)
        #expect(tally.newestBatch[7] == NewestBatch(batch: 2, importedAt: "2026-11-03 09:00:00"))
        #expect(try store.read { try $0.figureDifferences() }.isEmpty)
        let summary = try store.read { try $0.figureSummary() }
        #expect(summary == FigureSummary(groups: 4, rows: 5), "valid on 10-30 (2 rows), duplicate, malformed, unassigned")
    }

    /// The totals without the day follow every insert and delete of the figures by day; `check` finds totals that
    /// drifted, and the repair makes them again.
    @Test func theTotalsFollowTheFiguresAndCheckFindsTotalsThatDrifted() throws {
        let folder = NSTemporaryDirectory() + "regtracker-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try Self.storeOfTheLastRelease(in: folder)
        func totals() throws -> [[Int64]] {
            try store.read { transaction in
                try Row.fetchAll(
                    (transaction as! SQLiteTransaction).db,
                    sql: "SELECT township_key, village_key, outcome, batch_id, rows FROM figure_total ORDER BY 1, 2, 3, 4"
                ).map { row in (0..<5).map { row[$0] } }
            }
        }
        // valid 2 (two days), duplicate 1, malformed 1 for 青石镇 (#7); unassigned 1 without a township.
        #expect(try totals() == [[0, 0, 0, 2, 1], [7, 0, 1, 2, 1], [7, 0, 4, 2, 1], [7, 0, 5, 2, 2]])

        try store.write { transaction in
            let db = (transaction as! SQLiteTransaction).db
            try db.execute(
                sql: "INSERT INTO figure (batch_id, township_id, outcome, registered_day, rows) VALUES (2, 7, 5, NULL, 3)")
            try db.execute(sql: "DELETE FROM figure WHERE township_id IS NULL")
            try db.execute(sql: "UPDATE figure SET outcome = 4, village_id = 3 WHERE outcome = 1")
        }
        #expect(try totals() == [[7, 0, 4, 2, 1], [7, 0, 5, 2, 5], [7, 3, 4, 2, 1]])
        let tally = try store.read { try $0.outcomeTally(roster: $0.currentRoster()) }
        #expect(tally.byTownship[7] == OutcomeCounts(duplicates: 2, valid: 5))
        #expect(tally.unassigned == 0)

        try store.write { try ($0 as! SQLiteTransaction).db.execute(sql: "UPDATE figure_total SET rows = 4 WHERE outcome = 5") }
        let differences = try store.read { try $0.figureDifferences() }.filter(\.group.allDays)
        #expect(differences.map { [$0.group.outcome, Int($0.kept), Int($0.recomputed)] } == [[5, 4, 5]])
        #expect(differences.first?.township == "青石镇")
        _ = try store.write { try $0.rebuildFigures() }
        #expect(try store.read { try $0.figureDifferences() }.isEmpty)
        #expect(try totals() == [[0, 0, 0, 2, 1], [7, 0, 1, 2, 1], [7, 0, 4, 2, 1], [7, 0, 5, 2, 2]])
    }

    /// The figures go in many groups a statement: every group of a counter larger than one statement is stored
    /// once, with its count, and the totals are their sums.
    @Test func aCounterOfMoreGroupsThanAStatementTakesIsStoredWhole() throws {
        let folder = NSTemporaryDirectory() + "regtracker-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteStore(path: folder + "/figures.sqlite")
        var counter = FigureCounter()
        let groups = FigureCounter.groupsPerStatement * 2 + 7
        for group in 0..<groups {
            for _ in 0...(group % 3) {
                counter.add(
                    batch: 2, township: group % 2 == 0 ? 7 : nil, village: nil, outcome: group % 6,
                    registeredDay: Int32(20_260_101 + group))
            }
        }
        try store.write { transaction in
            let db = (transaction as! SQLiteTransaction).db
            try db.execute(
                sql: StoreFixtures.rosterAndListBatches + StoreFixtures.township(id: 7, "青石镇", population: 10))
            try counter.insert(into: db)
        }
        let stored = try store.read { transaction in
            try Row.fetchAll(
                (transaction as! SQLiteTransaction).db,
                sql: "SELECT township_id, outcome, registered_day, rows FROM figure ORDER BY registered_day")
        }
        #expect(stored.count == groups)
        for (group, row) in stored.enumerated() {
            let expected: [DatabaseValue] = [
                (group % 2 == 0 ? 7 : nil as Int64?).databaseValue, (group % 6).databaseValue,
                FigureCounter.text(Int32(20_260_101 + group)).databaseValue, (group % 3 + 1).databaseValue,
            ]
            #expect(Array(row.databaseValues) == expected, "group \(group)")
        }
        let totalRows = try store.read {
            try Int.fetchOne(($0 as! SQLiteTransaction).db, sql: "SELECT SUM(rows) FROM figure_total")
        }
        #expect(totalRows == (0..<groups).reduce(0) { $0 + $1 % 3 + 1 })
    }

    /// A database as the release before kept figures left it (migrated up to v6), with six rows of 青石镇 (#7) in
    /// batch 2, opened (and so migrated) by this release.
    private static func storeOfTheLastRelease(in folder: String) throws -> SQLiteStore {
        let path = folder + "/old.sqlite"
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v6: audit log of purges")
        try queue.write { db in
            try db.execute(
                sql: StoreFixtures.rosterAndListBatches + StoreFixtures.township(id: 7, "青石镇", population: 10))
            let rows: [(Int?, Int64?, String?)] = [
                (5, 7, "2026-10-30"), (5, 7, "2026-10-30 08:00"), (4, 7, "2026-10-31"), (1, 7, nil),
                (0, nil, "昨天"), (nil, nil, "2026-10-30"),
            ]
            for (index, row) in rows.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO registration (batch_id, row_number, raw, township_text, name, village, flagged,
                            outcome, township_id, registered_at)
                        VALUES (2, ?, '', '青石镇', '某', '', 0, ?, ?, ?)
                        """, arguments: [index + 2, row.0, row.1, row.2])
            }
        }
        try queue.close()
        return try SQLiteStore(path: path)
    }
}
