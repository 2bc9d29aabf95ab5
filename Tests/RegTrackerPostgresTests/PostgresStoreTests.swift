import Foundation
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
                change: NoticeChange(valid: 0, rateMillionths: nil, rank: nil), named: true, timesNamed: 3,
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
}
