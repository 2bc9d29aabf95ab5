import Foundation
import PostgresNIO
import RegTrackerCore
import RegTrackerKit
import RegTrackerStore
import TestSupport
import Testing

@testable import RegTrackerPostgres

/// Everything the stores answer, in one value: compared between SQLite and PostgreSQL after each step.
struct StoreReads: Equatable {
    var batches: [BatchRecord]
    var rejects: [RejectRecord]
    var unassigned: [RejectRecord]
    var rejectsByTownship: [[RejectRecord]]
    var unmatchedVillageRows: [UnmatchedVillageRows]
    var tally: OutcomeTally
    var villageTally: VillageTally
    var dated: [DatedOutcomeCount]
    var villageCounts: [[VillageCount]]
    var batchOutcomes: [BatchOutcomeCount]
    var summary: FigureSummary
    var figureDifferences: [FigureDifference]
    var validKeyDifferences: [ValidKeyDifference]
    var integrityProblems: [String]
    var matchedVillages: [MatchedVillageRowCount]

    init(_ transaction: any RegistryTransaction) throws {
        let roster = try transaction.currentRoster()
        batches = try transaction.batches()
        rejects = try transaction.rejects(township: nil, all: true)
        unassigned = try transaction.rejects(township: nil, all: false)
        rejectsByTownship = try roster.ids.map { try transaction.rejects(township: $0, all: false) }
        unmatchedVillageRows = try roster.ids.map { try transaction.unmatchedVillageRows(township: $0, limit: 1) }
        tally = try transaction.outcomeTally(roster: roster)
        villageTally = try transaction.villageTally()
        dated = try transaction.datedOutcomeCounts().sortedByDescription()
        villageCounts = try roster.ids.map { try transaction.villageCounts(township: $0).sortedByDescription() }
        batchOutcomes = try transaction.batchOutcomeCounts(
            registeredAfter: CivilDate(year: 2026, month: 11, day: 22)
        ).sortedByDescription()
        summary = try transaction.figureSummary()
        figureDifferences = try transaction.figureDifferences()
        validKeyDifferences = try transaction.validKeyDifferences()
        integrityProblems = try transaction.integrityProblems()
        matchedVillages = try transaction.matchedVillageRowCounts()
    }
}

/// Each method of the registration and figure stores, on the same files, gives on PostgreSQL what it gives on
/// SQLite; the values the scenario is built to produce are asserted too, so that agreeing on nothing fails.
@Suite(
    "PostgreSQL gives what SQLite gives", .serialized,
    .enabled(
        if: ThrowawayPostgres.isInstalled, "PostgreSQL's server programs are not installed (apt-get install postgresql)"
    ))
struct PostgresMatchesSQLiteTests {
    let ids = TwoStores.ids
    let phones = TwoStores.phones

    /// 白沙镇's list: villages matched, matched by alias, matching none; a duplicate in the file, a malformed ID,
    /// a flagged row, a row on the invalid list, dates with and without a time, and one that is text.
    var baishaList: String {
        """
        乡镇,姓名,身份证号,手机号码,村（社区）,注册时间,截图核验
        白沙镇,赵一,\(ids[5]),\(phones[0]),河坝,2026-11-20,
        白沙镇,钱二,\(ids[6]),,桥头,2026-11-21 08:30,
        白沙镇,孙三,\(ids[5]),,河坝村,2026-11-22,
        白沙镇,李四,12345,,石桥社区,2026-11-22,
        白沙镇,周五,\(ids[7]),,柳林村,2026-11-23,
        白沙,吴六,\(ids[0]),,,上周,无效
        白沙镇,郑七,,\(phones[4]),河坝,2026-11-24,
        """
    }

    /// 青石镇's list: by alias, duplicates of 白沙镇's rows by ID and by phone, and a township that is none.
    var qingshiList: String {
        """
        乡镇,姓名,身份证号,手机号码,注册时间
        青石,王八,\(ids[1]),\(phones[1]),2026-11-25
        青石镇,冯九,\(ids[5]),,2026-11-26
        石青镇,陈十,\(ids[2]),,2026-11-26
        青石镇,褚一,\(ids[3]),\(phones[0]),2026-11-27
        """
    }

