import Foundation
import Testing

/// Issue 8: `regtracker inspect` from the command line.
@Suite struct InspectCommandTests {
    static let ioFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../RegTrackerIOTests/Fixtures").standardizedFileURL.path

    @Test func inspectPrintsTheHeaderAndCreatesNoDatabase() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        // No --db and no ./regtracker.sqlite: nothing to check townships against. (A --db naming no file is an
        // error: ReadOnlyCommandsTests.)
        let run = try tool.runWithoutDatabase("inspect", RegTrackerBinary.fixtures + "/lists/01-青石镇.csv")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("header: row 2"))
        #expect(run.stdout.contains("township not checked"))
        #expect(!FileManager.default.fileExists(atPath: tool.database))
        #expect(!FileManager.default.fileExists(atPath: tool.workFolder + "/regtracker.sqlite"))
    }

    @Test func inspectJSONWithARosterChecksTownships() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        try tool.run("population", "import", RegTrackerBinary.fixtures + "/roster.csv")
        let run = try tool.run("inspect", "--json", "--rows", "2", RegTrackerBinary.fixtures + "/lists/01-青石镇.csv")
        #expect(run.status == 0)
        let json = run.json
        #expect(json["format"] as? String == "csv")
        #expect(json["header_row"] as? Int == 2)
        #expect(json["township_checked"] as? Bool == true)
        #expect((json["rows"] as? [[String: Any]])?.count == 2)
        #expect(!run.stdout.contains("13800138000"), "phones are masked")
    }

    @Test func aRejectedFileGivesImportsErrorAndExitsOne() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let file = RegTrackerBinary.fixtures + "/bad/missing-name.csv"
        let inspected = try tool.runWithoutDatabase("inspect", file)
        let imported = try tool.run("import", file)
        #expect(inspected.status == 1)
        #expect(!inspected.stderr.isEmpty)
        #expect(inspected.stderr == imported.stderr)
        // --json: the same error and code as import's.
        let inspectedJSON = try tool.runWithoutDatabase("inspect", "--json", file)
        let importedJSON = try tool.run("import", "--json", file)
        let importedFile = (importedJSON.json["files"] as? [[String: Any]])?.first
        #expect(inspectedJSON.json["error_code"] as? String == importedFile?["error_code"] as? String)
        #expect(inspectedJSON.json["error"] as? String == importedFile?["error"] as? String)
        #expect(inspectedJSON.json["error_code"] != nil, "\(inspectedJSON.stdout)")
    }

    @Test(arguments: ["same-list.xlsx", "same-list.xml", "same-list.csv", "same-list.xls"])
    func cellsJSONIsTheGridAsRead(file: String) throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let run = try tool.run("inspect", "--json", "--cells", Self.ioFixtures + "/" + file)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.json["rows"] as? [[String: Any]] ?? []
        #expect(rows.first?["r"] as? Int == 1)
        let header = (rows.dropFirst().first?["cells"] as? [[String: Any]] ?? []).map { $0["v"] as? String ?? "" }
        #expect(header == ["序号", "乡镇", "姓名", "身份证号", "手机号码", "截图核验"])
        let first = rows.dropFirst(2).first?["cells"] as? [[String: Any]] ?? []
        #expect(first.first?["c"] as? Int == 1)
        #expect(first.first?["v"] as? String == "1")
        #expect(first.first?["t"] as? String == (file.hasSuffix(".csv") ? "s" : "n"))
        #expect(!FileManager.default.fileExists(atPath: tool.database))
    }
}
