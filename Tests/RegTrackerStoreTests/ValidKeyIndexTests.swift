import Foundation
import GRDB
import RegTrackerCore
import Testing

@testable import RegTrackerStore

/// The valid-key index (issue 17): filled by its migration from a database of the last release, read one key at a
/// time, checked against the rows, and rebuilt by a repair.
@Suite struct ValidKeyIndexTests {
    @Test func theMigrationIndexesTheKeysOfTheValidRowsOnly() throws {
        let folder = NSTemporaryDirectory() + "regtracker-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/old.sqlite"
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v10: villages (村/社区)")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO batch (id, kind, file_name, sha256, imported_at, format, headers, sequence)
                    VALUES (1, 'registrations', 'l.csv', 'b', '2026-11-03 09:00:00', 'csv', '', 1);
                    """)
            // (outcome, id key, phone key): valid, a duplicate of it, valid with a phone only, malformed, retracted.
            let rows: [(Int?, Int64?, Int64?)] = [
                (5, 101, 201), (4, 101, 202), (5, nil, 203), (1, 104, nil), (nil, 105, 205),
            ]
            for (index, row) in rows.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO registration (id, batch_id, row_number, raw, township_text, name, village, flagged,
                            outcome, id_key, phone_key)
                        VALUES (?, 1, ?, '', '青石镇', '某', '', 0, ?, ?, ?)
                        """, arguments: [index + 1, index + 2, row.0, row.1, row.2])
            }
        }
        try queue.close()

        let store = try SQLiteStore(path: path)
        try store.read { transaction in
            let keys = try transaction.validKeys(before: nil)
            #expect(!keys.isEmpty)
            #expect(try keys.row(idKey: 101) == 1)
            #expect(try keys.row(phoneKey: 201) == 1)
            #expect(try keys.row(phoneKey: 202) == nil, "a duplicate holds no key")
            #expect(try keys.row(phoneKey: 203) == 3)
            #expect(try keys.row(idKey: 104) == nil, "a malformed row holds no key")
            #expect(try keys.row(idKey: 105) == nil, "a row without an outcome holds no key")
            #expect(try transaction.validKeyDifferences().isEmpty)
        }
    }

    @Test func checkFindsAnIndexThatDisagreesWithTheRowsAndARepairRebuildsIt() throws {
        let store = try SQLiteStore(path: ":memory:")
        #expect(try store.read { try $0.validKeys(before: nil).isEmpty })
        try store.write { transaction in
            let db = (transaction as! SQLiteTransaction).db
            try db.execute(
                sql: """
                    INSERT INTO batch (id, kind, file_name, sha256, imported_at, format, headers, sequence)
                    VALUES (1, 'registrations', 'l.csv', 'b', '2026-11-03 09:00:00', 'csv', '', 1);
                    INSERT INTO registration (id, batch_id, row_number, raw, township_text, name, village, flagged,
                        outcome, id_key, phone_key)
                    VALUES (1, 1, 2, '', '青石镇', '某', '', 0, 5, 101, 201), (2, 1, 3, '', '青石镇', '某', '', 0, 5, 102, NULL);
                    INSERT INTO valid_id_key (key, registration_id) VALUES (101, 1), (103, 2);
                    INSERT INTO valid_phone_key (key, registration_id) VALUES (201, 1);
                    """)
        }
        let differences = try store.read { try $0.validKeyDifferences() }
        #expect(differences == [ValidKeyDifference(kind: .idNumber, missing: 1, extra: 1)])
        #expect(try store.write { try $0.rebuildValidKeys() } == 3)
        #expect(try store.read { try $0.validKeyDifferences() }.isEmpty)
        #expect(try store.read { try $0.validKeys(before: nil).row(idKey: 102) } == 2)
    }

    /// Valid rows 1…`count` of one batch, row n holding ID key 100 + n and phone key 200 + n.
    private static func validRows(_ count: Int, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO batch (id, kind, file_name, sha256, imported_at, format, headers, sequence)
                VALUES (1, 'registrations', 'l.csv', 'b', '2026-11-03 09:00:00', 'csv', '', 1)
                """)
        for row in 1...count {
            try db.execute(
                sql: """
                    INSERT INTO registration (id, batch_id, row_number, raw, township_text, name, village, flagged,
                        outcome, id_key, phone_key)
                    VALUES (?, 1, ?, '', '青石镇', '某', '', 0, 5, ?, ?)
                    """, arguments: [row, row + 1, 100 + row, 200 + row])
        }
    }

    private static func entries(in table: String, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
    }

    @Test func aSmallBatchsKeysWaitInTheRecentTableUntilItReachesItsLimit() throws {
        let store = try SQLiteStore(path: ":memory:")
        try store.write { transaction in
            let db = (transaction as! SQLiteTransaction).db
            try Self.validRows(5, in: db)
            // Given a limit of 4 keys: a batch of 3 rows, then one of 2.
            let first = try ValidKeyIndex.Appender(db, recentLimit: 4)
            for row in 1...3 {
                try first.add(idKey: Int64(100 + row), row: Int64(row))
                try first.add(phoneKey: Int64(200 + row), row: Int64(row))
            }
            try first.finish()
            #expect(try Self.entries(in: "recent_valid_id_key", db) == 3)
            #expect(try Self.entries(in: "valid_id_key", db) == 0)
            #expect(try transaction.validKeys(before: nil).row(idKey: 102) == 2, "a recent key is found")
            #expect(try !transaction.validKeys(before: nil).isEmpty)

            let second = try ValidKeyIndex.Appender(db, recentLimit: 4)
            for row in 4...5 {
                try second.add(idKey: Int64(100 + row), row: Int64(row))
                try second.add(phoneKey: Int64(200 + row), row: Int64(row))
            }
            try second.finish()
            #expect(try Self.entries(in: "recent_valid_id_key", db) == 0, "5 keys reach the limit: moved")
            #expect(try Self.entries(in: "recent_valid_phone_key", db) == 0)
            #expect(try Self.entries(in: "valid_id_key", db) == 5)
            let keys = try transaction.validKeys(before: nil)
            #expect(try keys.row(idKey: 102) == 2)
            #expect(try keys.row(phoneKey: 205) == 5)
            #expect(try transaction.validKeyDifferences().isEmpty)
        }
    }

    @Test func aBatchWithMoreKeysThanTheLimitGoesStraightIntoTheIndex() throws {
        let store = try SQLiteStore(path: ":memory:")
        try store.write { transaction in
            let db = (transaction as! SQLiteTransaction).db
            try Self.validRows(5, in: db)
            let appender = try ValidKeyIndex.Appender(db, recentLimit: 4)
            for row in 1...5 { try appender.add(idKey: Int64(100 + row), row: Int64(row)) }
            try appender.add(phoneKey: 201, row: 1)
            try appender.finish()
            #expect(try Self.entries(in: "valid_id_key", db) == 5)
            #expect(try Self.entries(in: "recent_valid_id_key", db) == 0)
            #expect(try Self.entries(in: "recent_valid_phone_key", db) == 1)
            #expect(try transaction.validKeys(before: nil).row(idKey: 103) == 3)
        }
    }

    @Test func aLargeBatchGoesInStatementsOfManyRowsAndTheRestOneByOne() throws {
        let store = try SQLiteStore(path: ":memory:")
        try store.write { transaction in
            let db = (transaction as! SQLiteTransaction).db
            let count = 2 * ValidKeyIndex.Appender.rowsAtOnce + 7
            try Self.validRows(count, in: db)
            // An entry the batch replaces: its key named another row. The rows hold keys 100 + row and 200 + row.
            try db.execute(sql: "INSERT INTO valid_id_key (key, registration_id) VALUES (105, 99)")
            let appender = try ValidKeyIndex.Appender(db, recentLimit: 4)
            for row in 1...count {
                try appender.add(idKey: Int64(100 + row), row: Int64(row))
                try appender.add(phoneKey: Int64(200 + row), row: Int64(row))
            }
            try appender.finish()
            #expect(try Self.entries(in: "valid_id_key", db) == count)
            #expect(try Self.entries(in: "valid_phone_key", db) == count)
            let keys = try transaction.validKeys(before: nil)
            for row in [1, 5, Int(ValidKeyIndex.Appender.rowsAtOnce), count - 7, count] {
                #expect(try keys.row(idKey: Int64(100 + row)) == Int64(row))
                #expect(try keys.row(phoneKey: Int64(200 + row)) == Int64(row))
            }
            #expect(try transaction.validKeyDifferences().isEmpty)
        }
    }

    @Test func aRowThatStopsBeingValidLosesItsRecentKeysAndCheckCountsBothTables() throws {
        let store = try SQLiteStore(path: ":memory:")
        try store.write { transaction in
            let db = (transaction as! SQLiteTransaction).db
            try Self.validRows(2, in: db)
            let appender = try ValidKeyIndex.Appender(db)
            for row in 1...2 {
                try appender.add(idKey: Int64(100 + row), row: Int64(row))
                try appender.add(phoneKey: Int64(200 + row), row: Int64(row))
            }
            try appender.finish()
            #expect(try transaction.validKeyDifferences().isEmpty)

            // Row 2 retracted: its keys leave the recent tables.
            try db.execute(sql: "UPDATE registration SET outcome = NULL WHERE id = 2")
            try ValidKeyIndex.removeKeys(
                ofRowsSelectedBy: "SELECT id, id_key, phone_key FROM registration WHERE id = 2", arguments: [], in: db)
            #expect(try transaction.validKeys(before: nil).row(idKey: 102) == nil)
            #expect(try transaction.validKeyDifferences().isEmpty)

            // A key in both tables is an entry too many.
            try db.execute(sql: "INSERT INTO valid_id_key (key, registration_id) VALUES (101, 1)")
            let extra = ValidKeyDifference(kind: .idNumber, missing: 0, extra: 1)
            #expect(try transaction.validKeyDifferences() == [extra])
            #expect(try transaction.rebuildValidKeys() == 2)
            #expect(try Self.entries(in: "recent_valid_id_key", db) == 0)
            #expect(try transaction.validKeyDifferences().isEmpty)
        }
    }
}
