import Foundation
import Testing

/// People-facing CLI text: Chinese when LC_ALL (else LANG) starts with `zh`, English otherwise.
@Suite struct ReportStringsTests {
    let fixtures = RegTrackerBinary.fixtures
    static let chinese: [String: String?] = ["LANG": "zh_CN.UTF-8"]

    func importedFixtures() throws -> RegTrackerBinary {
        let tool = try RegTrackerBinary()
        #expect(try tool.run(["population", "import", "\(fixtures)/roster.csv"]).status == 0)
        #expect(try tool.run(["invalid", "import", "\(fixtures)/invalid.csv"]).status == 0)
        #expect(try tool.run(["import", "\(fixtures)/lists"]).status == 0)
        return tool
    }

    @Test func errorsAndSummariesAreChineseUnderAChineseLocale() throws {
        let tool = try importedFixtures()
        defer { tool.cleanUp() }
        let unknown = try tool.run(["rate", "青实镇"], environment: Self.chinese)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("青实镇 不是人口底数中的乡镇；是否是指 青石镇？"))
        let again = try tool.run(["import", "\(fixtures)/lists"], environment: Self.chinese)
        #expect(again.stdout.contains("01-青石镇.csv：已作为第 3 批导入，无需再导入"))
        let report = try tool.run(["report"], environment: Self.chinese)
        #expect(report.stderr.contains("注意：空白乡 在人口底数中的实有人口为 0"))
        #expect(report.stdout.contains("未匹配乡镇的行（乡镇不在人口底数中）：1"))
        let written = try tool.run(["shortfall", "--out", "out", "--format", "md"], environment: Self.chinese)
        #expect(written.stdout.contains("已写入 out/未达标-2026-11-29.md"))
    }

    @Test func theSameAreEnglishOtherwise() throws {
        let tool = try importedFixtures()
        defer { tool.cleanUp() }
        let unknown = try tool.run(["rate", "青实镇"])
        #expect(unknown.stderr.contains("青实镇 is not a township of the roster; did you mean 青石镇?"))
        let again = try tool.run(["import", "\(fixtures)/lists"])
        #expect(again.stdout.contains("01-青石镇.csv: already imported as batch 3; nothing to do"))
        let report = try tool.run(["report"])
        #expect(report.stderr.contains("warning: 空白乡 has population 0"))
        #expect(report.stdout.contains("unassigned rows (township not in the roster): 1"))
        let rate = try tool.run(["rate", "空白乡", "--json"])
        #expect(rate.status == 0 && rate.json["rank"] is NSNull)
        #expect(rate.stderr.contains("warning: 空白乡 has population 0"), "\(rate.stderr)")
    }

    @Test(
        arguments: [
            (["LC_ALL": "zh_CN.UTF-8", "LANG": "C.UTF-8"], true),
            (["LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"], false),
            (["LC_ALL": "", "LANG": "zh_TW.UTF-8"], true),
            (["LANG": "en_US.UTF-8"], false),
        ] as [([String: String], Bool)])
    func lcAllWinsOverLang(environment: [String: String], chinese: Bool) throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let run = try tool.run(["report"], environment: environment)
        #expect(run.status == 1)
        #expect(run.stderr.contains(chinese ? "处没有数据库" : "no database at"), "\(environment): \(run.stderr)")
    }

    @Test func usageErrorsOfOurOwnAreLocalisedToo() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let chinese = try tool.run(["missing", "--since", "2026-13-01"], environment: Self.chinese)
        #expect(chinese.status == 64)
        #expect(chinese.stderr.contains("--since 2026-13-01 不是 YYYY-MM-DD 格式的日期"))
        let english = try tool.run(["report", "--out", "x", "--format", "md,pdf"])
        #expect(english.status == 64)
        #expect(english.stderr.contains("unknown format pdf"))
    }
}

/// `rate TOWNSHIP` for a township head, and `missing --since`.
@Suite struct ReportRateAndMissingTests {
    let fixtures = RegTrackerBinary.fixtures

