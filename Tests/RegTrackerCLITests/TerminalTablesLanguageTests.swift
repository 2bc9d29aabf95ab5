import Foundation
import Testing

/// SPEC 7: the tables `report`, `shortfall`, `missing`, `batches` and `villages` print on the terminal speak the
/// CLI's language (English under C.UTF-8, the tests' default), titles, headings and cells alike; under a Chinese
/// locale they are the Chinese of the report files. Township and village names are data and stay as given.
@Suite struct TerminalTablesLanguageTests {
    static let chinese: [String: String?] = ["LANG": "zh_CN.UTF-8"]
    static let englishTownshipHeadings = [
        "rank", "township", "population", "reported", "invalid", "duplicates", "valid", "rate", "required", "shortfall",
        "met",
    ]
    static let chineseTownshipHeadings = [
        "排名", "乡镇", "实有人口", "上报数", "无效数", "重复数", "有效数", "注册率", "目标人数", "差额", "是否达标",
    ]
    /// Words of the Chinese tables that no English table may show.
    static let chineseWords = chineseTownshipHeadings + ["最近报送", "合计", "未报送", "村（社区）", "是", "否", "批次", "状态"]

    /// A table line's cells: columns are set apart by two spaces or more.
    static func cells(_ line: some StringProtocol) -> [String] {
        line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Terminal columns: CJK ideographs and full-width forms take two.
    static func displayWidth(_ line: some StringProtocol) -> Int {
        line.unicodeScalars.reduce(0) { width, scalar in
            width + ((0x2E80...0x9FFF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value) ? 2 : 1)
        }
    }

    static func lines(_ run: RegTrackerBinary.Run) -> [String] { run.stdout.split(separator: "\n").map(String.init) }

    /// The Chinese words an English run shows outside the names of `names`.
    static func chineseWords(in run: RegTrackerBinary.Run, names: [String]) -> [String] {
        let text = names.reduce(run.stdout) { $0.replacingOccurrences(of: $1, with: "") }
        return chineseWords.filter { text.contains($0) }
    }

    static let townships = ["青石镇", "白沙镇", "龙泉街道", "空白乡"]

    @Test func reportPrintsAnEnglishRankedTableUnderAnEnglishLocale() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let run = try tool.run("report")
        #expect(run.status == 0, "\(run.stderr)")
        let lines = Self.lines(run)
        #expect(lines[0] == "townships by registration rate (target 50%), 2026-11-29")
        #expect(Self.cells(lines[1]) == Self.englishTownshipHeadings + ["last submission"])
        // 白沙镇 2 of 8 first; 空白乡 (population 0) last, unranked and never reported; then the totals.
        #expect(Self.cells(lines[2]) == ["1", "白沙镇", "8", "4", "0", "2", "2", "25.00%", "5", "3", "no", "2026-11-29"])
        #expect(Self.cells(lines[5]) == ["—", "空白乡", "0", "0", "0", "0", "0", "—", "0", "0", "—", "never"])
        #expect(Self.cells(lines[6]) == ["total", "1014", "15", "5", "4", "6", "0.59%", "508", "502"])
        #expect(Self.chineseWords(in: run, names: Self.townships).isEmpty, "\(run.stdout)")
        // Every line of the table ends in the same column, CJK names counting two.
        #expect(Set(lines[1...6].map(Self.displayWidth)).count == 1, "\(run.stdout)")
    }

