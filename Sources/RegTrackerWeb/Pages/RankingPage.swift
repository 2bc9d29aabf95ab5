import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// `/`: the ranked table and bar chart of the report files, with each township's 60-day sparkline and status. Where
/// the roster has counties the counties ranked come first, each linking to its page (issue 19); a county token
/// sees only those.
struct RankingPage {
    var data: RankingData
    var access: Access

    func html() -> String {
        let report = data.report
        let trend = data.trend
        let sheet = ReportSheets.ranked(report, lastSubmission: data.lastSubmission, date: trend.asOf)
        guard access.seesEveryTownship else { return countiesOnly(title: sheet.title) }
        var body = ["<h1>\(HTMLText.escape(sheet.title))</h1>"]
        body.append("<p class=\"summary\">\(HTMLText.escape(StatusText.deadlineLine(trend)))</p>")
        if let counties = data.countyReport { body.append(CountyPage.countyRanking(counties, access: access)) }
        body += TownshipRanking(
            report: report, sheet: sheet, trend: trend, notices: data.notices, access: access
        ).sections(heading: data.countyReport == nil ? "排名表" : "各乡镇排名")
        body.append("<footer>数据只读；每批导入为一个事务，页面不会出现导入一半的名单。JSON：/api/report、/api/trend。</footer>")
        return PageLayout.render(title: sheet.title, access: access, body: body)
    }

    /// A county token's `/`: the counties ranked by the sums of their townships, its own county linked.
    private func countiesOnly(title: String) -> String {
        var body = ["<h1>\(HTMLText.escape(title))</h1>"]
        body.append("<p class=\"summary\">\(HTMLText.escape(StatusText.deadlineLine(data.trend)))</p>")
        if let counties = data.countyReport { body.append(CountyPage.countyRanking(counties, access: access)) }
        body.append("<p class=\"note\">此令牌只能查看各县（区）排名和本县（区）的页面。</p>")
        return PageLayout.render(title: title, access: access, body: body)
    }
}

/// The bar chart and the ranked table of a report's townships, each linked to its page where the access may see it.
struct TownshipRanking {
    var report: Report
    var sheet: ReportSheet
    var trend: TrendReport
    var notices: [Notice]
    var access: Access

    func sections(heading: String) -> [String] {
        var body: [String] = []
        let chart = RateChart(report: report)
        body.append("<section class=\"chart\"><h2>注册率</h2>")
        body.append(
            "<p class=\"legend\"><span class=\"swatch met\"></span>已达标 <span class=\"swatch unmet\"></span>未达标 "
                + "<span class=\"swatch target\"></span>目标 \(HTMLText.escape(report.target.percentText))</p>")
        body.append(chart.bars.isEmpty ? "<p class=\"note\">没有可排名的乡镇。</p>" : chart.svg())
        body.append("</section>")
        body.append("<section class=\"ranking\"><h2>\(HTMLText.escape(heading))</h2>")
        let columns = PageLayout.Column.of(sheet) + [.text("近60天走势"), .text("进度")]
        let townshipColumn = sheet.column(headed: ReportTable.Column.township.heading)
        var rows: [(cells: [String], classes: String)] = []
        var footer: [String]?
        let notice = ReportChange.baseline(notices, onOrBefore: trend.asOf)
        for (row, figures) in zip(sheet.rows, report.townships) {
            var cells = row.cells.map { HTMLText.escape($0.text) }
            if let column = townshipColumn {
                if access.canSee(township: figures.township, county: figures.county, nameIsShared: figures.sharesName) {
                    let path = HTMLText.escape(PageLayout.townshipPath(figures.township, county: figures.county))
                    cells[column] = "<a href=\"\(path)\">\(cells[column])</a>"
                }
                if let notice, let marked = notice.township(figures) {
                    cells[column] += NoticeBadge.html(marked)
                }
            }
            if let township = trend.township(named: figures.township, county: figures.county) {
                cells.append(Sparkline(township: township, asOf: trend.asOf).svg())
                cells.append(StatusText.html(township.projection))
            } else {
                cells += ["", ""]
            }
            rows.append((cells, row.style == .unmet ? "row unmet" : "row"))
        }
        if let totals = sheet.rows.last, totals.style == .totals {
            footer = totals.cells.map { HTMLText.escape($0.text) } + ["", ""]
        }
        body.append(PageLayout.table(columns: columns, rows: rows, footer: footer))
        if !sheet.notes.isEmpty {
            body.append(
                "<ul class=\"notes\">" + sheet.notes.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>")
        }
        if let notice {
            body.append(
                "<p class=\"note\">\(HTMLText.escape("通报、警示见 \(notice.period.description) 通报（\(ChineseDates.day(notice.issued))印发）。"))</p>"
            )
        }
        body.append("</section>")
        return body
    }
}
