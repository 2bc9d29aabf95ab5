import Foundation
import TestSupport
import Testing

/// Issue 19: the same commands on the same files give the same output, byte for byte, on SQLite and on PostgreSQL
/// (`--db postgres://…` on the tests' own throwaway server): imports, a rejected file, a file sent twice, a
/// retraction, roster changes that decide every row again, villages, counties, and every JSON report.
@Suite(
    .enabled(
        if: ThrowawayPostgres.isInstalled, "PostgreSQL's server programs are not installed (apt-get install postgresql)"
    ))
struct BothStoresTests {
    /// The tool on a new database of each store: SQLite in its folder, PostgreSQL on the throwaway server.
    static func tools() throws -> [RegTrackerBinary] {
        let url = try ThrowawayPostgres.shared.get().newDatabase()
        return [try RegTrackerBinary(), try RegTrackerBinary(database: url)]
    }

    /// Runs each step (a command line after `--db`) on both stores with the date pinned; expects each step's status
    /// and output to be the same.
    func expectSameOutput(_ steps: [[String]], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let tools = try Self.tools()
        defer { for tool in tools { tool.cleanUp() } }
        for step in steps {
            let runs = try tools.map { try $0.run(step, environment: ["REGTRACKER_TODAY": "2026-11-29"]) }
            let (sqlite, postgres) = (runs[0], runs[1])
            let line = step.joined(separator: " ")
            #expect(sqlite.status == postgres.status, "\(line): \(postgres.stderr)", sourceLocation: sourceLocation)
            if step.contains("--json") {
                #expect(sqlite.stdout.hasPrefix("{"), "\(line): \(sqlite.stdout)", sourceLocation: sourceLocation)
            }
            #expect(sqlite.stdout == postgres.stdout, "\(line)", sourceLocation: sourceLocation)
            #expect(sqlite.stderr == postgres.stderr, "\(line)", sourceLocation: sourceLocation)
        }
    }

    /// The reports every sequence ends with.
    static let reports = [
        ["report", "--json"], ["report", "--json", "--target", "40%"], ["rejects", "--json"], ["batches", "--json"],
        ["trend", "--json"], ["shortfall", "--json"], ["missing", "--since", "2026-11-28", "--json"],
        ["check", "--json"],
    ]

    /// Runs issuing the same notice at once take turns on both stores: none fails, one notice is stored.
    @Test func noticesIssuedAtOnceTakeTurns() throws {
        let tools = try Self.tools()
        defer { for tool in tools { tool.cleanUp() } }
        let fixtures = RegTrackerBinary.fixtures
        for tool in tools {
            try tool.run("population", "import", "\(fixtures)/roster.csv")
            try tool.run("import", "\(fixtures)/lists")
            let runs = try (0..<6).map { index in
                try tool.start("notice", "2026-11", "--bottom", String(index + 1), "--reissue")
            }
            for run in runs { run.waitUntilExit() }
            #expect(runs.map(\.terminationStatus) == Array(repeating: 0, count: 6), "\(tool.database)")
            let list = try tool.run("notice", "list", "--json")
            #expect((list.json["notices"] as? [[String: Any]])?.count == 1)
        }
    }

    @Test func theFixtureListsGiveTheSameOutputOnBothStores() throws {
        let fixtures = RegTrackerBinary.fixtures
        try expectSameOutput(
            [
                ["population", "import", "\(fixtures)/roster.csv"],
                ["invalid", "import", "\(fixtures)/invalid.csv"],
                ["import", "--json", "\(fixtures)/lists"],
                // Rejected: it must leave no batch number used on either store.
                ["import", "--json", "\(fixtures)/bad/no-header.csv"],
                ["import", "--json", "\(fixtures)/lists"],
            ] + Self.reports + [
                ["retract", "2"],
                ["import", "--json", "\(fixtures)/lists/02-白沙镇.csv"],
            ] + Self.reports)
    }

