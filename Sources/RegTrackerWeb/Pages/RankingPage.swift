import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// `/`: the ranked table and bar chart of the report files, with each township's 60-day sparkline and status.
struct RankingPage {
    var data: RankingData
    var access: Access

    func html() -> String {
        let report = data.report
        let trend = data.trend
        let sheet = ReportSheets.ranked(report, lastSubmission: data.lastSubmission, date: trend.asOf)
        var body = ["<h1>\(HTMLText.escape(sheet.title))</h1>"]
        body.append("<p class=\"summary\">\(HTMLText.escape(StatusText.deadlineLine(trend)))</p>")
        let chart = RateChart(report: report)
        body.append("<section class=\"chart\"><h2>注册率</h2>")
        body.append(
            "<p class=\"legend\"><span class=\"swatch met\"></span>已达标 <span class=\"swatch unmet\"></span>未达标 "
                + "<span class=\"swatch target\"></span>目标 \(HTMLText.escape(report.target.percentText))</p>")
        body.append(chart.bars.isEmpty ? "<p class=\"note\">没有可排名的乡镇。</p>" : chart.svg())
        body.append("</section>")
        body.append("<section class=\"ranking\"><h2>排名表</h2>")
        let columns = PageLayout.Column.of(sheet) + [.text("近60天走势"), .text("进度")]
        let townshipColumn = sheet.column(headed: ReportTable.Column.township.heading)
        var rows: [(cells: [String], classes: String)] = []
        var footer: [String]?
        let notice = ReportChange.baseline(data.notices, onOrBefore: trend.asOf)
        for (row, figures) in zip(sheet.rows, report.townships) {
            var cells = row.cells.map { HTMLText.escape($0.text) }
            if let column = townshipColumn {
                if access.canSee(township: figures.township) {
                    let path = HTMLText.escape(PageLayout.townshipPath(figures.township))
                    cells[column] = "<a href=\"\(path)\">\(cells[column])</a>"
                }
                if let notice, let marked = notice.township(figures.township) {
                    cells[column] += NoticeBadge.html(marked)
                }
            }
            if let township = trend.township(named: figures.township) {
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
        body.append("<footer>数据只读；每批导入为一个事务，页面不会出现导入一半的名单。JSON：/api/report、/api/trend。</footer>")
        return PageLayout.render(title: sheet.title, access: access, body: body)
    }
}
