import Foundation
import GRDB
import RegTrackerCore
import Testing

@testable import RegTrackerStore

/// A re-evaluation that changes most rows stores them with the index by township dropped and built again
/// (issue 17); the rows, the index and the kept figures are the same as when each entry is moved.
@Suite(.serialized) struct ReevaluationIndexTests {
    /// A database with one township and six rows not decided yet: two pairs share a phone (so one of each is a
    /// duplicate), one row names a township the roster lacks.
    func database(at path: String) throws -> SQLiteStore {
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue)
        try queue.write { db in
            try db.execute(
                sql: StoreFixtures.rosterAndListBatches + StoreFixtures.township(id: 1, "城关镇", population: 1000)
                    + """
                    INSERT INTO registration (id, batch_id, row_number, raw, township_text, name, village, flagged,
                        phone_key, registered_at)
                    VALUES (1, 2, 2, '', '城关镇', '甲', '', 0, 13800138001, '2026-11-02'),
                        (2, 2, 3, '', '城关镇', '乙', '', 0, 13800138002, '2026-11-02'),
                        (3, 2, 4, '', '城关镇', '丙', '', 0, 13800138001, '2026-11-03'),
                        (4, 2, 5, '', '青石镇', '丁', '', 0, 13800138004, '2026-11-03'),
                        (5, 2, 6, '', '城关镇', '戊', '', 0, 13800138002, NULL),
                        (6, 2, 7, '', '城关镇', '己', '', 1, 13800138006, '2026-11-03');
                    """)
        }
        try queue.close()
        return try SQLiteStore(path: path)
    }

    /// Every row's outcome columns, the index's definition, SQLite's integrity check and the kept figures' check.
    func state(of store: SQLiteStore) throws -> [String] {
        try store.read { transaction in
            let db = (transaction as! SQLiteTransaction).db
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, outcome, township_id, reference, reason, village_id FROM registration ORDER BY id"
            ).map { "\($0)" }
            let index = try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_master WHERE name = 'registration_by_township'")
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let figures = try transaction.figureDifferences().isEmpty ? "figures agree" : "figures differ"
            return rows + index + integrity + [figures]
        }
    }

    @Test func rebuildingTheIndexGivesWhatMovingEachEntryGives() throws {
        let folder = NSTemporaryDirectory() + "regtracker-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var states: [[String]] = []
        var changes: [Int] = []
        for threshold in [0, Int.max] {
            TownshipIndex.setAsideRows = threshold
            defer { TownshipIndex.setAsideRows = 100_000 }
            let store = try database(at: folder + "/\(threshold == 0 ? "rebuilt" : "moved").sqlite")
            let roster = try store.read { try $0.currentRoster() }
            changes.append(
                try store.write { transaction in
                    var engine = OutcomeEngine(roster: roster.roster, invalidEntries: [])
                    return try transaction.reevaluate(roster: roster) { try engine.decide(row: $0, facts: $1) }
                })
            states.append(try state(of: store))
        }
        #expect(changes == [6, 6])
        #expect(states[0] == states[1])
        #expect(states[0].contains { $0.hasPrefix("CREATE INDEX registration_by_township") })
        #expect(states[0].suffix(2) == ["ok", "figures agree"])
        // 1 and 2 valid, 3 and 5 their duplicates, 4 in no township of the roster, 6 flagged.
        #expect(states[0][2].contains("outcome:4") && states[0][2].contains("reference:1"))
        #expect(states[0][3].contains("township_id:NULL"))
    }

    @Test func theTriggersThatKeepTheTotalsAreMadeAgainAndKeepThem() throws {
        let folder = NSTemporaryDirectory() + "regtracker-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try database(at: folder + "/db.sqlite")
        func triggers() throws -> [String] {
            try store.read { transaction in
                try String.fetchAll(
                    (transaction as! SQLiteTransaction).db,
                    sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            }
        }
        let before = try triggers()
        #expect(before.count == 3)
        let roster = try store.read { try $0.currentRoster() }
        _ = try store.write { transaction in
            var engine = OutcomeEngine(roster: roster.roster, invalidEntries: [])
            return try transaction.reevaluate(roster: roster) { try engine.decide(row: $0, facts: $1) }
        }
        #expect(try triggers() == before)
        #expect(try state(of: store).last == "figures agree")
        // A figure written afterwards still moves the totals.
        let totals = try store.write { transaction in
            let db = (transaction as! SQLiteTransaction).db
            try db.execute(
                sql: """
                    INSERT INTO figure (batch_id, township_id, outcome, registered_day, rows) VALUES (2, 1, 5, NULL, 7)
                    """)
            let row = try Row.fetchOne(
                db, sql: "SELECT (SELECT SUM(rows) FROM figure), (SELECT SUM(rows) FROM figure_total)")
            return [row?[0] as Int? ?? 0, row?[1] as Int? ?? 0]
        }
        #expect(totals == [6 + 7, 6 + 7])
    }
}