    /// A NUL byte in a cell (a broken export) is nothing to keep: the file imports on both stores alike, where
    /// PostgreSQL text could not hold it.
    @Test func aNULByteInACellImportsAlikeOnBothStores() throws {
        let list = NSTemporaryDirectory() + "regtracker-both-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: list) }
        try Data("乡镇,姓名,手机号码,备注\n白沙镇,张\u{0}三,13800138000,a\u{0}b\n白沙镇,\u{0},13900139000,\n".utf8).write(
            to: URL(fileURLWithPath: list))
        try expectSameOutput(
            [["population", "import", "\(RegTrackerBinary.fixtures)/roster.csv"], ["import", "--json", list]]
                + Self.reports)
        let tool = try RegTrackerBinary(database: try ThrowawayPostgres.shared.get().newDatabase())
        defer { tool.cleanUp() }
        #expect(try tool.run("population", "import", "\(RegTrackerBinary.fixtures)/roster.csv").status == 0)
        let imported = try tool.run("import", list)
        #expect(imported.status == 0, "\(imported.stderr)")
        // 张三 is valid; the name of nothing but a NUL is missing.
        let rows = try tool.run("rejects", "--json").json["rows"] as? [[String: Any]] ?? []
        #expect(rows.map { $0["reason_code"] as? String } == ["name_missing"], "\(rows)")
    }

    @Test func villagesAndARosterChangeGiveTheSameOutputOnBothStores() throws {
        let folder = RegTrackerBinary.fixtures + "/villages"
        let changed = NSTemporaryDirectory() + "regtracker-both-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: changed) }
        try String(contentsOfFile: "\(folder)/roster-villages.csv", encoding: .utf8)
            .replacingOccurrences(of: "白沙镇,柳林村,10", with: "白沙镇,柳林湾,10")
            .write(toFile: changed, atomically: true, encoding: .utf8)
        try expectSameOutput(
            [
                ["population", "import", "\(folder)/roster-villages.csv"],
                ["import", "--json", "\(folder)/01-白沙镇-分村.csv", "\(folder)/02-云溪镇-分村.csv"],
                ["villages", "--json"], ["villages", "白沙镇", "--json"],
                ["population", "import", changed], ["villages", "--json"],
            ] + Self.reports)
    }

    @Test func countiesGiveTheSameOutputOnBothStores() throws {
        let folder = NSTemporaryDirectory() + "regtracker-both-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(CountyCommandsTests.roster.utf8).write(to: URL(fileURLWithPath: folder + "/roster.csv"))
        try Data(
            """
            县,乡镇,姓名,手机号码
            青石县,城关镇,张一,13800138000
            云岭县,城关镇,张二,13900139000
            ,城关镇,张三,15000150000
            ,松林镇,张四,18600186000
            """.utf8
        ).write(to: URL(fileURLWithPath: folder + "/名单.csv"))
        try Data("乡镇,姓名,手机号码\n城关镇,李一,17700177000\n".utf8).write(to: URL(fileURLWithPath: folder + "/补报.csv"))
        try Data("县,乡镇,姓名,手机号码\n青石县,城关镇,重一,13800138000\n".utf8).write(
            to: URL(fileURLWithPath: folder + "/重复.csv"))
        try expectSameOutput(
            [
                ["population", "import", folder + "/roster.csv"],
                ["import", "--json", folder + "/名单.csv"],
                ["import", "--json", "--county", "云岭县", folder + "/补报.csv"],
                ["report", "--by", "county", "--json"],
                ["report", "--county", "云岭县", "--json"],
                // Each 城关镇 its own township of the notice, and a duplicate naming the earlier row's county.
                ["notice", "2026-11", "--bottom", "2", "--json"],
                ["import", "--json", folder + "/重复.csv"],
            ] + Self.reports)
    }

