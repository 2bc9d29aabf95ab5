import Foundation
import Testing

/// Issue 18: `backup` makes consistent copies while imports run or die; `restore` refuses bad copies.
@Suite(.serialized) struct BackupTests {
    /// The figures (`report --json`) of a database file, read through a tool of its own so the file is not changed.
    func figures(of copy: String) throws -> String {
        let probe = try RegTrackerBinary()
        defer { probe.cleanUp() }
        try FileManager.default.copyItem(atPath: copy, toPath: probe.database)
        return try probe.run("report", "--json").stdout
    }

    func integrity(_ database: String) throws -> String {
        try sqlite3(database, "PRAGMA integrity_check;")
    }

    func sqlite3(_ database: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Takes a copy every 0.5 s (at most 10) while `import list` runs in another process, killed (SIGKILL) after
    /// `killAfter` seconds or left to finish, and one more after it ended. Returns the copies and how many were
    /// taken while the import was still running.
    func backups(during list: String, into tool: RegTrackerBinary, killAfter: Double?) throws -> ([String], Int) {
        let child = try tool.start("import", list)
        let started = Date()
        var copies: [String] = []
        var takenWhileRunning = 0
        while child.isRunning && copies.count < 10 {
            Thread.sleep(forTimeInterval: 0.5)
            if let killAfter, Date().timeIntervalSince(started) > killAfter {
                kill(child.processIdentifier, SIGKILL)
                break
            }
            let copy = tool.workFolder + "/copy-\(copies.count).sqlite"
            let running = child.isRunning
            let run = try tool.run("backup", copy)
            #expect(run.status == 0, "\(run.stderr)")
            copies.append(copy)
            if running { takenWhileRunning += 1 }
        }
        child.waitUntilExit()
        let last = tool.workFolder + "/copy-last.sqlite"
        #expect(try tool.run("backup", last).status == 0)
        return (copies + [last], takenWhileRunning)
    }

    /// Every copy taken while a 200,000-row import runs, or around its being killed, is sound and holds the figures
    /// from before the import or after it, never in between.
    @Test func aBackupDuringAnImportOrItsKillHoldsTheStateBeforeOrAfterIt() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let roster = try LargeList.roster(in: tool.workFolder)
        let list = try LargeList.write(rows: 200_000, to: tool.workFolder + "/big.csv")
        #expect(try tool.run("population", "import", roster).status == 0)
        let before = try tool.run("report", "--json").stdout

        let (finished, whileRunning) = try backups(during: list, into: tool, killAfter: nil)
        let after = try tool.run("report", "--json").stdout
        #expect(before != after)
        #expect(whileRunning > 0)
        #expect(try figures(of: finished.last!) == after)

        let killed = try RegTrackerBinary()
        defer { killed.cleanUp() }
        #expect(try killed.run("population", "import", roster).status == 0)
        let (aroundKill, whileRunningBeforeKill) = try backups(during: list, into: killed, killAfter: 1.2)
        #expect(whileRunningBeforeKill > 0)

        for copy in finished + aroundKill {
            #expect(try integrity(copy) == "ok", "\(copy)")
            let figures = try figures(of: copy)
            #expect(figures == before || figures == after, "\(copy) holds a state in between")
        }
    }

    @Test func aCorruptedOrForeignFileIsRefusedAndTheDatabaseIsUntouched() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let figures = try tool.run("report", "--json").stdout
        let batches = try tool.run("batches", "--json").stdout
        let copy = tool.workFolder + "/good.sqlite"
        #expect(try tool.run("backup", copy).status == 0)

        // Damage the headers of the b-tree pages after the first.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        #expect(bytes.count > 4 * 4096)
        for page in 1..<bytes.count / 4096 {
            bytes.replaceSubrange(page * 4096..<page * 4096 + 12, with: Data(repeating: 0xA5, count: 12))
        }
        let corrupted = tool.workFolder + "/corrupted.sqlite"
        try bytes.write(to: URL(fileURLWithPath: corrupted))

        let foreign = tool.workFolder + "/foreign.sqlite"
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [foreign, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x');"]
        try sqlite.run()
        sqlite.waitUntilExit()

        let text = tool.workFolder + "/notes.txt"
        try Data("not a database at all\n".utf8).write(to: URL(fileURLWithPath: text))

        let expected = [
            corrupted: "nothing was changed", foreign: "not a regtracker one", text: "not an SQLite database",
            tool.workFolder + "/missing.sqlite": "there is no backup copy", tool.workFolder: "there is no backup copy",
        ]
        for (file, message) in expected {
            let run = try tool.run("restore", file)
            #expect(run.status == 1, "\(file)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(run.stderr.contains(file), "\(run.stderr)")
        }
        #expect(try tool.run("report", "--json").stdout == figures)
        #expect(try tool.run("batches", "--json").stdout == batches)
        let beside = try FileManager.default.contentsOfDirectory(atPath: tool.workFolder)
        #expect(!beside.contains { $0.contains("before-restore") })
    }

