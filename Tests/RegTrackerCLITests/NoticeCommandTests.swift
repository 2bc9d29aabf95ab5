import Foundation
import Testing

/// `regtracker notice` through the binary (SPEC 6), on a county of four townships of 4 people each (target 50%:
/// 2 each), imported on pinned days:
///
/// - 2026-10-15: 青石镇 3 rows, 白沙镇 2, 桃源乡 1 (all valid); 云溪镇 sends nothing.
/// - 2026-11-10: 云溪镇 2 rows.
///
/// October (issued 2026-11-01, bottom 1): 青石镇 75% (1), 白沙镇 50% (2), 桃源乡 25% (3), 云溪镇 0% (4); unmet 桃源乡
/// and 云溪镇; 云溪镇 named; not reported: 云溪镇.
/// November (issued 2026-12-01): 云溪镇 50% (2, tied with 白沙镇), 桃源乡 25% (4) named; not reported: every
/// township but 云溪镇; 云溪镇 changes by +2 valid, +0.5 rate, rank 4 → 2 (+2).
@Suite struct NoticeCommandTests {
    static func phone(_ n: Int) -> String { "1380000" + String(1000 + n) }

    static func county() throws -> RegTrackerBinary {
        let tool = try RegTrackerBinary()
        let roster = tool.workFolder + "/roster.csv"
        try "乡镇,实有人口\n青石镇,4\n白沙镇,4\n桃源乡,4\n云溪镇,4\n".write(toFile: roster, atomically: true, encoding: .utf8)
        #expect(
            try tool.run("population", "import", roster, environment: ["REGTRACKER_TODAY": "2026-10-01"]).status == 0)
        let october = tool.workFolder + "/october.csv"
        let rows = ["青石镇", "青石镇", "青石镇", "白沙镇", "白沙镇", "桃源乡"].enumerated().map {
            "人\($0.offset),\($0.element),\(phone($0.offset))"
        }
        try (["姓名,乡镇,手机号码"] + rows).joined(separator: "\n").write(toFile: october, atomically: true, encoding: .utf8)
        #expect(try tool.run("import", october, environment: ["REGTRACKER_TODAY": "2026-10-15"]).status == 0)
        let november = tool.workFolder + "/november.csv"
        try "姓名,乡镇,手机号码\n甲,云溪镇,\(phone(10))\n乙,云溪镇,\(phone(11))\n".write(
            toFile: november, atomically: true, encoding: .utf8)
        #expect(try tool.run("import", november, environment: ["REGTRACKER_TODAY": "2026-11-10"]).status == 0)
        return tool
    }

    static func township(_ run: RegTrackerBinary.Run, _ name: String) -> [String: Any] {
        (run.json["townships"] as? [[String: Any]] ?? []).first { $0["township"] as? String == name } ?? [:]
    }

    @Test func monthlyNoticesNameTheBottomCompareAndListWhoSentNothing() throws {
        let tool = try Self.county()
        defer { tool.cleanUp() }
        let october = try tool.run(
            "notice", "2026-10", "--bottom", "1", "--json", environment: ["REGTRACKER_TODAY": "2026-11-01"])
        #expect(october.status == 0, "\(october.stderr)")
        #expect(october.json["period"] as? String == "2026-10")
        #expect(october.json["kind"] as? String == "month")
        #expect(october.json["start"] as? String == "2026-10-01" && october.json["end"] as? String == "2026-10-31")
        #expect(october.json["issued"] as? String == "2026-11-01")
        #expect(october.json["cards"] as? [Int] == [2, 4, 6] && october.json["bottom"] as? Int == 1)
        #expect(october.json["named"] as? [String] == ["云溪镇"])
        #expect(october.json["not_reported"] as? [String] == ["云溪镇"])
        #expect(Self.township(october, "云溪镇")["times_named"] as? Int == 1)
        #expect(Self.township(october, "云溪镇")["change"] is NSNull)
        #expect(Self.township(october, "青石镇")["valid"] as? Int == 3)

        let november = try tool.run(
            "notice", "2026-11", "--bottom", "1", "--json", environment: ["REGTRACKER_TODAY": "2026-12-01"])
        #expect(november.status == 0, "\(november.stderr)")
        #expect(november.json["named"] as? [String] == ["桃源乡"])
        #expect(november.json["not_reported"] as? [String] == ["青石镇", "白沙镇", "桃源乡"])
        let yunxi = Self.township(november, "云溪镇")
        let change = yunxi["change"] as? [String: Any] ?? [:]
        #expect(change["valid"] as? Int == 2 && change["rate"] as? Double == 0.5 && change["rank"] as? Int == 2)
        #expect(yunxi["rank"] as? Int == 2 && yunxi["named"] as? Bool == false && yunxi["times_named"] as? Int == 1)
        #expect(Self.township(november, "桃源乡")["times_named"] as? Int == 1)
        #expect(november.stdout.contains("\"change\": {"))

        let list = try tool.run("notice", "list", "--json")
        let periods = (list.json["notices"] as? [[String: Any]] ?? []).compactMap { $0["period"] as? String }
        #expect(periods == ["2026-10", "2026-11"])
    }

    @Test func aLateInvalidListChangesTodaysReportButNotAStoredNoticeUntilReissued() throws {
        let tool = try Self.county()
        defer { tool.cleanUp() }
        let issued = try tool.run("notice", "2026-11", "--json", environment: ["REGTRACKER_TODAY": "2026-12-01"])
        #expect(Self.township(issued, "青石镇")["valid"] as? Int == 3)
        // On 12-05 a phone of 青石镇 turns out to be on an invalid list.
        let invalid = tool.workFolder + "/invalid.csv"
        try "手机号,原因\n\(Self.phone(0)),截图重复使用\n".write(toFile: invalid, atomically: true, encoding: .utf8)
        #expect(try tool.run("invalid", "import", invalid, environment: ["REGTRACKER_TODAY": "2026-12-05"]).status == 0)
        let report = try tool.run("report", "--json", environment: ["REGTRACKER_TODAY": "2026-12-05"])
        #expect(Self.township(report, "青石镇")["valid"] as? Int == 2)

        let again = try tool.run("notice", "2026-11", "--json", environment: ["REGTRACKER_TODAY": "2026-12-05"])
        #expect(again.status == 0)
        #expect(again.stdout == issued.stdout, "a stored notice is printed as it was published")
        #expect(again.stderr.contains("--reissue"))

        let reissued = try tool.run(
            "notice", "2026-11", "--reissue", "--json", environment: ["REGTRACKER_TODAY": "2026-12-05"])
        #expect(reissued.status == 0)
        #expect(Self.township(reissued, "青石镇")["valid"] as? Int == 2)
        #expect(Self.township(reissued, "青石镇")["invalid_listed"] as? Int == 1)
        #expect(reissued.json["issued"] as? String == "2026-12-05")
        let list = try tool.run("notice", "list", "--json")
        #expect((list.json["notices"] as? [[String: Any]])?.count == 1)
    }

    @Test func aReissueKeepsTheStoredSettingsUnlessGivenAnew() throws {
        let tool = try Self.county()
        defer { tool.cleanUp() }
        let today = ["REGTRACKER_TODAY": "2026-11-01"]
        #expect(try tool.run("notice", "2026-10", "--bottom", "1", "--cards", "1,3,5", environment: today).status == 0)
        let reissued = try tool.run("notice", "2026-10", "--reissue", "--json", environment: today)
        #expect(reissued.json["bottom"] as? Int == 1 && reissued.json["cards"] as? [Int] == [1, 3, 5])
        #expect(reissued.json["named"] as? [String] == ["云溪镇"])
        let widened = try tool.run("notice", "2026-10", "--reissue", "--bottom", "2", "--json", environment: today)
        #expect(widened.json["bottom"] as? Int == 2 && widened.json["cards"] as? [Int] == [1, 3, 5])
        #expect(widened.json["named"] as? [String] == ["云溪镇", "桃源乡"])
    }

    @Test func aNoticeIssuedBeforeItsPeriodEndsSaysSoUnlessQuiet() throws {
        let tool = try Self.county()
        defer { tool.cleanUp() }
        let early = try tool.run("notice", "2026-11", "--json", environment: ["REGTRACKER_TODAY": "2026-11-15"])
        #expect(early.status == 0)
        #expect(
            early.stderr.contains("notice 2026-11 was issued on 2026-11-15, before its period ends on 2026-11-30"),
            "\(early.stderr)")
        // --quiet prints nothing but errors (SPEC 4).
        let quiet = try tool.run("--quiet", "notice", "2026-11", environment: ["REGTRACKER_TODAY": "2026-11-20"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        // Shown again after the end, the stored notice still says it; issued again, it holds the whole month.
        let shown = try tool.run("notice", "2026-11", environment: ["REGTRACKER_TODAY": "2026-12-01"])
        #expect(shown.stderr.contains("before its period ends"))
        let reissued = try tool.run("notice", "2026-11", "--reissue", environment: ["REGTRACKER_TODAY": "2026-12-01"])
        #expect(!reissued.stderr.contains("before its period ends"), "\(reissued.stderr)")
        let onTheLastDay = try tool.run("notice", "2026-11-30", environment: ["REGTRACKER_TODAY": "2026-11-30"])
        #expect(!onTheLastDay.stderr.contains("before its period ends"))
    }

    @Test func aRenamedTownshipKeepsItsCardsAndItsChange() throws {
        let tool = try Self.county()
        defer { tool.cleanUp() }
        #expect(try tool.run("notice", "2026-10", "--bottom", "1", environment: ["REGTRACKER_TODAY": "2026-11-01"]).status == 0)
        // 云溪镇 becomes 云溪街道, keeping its old name as an alias.
        let roster = tool.workFolder + "/renamed.csv"
        try "乡镇,实有人口,别名\n青石镇,4,\n白沙镇,4,\n桃源乡,4,\n云溪街道,8,云溪镇\n".write(
            toFile: roster, atomically: true, encoding: .utf8)
        #expect(try tool.run("population", "import", roster, environment: ["REGTRACKER_TODAY": "2026-11-20"]).status == 0)
        let november = try tool.run(
            "notice", "2026-11", "--bottom", "1", "--cards", "2,4,6", "--json",
            environment: ["REGTRACKER_TODAY": "2026-12-01"])
        let renamed = Self.township(november, "云溪街道")
        // 2 of 8: named again (25%, tied with 桃源乡), its second time: a yellow card.
        #expect(renamed["times_named"] as? Int == 2, "\(november.stdout)")
        #expect(renamed["card"] as? String == "yellow")
        let change = renamed["change"] as? [String: Any]
        #expect(change?["valid"] as? Int == 2 && change?["rank"] as? Int == 1)
    }

    @Test func figuresAreAsOfThePeriodEnd() throws {
        let tool = try Self.county()
        defer { tool.cleanUp() }
        // 2026-W42 ends on Sunday 2026-10-18: the October batch counts, November's not yet.
        let week = try tool.run("notice", "2026-W42", "--json", environment: ["REGTRACKER_TODAY": "2026-12-01"])
        #expect(week.json["kind"] as? String == "week")
        #expect(week.json["start"] as? String == "2026-10-12" && week.json["end"] as? String == "2026-10-18")
        #expect(Self.township(week, "云溪镇")["valid"] as? Int == 0)
        #expect(Self.township(week, "青石镇")["valid"] as? Int == 3)
        // The same figures as `report --as-of` the period's end, township by township.
        let asOf = try tool.run(
            "report", "--as-of", "2026-10-18", "--json", environment: ["REGTRACKER_TODAY": "2026-12-01"])
        for name in ["青石镇", "白沙镇", "桃源乡", "云溪镇"] {
            for field in ["rank", "valid", "reported", "invalid", "duplicates", "required", "shortfall"] {
                #expect(
                    "\(Self.township(week, name)[field] ?? "nil")" == "\(Self.township(asOf, name)[field] ?? "nil")",
                    "\(name) \(field)")
            }
        }
        // A day before anything was imported: nothing counts and nobody reported.
        let day = try tool.run("notice", "2026-10-14", "--json", environment: ["REGTRACKER_TODAY": "2026-12-01"])
        #expect(day.json["kind"] as? String == "day")
        #expect((day.json["totals"] as? [String: Any])?["valid"] as? Int == 0)
        #expect((day.json["not_reported"] as? [String])?.count == 4)
    }

    @Test func withoutADatabaseOrARosterThereIsNoNotice() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let missing = try tool.run("notice", "2026-11")
        #expect(missing.status == 1)
        #expect(!FileManager.default.fileExists(atPath: tool.database), "notice never creates a database")
        // A database with no roster (read commands never create one; a token does).
        #expect(try tool.run("tokens", "create", "--office", "--quiet").status == 0)
        let empty = try tool.run("notice", "2026-11")
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("no roster imported yet"))
        let chinese = try tool.run("notice", "2026-11", environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.stderr.contains("尚未导入人口底数"))
    }

    @Test(arguments: [
        ["notice", "2026-13"], ["notice", "2026-W54"], ["notice", "2026-11", "--cards", "4,2,6"],
        ["notice", "2026-11", "--bottom", "0"], ["notice", "list", "--reissue"],
    ])
    func badArgumentsAreUsageErrors(arguments: [String]) throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let run = try tool.run(arguments)
        #expect(run.status != 0 && run.status != 1, "\(run.stderr)")
    }

    @Test func outWritesTheNoticeFiles() throws {
        let tool = try Self.county()
        defer { tool.cleanUp() }
        let folder = tool.workFolder + "/out"
        let run = try tool.run(
            "notice", "2026-11", "--bottom", "1", "--out", folder, environment: ["REGTRACKER_TODAY": "2026-12-01"])
        #expect(run.status == 0, "\(run.stderr)")
        let markdown = try String(contentsOfFile: folder + "/通报-2026-11.md", encoding: .utf8)
        #expect(markdown.contains("关于2026年11月全县国家反诈中心APP注册推广工作情况的通报"))
        #expect(markdown.contains("桃源乡"))
        let html = try String(contentsOfFile: folder + "/通报-2026-11.html", encoding: .utf8)
        #expect(html.contains("未报送"))
    }

    @Test func reportGainsTheChangeColumnsOnceANoticeExists() throws {
        let tool = try Self.county()
        defer { tool.cleanUp() }
        let before = try tool.run("report", "--json", environment: ["REGTRACKER_TODAY": "2026-11-15"])
        #expect(!before.stdout.contains("\"change\"") && before.json["since_notice"] == nil)
        #expect(try tool.run("notice", "2026-10", environment: ["REGTRACKER_TODAY": "2026-11-01"]).status == 0)
        // November 15: 云溪镇 sent 2 since October's notice (0% rank 4 → 50% rank 2).
        let after = try tool.run("report", "--json", environment: ["REGTRACKER_TODAY": "2026-11-15"])
        #expect(after.json["since_notice"] as? String == "2026-10")
        let change = Self.township(after, "云溪镇")["change"] as? [String: Any] ?? [:]
        #expect(change["valid"] as? Int == 2 && change["rate"] as? Double == 0.5 && change["rank"] as? Int == 2)
        // A report dated before the notice's period ended compares with nothing.
        let early = try tool.run("report", "--as-of", "2026-10-20", "--json")
        #expect(early.json["since_notice"] == nil)
        let folder = tool.workFolder + "/report"
        let files = try tool.run(
            "report", "--out", folder, "--format", "md,csv", environment: ["REGTRACKER_TODAY": "2026-11-15"])
        #expect(files.status == 0, "\(files.stderr)")
        let markdown = try String(contentsOfFile: folder + "/报表-2026-11-15.md", encoding: .utf8)
        #expect(markdown.contains("较上期有效数 | 较上期注册率（百分点） | 名次变化"))
        #expect(markdown.contains("| +2 | +50.00 | +2 |"))
        #expect(markdown.contains("较上期：与 2026-10 通报"))
        let text = try tool.run("report", environment: ["REGTRACKER_TODAY": "2026-11-15"])
        #expect(text.stdout.contains("change in valid") && text.stdout.contains("rank change"))
        #expect(
            text.stdout.contains(
                "change: against the 2026-10 notice (figures to 2026-10-31, issued 2026-11-01); "
                    + "a positive rank change is a move up"), "\(text.stdout)")
        #expect(!text.stdout.contains("较上期"))
        // Under a Chinese locale the terminal says what the files say.
        let chinese = try tool.run("report", environment: ["REGTRACKER_TODAY": "2026-11-15", "LANG": "zh_CN.UTF-8"])
        #expect(chinese.stdout.contains("较上期有效数  较上期注册率（百分点）  名次变化"))
        let note = try #require(markdown.split(separator: "\n").first { $0.contains("较上期：") })
        let sentence = try #require(note.firstRange(of: "较上期：").map { String(note[$0.lowerBound...]) })
        #expect(chinese.stdout.split(separator: "\n").contains { $0 == sentence }, "\(sentence)")
    }

    @Test func theSummarySpeaksTheLocalesLanguage() throws {
        let tool = try Self.county()
        defer { tool.cleanUp() }
        let chinese = try tool.run(
            "notice", "2026-10", "--bottom", "1",
            environment: ["REGTRACKER_TODAY": "2026-11-01", "LANG": "zh_CN.UTF-8"])
        #expect(chinese.stderr.contains("已于 2026-11-01 印发并保存 2026-10 通报"))
        #expect(chinese.stdout.contains("通报：云溪镇 0.00%，第 4 名，差 2 人，累计被通报 1 次"))
        #expect(chinese.stdout.contains("本期未报送：云溪镇"))
        let english = try tool.run("notice", "2026-10", environment: ["REGTRACKER_TODAY": "2026-11-02"])
        #expect(english.stderr.contains("notice 2026-10 was issued on 2026-11-01"))
        #expect(english.stdout.contains("named: 云溪镇 0.00%, rank 4, 2 short, named 1 time"))
        #expect(english.stdout.contains("sent nothing in the period: 云溪镇"))
        let list = try tool.run("notice", "list", environment: ["LANG": "zh_CN.UTF-8"])
        #expect(list.stdout.contains("期次") && list.stdout.contains("2026-10") && list.stdout.contains("云溪镇"))
        let quiet = try tool.run("notice", "2026-10", "--quiet")
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty)
    }

    @Test func aRowRegisteredAfterThePeriodEndDoesNotCount() throws {
        let tool = try Self.county()
        defer { tool.cleanUp() }
        // Imported on 11-10 for 桃源乡 (1 valid before): registered 11-05, 11-12 at 23:00, 11-20, and no date.
        let late = tool.workFolder + "/late.csv"
        try """
        姓名,乡镇,手机号码,注册时间
        子,桃源乡,\(Self.phone(20)),2026-11-05
        丑,桃源乡,\(Self.phone(21)),2026-11-12 23:00:00
        寅,桃源乡,\(Self.phone(22)),2026-11-20
        卯,桃源乡,\(Self.phone(23)),
        """.write(toFile: late, atomically: true, encoding: .utf8)
        #expect(try tool.run("import", late, environment: ["REGTRACKER_TODAY": "2026-11-10"]).status == 0)
        let day = try tool.run("notice", "2026-11-12", "--json", environment: ["REGTRACKER_TODAY": "2026-11-30"])
        #expect(Self.township(day, "桃源乡")["valid"] as? Int == 4)
        let asOf = try tool.run("report", "--as-of", "2026-11-12", "--json")
        #expect(Self.township(asOf, "桃源乡")["valid"] as? Int == 4)
        let after = try tool.run("notice", "2026-11-20", "--json", environment: ["REGTRACKER_TODAY": "2026-11-30"])
        #expect(Self.township(after, "桃源乡")["valid"] as? Int == 5)
    }
}
