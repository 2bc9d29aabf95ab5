import Foundation
import PostgresNIO
import RegTrackerCore
import RegTrackerStore
import TestSupport
import Testing

@testable import RegTrackerPostgres

/// `--db postgres://…`: what names a PostgreSQL database, and where it is.
@Suite("PostgreSQL locations")
struct PostgresLocationTests {
    @Test func tcpHostPortUserPasswordAndDatabase() throws {
        let location = try #require(PostgresLocation(url: "postgres://office:secret@db.example:6543/county"))
        #expect(location.endpoint == .tcp(host: "db.example", port: 6543))
        #expect(location.user == "office")
        #expect(location.password == "secret")
        #expect(location.database == "county")
        #expect(location.description == "postgres://office@db.example:6543/county")
        #expect(
            try #require(PostgresLocation(url: "postgresql://office@db.example/county")).endpoint
                == .tcp(host: "db.example", port: 5432))
    }

    @Test func aSocketFolderAsLibpqReadsIt() throws {
        let location = try #require(PostgresLocation(url: "postgres://office@localhost/county?host=/run/pg"))
        #expect(location.endpoint == .socket(path: "/run/pg/.s.PGSQL.5432"))
        // Messages name it as --db takes it, so that it can be given back.
        #expect(location.description == "postgres://office@/county?host=/run/pg")
        #expect(PostgresLocation(url: location.description) == location)
        let other = try #require(PostgresLocation(url: "postgres://office@localhost:5433/county?host=/run/pg"))
        #expect(PostgresLocation(url: other.description) == other)
    }

    /// No server at the address: a reason the CLI words in the reader's language, not the network library's text.
    @Test func noServerAnsweringIsToldByItsCause() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regtracker-no-server-\(UUID())")
        for (url, cause) in [
            ("postgres://office@/county?host=\(folder.path)", StoreError.Unreachable.noSocket),
            // Port 1 on loopback: nothing listens there on a test machine.
            ("postgres://office@127.0.0.1:1/county", .refused),
        ] {
            let location = try #require(PostgresLocation(url: url))
            let error = try #require(throws: StoreError.self) { try PostgresStore.connect(location) }
            #expect(error.code == .unreachable(cause), "\(url): \(error)")
        }
    }

    @Test func aFilePathOrAnIncompleteURLIsNotPostgres() {
        #expect(!PostgresLocation.names("county.sqlite"))
        #expect(!PostgresLocation.names("/data/postgres/regtracker.sqlite"))
        #expect(PostgresLocation(url: "postgres://db.example/county") == nil)  // no user
        #expect(PostgresLocation(url: "postgres://office@db.example/") == nil)  // no database
    }
}

/// The narrow stores built so far, on a real PostgreSQL server the tests start themselves.
@Suite(
    "PostgreSQL store", .serialized,
    .enabled(
        if: ThrowawayPostgres.isInstalled, "PostgreSQL's server programs are not installed (apt-get install postgresql)"
    ))
struct PostgresStoreTests {
    func newStore() throws -> PostgresStore {
        let url = try ThrowawayPostgres.shared.get().newDatabase()
        return try PostgresStore(try #require(PostgresLocation(url: url)))
    }

    @Test func theSchemaIsAppliedOnceAndEachMigrationOnlyOnce() throws {
        let url = try ThrowawayPostgres.shared.get().newDatabase()
        let location = try #require(PostgresLocation(url: url))
        let first = try PostgresStore(location)
        #expect(first.applied == PostgresSchema.migrations.map(\.identifier))
        let second = try PostgresStore(location)
        #expect(second.applied.isEmpty)
    }

    @Test func settingsAreSetReplacedAndRemoved() throws {
        let store = try newStore()
        try store.transaction { try $0.setSetting(SettingKey.deadline, value: "2026-12-31") }
        try store.transaction { try $0.setSetting(SettingKey.deadline, value: "2027-01-31") }
        #expect(try store.transaction(readOnly: true) { try $0.setting(SettingKey.deadline) } == "2027-01-31")
        try store.transaction { try $0.setSetting(SettingKey.deadline, value: nil) }
        #expect(try store.transaction(readOnly: true) { try $0.setting(SettingKey.deadline) } == nil)
    }

    @Test func aTransactionThatThrowsLeavesNothing() throws {
        struct Stop: Error {}
        let store = try newStore()
        #expect(throws: Stop.self) {
            try store.transaction { transaction in
                try transaction.setSetting(SettingKey.deadline, value: "2026-12-31")
                throw Stop()
            }
        }
        #expect(try store.transaction(readOnly: true) { try $0.setting(SettingKey.deadline) } == nil)
    }

