import Foundation
import Testing

/// SPEC 3 and issue 20 item 2: the commands that only read never create a database, never migrate, never write,
/// and never wait for a writer.
@Suite struct ReadOnlyCommandsTests {
    /// Every read command, with the arguments it needs. `serve` exits at once when it cannot open the database.
    static let readCommands: [[String]] = [
        ["report"], ["report", "--json"], ["rate", "青石镇"], ["shortfall"], ["rejects"], ["rejects", "青石镇"],
        ["missing", "--since", "2026-11-01"], ["batches"], ["batches", "--json"], ["trend"], ["trend", "--json"],
        ["tokens", "list"], ["serve", "--port", "0"],
        ["inspect", "\(RegTrackerBinary.fixtures)/lists/01-青石镇.csv"],
    ]

    @Test(arguments: readCommands)
    func aMistypedDatabaseIsAnErrorThatCreatesNothing(command: [String]) throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let run = try tool.run(command)
        #expect(run.status == 1, "\(command): \(run.stdout)")
        #expect(
            run.stderr.contains(
                "no database at \(tool.database); check --db or REGTRACKER_DB, or import a roster first"),
            "\(command): \(run.stderr)")
        for suffix in ["", "-wal", "-shm", "-journal"] {
            #expect(!FileManager.default.fileExists(atPath: tool.database + suffix), "\(command) created \(suffix)")
        }
        let chinese = try tool.run(command, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.status == 1)
        #expect(chinese.stderr.contains("处没有数据库；请检查 --db 或 REGTRACKER_DB，或先导入人口底数"), "\(chinese.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tool.database))
    }

    /// Commands that change only what is there: nothing to retract, revoke or repair in a database that is not.
    @Test(
        arguments: [
            ["retract", "1"], ["retract", "1", "--purge"], ["tokens", "revoke", "1"], ["check", "--repair"],
            ["tokens", "create", "--township", "青石镇"], ["tokens", "create", "--county", "青石县"],
        ])
    func aWriteOnWhatIsThereCreatesNoDatabase(command: [String]) throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let run = try tool.run(command)
        #expect(run.status == 1, "\(command): \(run.stdout)")
        #expect(run.stderr.contains("no database at \(tool.database)"), "\(command): \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tool.database), "\(command) created the database")
    }

    @Test func aMistypedDatabaseInTheEnvironmentIsAnErrorToo() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let process = Process()
        process.executableURL = RegTrackerBinary.executable
        process.arguments = ["report"]
        process.currentDirectoryURL = URL(fileURLWithPath: tool.workFolder)
        var environment = ProcessInfo.processInfo.environment
        environment["REGTRACKER_DB"] = tool.workFolder + "/typo.sqlite"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(!FileManager.default.fileExists(atPath: tool.workFolder + "/typo.sqlite"))
    }

    @Test func everyReadCommandAnswersAtOnceWhileAnotherProcessHoldsTheWriteLock() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let office = try DashboardCommandsTests.token(from: tool.run("tokens", "create", "--office"))
        let lock = try WriteLock(database: tool.database)
        defer { lock.release() }
        for command in Self.readCommands where command.first != "serve" {
            let started = Date()
            let run = try tool.run(command)
            let seconds = Date().timeIntervalSince(started)
            #expect(run.status == 0, "\(command): \(run.stderr)")
            #expect(!run.stderr.contains("busy"), "\(command): \(run.stderr)")
            #expect(seconds < 10, "\(command) took \(seconds) s")
        }
        #expect(try tool.run("report", "--json").json["unassigned"] as? Int == 1)
        let started = Date()
        let (server, port) = try tool.startServer()
        defer { server.terminate() }
        #expect(try LoopbackHTTP.get(port: port, path: "/api/report", token: office).status == 200)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(lock.isHeld, "the other process still holds the write lock")
    }

    @Test func aDatabaseThatNeedsAMigrationIsNotMigratedByReadsButByMigrate() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let sqlite = try #require(Tools.find("sqlite3"), "sqlite3 is installed by make setup")
        // The database as the previous release left it: without the v4 migration.
        try Tools.run(
            sqlite,
            [
                tool.database,
                "DELETE FROM grdb_migrations WHERE identifier LIKE 'v4:%'; ALTER TABLE batch DROP COLUMN purged_at;",
            ])
        let before = try Data(contentsOf: URL(fileURLWithPath: tool.database))
        for command in [["report"], ["batches"], ["rate", "青石镇"]] {
            let run = try tool.run(command)
            #expect(run.status == 1, "\(command)")
            #expect(run.stderr.contains("was made by an earlier version of regtracker; run `regtracker migrate`"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: tool.database)) == before, "a read changed nothing")
        let migrate = try tool.run("migrate")
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stdout.contains("applied “v4: purged batches stay listed”"), "\(migrate.stdout)")
        #expect(try tool.run("migrate").stdout.contains("is up to date"))
        #expect(try tool.run("report", "--json").json["unassigned"] as? Int == 1)
        #expect(try tool.run("migrate", "--db", tool.workFolder + "/typo.sqlite").status == 1)
        #expect(!FileManager.default.fileExists(atPath: tool.workFolder + "/typo.sqlite"))
    }

    @Test func aSQLiteFileOfAnotherProgramIsNeitherReadNorMigrated() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let sqlite = try #require(Tools.find("sqlite3"), "sqlite3 is installed by make setup")
        try Tools.run(sqlite, [tool.database, "CREATE TABLE contacts (name TEXT);"])
        let before = try Data(contentsOf: URL(fileURLWithPath: tool.database))
        for command in [["report"], ["migrate"]] {
            let run = try tool.run(command)
            #expect(run.status == 1, "\(command)")
            #expect(run.stderr.contains("is not a regtracker database; check --db"), "\(command): \(run.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: tool.database)) == before)
    }

    @Test func aFileThatIsNotSQLiteIsNamedInTheReadersLanguage() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        try Data(String(repeating: "姓名,乡镇\n", count: 200).utf8).write(to: URL(fileURLWithPath: tool.database))
        let run = try tool.run("batches")
        #expect(run.status == 1)
        #expect(run.stderr.contains("is not a regtracker database or is damaged; check the --db path"), "\(run.stderr)")
        let chinese = try tool.run(["report"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.status == 1)
        #expect(chinese.stderr.contains("不是 regtracker 数据库或已损坏；请检查 --db 路径"), "\(chinese.stderr)")
        let writer = try tool.run(
            ["import", "\(RegTrackerBinary.fixtures)/lists"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(writer.status == 1)
        #expect(writer.stderr.contains("不是 regtracker 数据库或已损坏"), "\(writer.stderr)")
    }

    @Test(arguments: [["report"], ["rate", "青石镇"], ["shortfall"]])
    func aDatabaseWithoutARosterSaysSo(command: [String]) throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        // A database made by a command that writes, with no roster in it.
        #expect(try tool.run("trend", "--deadline", "2026-12-31").status == 0)
        let run = try tool.run(command)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty, "no empty table: \(run.stdout)")
        #expect(run.stderr.contains("no roster imported yet"), "\(run.stderr)")
        let chinese = try tool.run(command, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.status == 1)
        #expect(chinese.stderr.contains("尚未导入人口底数"), "\(chinese.stderr)")
    }
}

/// Another process (the sqlite3 shell) holding `BEGIN IMMEDIATE`, as a long import does.
final class WriteLock {
    private let process = Process()
    private let input = Pipe()
    private let database: String
    private let sqlite: String

    init(database: String) throws {
        self.database = database
        sqlite = try #require(Tools.find("sqlite3"), "sqlite3 is installed by make setup")
        process.executableURL = URL(fileURLWithPath: sqlite)
        process.arguments = [database]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(
            Data("BEGIN IMMEDIATE;\nINSERT INTO setting VALUES ('lock-test', 'x');\n".utf8))
        let deadline = Date().addingTimeInterval(10)
        while !isHeld && Date() < deadline { usleep(50_000) }
        try #require(isHeld, "sqlite3 took the write lock")
    }

    /// Whether a write from a third connection is refused at once.
    var isHeld: Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: sqlite)
        probe.arguments = ["-cmd", ".timeout 0", database, "BEGIN IMMEDIATE; ROLLBACK;"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus != 0
    }

    func release() {
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
