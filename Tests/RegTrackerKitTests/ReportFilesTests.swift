import Foundation
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerRender
import Testing

/// The files people read, rendered from a small fixed report and compared with golden files kept in `Golden/`.
/// `REGTRACKER_UPDATE_GOLDEN=1 swift test --filter ReportFiles` rewrites them after an intended change.
@Suite struct ReportFilesTests {
    static let date = CivilDate(year: 2026, month: 11, day: 29)
    static let clock = Clock(today: date, timestamp: "2026-11-29 12:00:00")

    /// 龙泉街道 meets its target, 青石镇 and 白沙镇 (its own 55%) do not, 空白乡 has population 0.
    static let report = Report(
        target: .default,
        townships: [
            TownshipFigures(
                township: "青石镇", population: 1000, target: .default,
                counts: OutcomeCounts(malformed: 3, flagged: 1, duplicates: 1, valid: 3)),
            TownshipFigures(
                township: "白沙镇", population: 8, target: Target(numerator: 55, denominator: 100),
                counts: OutcomeCounts(duplicates: 2, valid: 2)),
            TownshipFigures(
                township: "龙泉街道", population: 6, target: .default,
                counts: OutcomeCounts(listed: 1, duplicates: 1, valid: 4)),
            TownshipFigures(township: "空白乡", population: 0, target: .default, counts: OutcomeCounts()),
        ],
        unassigned: 1)
    static let lastSubmission = ["青石镇": "2026-11-20", "白沙镇": "2026-11-29", "龙泉街道": "2026-10-31"]

    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func temporaryFolder() -> String { NSTemporaryDirectory() + "regtracker-report-" + UUID().uuidString }

    func expectGolden(_ path: String, named name: String) throws {
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let goldenPath = Self.golden.appendingPathComponent(name).path
        if ProcessInfo.processInfo.environment["REGTRACKER_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try Data(written.utf8).write(to: URL(fileURLWithPath: goldenPath))
            return
        }
        let expected = try String(contentsOfFile: goldenPath, encoding: .utf8)
        #expect(written == expected, "\(name) differs from Golden/\(name); REGTRACKER_UPDATE_GOLDEN=1 rewrites it")
    }

