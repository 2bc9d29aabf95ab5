import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// `/counties/{county}` (issue 19): a county's sums and rank among the counties, then its townships ranked among
/// themselves (`report --county`), each linked to its page. Like `report --county`, it leaves out the notice marks:
/// a notice covers every township of the database.
struct CountyPage {
    var ranking: RankingData
    var county: CountyData
    var access: Access

    func html() -> String {
        let figures = county.figures
        let trend = ranking.trend
        let sheet = ReportSheets.ranked(
            county.report, lastSubmission: county.lastSubmission, date: trend.asOf, county: figures.county)
        let counts = figures.counts
        var body = [
            "<p><a href=\"/\">← \(access.seesEveryTownship ? "全部排名" : "各县（区）排名")</a></p>",
            "<h1>\(HTMLText.escape(sheet.title))</h1>",
            "<p class=\"summary\">\(HTMLText.escape(StatusText.deadlineLine(trend)))</p>",
        ]
        let rate = figures.hasRate ? Decimal6.percent(numerator: counts.valid, denominator: figures.population) : "—"
        let cards: [(String, String)] = [
            ("注册率", rate), ("县（区）排名", figures.rank.map { "第 \($0) 名 / 共 \(county.of)" } ?? "—"),
            ("乡镇数", String(figures.townships)), ("有效数", String(counts.valid)),
            ("目标人数", String(figures.required)), ("差额", String(figures.shortfall)),
            ("实有人口", String(figures.population)), ("上报数", String(counts.reported)),
            ("无效数", String(counts.invalid)), ("重复数", String(counts.duplicates)),
        ]
        body.append(
            "<dl class=\"figures\">"
                + cards.map { "<div><dt>\(HTMLText.escape($0.0))</dt><dd>\(HTMLText.escape($0.1))</dd></div>" }.joined()
                + "</dl>")
        body += TownshipRanking(report: county.report, sheet: sheet, trend: trend, notices: [], access: access)
            .sections(heading: "本县（区）乡镇排名")
        body.append("<footer>县（区）的数字为其乡镇之和：目标人数为各乡镇目标人数之和，差额为各乡镇差额之和。</footer>")
        return PageLayout.render(title: sheet.title, access: access, body: body)
    }

    /// The counties ranked by the sums of their townships (`report --by county`), each linked to its page where the
    /// access may see it.
    static func countyRanking(_ report: CountyReport, access: Access) -> String {
        let columns = CountyTable.headings.enumerated().map { index, heading in
            index == 1 || index == CountyTable.headings.count - 1
                ? PageLayout.Column.text(heading) : PageLayout.Column.number(heading)
        }
        let rows = report.counties.map { figures -> (cells: [String], classes: String) in
            var cells = CountyTable.row(figures).map(HTMLText.escape)
            if access.canSee(county: figures.county) {
                cells[1] = "<a href=\"\(HTMLText.escape(PageLayout.countyPath(figures.county)))\">\(cells[1])</a>"
            }
            return (cells, figures.met == false ? "row county unmet" : "row county")
        }
        return [
            "<section class=\"counties\"><h2>各县（区）排名</h2>",
            PageLayout.table(
                columns: columns, rows: rows, footer: CountyTable.totalsRow(report).map(HTMLText.escape)),
            "<p class=\"note\">县（区）的数字为其乡镇之和；注册率 = 有效数 ÷ 实有人口；目标人数为各乡镇目标人数之和。</p>",
            "</section>",
        ].joined(separator: "\n")
    }
}
