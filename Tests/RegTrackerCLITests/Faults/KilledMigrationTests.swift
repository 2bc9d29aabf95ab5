import Foundation
import RegTrackerCore
import Testing

/// Kill during migration (issue 20): a database of the v2 schema (what releases before the batch sequence, purge
/// records, notices and audit log made), holding a real roster, lists and many batches, is migrated by
/// `regtracker migrate`, killed with SIGKILL at random moments (seed printed; `REGTRACKER_FAULT_SEED` replays). Opened
/// again it migrates the rest: every migration applied exactly once, the data migration whole, the database
/// intact, and the figures those of before.
@Suite(.serialized) struct KilledMigrationTests {
    /// The migrations a v2 database lacks, in order.
    static let later = [
        "v3: batch place in the sequence, sheet of each row", "v4: purged batches stay listed",
        "v5: periodic notices (通报), stored as issued", "v6: audit log of purges", "v7: kept figures",
        "v8: dashboard sessions", "v9: reasons as codes", "v10: villages (村/社区)",
        "v11: the ID and phone keys of valid rows", "v12: township row index and figure totals",
        "v13: counties (县)",
        "v14: recent valid keys, merged into the index in key order", "v15: the county of a dashboard token",
        "v16: the county of a township in a notice", "v17: the county an invalid-list entry names",
    ]

    /// Turns a current database back into the v2 schema: the later tables and columns dropped, their migrations
    /// forgotten. Padding batches (retracted, no rows) make the `sequence` data migration take time.
    static let downgrade = """
        ALTER TABLE township DROP COLUMN county; ALTER TABLE registration DROP COLUMN county_text;
        ALTER TABLE access_token DROP COLUMN county; ALTER TABLE invalid_entry DROP COLUMN county_text;
        DROP INDEX registration_by_township; DROP TABLE figure; DROP TABLE figure_total;
        DROP TABLE valid_id_key; DROP TABLE valid_phone_key;
        DROP TABLE recent_valid_id_key; DROP TABLE recent_valid_phone_key;
        DROP TABLE village; ALTER TABLE registration DROP COLUMN village_id;
        DROP TABLE dashboard_session;
        DROP TABLE audit; DROP TABLE notice_township; DROP TABLE notice;
        ALTER TABLE batch DROP COLUMN purged_at; ALTER TABLE batch DROP COLUMN sequence;
        ALTER TABLE registration DROP COLUMN sheet;
        DELETE FROM grdb_migrations WHERE identifier NOT LIKE 'v1:%' AND identifier NOT LIKE 'v2:%';
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
        INSERT INTO batch (kind, file_name, sha256, imported_at, format, headers, retracted_at)
        SELECT 'registrations', 'old-' || i || '.csv', hex(randomblob(32)), '2025-01-01 12:00:00', 'csv', '[]',
            '2025-01-02 12:00:00' FROM n;
        VACUUM;
        """

    @Test func aMigrationKilledAtAnyMomentCompletesOnceWhenRunAgain() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        try tool.run("population", "import", try LargeList.roster(in: tool.workFolder))
        try tool.run("import", try LargeList.write(rows: 40_000, to: tool.workFolder + "/a.csv"))
        try tool.run("import", try LargeList.write(rows: 20_000, first: 30_000, to: tool.workFolder + "/b.csv"))
        let figures = try tool.run("report", "--json").stdout
        #expect(figures.contains("\"valid\""))
        _ = try SQLiteShell.run(tool.database, "PRAGMA wal_checkpoint(TRUNCATE);")
        _ = try SQLiteShell.run(tool.database, Self.downgrade)
        let old = tool.workFolder + "/v2.sqlite"
        try FileManager.default.moveItem(atPath: tool.database, toPath: old)
        #expect(try Self.applied(old).count == 2)

        // A run left alone: how long a migration takes, and that it keeps the figures.
        try FileManager.default.copyItem(atPath: old, toPath: tool.database)
        #expect(try tool.run("report").stderr.contains("regtracker migrate"))
        let started = Date()
        let whole = try tool.run("migrate")
        let duration = Date().timeIntervalSince(started)
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(try tool.run("report", "--json").stdout == figures)
        print("killed migration: a whole `migrate` of the v2 database takes \(Int(duration * 1000)) ms")

        let seed =
            ProcessInfo.processInfo.environment["REGTRACKER_FAULT_SEED"].flatMap(UInt64.init)
            ?? UInt64(Date().timeIntervalSince1970 * 1000)
        print("killed migration: kill moments from seed \(seed) (REGTRACKER_FAULT_SEED=\(seed) replays them)")
        var random = SeededRandom(seed: seed)
        var interrupted = 0
        for _ in 0..<8 {
            let delay = Double.random(in: 0...(duration * 1.1), using: &random)
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: tool.database + suffix) }
            try FileManager.default.copyItem(atPath: old, toPath: tool.database)
            let child = try tool.start("migrate")
            Thread.sleep(forTimeInterval: delay)
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            let moment = "killed after \(Int(delay * 1000)) ms"

            let before = try Self.applied(tool.database)
            if before.count < 2 + Self.later.count { interrupted += 1 }
            #expect(try SQLiteShell.integrity(tool.database) == "ok", "\(moment)")
            let again = try tool.run("migrate")
            #expect(again.status == 0, "\(moment): \(again.stderr)")
            // The second run applies exactly what the first did not.
            for migration in Self.later {
                #expect(
                    again.stdout.contains("“\(migration)”") == !before.contains(migration), "\(moment): \(again.stdout)"
                )
            }
            #expect(try Self.applied(tool.database).count == 2 + Self.later.count, "\(moment)")
            #expect(try SQLiteShell.run(tool.database, "SELECT COUNT(*) FROM batch WHERE sequence IS NOT id;") == "0")
            #expect(try SQLiteShell.integrity(tool.database) == "ok", "\(moment)")
            #expect(try tool.run("report", "--json").stdout == figures, "\(moment)")
        }
        print("killed migration: \(interrupted) of 8 kills interrupted it")
    }

    /// The migrations recorded as applied in the database at `path`.
    static func applied(_ path: String) throws -> Set<String> {
        let output = try SQLiteShell.run(path, "SELECT identifier FROM grdb_migrations;")
        return Set(output.split(separator: "\n").map(String.init))
    }
}
