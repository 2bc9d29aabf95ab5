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
}