    @Test(arguments: [ReportFiles.Format.md, .csv, .html])
    func rankedReportMatchesItsGoldenFile(format: ReportFiles.Format) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = try ReportFiles(folder: folder, clock: Self.clock)
            .writeReport(Self.report, lastSubmission: Self.lastSubmission, formats: [format])
        #expect(paths == [folder + "/报表-2026-11-29.\(format.rawValue)"])
        try expectGolden(paths[0], named: "report.\(format.rawValue)")
    }

    @Test(arguments: [ReportFiles.Format.md, .csv, .html])
    func shortfallMatchesItsGoldenFile(format: ReportFiles.Format) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = try ReportFiles(folder: folder, clock: Self.clock).writeShortfall(Self.report, formats: [format])
        try expectGolden(paths[0], named: "shortfall.\(format.rawValue)")
    }

    @Test func csvIsUTF8WithBOMAndCRLF() throws {
        let csv = TextFormats.csv(
            ReportSheets.ranked(Self.report, lastSubmission: Self.lastSubmission, date: Self.date))
        #expect(csv.hasPrefix("\u{FEFF}排名,乡镇,实有人口,上报数,无效数,重复数,有效数,注册率,目标人数,差额,是否达标,最近报送\r\n"))
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(csv.contains("\r\n3,青石镇,1000,8,4,1,3,0.30%,500,497,否,2026-11-20\r\n"))
        #expect(csv.contains("\r\n,合计,1014,"))
    }

    @Test func markdownHasTheChineseHeadingsTitleTotalsAndNotes() throws {
        let markdown = TextFormats.markdown(
            ReportSheets.ranked(Self.report, lastSubmission: Self.lastSubmission, date: Self.date))
        #expect(markdown.hasPrefix("# 国家反诈中心APP注册率排名（2026-11-29，目标 50%）\n"))
        #expect(markdown.contains("| 排名 | 乡镇 | 实有人口 | 上报数 | 无效数 | 重复数 | 有效数 | 注册率 | 目标人数 | 差额 | 是否达标 | 最近报送 |"))
        #expect(markdown.contains("| — | 空白乡 | 0 | 0 | 0 | 0 | 0 | — | 0 | 0 | — | 未报送 |"))
        #expect(markdown.contains("|  | 合计 | 1014 |"))
        #expect(markdown.contains("空白乡：实有人口为 0"))
    }

    @Test func markdownShowsACellAsTypedNeverAsMarkup() throws {
        let markdown = TextFormats.markdown(title: "t", headings: ["乡镇"], rows: [["<i>尖</i>镇|二\n行"]])
        #expect(markdown.contains("| &lt;i>尖&lt;/i>镇\\|二 行 |"), "\(markdown)")
    }

    @Test func htmlEscapesEveryTextItShows() throws {
        var report = Self.report
        report.townships[0].township = "<script>alert(1)</script>&\"'"
        let page = HTMLPage.render(
            ReportSheets.ranked(report, lastSubmission: [:], date: Self.date), chart: RateChart(report: report),
            footer: "x")
        #expect(!page.contains("<script"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;"))
    }

    @Test func htmlIsSelfContained() throws {
        let page = HTMLPage.render(
            ReportSheets.ranked(Self.report, lastSubmission: Self.lastSubmission, date: Self.date),
            chart: RateChart(report: Self.report), footer: "x")
        #expect(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(page.contains("@media print"))
        #expect(page.contains("@media (max-width: 700px)"))
        for forbidden in ["<script", "http://", "https://", "@import", "url(", "<link"] {
            // The SVG namespace is the one URL allowed: it is a name, never fetched.
            let text = page.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            #expect(!text.contains(forbidden), "\(forbidden)")
        }
    }

    @Test func chartHasOneBarATownshipWithARateInRankOrderAndTheTargetLine() throws {
        let chart = RateChart(report: Self.report)
        #expect(chart.bars.map(\.township) == ["龙泉街道", "白沙镇", "青石镇"])
        #expect(chart.bars.map(\.met) == [true, false, false])
        #expect(chart.withoutBar == ["空白乡"])
        let svg = chart.svg()
        #expect(svg.components(separatedBy: "<rect class=\"bar ").count - 1 == 3)
        #expect(svg.components(separatedBy: "<rect class=\"bar met\"").count - 1 == 1)
        #expect(svg.contains("<line class=\"target\""))
        // 白沙镇 has its own 55% target: a mark of its own on its row.
        #expect(svg.components(separatedBy: "class=\"own-target\"").count - 1 == 1)
    }

    @Test func csvNeverHandsExcelAFormula() throws {
        let sheet = ReportSheet(
            title: "t", headings: ["姓名"],
            rows: [ReportSheet.Row([.text("=HYPERLINK(\"x\")")]), ReportSheet.Row([.text("-1")])])
        let csv = TextFormats.csv(sheet)
        #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        #expect(csv.contains("'-1"))
    }

    @Test func xlsxKeepsRatesAsNumbersAndHasTheRankingChartAndShortfallSheets() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let paths = try ReportFiles(folder: folder, clock: Self.clock)
            .writeReport(Self.report, lastSubmission: Self.lastSubmission, formats: [.xlsx])
        #expect(!FileManager.default.fileExists(atPath: paths[0] + ".partial"))
        func rows(_ sheet: String) throws -> [SourceRow] {
            var reader = try XLSXReader(path: paths[0], options: ReadOptions(sheet: .name(sheet)))
            var rows: [SourceRow] = []
            while let row = try reader.nextRow() { rows.append(row) }
            return rows
        }
        let ranking = try rows("排名")
        #expect(ranking[1].cells.map(\.displayText) == ReportSheets.rankedHeadings)
        let longquan = try #require(ranking.first { $0[1] == .text("龙泉街道") })
        #expect(longquan[0] == .number(1))
        #expect(longquan[6] == .number(4))
        guard case .number(let rate) = longquan[7] else {
            Issue.record("rate is not a number: \(longquan[7])")
            return
        }
        #expect(abs(rate - 4.0 / 6.0) < 1e-12)
        #expect(try rows("未达标").contains { $0[1] == .text("青石镇") })
        #expect(try rows("图表").count <= 1)
    }

    /// The charts read their bars from the columns headed 乡镇 / 村（社区） and 注册率, wherever those columns are.
    @Test func xlsxChartsReadTheNameAndRateColumnsOfTheirTable() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = ReportFiles(folder: folder, clock: Self.clock)
        func chart(_ path: String) throws -> String {
            let parts = try NoticeFilesTests.parts(try Data(contentsOf: URL(fileURLWithPath: path)))
            return String(decoding: try #require(parts["xl/charts/chart1.xml"]), as: UTF8.self)
        }
        // The ranked table: 乡镇 is column B, 注册率 column H; three townships have a rate (rows 3 to 5).
        let report = try chart(files.writeReport(Self.report, lastSubmission: Self.lastSubmission, formats: [.xlsx])[0])
        #expect(report.contains("<c:f>'排名'!$B$3:$B$5</c:f>"))
        #expect(report.contains("<c:f>'排名'!$H$3:$H$5</c:f>"))
        // A township's villages: 村（社区） is column B, 注册率 column I (after the added 目标); county-wide, 乡镇 is
        // inserted after the village and 注册率 moves to J.
        let township = Township(
            name: "白沙镇", population: 100, target: Target(numerator: 2, denominator: 5),
            villages: [Village(name: "河坝村", population: 10), Village(name: "柳林村", population: 10)])
        let villages = VillageStanding.all(of: township, target: .default) { OutcomeCounts(valid: Int64($0 + 3)) }
        let one = VillageReport(township: "白沙镇", target: .default, villages: villages, unmatched: OutcomeCounts())
        let village = try chart(files.writeVillages(one, formats: [.xlsx])[0])
        #expect(village.contains("<c:f>'排名'!$B$3:$B$4</c:f>"))
        #expect(village.contains("<c:f>'排名'!$I$3:$I$4</c:f>"))
        var county = one
        county.township = nil
        let countyWide = try chart(files.writeVillages(county, formats: [.xlsx])[0])
        #expect(countyWide.contains("<c:f>'排名'!$J$3:$J$4</c:f>"))
    }

    @Test func rejectTallyGroupsByOutcomeAndMalformedRowsByReason() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let ids = TestInbox.ids
        _ = try inbox.register(
            "a.csv",
            """
            乡镇,姓名,身份证号,手机号,截图核验
            青石镇,甲,\(ids[0]),,
            青石镇,乙,\(ids[0]),,
            青石镇,丙,12345,,
            青石镇,丁,54321,,
            青石镇,戊,\(ids[1]),,无效
            青石镇,,\(ids[2]),,
            """)
        let service = ReportService(store: inbox.store)
        let id = try #require(try service.township(named: "青石镇")).id
        let tally = RejectTally(try service.rejects(township: id))
        #expect(tally.byOutcome.map(\.outcome) == [.malformed, .flagged, .duplicate])
        #expect(tally.byOutcome.map(\.count) == [3, 1, 1])
        let reasons = tally.byOutcome[0].reasons
        #expect(reasons.map(\.count).reduce(0, +) == 3)
        #expect(reasons[0].count == 2)
    }

    @Test func missingListsTownshipsWithNoBatchSinceTheDate() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster(
            """
            乡镇,实有人口
            青石镇,10
            白沙镇,4
            龙泉街道,6
            """)
        let october = Clock(today: CivilDate(year: 2026, month: 10, day: 1), timestamp: "2026-10-01 09:00:00")
        let old = try inbox.file("old.csv", "乡镇,姓名,手机号\n白沙镇,甲,\(TestInbox.phones[0])\n")
        _ = RegistrationImport(store: inbox.store, clock: october)
            .run(path: old, options: ReadOptions(), township: nil, replace: false)
        _ = try inbox.register("new.csv", "乡镇,姓名,手机号\n青石镇,乙,\(TestInbox.phones[1])\n")
        let service = ReportService(store: inbox.store)
        let missing = try service.missing(since: CivilDate(year: 2026, month: 11, day: 1))
        #expect(
            missing == [
                MissingTownship(township: "白沙镇", lastSubmission: "2026-10-01"),
                MissingTownship(township: "龙泉街道", lastSubmission: nil),
            ])
        #expect(try service.missing(since: CivilDate(year: 2026, month: 9, day: 1)).map(\.township) == ["龙泉街道"])
        #expect(
            try service.missing(since: CivilDate(year: 2026, month: 11, day: 29)).map(\.township) == ["白沙镇", "龙泉街道"])
    }
}
