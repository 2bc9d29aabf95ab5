import Foundation
import RegTrackerCore
import Testing

/// I/O error injection (issue 20): an import during which one write or sync to a file fails (EIO), or the disk
/// fills up (ENOSPC from a point on), at points drawn from a printed seed (`REGTRACKER_FAULT_SEED` replays it).
/// Each time the run fails with a clear message and no raw SQLite text (or, when the fault hit after the commit
/// and did not matter, succeeds with the import whole), the database passes `PRAGMA integrity_check`, and its
/// report is the one of before the import or of after it.
@Suite(.serialized, .enabled(if: FailingIO.compiler != nil, Comment(rawValue: FailingIO.missingCompiler)))
struct IOFaultTests {
    /// What SQLite itself says about I/O; the tool must say it in its own words.
    static let rawSQLiteTexts = [
        "disk I/O error", "database or disk is full", "SQLite error", "SQLITE_", "database error (",
    ]

    /// A database with a roster and one list, a saved copy of it, and a second list to import with faults.
    struct Scene {
        let tool: RegTrackerBinary
        let list: String
        let saved: String
        let before: String
        let after: String
        /// Counted calls of a fault-free import of `list`, by kind.
        let counts: [FailingIO.Operations: Int]

        init() throws {
            tool = try RegTrackerBinary()
            try tool.run("population", "import", try LargeList.roster(in: tool.workFolder))
            try tool.run("import", try LargeList.write(rows: 500, to: tool.workFolder + "/first.csv"))
            list = try LargeList.write(rows: 3000, first: 500, to: tool.workFolder + "/second.csv")
            saved = tool.workFolder + "/saved"
            try FileManager.default.createDirectory(atPath: saved, withIntermediateDirectories: true)
            before = try tool.run("report", "--json").stdout
            try Self.copyDatabase(from: tool.database, to: saved + "/test.sqlite")
            var counts: [FailingIO.Operations: Int] = [:]
            var after = ""
            for operations in [FailingIO.Operations.write, .sync] {
                try Self.copyDatabase(from: saved + "/test.sqlite", to: tool.database)
                let countFile = tool.workFolder + "/count"
                let run = try tool.run(
                    ["import", list], environment: try FailingIO.counting(operations, into: countFile))
                #expect(run.status == 0, "\(run.stderr)")
                let counted = try String(contentsOfFile: countFile, encoding: .utf8)
                counts[operations] = Int(counted.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
                after = try tool.run("report", "--json").stdout
            }
            self.after = after
            self.counts = counts
            #expect(before != after)
        }

        /// Runs the import with `environment` on the saved database and checks what it left; its exit status.
        @discardableResult
        func importFailing(_ environment: [String: String?], _ what: String) throws -> Int32 {
            try Self.copyDatabase(from: saved + "/test.sqlite", to: tool.database)
            let run = try tool.run(["import", list], environment: environment)
            let report = try tool.run("report", "--json")
            #expect(try SQLiteShell.integrity(tool.database) == "ok", "\(what)")
            if run.status == 0 {
                #expect(report.stdout == after, "\(what): the run succeeded, so the import must be whole")
            } else {
                #expect(
                    report.stdout == before || report.stdout == after, "\(what): figures of neither before nor after")
                #expect(run.stderr.contains("full or failing"), "\(what): \(run.stderr)")
                for raw in IOFaultTests.rawSQLiteTexts { #expect(!run.stderr.contains(raw), "\(what): \(run.stderr)") }
            }
            return run.status
        }

        /// The database and its -wal and -shm files, copied over whatever is at `target`.
        static func copyDatabase(from source: String, to target: String) throws {
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: target + suffix)
                if FileManager.default.fileExists(atPath: source + suffix) {
                    try FileManager.default.copyItem(atPath: source + suffix, toPath: target + suffix)
                }
            }
        }
    }

    static func seed(_ test: String) -> UInt64 {
        let seed =
            ProcessInfo.processInfo.environment["REGTRACKER_FAULT_SEED"].flatMap(UInt64.init)
            ?? UInt64(Date().timeIntervalSince1970 * 1000)
        print("\(test): fault points from seed \(seed) (REGTRACKER_FAULT_SEED=\(seed) replays them)")
        return seed
    }

    @Test func aWriteOrSyncFailingAtAnyPointLeavesAnIntactDatabaseWithTheFiguresOfBeforeOrAfter() throws {
        let scene = try Scene()
        defer { scene.tool.cleanUp() }
        var random = SeededRandom(seed: Self.seed("failing write or sync"))
        let writes = try #require(scene.counts[.write])
        let syncs = try #require(scene.counts[.sync])
        #expect(writes > 10)
        #expect(syncs > 0)
        // The first and last writes, and random ones between; every sync (there are few).
        // The first write is the import's own: failing it must fail the run.
        #expect(try scene.importFailing(try FailingIO.failing(call: 1, of: .write, with: .eio), "write 1 failing") != 0)
        var points = [writes]
        for _ in 0..<8 { points.append(Int.random(in: 1...writes, using: &random)) }
        var failed = 0
        for call in points {
            let what = "write \(call) of \(writes) failing"
            if try scene.importFailing(try FailingIO.failing(call: call, of: .write, with: .eio), what) != 0 {
                failed += 1
            }
        }
        for call in stride(from: 1, through: min(syncs, 8), by: 1) {
            let what = "sync \(call) of \(syncs) failing"
            if try scene.importFailing(try FailingIO.failing(call: call, of: .sync, with: .eio), what) != 0 {
                failed += 1
            }
        }
        print(
            "failing write or sync: \(failed) of \(points.count + min(syncs, 8)) faulted imports failed, the rest were whole"
        )
    }

    @Test func aDiskFillingUpAtAnyPointLeavesAnIntactDatabaseWithTheFiguresOfBeforeOrAfter() throws {
        let scene = try Scene()
        defer { scene.tool.cleanUp() }
        var random = SeededRandom(seed: Self.seed("full disk"))
        let writes = try #require(scene.counts[.write])
        let full = try FailingIO.failing(call: 1, of: .write, with: .enospc, sticky: true)
        #expect(try scene.importFailing(full, "disk full from the first write") != 0)
        for _ in 0..<6 {
            let call = Int.random(in: 1...writes, using: &random)
            try scene.importFailing(
                try FailingIO.failing(call: call, of: .write, with: .enospc, sticky: true),
                "disk full from write \(call) of \(writes)")
        }
    }

    /// Durability (issue 20, item 9): every file's commit is synced (`synchronous = FULL`), so a power cut cannot lose
    /// an import the run reported. A run of five files makes at least five more syncs than the same run under the
    /// benchmark-only `synchronous = NORMAL` (GRDB turned FULL back to NORMAL when it set up WAL: this caught it).
    @Test func everyImportedFileIsSyncedWhenItCommits() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let roster = try LargeList.roster(in: tool.workFolder)
        let files = try (0..<5).map {
            try LargeList.write(rows: 50, first: $0 * 50, to: tool.workFolder + "/l\($0).csv")
        }
        var syncs: [String: Int] = [:]
        for mode in ["FULL", "NORMAL"] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: tool.database + suffix) }
            try tool.run("population", "import", roster)
            let countFile = tool.workFolder + "/count"
            var environment = try FailingIO.counting(.sync, into: countFile)
            if mode == "NORMAL" { environment["REGTRACKER_BENCH_SYNCHRONOUS"] = "NORMAL" }
            let run = try tool.run(["import"] + files, environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            let counted = try String(contentsOfFile: countFile, encoding: .utf8)
            syncs[mode] = Int(counted.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
        #expect((syncs["FULL"] ?? 0) - (syncs["NORMAL"] ?? 0) >= files.count, "\(syncs)")
    }
}