    /// Eight offices importing at once into one PostgreSQL database, each three of eight overlapping files in its
    /// own order: every file is imported exactly once, and the figures are those of one run importing them all
    /// into SQLite.
    @Test func eightRunsAtOnceOnPostgreSQLImportEveryFileExactlyOnce() throws {
        let tool = try RegTrackerBinary(database: try ThrowawayPostgres.shared.get().newDatabase())
        defer { tool.cleanUp() }
        #expect(try tool.run("population", "import", try LargeList.roster(in: tool.workFolder)).status == 0)
        let files = try (0..<8).map { part in
            try LargeList.write(rows: 1_500, first: part * 1_500, to: tool.workFolder + "/list-\(part).csv")
        }
        let runs = try (0..<8).map { run in
            try tool.start("import", files[run], files[(run + 1) % 8], files[(run + 2) % 8])
        }
        for run in runs { run.waitUntilExit() }
        #expect(runs.map(\.terminationStatus) == Array(repeating: 0, count: 8))
        let batches = try tool.run("batches", "--json").json["batches"] as? [[String: Any]] ?? []
        #expect(batches.count == 9)
        #expect(Set(batches.compactMap { $0["file"] as? String }).count == 9)

        let sequential = try RegTrackerBinary()
        defer { sequential.cleanUp() }
        try sequential.run("population", "import", try LargeList.roster(in: sequential.workFolder))
        try sequential.run(["import"] + files)
        let report = try tool.run("report", "--json")
        #expect(report.stdout.hasPrefix("{"))
        #expect(report.stdout == (try sequential.run("report", "--json").stdout))
    }

    @Test func aMalformedOrUnreachableServerIsAClearErrorThatCreatesNothing() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let malformed = try tool.run(["report", "--db", "postgres://localhost"], naming: false)
        #expect(malformed.status != 0)
        #expect(malformed.stderr.contains("is not a PostgreSQL URL"), "\(malformed.stderr)")
        let folder = tool.workFolder
        let unreachable = try tool.run(
            [
                "import", "--db", "postgres://nobody@localhost/none?host=\(folder)",
                "\(RegTrackerBinary.fixtures)/roster.csv",
            ],
            naming: false)
        #expect(unreachable.status == 1)
        #expect(unreachable.stderr.contains("cannot connect to the database"), "\(unreachable.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    /// `sslmode` and `sslrootcert` in the URL, against a server that refuses connections without TLS; a certificate
    /// the URL's CA did not sign is refused in the reader's language.
    @Test func aServerOverTLSAsTheURLAsks() throws {
        let server = try ThrowawayPostgres.tls.get()
        let base = "postgres://regtracker@localhost:\(try #require(server.port))/regtracker"
        let tool = try RegTrackerBinary(
            database: base + "?sslmode=verify-full&sslrootcert=" + server.certificateAuthority)
        defer { tool.cleanUp() }
        let imported = try tool.run("population", "import", "\(RegTrackerBinary.fixtures)/roster.csv")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try tool.run("report", "--json").status == 0)
        let refused = try tool.run(
            ["report", "--db", base + "?sslmode=verify-ca"], environment: ["LANG": "zh_CN.UTF-8"], naming: false)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("服务器证书不是由本机信任的 CA 签发的"), "\(refused.stderr)")
    }

    @Test func aReadOnlyCommandOnAnEmptyServerDatabaseSaysThereIsNoDatabaseAndCreatesNothing() throws {
        let url = try ThrowawayPostgres.shared.get().newDatabase()
        let tool = try RegTrackerBinary(database: url)
        defer { tool.cleanUp() }
        let report = try tool.run("report", "--json")
        #expect(report.status == 1)
        #expect(report.stderr.contains("no database at postgres://"), "\(report.stderr)")
        // A notice writes, but only into a database that is there.
        let notice = try tool.run("notice", "2026-11")
        #expect(notice.status == 1)
        #expect(notice.stderr.contains("no database at postgres://"), "\(notice.stderr)")
        // Nothing was created: a migrate still has every migration to apply, then the report runs on empty data.
        let migrate = try tool.run("migrate")
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stdout.contains("p1"), "\(migrate.stdout)")
        #expect(try tool.run("batches", "--json").status == 0)
    }

    @Test func backupOfAServerDatabaseNamesPgDump() throws {
        let url = try ThrowawayPostgres.shared.get().newDatabase()
        let tool = try RegTrackerBinary(database: url)
        defer { tool.cleanUp() }
        let backup = try tool.run("backup", tool.workFolder + "/copies")
        #expect(backup.status == 1)
        #expect(backup.stderr.contains("pg_dump"), "\(backup.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tool.workFolder + "/copies"))
    }
}