    /// COPY's binary format: every value comes back as written, NULLs and the characters the text format escapes
    /// included; a NUL byte is left out. (A postgres-nio that quoted the column names would fail it.)
    @Test func copiedValuesComeBackAsWritten() throws {
        let store = try newStore()
        let texts = ["a\\b", "tab\there", "two\nlines", "cr\rlf", "\\N", "白沙镇", "", "nul\u{0}gone"]
        let numbers: [Int64?] = [0, -1, Int64.max, Int64.min, 42, nil, 1_000_000, 7]
        let rows = try store.transaction { transaction in
            let connection = transaction.connection
            try connection.execute(sql: "CREATE TEMPORARY TABLE t (s TEXT, n BIGINT, b BOOLEAN, i SMALLINT)")
            let copy = PostgresCopyRows(connection, table: "t", columns: ["s", "n", "b", "i"])
            for (index, (text, number)) in zip(texts, numbers).enumerated() {
                try copy.appendRow { values in
                    values.append(index == 6 ? nil : text)
                    values.append(number)
                    values.append(index % 2 == 0)
                    values.append(Int16(-index))
                }
            }
            try copy.flush()
            return try connection.rows("SELECT s, n, b, i FROM t ORDER BY i DESC").map { row in
                (
                    try row["s"].decode(String?.self), try row["n"].decode(Int64?.self),
                    try row["b"].decode(Bool.self), try row["i"].decode(Int16.self)
                )
            }
        }
        #expect(rows.map(\.0) == ["a\\b", "tab\there", "two\nlines", "cr\rlf", "\\N", "白沙镇", nil, "nulgone"])
        #expect(rows.map(\.1) == numbers)
        #expect(rows.map(\.2) == [true, false, true, false, true, false, true, false])
        #expect(rows.map(\.3) == [0, -1, -2, -3, -4, -5, -6, -7])
    }