    @Test func reportStaysChineseUnderAChineseLocale() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let lines = Self.lines(try tool.run(["report"], environment: Self.chinese))
        #expect(lines[0] == "注册率排名（目标 50%，2026-11-29）")
        #expect(Self.cells(lines[1]) == Self.chineseTownshipHeadings + ["最近报送"])
        #expect(Self.cells(lines[2]) == ["1", "白沙镇", "8", "4", "0", "2", "2", "25.00%", "5", "3", "否", "2026-11-29"])
        #expect(Self.cells(lines[5]).last == "未报送")
        #expect(Self.cells(lines[6]).first == "合计")
        #expect(Set(lines[1...6].map(Self.displayWidth)).count == 1)
    }

    @Test func shortfallPrintsItsTitleAndTableInTheLocalesLanguage() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let run = try tool.run("shortfall")
        let lines = Self.lines(run)
        #expect(lines[0] == "townships below target (target 50%): 3 of 3, worst rate first")
        #expect(Self.cells(lines[1]) == Self.englishTownshipHeadings)
        #expect(lines[2...].map { Self.cells($0)[1] } == ["青石镇", "龙泉街道", "白沙镇"])
        #expect(lines[2...].allSatisfy { $0.hasSuffix("  no") })
        #expect(Self.chineseWords(in: run, names: Self.townships).isEmpty, "\(run.stdout)")

        let chinese = Self.lines(try tool.run(["shortfall"], environment: Self.chinese))
        #expect(chinese[0] == "未达标乡镇（目标 50%）：3 个中 3 个")
        #expect(Self.cells(chinese[1]) == Self.chineseTownshipHeadings)
        #expect(chinese[2...].allSatisfy { $0.hasSuffix("  否") })
    }

    @Test func missingTitlesItsListInTheLocalesLanguage() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let run = try tool.run("missing", "--since", "2026-12-01")
        #expect(
            Self.lines(run) == [
                "4 of 4 townships have no registration batch since 2026-12-01",
                "  青石镇 (last submission: 2026-11-29)", "  白沙镇 (last submission: 2026-11-29)",
                "  龙泉街道 (last submission: 2026-11-29)", "  空白乡 (last submission: never)",
            ])
        let chinese = Self.lines(try tool.run(["missing", "--since", "2026-12-01"], environment: Self.chinese))
        #expect(chinese.first == "未报送名单：2026-12-01 以来，4 个乡镇中 4 个无注册名单报送")
        #expect(chinese.last == "  空白乡（最近报送：从未报送）")
    }

    @Test func batchesHeadsItsColumnsInTheLocalesLanguage() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let run = try tool.run("batches")
        let lines = Self.lines(run)
        #expect(Self.cells(lines[0]) == ["batch", "file", "kind", "imported at", "rows", "sha256", "state"])
        #expect(Self.cells(lines[1]).prefix(5) == ["1", "roster.csv", "roster", "2026-11-29 12:00:00", "4"])
        #expect(Self.chineseWords(in: run, names: ["01-青石镇.csv", "02-白沙镇.csv", "03-龙泉街道.csv"]).isEmpty)
        #expect(Set(lines.map(Self.displayWidth)).count == 1, "\(run.stdout)")

        let chinese = Self.lines(try tool.run(["batches"], environment: Self.chinese))
        #expect(Self.cells(chinese[0]) == ["批次", "文件", "类型", "导入时间", "行数", "sha256", "状态"])
        #expect(Set(chinese.map(Self.displayWidth)).count == 1)
    }

    @Test func villagesPrintsAnEnglishTableUnderAnEnglishLocale() throws {
        let tool = try VillagesCommandTests.imported()
        defer { tool.cleanUp() }
        let villageColumns = ["rank", "village", "population", "target"] + Self.englishTownshipHeadings[3...]
        let township = try tool.run("villages", "白沙镇")
        let lines = Self.lines(township)
        #expect(lines[0] == "白沙镇: villages by registration rate (target 40%), 3 of 4 ranked")
        #expect(Self.cells(lines[1]) == villageColumns)
        #expect(Self.cells(lines[2]) == ["1", "柳林村", "10", "40%", "5", "1", "1", "3", "30.00%", "4", "1", "no"])
        #expect(Self.cells(lines[5]) == ["—", "新村", "0", "40%", "0", "0", "0", "0", "—", "0", "0", "—"])
        #expect(Set(lines[1...5].map(Self.displayWidth)).count == 1, "\(township.stdout)")
        let names = ["白沙镇", "云溪镇", "柳林村", "河坝村", "石桥社区", "上坝村", "下坝村", "新村"]
        #expect(Self.chineseWords(in: township, names: names).isEmpty, "\(township.stdout)")

        let county = try tool.run("villages")
        let countyLines = Self.lines(county)
        #expect(Self.cells(countyLines[1]) == ["rank", "village", "township"] + villageColumns[2...])
        #expect(Self.cells(countyLines[2]).prefix(3) == ["1", "柳林村", "白沙镇"])
        #expect(Self.chineseWords(in: county, names: names).isEmpty, "\(county.stdout)")
    }

    @Test func villagesStayChineseUnderAChineseLocale() throws {
        let tool = try VillagesCommandTests.imported()
        defer { tool.cleanUp() }
        let lines = Self.lines(try tool.run(["villages", "白沙镇"], environment: Self.chinese))
        #expect(lines[0] == "白沙镇各村（社区）注册率排名（目标 40%）：共 4 个，3 个参与排名")
        #expect(
            Self.cells(lines[1])
                == ["排名", "村（社区）", "实有人口", "目标"] + Self.chineseTownshipHeadings[3...])
        #expect(Self.cells(lines[2]).last == "否")
        let county = Self.lines(try tool.run(["villages"], environment: Self.chinese))
        #expect(Self.cells(county[1]).prefix(4) == ["排名", "村（社区）", "乡镇", "实有人口"])
    }
}
