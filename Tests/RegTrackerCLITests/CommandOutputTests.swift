import Foundation
import Testing

/// What the smaller commands print, where, and with which exit status (issue 12, "Smaller, all seen").
@Suite struct CommandOutputTests {
    @Test func tokensCreatePrintsTheTokenAloneOnStdout() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let run = try tool.run("tokens", "create", "--office")
        #expect(run.status == 0)
        #expect(run.stdout.range(of: "^rt_[0-9a-f]{64}\n$", options: .regularExpression) != nil, "\(run.stdout)")
        #expect(run.stderr.contains("token 1 (office) created. It is shown only this once"), "\(run.stderr)")
        let quiet = try tool.run("tokens", "create", "--township", "白沙镇", "--quiet")
        #expect(quiet.status == 0)
        #expect(quiet.stdout.range(of: "^rt_[0-9a-f]{64}\n$", options: .regularExpression) != nil, "\(quiet.stdout)")
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        let chinese = try tool.run(["tokens", "create", "--office"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.stdout.range(of: "^rt_[0-9a-f]{64}\n$", options: .regularExpression) != nil)
        #expect(chinese.stderr.contains("已创建第 3 号令牌（联席办）"), "\(chinese.stderr)")
    }

    /// SPEC 4: no full ID number or phone in the rows given back, even typed with separators; `--json` with `--out`
    /// keeps stdout for the JSON document.
    @Test func rejectsMaskEveryDigitOfAWrongIDOrPhoneAndPrintJSONBesideFiles() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let list = tool.workFolder + "/separated.csv"
        try "乡镇,姓名,身份证号,手机号\n青石镇,张三,5101-0219-8007-2120-20,138-0000-02051\n".write(
            toFile: list, atomically: true, encoding: .utf8)
        #expect(try tool.run("import", list).status == 0)
        let run = try tool.run("rejects", "青石镇", "--json", "--out", "out", "--format", "csv")
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.json["rows"] as? [[String: Any]] ?? []
        let row = rows.first { $0["name"] as? String == "张三" }
        #expect(row?["id_number"] as? String == "5101-02**-****-**20-20", "\(run.stdout)")
        #expect(row?["phone"] as? String == "138-****-*2051")
        let written = try FileManager.default.contentsOfDirectory(atPath: tool.workFolder + "/out")
        let csv = try written.map { try String(contentsOfFile: tool.workFolder + "/out/" + $0, encoding: .utf8) }.joined()
        #expect(csv.contains("5101-02**-****-**20-20") && !csv.contains("0219-8007"), "\(csv)")
    }

    /// SPEC 1.2: the import summary says where the township came from, whichever way; `--township` by an alias is
    /// told as the township it names.
    @Test func theImportSummarySaysWhereTheTownshipCameFrom() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let column = tool.workFolder + "/column.csv"
        try "乡镇,姓名,手机号\n青石镇,甲,13900001111\n".write(toFile: column, atomically: true, encoding: .utf8)
        let byColumn = try tool.run("import", column)
        #expect(byColumn.stdout.contains("townships from the township column"), "\(byColumn.stdout)")
        let option = tool.workFolder + "/option.csv"
        try "姓名,手机号\n乙,13900002222\n".write(toFile: option, atomically: true, encoding: .utf8)
        let byOption = try tool.run("import", "--township", "青石", "--json", option)
        let file = (byOption.json["files"] as? [[String: Any]])?.first
        #expect(file?["township"] as? String == "青石镇" && file?["township_from"] as? String == "option", "\(byOption.stdout)")
    }

    /// `regtracker report | head`: a reader that goes away ends the run as SIGPIPE ends a pipe's writer, silently,
    /// never with a trap and its backtrace.
    @Test func aClosedPipeEndsTheRunSilently() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        // As under a shell or a scheduler that ignores SIGPIPE, which the run inherits: its write then fails.
        let before = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, before) }
        let process = Process()
        process.executableURL = RegTrackerBinary.executable
        process.arguments = ["--db", tool.database, "rejects", "--json"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try output.fileHandleForReading.close()
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(stderr.isEmpty, "\(stderr)")
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGPIPE)
    }

    @Test func serveOnAPortInUseSaysSoAndExits1() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let (server, port) = try tool.startServer()
        defer { server.terminate() }
        let run = try tool.run("serve", "--port", String(port))
        #expect(run.status == 1)
        #expect(
            run.stderr == "regtracker: port \(port) on 127.0.0.1 is already in use; stop what is using it or choose "
                + "another with --port\n", "\(run.stderr)")
        let chinese = try tool.run(["serve", "--port", String(port)], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.status == 1)
        #expect(chinese.stderr.contains("127.0.0.1 的端口 \(port) 已被占用"), "\(chinese.stderr)")
        #expect(!chinese.stderr.contains("bind("))
    }

    @Test(arguments: [["report"], ["shortfall"], ["rejects"], ["missing", "--since", "2026-11-01"]])
    func aFormatWithoutOutIsAUsageError(command: [String]) throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let run = try tool.run(command + ["--format", "xlsx"])
        #expect(run.status == 64, "\(command): \(run.stdout)")
        #expect(run.stderr.contains("--format needs --out DIR"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let chinese = try tool.run(command + ["--format", "xlsx"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.stderr.contains("--format 须与 --out 目录 同用"), "\(chinese.stderr)")
    }

    @Test func rejectsOfTheUnassignedGroupListsItsRows() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        // 冯一 of 01-青石镇.csv row 10 names 石青镇, not in the roster.
        for arguments in [["rejects", "未匹配乡镇"], ["rejects", "--unassigned"], ["rejects", "--outcome", "unassigned"]] {
            let run = try tool.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            let lines = run.stdout.split(separator: "\n")
            #expect(lines.count == 3, "\(arguments): \(run.stdout)")
            #expect(lines[1].contains("(石青镇)") && lines[1].contains("冯一") && lines[1].contains("unassigned"))
            #expect(lines[2] == "1 row not counted")
        }
        #expect(try tool.run("rejects", "--unassigned", "青石镇").status == 64)
    }

    @Test func rejectsFiltersByBatchAndOutcomeOnScreenAndInFiles() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        // Duplicates: 王五 (青石镇, batch 3), 孙三 and 李四 (白沙镇, batch 4), 刘五 (龙泉街道, batch 5).
        let duplicates = try tool.run("rejects", "--outcome", "duplicate")
        #expect(duplicates.status == 0, "\(duplicates.stderr)")
        #expect(duplicates.stdout.hasSuffix("4 rows not counted\n"), "\(duplicates.stdout)")
        for name in ["王五", "孙三", "李四", "刘五"] { #expect(duplicates.stdout.contains(name)) }
        let ofBatch = try tool.run("rejects", "--batch", "4")
        #expect(ofBatch.stdout.hasSuffix("2 rows not counted\n"), "\(ofBatch.stdout)")
        #expect(ofBatch.stdout.contains("孙三") && ofBatch.stdout.contains("李四") && !ofBatch.stdout.contains("王五"))
        let both = try tool.run("rejects", "青石镇", "--batch", "3", "--outcome", "malformed")
        #expect(both.stdout.hasSuffix("3 rows not counted\n"), "\(both.stdout)")
        #expect(try tool.run("rejects", "--batch", "3", "--outcome", "listed").stdout.hasSuffix("0 rows not counted\n"))
        #expect(try tool.run("rejects", "--outcome", "valid").status == 64)
        let missing = try tool.run("rejects", "--batch", "99")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no batch 99"))

        let written = try tool.run(
            "rejects", "--outcome", "duplicate", "--batch", "4", "--out", "out", "--format", "csv")
        #expect(written.status == 0, "\(written.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: tool.workFolder + "/out")
        #expect(files.count == 1 && files[0].hasPrefix("退回-白沙镇-"), "\(files)")
        let csv = try String(contentsOfFile: tool.workFolder + "/out/" + files[0], encoding: .utf8)
        #expect(csv.contains("孙三") && csv.contains("李四") && !csv.contains("陈四"))
    }

    @Test func trendWordsAgreeWithTheStatus() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        // 白沙镇 needs 3 more; 2 valid in the last 30 days. By 2027-01-13 (45 days) 3/45 a day is needed and 2/30
        // is done: exactly on pace, and the words say the same number (they said "needs 1/day, doing 0.1/day").
        let onPace = try tool.run("trend", "--deadline", "2027-01-13", "白沙镇")
        #expect(onPace.status == 0, "\(onPace.stderr)")
        #expect(onPace.stdout.contains("on pace: needs 0.1/day, doing 0.1/day"), "\(onPace.stdout)")
        // By 2026-12-31 (32 days) 3/32 = 0.094 a day is needed and 0.067 is done: behind, and the words show the
        // decimals it takes to see it.
        let behind = try tool.run(["trend", "--deadline", "2026-12-31", "白沙镇"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(behind.stdout.contains("落后：每天需 0.09 人，近 30 天日均 0.07 人"), "\(behind.stdout)")
    }
}