    /// A COPY is not waited for when sent: its failure comes with the next statement, the transaction rolls back
    /// whole, and the connection serves the next one.
    @Test func aCopyThatFailsFailsItsTransactionAtTheNextStatement() throws {
        struct Stop: Error {}
        let store = try newStore()
        try store.transaction { try $0.connection.execute(sql: "CREATE TABLE t (n BIGINT NOT NULL)") }
        #expect(throws: (any Error).self) {
            try store.transaction { transaction in
                try transaction.setSetting(SettingKey.deadline, value: "2026-12-31")
                let rows = PostgresCopyRows(transaction.connection, table: "t", columns: ["n"])
                try rows.appendRow { $0.append(Int64(1)) }
                try rows.appendRow { $0.append(Int64?.none) }  // NOT NULL: the server refuses the COPY
                try rows.flush()
            }
        }
        // A failing COPY still running when the body throws for its own reason is settled before the rollback.
        #expect(throws: Stop.self) {
            try store.transaction { transaction in
                let rows = PostgresCopyRows(transaction.connection, table: "t", columns: ["n"])
                try rows.appendRow { $0.append(Int64?.none) }
                try rows.flush()
                throw Stop()
            }
        }
        #expect(try store.transaction(readOnly: true) { try $0.setting(SettingKey.deadline) } == nil)
        let count = try store.transaction(readOnly: true) { transaction in
            try transaction.connection.rows("SELECT COUNT(*) AS n FROM t")[0]["n"].decode(Int64.self)
        }
        #expect(count == 0)
    }

    @Test func revokingATokenEndsItsSessionsAndExpiredSessionsGo() throws {
        let store = try newStore()
        let (office, township) = try store.transaction { transaction in
            (
                try transaction.insertToken(
                    TokenRecord(scope: .office, township: nil, sha256: "aa", createdAt: "2026-12-01 08:00:00")),
                try transaction.insertToken(
                    TokenRecord(scope: .township, township: "白沙镇", sha256: "bb", createdAt: "2026-12-01 09:00:00"))
            )
        }
        try store.transaction { transaction in
            try transaction.insertSession(SessionRecord(sha256: "s1", tokenID: office, createdAt: 100, expiresAt: 200))
            try transaction.insertSession(
                SessionRecord(sha256: "s2", tokenID: township, createdAt: 100, expiresAt: 900))
            try transaction.insertSession(SessionRecord(sha256: "s3", tokenID: township, createdAt: 100, expiresAt: 50))
        }
        try store.transaction { transaction in
            #expect(try transaction.activeToken(sha256: "bb")?.township == "白沙镇")
            let found = try #require(try transaction.activeSession(sha256: "s1", at: 150))
            #expect(found.session == SessionRecord(sha256: "s1", tokenID: office, createdAt: 100, expiresAt: 200))
            #expect(found.token.scope == .office)
            #expect(try transaction.activeSession(sha256: "s1", at: 200) == nil)  // expired at 200
            #expect(try transaction.deleteExpiredSessions(at: 150) == 1)  // s3
            #expect(try transaction.revokeToken(id: township, at: "2026-12-02 10:00:00"))
            #expect(try !transaction.revokeToken(id: township, at: "2026-12-02 11:00:00"))
            #expect(try transaction.activeSession(sha256: "s2", at: 150) == nil)
            #expect(try transaction.activeToken(sha256: "bb") == nil)
            #expect(try transaction.deleteSession(sha256: "s1"))
            #expect(try !transaction.deleteSession(sha256: "s1"))
            #expect(try transaction.tokens().map(\.revokedAt) == [nil, "2026-12-02 10:00:00"])
        }
    }

    @Test func aNoticeIsStoredWholeAndReplacedByItsPeriod() throws {
        let store = try newStore()
        let period = try #require(NoticePeriod(parsing: "2026-11"))
        let target = Target(numerator: 1, denominator: 2)
        let townships = [
            NoticeTownship(
                figures: TownshipFigures(
                    township: "龙泉街道", population: 6, target: target,
                    counts: OutcomeCounts(malformed: 1, flagged: 2, listed: 3, duplicates: 4, valid: 5), rank: 1),
                change: NoticeChange(valid: 2, rateMillionths: 333_333, rank: 1), named: false, timesNamed: 0, card: nil
            ),
            NoticeTownship(
                figures: TownshipFigures(
                    township: "青石镇", population: 1000, target: target, counts: OutcomeCounts(valid: 1), rank: 2),
                change: NoticeChange(valid: 0, rateMillionths: -1_000, rank: -1), named: true, timesNamed: 3,
                card: .yellow),
            NoticeTownship(
                figures: TownshipFigures(township: "空白乡", population: 0, target: target, counts: OutcomeCounts()),
                change: nil, named: false, timesNamed: 0, card: nil),
        ]
        let notice = Notice(
            period: period, issued: try #require(CivilDate(iso8601: "2026-12-01")), target: target, bottom: 5,
            cards: NoticeCards(yellow: 2, red: 4, listed: 6), townships: townships, notReported: ["空白乡", "桃源乡"],
            unassigned: 7)
        try store.transaction { try $0.replaceNotice(notice) }
        #expect(try store.transaction(readOnly: true) { try $0.notices() } == [notice])
        var reissued = notice
        reissued.issued = try #require(CivilDate(iso8601: "2026-12-02"))
        reissued.notReported = []
        try store.transaction { try $0.replaceNotice(reissued) }
        #expect(try store.transaction(readOnly: true) { try $0.notices() } == [reissued])
    }

    @Test func batchesTakeTheirOwnSequencePlaceUnlessTheyReplaceOne() throws {
        let store = try newStore()
        func record(_ name: String, sha256: String, sequence: Int64? = nil) -> BatchRecord {
            BatchRecord(
                kind: .registrations, fileName: name, sha256: sha256, importedAt: "2026-12-01 08:00:00", format: .xlsx,
                encoding: nil, sheet: "名单", headerRow: 2, headers: ["姓名", "身份证号"], townshipOverride: "白沙镇",
                sequence: sequence)
        }
        let (first, second) = try store.transaction { transaction in
            try transaction.lockSequence()
            let first = try transaction.insertBatch(record("白沙镇.xlsx", sha256: "aa"))
            try transaction.setBatchCounts(batch: first, rows: 120, skippedRows: 3)
            return (first, try transaction.insertBatch(record("白沙镇.xlsx", sha256: "bb", sequence: first)))
        }
        try store.transaction { transaction in
            try transaction.markRetracted(batch: first, at: "2026-12-02 09:00:00")
            let stored = try #require(try transaction.batch(id: first))
            #expect(stored.sequence == first)
            #expect((stored.rows, stored.skippedRows) == (120, 3))
            #expect(stored.headers == "姓名\u{1F}身份证号")
            #expect(stored.format == .xlsx && stored.headerRow == 2 && stored.townshipOverride == "白沙镇")
            #expect(try transaction.batch(id: second)?.sequence == first)
            #expect(try transaction.activeBatch(sha256: "aa") == nil)
            #expect(try transaction.activeBatch(sha256: "bb")?.id == second)
            #expect(try transaction.activeBatches(fileName: "白沙镇.xlsx", kind: .registrations).map(\.id) == [second])
            #expect(try transaction.activeBatches(fileName: "白沙镇.xlsx", kind: .roster).isEmpty)
            #expect(try transaction.batches().map(\.id) == [first, second])
            #expect(try transaction.auditLines().isEmpty)
        }
    }

    @Test func invalidEntriesOfActiveListsComeBackInImportOrder() throws {
        let store = try newStore()
        try store.transaction { transaction in
            let list = try transaction.insertBatch(
                BatchRecord(
                    kind: .invalidList, fileName: "作废.csv", sha256: "dd", importedAt: "2026-12-01 08:00:00",
                    format: .csv, encoding: "utf-8", sheet: nil, headerRow: 1, headers: ["身份证号"],
                    townshipOverride: nil))
            let retracted = try transaction.insertBatch(
                BatchRecord(
                    kind: .invalidList, fileName: "旧.csv", sha256: "ee", importedAt: "2026-12-01 08:00:00",
                    format: .csv, encoding: "utf-8", sheet: nil, headerRow: 1, headers: ["身份证号"],
                    townshipOverride: nil))
            try transaction.insertInvalidEntry(
                batch: list, row: 2, raw: "a", townshipText: " 白沙 镇", countyText: "青石 县", idKey: 11, phoneKey: nil, reason: "重复注册")
            try transaction.insertInvalidEntry(
                batch: retracted, row: 2, raw: "b", townshipText: nil, countyText: nil, idKey: 12, phoneKey: nil, reason: "")
            try transaction.insertInvalidEntry(
                batch: list, row: 3, raw: "c", townshipText: nil, countyText: nil, idKey: nil, phoneKey: 13_800_138_000, reason: "")
            try transaction.markRetracted(batch: retracted, at: "2026-12-01 09:00:00")
            let entries = try transaction.invalidEntries()
            #expect(entries.map(\.idKey) == [11, nil])
            #expect(entries.map(\.phoneKey) == [nil, 13_800_138_000])
            #expect(entries[0].townshipKey == Roster.key(" 白沙 镇"))
            #expect(entries.map(\.countyKey) == ["青石县", nil])
        }
    }

    /// The kept totals follow the figures whatever one statement does: many groups of one total inserted at once,
    /// groups moved from one total to another and onto an existing one, a total emptied (its row goes), and all of a
    /// batch's groups deleted at once.
    @Test func theKeptTotalsFollowEveryStatementOnTheFigures() throws {
        let store = try newStore()
        let batches = try store.transaction { transaction in
            try ["a", "b"].map { sha256 in
                try transaction.insertBatch(
                    BatchRecord(
                        kind: .registrations, fileName: "\(sha256).csv", sha256: sha256,
                        importedAt: "2026-12-01 08:00:00", format: .csv, encoding: "utf-8", sheet: nil, headerRow: 1,
                        headers: ["姓名"], townshipOverride: nil))
            }
        }
        let (first, second) = (batches[0], batches[1])
        let statements = [
            """
            INSERT INTO figure (batch_id, township_id, village_id, outcome, registered_day, rows)
            VALUES (\(first), 7, NULL, 0, '2026-11-30', 3), (\(first), 7, NULL, 0, '2026-12-01', 4),
                (\(first), 7, 2, 0, '2026-12-01', 1), (\(first), NULL, NULL, 3, NULL, 2),
                (\(second), 8, NULL, 1, '2026-12-01', 5)
            """,
            "UPDATE figure SET village_id = 2 WHERE registered_day = '2026-11-30'",
            "UPDATE figure SET outcome = 0, township_id = 7 WHERE township_id IS NULL",
            "DELETE FROM figure WHERE village_id = 2",
            "INSERT INTO figure (batch_id, township_id, outcome, registered_day, rows) "
                + "VALUES (\(second), 8, 1, '2026-12-02', 6)",
            "DELETE FROM figure WHERE batch_id = \(second)",
        ]
        for statement in statements {
            try store.transaction { transaction in
                let connection = transaction.connection
                try connection.execute(sql: statement)
                func totals(_ sql: String) throws -> [[Int64]] {
                    try connection.rows(PostgresQuery(unsafeSQL: sql)).map { row in
                        try (0..<5).map { try row["c\($0)"].decode(Int64.self) }
                    }
                }
                let kept = try totals(
                    "SELECT township_key c0, village_key c1, outcome::bigint c2, batch_id c3, rows c4 FROM figure_total "
                        + "ORDER BY 1, 2, 3, 4")
                let summed = try totals(
                    """
                    SELECT COALESCE(township_id, 0) c0, COALESCE(village_id, 0) c1, outcome::bigint c2, batch_id c3,
                        SUM(rows)::bigint c4
                    FROM figure GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                    """)
                #expect(kept == summed, "after \(statement)")
                #expect(!kept.isEmpty, "after \(statement)")
            }
        }
    }

    /// A purge deletes the batch's rows, their valid keys and their figures (the totals follow by trigger), keeps
    /// the batch listed, and leaves an audit line without personal data.
    @Test func aPurgeLeavesTheBatchListedAndNothingOfItsRows() throws {
        let store = try newStore()
        let (kept, purged) = try store.transaction { transaction in
            func batch(_ sha256: String) throws -> Int64 {
                try transaction.insertBatch(
                    BatchRecord(
                        kind: .registrations, fileName: "\(sha256).csv", sha256: sha256,
                        importedAt: "2026-12-01 08:00:00", format: .csv, encoding: "utf-8", sheet: nil, headerRow: 1,
                        headers: ["姓名"], townshipOverride: nil))
            }
            return (try batch("k1"), try batch("p1"))
        }
        try store.transaction { transaction in
            let connection = transaction.connection
            for (id, batch) in [(1, kept), (2, purged), (3, purged)] as [(Int64, Int64)] {
                try connection.execute(
                    """
                    INSERT INTO registration (id, batch_id, row_number, raw, township_text, name, id_key, village,
                        flagged, outcome, township_id)
                    VALUES (\(id), \(batch), \(id + 1), 'raw', '白沙镇', '张三', \(id * 100), '', false, 0, 7)
                    """)
                try connection.execute(
                    "INSERT INTO valid_id_key (key, registration_id) VALUES (\(id * 100), \(id))")
            }
            try connection.execute(
                """
                INSERT INTO figure (batch_id, township_id, outcome, registered_day, rows)
                VALUES (\(kept), 7, 0, '2026-11-30', 1), (\(purged), 7, 0, '2026-11-30', 1),
                    (\(purged), 7, 0, '2026-12-01', 1)
                """)
            let totals = try connection.rows("SELECT batch_id, rows FROM figure_total ORDER BY batch_id").map {
                try $0["rows"].decode(Int64.self)
            }
            #expect(totals == [1, 2])
            try transaction.markRetracted(batch: purged, at: "2026-12-02 10:00:00")
            try transaction.purge(batch: purged, at: "2026-12-02 10:00:00", by: "office")
        }
        try store.transaction(readOnly: true) { transaction in
            let connection = transaction.connection
            func column(_ sql: String, _ name: String) throws -> [Int64] {
                try connection.rows(PostgresQuery(unsafeSQL: sql)).map { try $0[name].decode(Int64.self) }
            }
            let rows = try column("SELECT id FROM registration", "id")
            let keys = try column("SELECT key FROM valid_id_key", "key")
            let totals = try column("SELECT batch_id FROM figure_total", "batch_id")
            #expect(rows == [1])
            #expect(keys == [100])
            #expect(totals == [kept])
            #expect(try transaction.batch(id: purged)?.purgedAt == "2026-12-02 10:00:00")
            #expect(
                try transaction.auditLines() == [
                    AuditLine(at: "2026-12-02 10:00:00", user: "office", action: "purge", batch: purged, rows: 2)
                ])
        }
    }

    /// The newest active roster comes back whole: counties, targets, aliases, villages with their ids; the rows
    /// already stored are counted by the texts they carry.
    @Test func theRosterInForceComesBackWholeAndRowsAreCountedByTheirTexts() throws {
        let store = try newStore()
        let half = Target(numerator: 1, denominator: 2)
        let townships: [(row: Int, township: Township)] = [
            (
                3,
                Township(
                    name: "城关镇", population: 100, target: half, aliases: ["城关", "城关街道"],
                    villages: [Village(name: "东村", population: 40, row: 4), Village(name: "西村", population: 60)],
                    county: "青石县")
            ),
            (5, Township(name: "城关镇", population: 80, county: "云岭县")),
        ]
        try store.transaction { transaction in
            let old = try transaction.insertBatch(
                BatchRecord(
                    kind: .roster, fileName: "旧.csv", sha256: "r0", importedAt: "2026-11-01 08:00:00", format: .csv,
                    encoding: "utf-8", sheet: nil, headerRow: 1, headers: ["乡镇"], townshipOverride: nil))
            try transaction.insertRoster(batch: old, townships: [(2, Township(name: "旧镇", population: 1))])
            #expect(try transaction.currentRoster().roster.townships.map(\.name) == ["旧镇"])
            let batch = try transaction.insertBatch(
                BatchRecord(
                    kind: .roster, fileName: "人口.csv", sha256: "r1", importedAt: "2026-12-01 08:00:00", format: .csv,
                    encoding: "utf-8", sheet: nil, headerRow: 1, headers: ["县", "乡镇"], townshipOverride: nil))
            try transaction.insertRoster(batch: batch, townships: townships)
            let stored = try transaction.currentRoster()
            #expect(stored.batch == batch)
            #expect(stored.roster.townships.map(\.county) == ["青石县", "云岭县"])
            #expect(stored.roster.townships[0].target == half && stored.roster.townships[1].target == nil)
            #expect(stored.roster.townships[0].aliases == ["城关", "城关街道"])
            #expect(stored.roster.townships[0].villages.map(\.name) == ["东村", "西村"])
            #expect(stored.roster.townships[0].villages.map(\.row) == [4, 3])
            #expect(stored.villageIDs.map(\.count) == [2, 0])

            let connection = transaction.connection
            let registrations = try transaction.insertBatch(
                BatchRecord(
                    kind: .registrations, fileName: "城关.csv", sha256: "g1", importedAt: "2026-12-01 09:00:00",
                    format: .csv, encoding: "utf-8", sheet: nil, headerRow: 1, headers: ["姓名"],
                    townshipOverride: nil))
            let township = stored.ids[0]
            let village = stored.villageIDs[0][0]
            for (id, outcome) in [(1, 0), (2, 0), (3, 2)] as [(Int64, Int16)] {
                try connection.execute(
                    """
                    INSERT INTO registration (id, batch_id, row_number, raw, township_text, county_text, name, village,
                        flagged, outcome, township_id, village_id)
                    VALUES (\(id), \(registrations), \(id + 1), 'raw', '城关', '青石县', '张三', '东村', false,
                        \(outcome), \(township), \(village))
                    """)
            }
            let valid = Int16(OutcomeKind.valid.rawValue)
            let expectedValid = Int64([0, 0, 2].filter { $0 == valid }.count)
            #expect(
                try transaction.matchedVillageRowCounts() == [
                    MatchedVillageRowCount(
                        township: "城关镇", village: "东村", villageText: "东村", rows: 3, valid: expectedValid,
                        county: "青石县")
                ])
        }
    }

    /// Two offices importing at once: the second waits at the sequence lock until the first commits, then sees
    /// its batch (so the same bytes are imported once).
    @Test func theSequenceLockMakesASecondImporterWaitAndSeeTheFirst() throws {
        let url = try ThrowawayPostgres.shared.get().newDatabase()
        let location = try #require(PostgresLocation(url: url))
        let first = try PostgresStore(location)
        let second = try PostgresStore(location)
        let locked = DispatchSemaphore(value: 0)
        let seen = LockedValue<BatchRecord?>(nil)
        let done = DispatchSemaphore(value: 0)
        try first.transaction { transaction in
            try transaction.lockSequence()
            Thread.detachNewThread {
                locked.wait()
                seen.value = try? second.transaction { transaction in
                    try transaction.lockSequence()
                    return try transaction.activeBatch(sha256: "cc")
                }
                done.signal()
            }
            locked.signal()
            Thread.sleep(forTimeInterval: 0.3)  // the second is now waiting at the lock
            _ = try transaction.insertBatch(
                BatchRecord(
                    kind: .registrations, fileName: "青石镇.csv", sha256: "cc", importedAt: "2026-12-01 08:00:00",
                    format: .csv, encoding: "utf-8", sheet: nil, headerRow: 1, headers: ["姓名"], townshipOverride: nil))
        }
        done.wait()
        #expect(seen.value?.fileName == "青石镇.csv")
    }
}

/// A value shared with another thread.
final class LockedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