    @Test func rateTellsRankTargetWhatIsNeededAndWhyRowsDidNotCount() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        #expect(try tool.run(["population", "import", "\(fixtures)/roster.csv"]).status == 0)
        #expect(try tool.run(["import", "\(fixtures)/lists"]).status == 0)
        let english = try tool.run(["rate", "青石"])
        #expect(english.status == 0)
        for line in [
            "青石镇: rate 0.30% (3 valid of population 1000); target 50% = 500 valid registrations", "rank 3 of 3",
            "needs 497 more valid registrations to reach the target", "rows not counted, by reason:",
            "invalid malformed: 3", "invalid flagged: 1", "duplicate: 1", "last submission: 2026-11-29",
        ] {
            #expect(english.stdout.contains(line), "\(line)\n\(english.stdout)")
        }
        #expect(english.stdout.contains("× unrecognised verdict"))
        let chinese = try tool.run(["rate", "青石"], environment: ["LANG": "zh_CN.UTF-8"])
        for line in [
            "青石镇：注册率 0.30%（有效 3 人 / 实有人口 1000 人）；目标 50%，即有效 500 人", "排名：第 3 名（共 3 个乡镇）",
            "还需 497 人有效注册才能达标", "无效（信息不全或有误）：3 行", "重复：1 行", "最近报送：2026-11-29",
        ] {
            #expect(chinese.stdout.contains(line), "\(line)\n\(chinese.stdout)")
        }
        let json = try tool.run(["rate", "青石", "--json"]).json
        #expect(json["last_submission"] as? String == "2026-11-29")
        let rejected = json["rejected"] as? [[String: Any]] ?? []
        #expect(
            rejected.compactMap { $0["outcome"] as? String } == ["invalid_malformed", "invalid_flagged", "duplicate"])
        let reasons = rejected.first?["reasons"] as? [[String: Any]] ?? []
        #expect(reasons.compactMap { $0["count"] as? Int }.reduce(0, +) == 3)
    }

    @Test func missingListsTownshipsWithoutABatchSinceTheDate() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        #expect(try tool.run(["population", "import", "\(fixtures)/roster.csv"]).status == 0)
        #expect(
            try tool.run(["import", "\(fixtures)/lists/02-白沙镇.csv"], environment: ["REGTRACKER_TODAY": "2026-10-15"])
                .status == 0)
        #expect(try tool.run(["import", "\(fixtures)/lists/01-青石镇.csv"]).status == 0)
        let run = try tool.run(["missing", "--since", "2026-11-01", "--json"])
        #expect(run.status == 0)
        let townships = run.json["townships"] as? [[String: Any]] ?? []
        #expect(townships.compactMap { $0["township"] as? String } == ["白沙镇", "龙泉街道", "空白乡"])
        #expect(townships.first?["last_submission"] as? String == "2026-10-15")
        #expect(townships.last?["last_submission"] is NSNull)
        let text = try tool.run(["missing", "--since", "2026-11-01"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(text.stdout.contains("白沙镇（最近报送：2026-10-15）"))
        #expect(text.stdout.contains("龙泉街道（最近报送：从未报送）"))
        let none = try tool.run(["missing", "--since", "2026-10-01"])
        #expect(none.stdout.contains("2 of 4 townships have no registration batch since 2026-10-01"))
    }

    @Test func reportTableCarriesTheLastSubmissionDate() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        #expect(try tool.run(["population", "import", "\(fixtures)/roster.csv"]).status == 0)
        #expect(try tool.run(["import", "\(fixtures)/lists/01-青石镇.csv"]).status == 0)
        let run = try tool.run(["report"])
        #expect(run.stdout.contains("last submission"))
        #expect(run.stdout.split(separator: "\n").contains { $0.contains("青石镇") && $0.hasSuffix("2026-11-29") })
        #expect(run.stdout.split(separator: "\n").contains { $0.contains("白沙镇") && $0.hasSuffix("never") })
        let chinese = try tool.run(["report"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.stdout.contains("最近报送"))
        #expect(chinese.stdout.split(separator: "\n").contains { $0.contains("白沙镇") && $0.hasSuffix("未报送") })
    }
}

/// Import progress goes to stderr only when stderr is a terminal.
@Suite struct ReportImportProgressTests {
    let fixtures = RegTrackerBinary.fixtures

    @Test func nothingWhenStderrIsNotATerminal() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let run = try tool.run(["import", "\(fixtures)/lists"])
        #expect(!run.stderr.contains("[1/3]"))
        #expect(!run.stderr.contains("rows/s"))
    }

    @Test(.enabled(if: Tools.script != nil, "script (util-linux) is not installed"))
    func fileIOfNRowsAndRowsPerSecondOnATerminal() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = [RegTrackerBinary.executable.path, "--db", tool.database, "import", fixtures + "/lists"]
            .map(quoted).joined(separator: " ")
        var environment = ProcessInfo.processInfo.environment
        environment["REGTRACKER_TODAY"] = "2026-11-29"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        // `script` gives the command a terminal for stdout and stderr and copies what it prints.
        let output = try Tools.run(Tools.script!, ["-q", "-e", "-c", command, "/dev/null"], environment: environment)
        #expect(output.contains("[1/3] 01-青石镇.csv: 9 rows in "), "\(output)")
        #expect(output.contains("[3/3] 03-龙泉街道.csv"))
        #expect(output.contains("rows/s)"))
    }
}
