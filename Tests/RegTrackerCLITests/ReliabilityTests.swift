import Foundation
import Testing

/// Issue 6: a killed import leaves nothing, concurrent runs import every file once.
@Suite(.serialized) struct ReliabilityTests {
    func integrity(_ database: String) throws -> String { try SQLiteShell.integrity(database) }

    @Test func anImportKilledAtAnyPointLeavesNoTraceAndCanBeRunAgain() throws {
        let reference = try RegTrackerBinary()
        defer { reference.cleanUp() }
        let roster = try LargeList.roster(in: reference.workFolder)
        let list = try LargeList.write(rows: 200_000, to: reference.workFolder + "/big.csv")
        try reference.run("population", "import", roster)
        #expect(try reference.run("import", list).status == 0)
        let expected = try reference.run("report", "--json").stdout

        for delay in [0.05, 0.4, 1.0, 2.0] {
            let tool = try RegTrackerBinary()
            defer { tool.cleanUp() }
            try tool.run("population", "import", roster)
            let child = try tool.start("import", list)
            Thread.sleep(forTimeInterval: delay)
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()

            #expect(FileManager.default.fileExists(atPath: tool.database))
            #expect(try integrity(tool.database) == "ok")
            #expect(try tool.run("check").status == 0, "kept figures after a SIGKILL \(delay) s into an import")
            let batches = try tool.run("batches", "--json").json["batches"] as? [[String: Any]] ?? []
            // Either the kill came after the commit (the batch is whole) or there is no trace of it.
            if batches.count == 2 {
                #expect(batches[1]["rows"] as? Int == 200_000)
            } else {
                #expect(batches.count == 1)
                #expect(try tool.run("import", list).status == 0)
            }
            #expect(try tool.run("report", "--json").stdout == expected)
        }
    }

    /// The first use of a database by several runs at once (cron and a person): each creates or waits for the
    /// schema, none fails, and the roster is imported once.
    @Test func eightFirstRunsAtOnceCreateOneDatabase() throws {
        for _ in 0..<3 {
            let tool = try RegTrackerBinary()
            defer { tool.cleanUp() }
            let roster = tool.workFolder + "/roster.csv"
            try "乡镇,实有人口\n青石镇,10\n白沙镇,4\n".write(toFile: roster, atomically: true, encoding: .utf8)
            let runs = try (0..<8).map { _ in try tool.start("population", "import", roster) }
            for run in runs { run.waitUntilExit() }
            #expect(runs.map(\.terminationStatus) == Array(repeating: 0, count: 8))
            let batches = try tool.run("batches", "--json").json["batches"] as? [[String: Any]] ?? []
            #expect(batches.count == 1)
        }
    }

    @Test func fourRunsAtOnceImportEveryFileExactlyOnce() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        try tool.run("population", "import", try LargeList.roster(in: tool.workFolder))
        let files = try (0..<4).map { part in
            try LargeList.write(rows: 20_000, first: part * 20_000, to: tool.workFolder + "/list-\(part).csv")
        }
        // Each run imports three of the four files, in its own order.
        let runs = try (0..<4).map { run in
            try tool.start("import", files[run], files[(run + 1) % 4], files[(run + 2) % 4])
        }
        for run in runs { run.waitUntilExit() }
        #expect(runs.allSatisfy { $0.terminationStatus == 0 })
        let batches = try tool.run("batches", "--json").json["batches"] as? [[String: Any]] ?? []
        #expect(batches.count == 5)
        #expect(Set(batches.compactMap { $0["file"] as? String }).count == 5)

        let sequential = try RegTrackerBinary()
        defer { sequential.cleanUp() }
        try sequential.run("population", "import", try LargeList.roster(in: sequential.workFolder))
        try sequential.run(["import"] + files)
        #expect(try tool.run("report", "--json").stdout == sequential.run("report", "--json").stdout)
    }
}
