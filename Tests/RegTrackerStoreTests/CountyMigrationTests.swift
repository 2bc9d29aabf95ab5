import Foundation
import GRDB
import RegTrackerCore
import Testing

@testable import RegTrackerStore

/// Migration v13 (SPEC 8): a database of the release before counties opens with its roster and rows as they were,
/// none of them in a county; a roster with counties is stored and read back with them.
@Suite struct CountyMigrationTests {
    @Test func aDatabaseOfTheReleaseBeforeCountiesKeepsItsRosterWithoutCounties() throws {
        let folder = NSTemporaryDirectory() + "regtracker-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/old.sqlite"
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v12: township row index and figure totals")
        try queue.write { db in
            try db.execute(
                sql: StoreFixtures.rosterAndListBatches + StoreFixtures.township(id: 1, "城关镇", population: 1000)
                    + """
                    INSERT INTO registration (id, batch_id, row_number, raw, township_text, name, village, flagged,
                        outcome, township_id, phone_key)
                    VALUES (1, 2, 2, '', '城关镇', '某', '', 0, 5, 1, 13800138000);
                    """)
        }
        try queue.close()

        let store = try SQLiteStore(path: path)
        let roster = try store.read { try $0.currentRoster() }
        #expect(roster.roster.townships == [Township(name: "城关镇", population: 1000)])
        #expect(!roster.roster.hasCounties)
        // Deciding the row again finds it in the same township: nothing changes.
        let changed = try store.write { transaction in
            var engine = OutcomeEngine(roster: roster.roster, invalidEntries: [])
            return try transaction.reevaluate(roster: roster) { try engine.decide(row: $0, facts: $1) }
        }
        #expect(changed == 0)
    }

    @Test func aRosterWithCountiesIsStoredAndReadBackWithThem() throws {
        let store = try SQLiteStore(path: ":memory:")
        let townships = [
            Township(name: "城关镇", population: 1000, county: "青石县"),
            Township(name: "城关镇", population: 2000, county: "云岭县"),
        ]
        try store.write { transaction in
            let batch = try transaction.insertBatch(
                NarrowStoreTests.batch(.roster, file: "r.csv", sha256: "aa", at: "2026-11-01 09:00:00"))
            try transaction.insertRoster(
                batch: batch, townships: townships.enumerated().map { ($0.offset + 2, $0.element) })
        }
        let roster = try store.read { try $0.currentRoster().roster }
        #expect(roster.townships == townships)
        #expect(roster.counties == ["青石县", "云岭县"])
        #expect(roster.resolve(countyKey: "云岭县", townshipKey: "城关镇") == .township(1))
    }
}
