import Foundation
import GRDB
import RegTrackerCore
import Testing

@testable import RegTrackerStore

/// The narrow stores (issue 13), each through its own protocol on an in-memory SQLite store: what goes in comes back
/// with the same values.
@Suite struct NarrowStoreTests {
    static func batch(
        _ kind: FileKind, file: String, sha256: String, at importedAt: String, format: FileFormat = .csv,
        sequence: Int64? = nil
    ) -> BatchRecord {
        BatchRecord(
            kind: kind, fileName: file, sha256: sha256, importedAt: importedAt, format: format, encoding: "utf-8",
            sheet: nil, headerRow: 1, headers: ["乡镇", "姓名"], townshipOverride: nil, sequence: sequence)
    }

    @Test func theBatchLedgerKeepsBatchesTheirPlaceRetractionAndPurge() throws {
        let store = try SQLiteStore(path: ":memory:")
        let (first, second, replacement) = try store.write { transaction in
            let ledger: any BatchLedger = transaction
            let first = try ledger.insertBatch(
                Self.batch(.roster, file: "r.csv", sha256: "aa", at: "2026-11-01 09:00:00"))
            let second = try ledger.insertBatch(
                Self.batch(.registrations, file: "l.xlsx", sha256: "bb", at: "2026-11-02 09:00:00", format: .xlsx))
            try ledger.setBatchCounts(batch: second, rows: 12, skippedRows: 2)
            try ledger.markRetracted(batch: second, at: "2026-11-03 08:00:00")
            // A replacement takes the place of the batch it replaced.
            let replacement = try ledger.insertBatch(
                Self.batch(.registrations, file: "l.xlsx", sha256: "cc", at: "2026-11-03 08:00:00", sequence: second))
            return (first, second, replacement)
        }
        #expect((first, second, replacement) == (1, 2, 3))
        try store.read { transaction in
            let ledger: any BatchLedger = transaction
            let batches = try ledger.batches()
            #expect(batches.map(\.id) == [1, 2, 3])
            #expect(batches.map(\.kind) == [.roster, .registrations, .registrations])
            #expect(batches.map(\.format) == [.csv, .xlsx, .csv])
            #expect(batches.map(\.sequence) == [1, 2, 2])
            let retracted = try #require(try ledger.batch(id: second))
            #expect(retracted.rows == 12 && retracted.skippedRows == 2)
            #expect(retracted.retractedAt == "2026-11-03 08:00:00" && retracted.isRetracted && !retracted.isPurged)
            #expect(retracted.headers == "乡镇\u{1F}姓名")
            #expect(retracted.encoding == "utf-8" && retracted.headerRow == 1 && retracted.sheet == nil)
            #expect(try ledger.activeBatch(sha256: "bb") == nil, "retracted")
            #expect(try ledger.activeBatch(sha256: "cc")?.id == replacement)
            #expect(try ledger.activeBatches(fileName: "l.xlsx", kind: .registrations).map(\.id) == [replacement])
            #expect(try ledger.activeBatches(fileName: "l.xlsx", kind: .roster).isEmpty)
            #expect(try ledger.batch(id: 9) == nil)
            #expect(try ledger.auditLines().isEmpty)
        }
        try store.write { try $0.purge(batch: second, at: "2026-11-04 10:00:00", by: "clerk") }
        try store.read { transaction throws in
            let ledger: any BatchLedger = transaction
            #expect(try ledger.batch(id: second)?.purgedAt == "2026-11-04 10:00:00")
            #expect(
                try ledger.auditLines()
                    == [AuditLine(at: "2026-11-04 10:00:00", user: "clerk", action: "purge", batch: second, rows: 0)])
        }
    }

    @Test func theEnumsAreStoredAsTheirTextAsBefore() throws {
        let store = try SQLiteStore(path: ":memory:")
        for (index, kind) in FileKind.allCases.enumerated() {
            for format in FileFormat.allCases {
                _ = try store.write {
                    try $0.insertBatch(
                        Self.batch(
                            kind, file: "f", sha256: "\(index)-\(format.rawValue)", at: "2026-11-01 09:00:00",
                            format: format))
                }
            }
        }
        let stored = try store.read { try $0.batches() }
        #expect(stored.count == FileKind.allCases.count * FileFormat.allCases.count)
        for batch in stored {
            #expect(batch.sha256.hasSuffix("-" + batch.format.rawValue))
        }
        // The text the columns hold is the raw value earlier releases wrote ('invalid', 'ooxml-sheet', …).
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO batch (kind, file_name, sha256, imported_at, format, headers, sequence)
                    VALUES ('invalid', 'x.xml', 'a', '2026-11-01 09:00:00', 'spreadsheetml', '', 1),
                           ('registrations', 'y.xlsx', 'b', '2026-11-01 09:00:00', 'ooxml-sheet', '', 2)
                    """)
        }
        let read = try SQLiteStore(queue: queue).read { try $0.batches() }
        #expect(read.map(\.kind) == [.invalidList, .registrations])
        #expect(read.map(\.format) == [.spreadsheetML, .ooxmlSheet])
        var inserted = Self.batch(.invalidList, file: "z", sha256: "c", at: "2026-11-02 09:00:00", format: .xls)
        try queue.write { db in try inserted.insert(db) }
        let text = try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT kind, format FROM batch WHERE sha256 = 'c'")
        }
        let (kind, format): (String?, String?) = (text?["kind"], text?["format"])
        #expect(kind == "invalid" && format == "xls")
    }

    @Test func tokensAndSessionsComeBackAsStored() throws {
        let store = try SQLiteStore(path: ":memory:")
        let (office, township) = try store.write { transaction in
            let tokens: any TokenStore = transaction
            let office = try tokens.insertToken(
                TokenRecord(scope: .office, township: nil, sha256: "o1", createdAt: "2026-11-01 09:00:00"))
            let township = try tokens.insertToken(
                TokenRecord(scope: .township, township: "青石镇", sha256: "t1", createdAt: "2026-11-01 09:05:00"))
            try tokens.insertSession(SessionRecord(sha256: "s1", tokenID: office, createdAt: 100, expiresAt: 200))
            try tokens.insertSession(SessionRecord(sha256: "s2", tokenID: township, createdAt: 100, expiresAt: 150))
            return (office, township)
        }
        try store.read { transaction in
            let tokens: any TokenStore = transaction
            #expect(
                try tokens.tokens() == [
                    TokenRecord(
                        id: office, scope: .office, township: nil, sha256: "o1", createdAt: "2026-11-01 09:00:00"),
                    TokenRecord(
                        id: township, scope: .township, township: "青石镇", sha256: "t1",
                        createdAt: "2026-11-01 09:05:00"),
                ])
            #expect(try tokens.activeToken(sha256: "t1")?.township == "青石镇")
            #expect(try tokens.activeToken(sha256: "nope") == nil)
            let found = try #require(try tokens.activeSession(sha256: "s1", at: 150))
            #expect(found.session == SessionRecord(sha256: "s1", tokenID: office, createdAt: 100, expiresAt: 200))
            #expect(found.token.sha256 == "o1" && found.token.scope == .office)
            #expect(try tokens.activeSession(sha256: "s2", at: 150) == nil, "expired")
        }
        try store.write { transaction in
            let tokens: any TokenStore = transaction
            #expect(try tokens.deleteExpiredSessions(at: 150) == 1)
            #expect(try tokens.revokeToken(id: office, at: "2026-11-02 09:00:00"))
            #expect(try !tokens.revokeToken(id: office, at: "2026-11-02 09:00:01"), "already revoked")
            #expect(try tokens.activeSession(sha256: "s1", at: 150) == nil, "its sessions end with it")
            #expect(try tokens.activeToken(sha256: "o1") == nil)
            #expect(try tokens.tokens().first?.revokedAt == "2026-11-02 09:00:00")
            try tokens.insertSession(SessionRecord(sha256: "s3", tokenID: township, createdAt: 300, expiresAt: 400))
            #expect(try tokens.deleteSession(sha256: "s3"))
            #expect(try !tokens.deleteSession(sha256: "s3"))
        }
    }

    @Test func settingsAreSetReplacedAndRemoved() throws {
        let store = try SQLiteStore(path: ":memory:")
        try store.write { transaction in
            let settings: any SettingStore = transaction
            #expect(try settings.setting(SettingKey.deadline) == nil)
            try settings.setSetting(SettingKey.deadline, value: "2026-12-31")
            #expect(try settings.setting(SettingKey.deadline) == "2026-12-31")
            try settings.setSetting(SettingKey.deadline, value: "2027-01-15")
            #expect(try settings.setting(SettingKey.deadline) == "2027-01-15")
            try settings.setSetting(SettingKey.deadline, value: nil)
            #expect(try settings.setting(SettingKey.deadline) == nil)
        }
    }

    /// The store gives each township's newest batch with counted rows; Core makes it the last submission's day.
    @Test func theFiguresGiveEachTownshipsNewestBatch() throws {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO batch (id, kind, file_name, sha256, imported_at, format, headers, sequence)
                    VALUES (1, 'roster', 'r.csv', 'a', '2026-11-01 09:00:00', 'csv', '', 1),
                           (2, 'registrations', 'l.csv', 'b', '2026-11-03 09:00:00', 'csv', '', 2),
                           (3, 'registrations', 'm.csv', 'c', '2026-11-05 17:30:00', 'csv', '', 3),
                           (4, 'registrations', 'n.csv', 'd', '2026-11-06 08:00:00', 'csv', '', 4);
                    INSERT INTO township (id, batch_id, position, row_number, name, population, aliases)
                    VALUES (7, 1, 0, 2, '青石镇', 10, ''), (8, 1, 1, 3, '白沙镇', 10, ''), (9, 1, 2, 4, '龙泉街道', 10, '');
                    """)
            // (batch, outcome, township): 青石镇 in batches 2 and 3, 白沙镇 in 2 only, 龙泉街道 in none; batch 4 only
            // has a row matching no township.
            let rows: [(Int64, Int, Int64?)] = [(2, 5, 7), (2, 1, 8), (3, 4, 7), (4, 0, nil)]
            for (index, row) in rows.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO registration (batch_id, row_number, raw, township_text, name, village, flagged,
                            outcome, township_id, registered_at)
                        VALUES (?, ?, '', '', '某', '', 0, ?, ?, '2026-10-30')
                        """, arguments: [row.0, index + 2, row.1, row.2])
            }
        }
        let store = SQLiteStore(queue: queue)
        let tally = try store.write { transaction in
            let figures: any FigureStore = transaction
            #expect(try figures.rebuildFigures() == 4)
            return try figures.outcomeTally(roster: try transaction.currentRoster())
        }
        #expect(
            tally.newestBatch == [
                7: NewestBatch(batch: 3, importedAt: "2026-11-05 17:30:00"),
                8: NewestBatch(batch: 2, importedAt: "2026-11-03 09:00:00"),
            ])
        #expect(tally.unassigned == 1)
        #expect(tally.byTownship[7] == OutcomeCounts(duplicates: 1, valid: 1))
        #expect(LastSubmission.day(importedAt: "2026-11-05 17:30:00") == CivilDate(iso8601: "2026-11-05"))
        #expect(LastSubmission.day(importedAt: "soon") == nil)
    }
}
