import Foundation
import GRDB
import Testing

@testable import RegTrackerStore

/// Migration v15 (issue 19): the tokens of a database made before it keep working, none of them in a county; a county
/// token and a township token with its county are stored and read back with it.
@Suite struct TokenCountyMigrationTests {
    @Test func theTokensOfADatabaseBeforeV15AreReadBackWithoutACounty() throws {
        let folder = NSTemporaryDirectory() + "regtracker-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/old.sqlite"
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v14: recent valid keys, merged into the index in key order")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO access_token (id, scope, township, sha256, created_at, revoked_at)
                    VALUES (1, 'office', NULL, 'aa', '2026-11-01 09:00:00', NULL),
                        (2, 'township', '城关镇', 'bb', '2026-11-02 09:00:00', NULL),
                        (3, 'township', '白沙镇', 'cc', '2026-11-03 09:00:00', '2026-11-04 09:00:00');
                    """)
        }
        #expect(try queue.read { try $0.columns(in: "access_token").map(\.name) }.contains("county") == false)
        try queue.close()

        let store = try SQLiteStore(path: path)
        let tokens = try store.read { try $0.tokens() }
        #expect(
            tokens == [
                TokenRecord(id: 1, scope: .office, township: nil, sha256: "aa", createdAt: "2026-11-01 09:00:00"),
                TokenRecord(id: 2, scope: .township, township: "城关镇", sha256: "bb", createdAt: "2026-11-02 09:00:00"),
                TokenRecord(
                    id: 3, scope: .township, township: "白沙镇", sha256: "cc", createdAt: "2026-11-03 09:00:00",
                    revokedAt: "2026-11-04 09:00:00"),
            ])
        #expect(try store.read { try $0.activeToken(sha256: "bb") }?.county == nil)
        let applied = try DatabaseQueue(path: path).read { try Migrations.migrator.appliedIdentifiers($0) }
        #expect(applied.contains("v15: the county of a dashboard token"))
    }

    @Test func aCountyTokenAndATownshipTokenWithItsCountyAreStoredWithIt() throws {
        let store = try SQLiteStore(path: ":memory:")
        let county = TokenRecord(
            scope: .county, township: nil, county: "青石县", sha256: "dd", createdAt: "2026-11-05 09:00:00")
        let township = TokenRecord(
            scope: .township, township: "城关镇", county: "云岭县", sha256: "ee", createdAt: "2026-11-05 09:01:00")
        let ids = try store.write { [try $0.insertToken(county), try $0.insertToken(township)] }
        #expect(ids == [1, 2])
        var expected = [county, township]
        expected[0].id = 1
        expected[1].id = 2
        #expect(try store.read { try $0.tokens() } == expected)
        #expect(try store.read { try $0.activeToken(sha256: "dd") }?.scope == .county)
        #expect(try store.read { try $0.activeToken(sha256: "ee") }?.county == "云岭县")
    }
}
