import Foundation
import Testing

/// Nothing skipped in silence, nothing forged (issue 20, items 5 and 6): every file of an inbox that cannot be read
/// is named and fails the run; control characters in names are escaped in every message.
@Suite struct InboxProblemsTests {
    @Test func brokenAndLoopingLinksInAnInboxAreNamedAndFailTheRun() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let inbox = tool.workFolder + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: inbox + "/gone.csv", withDestinationPath: inbox + "/none.csv")
        try FileManager.default.createSymbolicLink(atPath: inbox + "/a.csv", withDestinationPath: inbox + "/b.csv")
        try FileManager.default.createSymbolicLink(atPath: inbox + "/b.csv", withDestinationPath: inbox + "/a.csv")
        let run = try tool.run("import", "--quiet", "inbox")
        #expect(run.status == 1)
        for name in ["gone.csv", "a.csv", "b.csv"] { #expect(run.stderr.contains(name)) }
        #expect(!run.stderr.contains("no .csv"))
    }

    @Test func aFolderThatCannotBeListedFailsTheRun() throws {
        // Root reads every folder: the case needs an ordinary user.
        guard getuid() != 0 else { return }
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let inbox = tool.workFolder + "/locked"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        chmod(inbox, 0)
        defer { chmod(inbox, 0o700) }
        let run = try tool.run("import", "--quiet", "locked")
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot be read"))
    }

    @Test func aFileNameCannotForgeALineOrReachTheTerminalRaw() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let name = "bad\nregtracker: all files imported OK\n\u{1B}[31m.csv"
        try Data("乡镇,姓名\n".utf8).write(to: URL(fileURLWithPath: tool.workFolder + "/" + name))
        let run = try tool.run("import", name)
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("regtracker: all files imported OK") })
        #expect(!run.stderr.contains("\u{1B}"))
        #expect(run.stderr.contains("bad\\nregtracker: all files imported OK\\n\\u{1B}[31m.csv"))
    }
}

/// Purge really erases (issue 20, item 1): with a reader open during the purge, no byte of the database, its -wal or
/// its -shm file holds a purged ID number or phone afterwards, and an audit line without personal data remains.
@Suite struct PurgeErasesTests {
    static let ids = ["11010519491231002X", "110105194912310038", "110105194912310046"]
    static let phones = ["13812340001", "13812340002", "13812340003"]

    @Test func aPurgeLeavesNoPurgedValueInTheDatabaseOrItsJournalEvenWithAReaderOpen() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        try Data("乡镇,实有人口\n青石镇,100\n".utf8).write(to: URL(fileURLWithPath: tool.workFolder + "/roster.csv"))
        let rows = zip(Self.ids, Self.phones).map { "青石镇,某人,\($0),\($1)" }.joined(separator: "\n")
        try Data("乡镇,姓名,身份证号,手机号码\n\(rows)\n".utf8).write(to: URL(fileURLWithPath: tool.workFolder + "/list.csv"))
        #expect(try tool.run("population", "import", "roster.csv").status == 0)
        #expect(try tool.run("import", "list.csv").status == 0)
        // A reader of the snapshot before the purge, as the dashboard would be, for two seconds.
        let python = try #require(Tools.find("python3"))
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: python)
        reader.arguments = [
            "-c",
            "import sqlite3,time,sys; c=sqlite3.connect(sys.argv[1]); c.execute('BEGIN');"
                + " c.execute('SELECT COUNT(*) FROM registration').fetchall(); print('open', flush=True); time.sleep(2);"
                + " c.close()",
            tool.database,
        ]
        let out = Pipe()
        reader.standardOutput = out
        try reader.run()
        _ = out.fileHandleForReading.availableData  // "open": the read transaction holds its snapshot
        let purge = try tool.run("retract", "2", "--purge")
        reader.waitUntilExit()
        #expect(purge.status == 0, "\(purge.stderr)")
        for suffix in ["", "-wal", "-shm"] {
            let path = tool.database + suffix
            guard let bytes = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            for value in Self.ids + Self.phones { #expect(!text.contains(value), "\(value) in \(path)") }
        }
        let audit = try Tools.run(try #require(Tools.find("sqlite3")), [tool.database, "SELECT action, batch_id, rows FROM audit"])
        #expect(audit.trimmingCharacters(in: .whitespacesAndNewlines) == "purge|2|3")
    }
}

/// Files that name people are not readable by others (issue 20, item 4), and a workbook left half-written by a
/// killed run is removed by the next.
@Suite struct ReportFileModesTests {
    @Test func rowsGivenBackAreWrittenForTheOwnerOnlyAndLeftPartialFilesAreRemoved() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let folder = tool.workFolder + "/rejects"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let left = folder + "/退回-青石镇-2026-11-29.xlsx.partial"
        try Data("half".utf8).write(to: URL(fileURLWithPath: left))
        let previous = umask(0)
        defer { umask(previous) }
        let run = try tool.run("rejects", "--out", "rejects")
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!names.contains { $0.hasSuffix(".partial") })
        #expect(names.count >= 4)
        for name in names {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + name)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name)")
        }
    }
}
