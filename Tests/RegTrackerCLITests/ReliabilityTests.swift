import Foundation
import Testing

/// Issue 6: a killed import leaves nothing, concurrent runs import every file once.
@Suite(.serialized) struct ReliabilityTests {
    func integrity(_ database: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database, "PRAGMA integrity_check;"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

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