    @Test func restoreBringsBackTheCopyAndKeepsTheOldDatabaseBesideIt() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let original = try tool.run("report", "--json").stdout
        let copy = tool.workFolder + "/before-retract.sqlite"
        #expect(try tool.run("backup", copy).status == 0)
        #expect(try tool.run("retract", "2").status == 0)
        let retracted = try tool.run("report", "--json").stdout
        #expect(retracted != original)

        let run = try tool.run("restore", copy)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try tool.run("report", "--json").stdout == original)
        let old = try FileManager.default.contentsOfDirectory(atPath: tool.workFolder)
            .filter { $0.hasPrefix("test.sqlite.before-restore-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
        #expect(old.count == 1)
        #expect(run.stdout.contains(old.first ?? "?"))
        #expect(try figures(of: tool.workFolder + "/" + (old.first ?? "")) == retracted)
        #expect(try integrity(tool.database) == "ok")
    }

    /// Databases are made with 16 KiB pages since issue 17; a copy of a database made before (4 KiB pages) restores
    /// into one made after, and the other way round, though SQLite cannot back up into a WAL database of another
    /// page size.
    @Test func restoreACopyOfAnotherPageSize() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let original = try tool.run("report", "--json").stdout
        let copy = tool.workFolder + "/copy.sqlite"
        #expect(try tool.run("backup", copy).status == 0)
        let smallPages = tool.workFolder + "/small-pages.sqlite"
        _ = try sqlite3(copy, "PRAGMA page_size = 4096; VACUUM INTO '\(smallPages)';")
        #expect(try sqlite3(smallPages, "PRAGMA page_size;") == "4096")
        #expect(try sqlite3(tool.database, "PRAGMA page_size;") == "16384")

        #expect(try tool.run("retract", "2").status == 0)
        var run = try tool.run("restore", smallPages)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try tool.run("report", "--json").stdout == original)
        #expect(try sqlite3(tool.database, "PRAGMA page_size;") == "16384")
        #expect(try integrity(tool.database) == "ok")
        #expect(!FileManager.default.fileExists(atPath: tool.database + ".restoring"))

        // A database of small pages (made before) takes a copy of large ones.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: tool.database + suffix) }
        _ = try sqlite3(smallPages, "VACUUM INTO '\(tool.database)';")
        #expect(try tool.run("retract", "2").status == 0)
        run = try tool.run("restore", copy)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try tool.run("report", "--json").stdout == original)
        #expect(try sqlite3(tool.database, "PRAGMA page_size;") == "4096")
        #expect(try integrity(tool.database) == "ok")
    }

    @Test func restoreWhereThereIsNoDatabaseMakesIt() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let original = try tool.run("report", "--json").stdout
        let copy = tool.workFolder + "/copy.sqlite"
        #expect(try tool.run("backup", copy).status == 0)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: tool.database + suffix) }

        let run = try tool.run("restore", copy)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("there was no database"), "\(run.stdout)")
        #expect(try tool.run("report", "--json").stdout == original)
        #expect(try sqlite3(tool.database, "PRAGMA page_size;") == "16384")
        let attributes = try FileManager.default.attributesOfItem(atPath: tool.database)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func keepRemovesAllButTheNewestCopiesAndNothingElse() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let folder = tool.workFolder + "/backups"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let old = (1...5).map { "regtracker-2020-01-0\($0)T000000.sqlite" }
        for name in old + ["notes.txt", "regtracker-manual.sqlite"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let run = try tool.run("backup", folder, "--keep", "3")
        #expect(run.status == 0, "\(run.stderr)")

        let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let copies = left.filter { $0.hasPrefix("regtracker-20") }
        #expect(copies.count == 3)
        #expect(Array(copies.prefix(2)) == [old[3], old[4]])
        #expect(left.contains("notes.txt") && left.contains("regtracker-manual.sqlite"))
        let newest = folder + "/" + (copies.last ?? "")
        #expect(try integrity(newest) == "ok")
        #expect(try figures(of: newest) == tool.run("report", "--json").stdout)
        #expect(run.stdout.components(separatedBy: "removed the older copy").count - 1 == 3)
        let attributes = try FileManager.default.attributesOfItem(atPath: newest)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func aMissingDatabaseIsAnErrorAndIsNotCreated() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let run = try tool.run("backup", tool.workFolder + "/backups")
        #expect(run.status == 1)
        #expect(run.stderr.contains("there is no database \(tool.database)"))
        #expect(!FileManager.default.fileExists(atPath: tool.database))
        #expect(!FileManager.default.fileExists(atPath: tool.workFolder + "/backups"))
        let chinese = try tool.run("backup", tool.workFolder + "/b.sqlite", environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.stderr.contains("数据库 \(tool.database) 不存在"))
    }

    @Test func versionNamesTheVersionAndCommit() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let run = try tool.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.wholeMatch(of: /regtracker \S+ \(commit \S+\)\n/) != nil, "\(run.stdout)")
    }
}