    func imported(_ two: TwoStores) throws -> (baisha: Int64, qingshi: Int64) {
        _ = try two.roster("花名册.csv", TwoStores.roster)
        _ = try two.invalid("作废.csv", "乡镇,手机号码\n白沙镇,\(phones[4])\n")
        let baisha = try two.register("白沙镇.csv", baishaList)
        let qingshi = try two.register("青石镇.csv", qingshiList)
        #expect(baisha.sqlite.summary?.outcomes == baisha.postgres.summary?.outcomes)
        #expect(qingshi.sqlite.summary?.outcomes == qingshi.postgres.summary?.outcomes)
        return (try #require(baisha.postgres.summary?.batch), try #require(qingshi.postgres.summary?.batch))
    }

    func expectSameReads(_ two: TwoStores, sourceLocation: SourceLocation = #_sourceLocation) throws -> StoreReads {
        let (sqlite, postgres) = try two.read { try StoreReads($0) }
        // Field by field, so that a failure names what differs.
        #expect(postgres.batches == sqlite.batches, sourceLocation: sourceLocation)
        #expect(postgres.rejects == sqlite.rejects, sourceLocation: sourceLocation)
        #expect(postgres.unassigned == sqlite.unassigned, sourceLocation: sourceLocation)
        #expect(postgres.rejectsByTownship == sqlite.rejectsByTownship, sourceLocation: sourceLocation)
        #expect(postgres.unmatchedVillageRows == sqlite.unmatchedVillageRows, sourceLocation: sourceLocation)
        #expect(postgres.tally == sqlite.tally, sourceLocation: sourceLocation)
        #expect(postgres.villageTally == sqlite.villageTally, sourceLocation: sourceLocation)
        #expect(postgres.dated == sqlite.dated, sourceLocation: sourceLocation)
        #expect(postgres.villageCounts == sqlite.villageCounts, sourceLocation: sourceLocation)
        #expect(postgres.batchOutcomes == sqlite.batchOutcomes, sourceLocation: sourceLocation)
        #expect(postgres.summary == sqlite.summary, sourceLocation: sourceLocation)
        #expect(postgres.figureDifferences == sqlite.figureDifferences, sourceLocation: sourceLocation)
        #expect(postgres.validKeyDifferences == sqlite.validKeyDifferences, sourceLocation: sourceLocation)
        #expect(postgres.integrityProblems == sqlite.integrityProblems, sourceLocation: sourceLocation)
        #expect(postgres.matchedVillages == sqlite.matchedVillages, sourceLocation: sourceLocation)
        return postgres
    }

    @Test func importedRowsReadBackAsOnSQLite() throws {
        let two = try TwoStores()
        let (baisha, qingshi) = try imported(two)
        let reads = try expectSameReads(two)
        let ids = try two.postgres.read { try $0.currentRoster().ids }
        // 11 rows, each with an outcome; 白沙镇: 赵一 钱二 周五 valid, 孙三 a duplicate, 李四 malformed, 吴六
        // flagged, 郑七 listed; 青石镇: 王八 valid, 冯九 and 褚一 duplicates; 陈十 unassigned.
        #expect(reads.summary.rows == 11)
        #expect(
            reads.tally.byTownship[ids[0]]
                == OutcomeCounts(malformed: 1, flagged: 1, listed: 1, duplicates: 1, valid: 3))
        #expect(reads.tally.byTownship[ids[1]] == OutcomeCounts(duplicates: 2, valid: 1))
        #expect(reads.tally.unassigned == 1)
        #expect(reads.tally.newestBatch[ids[1]] == NewestBatch(batch: qingshi, importedAt: "2026-11-29 12:00:00"))
        #expect(reads.rejects.map(\.name) == ["孙三", "李四", "吴六", "郑七", "冯九", "陈十", "褚一"])
        #expect(reads.unassigned.map(\.name) == ["陈十"])
        #expect(
            reads.rejects[4].reasons == [.duplicate(township: "白沙镇", county: nil, file: "白沙镇.csv", sheet: nil, row: 2)])
        #expect(reads.rejects[3].reasons.count == 1)
        // 周五's 柳林村 and 吴六's empty cell match no village; the first in import order is listed.
        #expect(reads.unmatchedVillageRows[0].total == 2)
        #expect(reads.unmatchedVillageRows[0].rows.map(\.name) == ["周五"])
        #expect(reads.villageCounts[0].contains(VillageCount(village: "河坝", outcome: .valid, count: 1)))
        // Rows registered after 11-22, by batch: 周五 and 郑七 of 白沙镇, all four of 青石镇.
        let after = reads.batchOutcomes.filter(\.registeredAfter)
        #expect(after.filter { $0.batch == baisha }.map(\.count).reduce(0, +) == 2)
        #expect(after.filter { $0.batch == qingshi }.map(\.count).reduce(0, +) == 4)
        #expect(reads.dated.filter { $0.registeredDay == nil }.map(\.count) == [1])  // 上周
        #expect(reads.figureDifferences.isEmpty && reads.validKeyDifferences.isEmpty)
        #expect(reads.integrityProblems.isEmpty)
    }

    /// A retraction decides every row again (the duplicate of a retracted row becomes valid) and counts the
    /// changes from the outcomes remembered before it; a purge deletes the rows.
    @Test func aRetractionChangesTheSameOutcomesAsOnSQLite() throws {
        let two = try TwoStores()
        let (baisha, qingshi) = try imported(two)
        let retracted = try two.both { try BatchService(store: $0, clock: two.clock).retract(baisha, purge: false) }
        guard case .retracted(_, let sqlite) = retracted.sqlite, case .retracted(_, let postgres) = retracted.postgres
        else {
            Issue.record("not retracted: \(retracted)")
            return
        }
        #expect(postgres == sqlite)
        #expect(postgres.stoppedCount == 7)
        // 冯九 (a duplicate of 赵一's ID) and 褚一 (of 赵一's phone) are valid now.
        #expect(postgres.changed.map(\.count) == [2])
        #expect(postgres.changed.first?.from == .duplicate && postgres.changed.first?.to == .valid)
        let reads = try expectSameReads(two)
        #expect(reads.summary.rows == 4)
        let purged = try two.both { try BatchService(store: $0, clock: two.clock).retract(qingshi, purge: true) }
        guard case .retracted(let sqliteBatch, let sqliteSummary) = purged.sqlite,
            case .retracted(let postgresBatch, let postgresSummary) = purged.postgres
        else {
            Issue.record("not purged: \(purged)")
            return
        }
        #expect(postgresSummary == sqliteSummary)
        #expect(postgresBatch == sqliteBatch && postgresBatch.isPurged)
        #expect(try two.both { try BatchService(store: $0, clock: two.clock).erasePurged() } == (true, true))
        let afterPurge = try expectSameReads(two)
        #expect(afterPurge.summary == FigureSummary(groups: 0, rows: 0))
        #expect(try two.read { try $0.auditLines().map(\.rows) } == ([4], [4]))
    }

    /// A `--replace` list is decided against the rows before its place, and the rows after it again; a new roster
    /// decides every row again (陈十's 石青镇 becomes an alias of 青石镇).
    @Test func aReplacementAndANewRosterDecideRowsAgainAsOnSQLite() throws {
        let two = try TwoStores()
        _ = try imported(two)
        let replaced = try two.register(
            "白沙镇.csv",
            """
            乡镇,姓名,身份证号,手机号码,村（社区）,注册时间
            白沙镇,钱二,\(ids[6]),,桥头,2026-11-21
            白沙镇,褚一,\(ids[3]),\(phones[2]),,2026-11-28
            """, replace: true)
        #expect(replaced.postgres.summary?.outcomes == replaced.sqlite.summary?.outcomes)
        #expect(replaced.postgres.summary?.reevaluated == replaced.sqlite.summary?.reevaluated)
        // 冯九 of 青石镇 was a duplicate of 赵一, who is gone: valid now. 青石镇's 褚一 stays a duplicate, now of this
        // list's 褚一, decided before it (its place is the replaced list's): not a change of outcome.
        #expect(replaced.postgres.summary?.outcomes == [.valid: 2])
        #expect(replaced.postgres.summary?.reevaluated == 1)
        _ = try expectSameReads(two)
        let roster = try two.roster(
            "新花名册.csv", TwoStores.roster.replacingOccurrences(of: "青石镇,,50,,青石", with: "青石镇,,50,,青石;石青镇"))
        #expect(roster.postgres.summary?.reevaluated == roster.sqlite.summary?.reevaluated)
        #expect(roster.postgres.summary?.reevaluated == 1)
        let reads = try expectSameReads(two)
        #expect(reads.tally.unassigned == 0)
    }

    /// `check --repair` on PostgreSQL: what is wrong is found, and rebuilt as SQLite rebuilds it.
    @Test func brokenFiguresAndKeysAreFoundAndRebuilt() throws {
        let two = try TwoStores()
        _ = try imported(two)
        try two.postgres.transaction { transaction in
            try transaction.connection.execute(
                "DELETE FROM valid_id_key WHERE registration_id = (SELECT MIN(registration_id) FROM valid_id_key)")
            try transaction.connection.execute(
                "UPDATE figure SET rows = rows + 1 WHERE batch_id = (SELECT MAX(batch_id) FROM figure) AND outcome = 5")
            try transaction.connection.execute("UPDATE figure_total SET rows = rows + 5 WHERE township_key = 0")
        }
        let broken = try two.postgres.read { (try $0.figureDifferences(), try $0.validKeyDifferences()) }
        #expect(broken.1 == [ValidKeyDifference(kind: .idNumber, missing: 1, extra: 0)])
        #expect(broken.0.filter { !$0.group.allDays }.map { $0.kept - $0.recomputed } == [1])
        #expect(broken.0.filter(\.group.allDays).map { $0.kept - $0.recomputed } == [5])
        let rebuilt = try two.both { store in
            try store.write { (try $0.rebuildFigures(), try $0.rebuildValidKeys()) }
        }
        #expect(rebuilt.postgres == rebuilt.sqlite)
        #expect(rebuilt.postgres.1 == 4 + 2)  // valid rows' ID keys and phone keys
        let reads = try expectSameReads(two)
        #expect(reads.figureDifferences.isEmpty && reads.validKeyDifferences.isEmpty)
        #expect(try ConsistencyCheck(store: two.postgres).run().isConsistent)
    }

    /// The valid-key index looked up directly: every key of a valid row, and only before a place when asked.
    @Test func validKeysAreLookedUpAsOnSQLite() throws {
        let two = try TwoStores()
        let (baisha, qingshi) = try imported(two)
        let keys = try two.postgres.read { transaction in
            try (transaction as! PostgresTransaction).connection.rows(
                "SELECT id_key, phone_key FROM registration ORDER BY id"
            ).map { (try $0["id_key"].decode(Int64?.self), try $0["phone_key"].decode(Int64?.self)) }
        }
        for place in [nil, baisha, qingshi] as [Int64?] {
            let found = try two.read { transaction -> [Int64?] in
                let lookup = try transaction.validKeys(before: place)
                return try keys.flatMap { id, phone in
                    [try id.flatMap { try lookup.row(idKey: $0) }, try phone.flatMap { try lookup.row(phoneKey: $0) }]
                }
            }
            #expect(found.postgres == found.sqlite)
            #expect(found.postgres.compactMap { $0 }.isEmpty == (place == baisha))
        }
    }

    /// The change stamp moves when another connection commits, not for the connection's own writes, and stays
    /// the same throughout one read.
    @Test func theChangeStampMovesForOtherConnectionsCommitsOnly() throws {
        let two = try TwoStores()
        let other = try PostgresStore(two.location)
        let store = two.postgres
        let start = try store.read { try $0.changeStamp() }
        try store.write { try $0.setSetting(SettingKey.deadline, value: "2026-12-31") }
        #expect(try store.read { try $0.changeStamp() } == start)
        try other.write { try $0.setSetting(SettingKey.deadline, value: "2027-01-31") }
        let moved = try store.read { try $0.changeStamp() }
        #expect(moved != start)
        // A write that changes nothing is no change.
        try other.write { _ = try $0.setting(SettingKey.deadline) }
        #expect(try store.read { try $0.changeStamp() } == moved)
        let (before, after) = try store.read { transaction in
            let before = try transaction.changeStamp()
            try other.write { try $0.setSetting(SettingKey.deadline, value: nil) }
            return (before, try transaction.changeStamp())
        }
        #expect(before == moved && after == moved)
        #expect(try store.read { try $0.changeStamp() } != moved)
    }
}
