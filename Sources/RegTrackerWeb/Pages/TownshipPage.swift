import RegTrackerCore
import RegTrackerKit
import RegTrackerRender
import RegTrackerStore

/// `/townships/{name}`: a township head's page: figures and rank, the trend with target and projection, valid
/// registrations by village, the rows that match none of its villages, and the rows that did not count with their
/// reasons (personal numbers masked).
struct TownshipPage {
    /// Rejected rows beyond this are counted but not listed (the rejects file has them all).
    static let rejectLimit = 500

    var data: TownshipData
    var access: Access

    func html() -> String {
        let figures = data.figures
        let township = data.township
        let projection = township.projection
        let counts = figures.counts
        let of = data.report.townships.filter(\.hasRate).count
        let title = "\(figures.label) 注册进度"
        var back = ["<a href=\"/\">← 全部乡镇排名</a>"]
        if let county = figures.county, access.canSee(county: county) {
            let path = HTMLText.escape(PageLayout.countyPath(county))
            back.append("<a href=\"\(path)\">← \(HTMLText.escape(county))乡镇排名</a>")
        }
        if !access.seesEveryTownship { back.removeFirst() }
        var body = ["<p>\(back.joined(separator: " "))</p>", "<h1>\(HTMLText.escape(title))</h1>"]
        body.append("<p class=\"summary\">\(StatusText.html(projection))</p>")
        var cards: [(String, String)] = [
            ("注册率", figures.ratePercent), ("排名", figures.rank.map { "第 \($0) 名 / 共 \(of)" } ?? "—"),
            ("有效数", String(counts.valid)), ("目标人数", String(figures.required)),
            ("差额", String(figures.shortfall)), ("实有人口", String(figures.population)),
            ("目标", figures.target.percentText), ("上报数", String(counts.reported)),
            ("无效数", String(counts.invalid)), ("重复数", String(counts.duplicates)),
            ("近7天新增", "+\(township.gain7)"), ("近30天新增", "+\(township.gain30)"),
            ("日均（近30天）", projection.paceTexts?.pace ?? projection.pacePerDayText),
            ("每天需", projection.neededPerDayText ?? "—"),
            ("预计达标", projection.projectedDate?.iso8601Unchecked ?? "—"),
            ("最近报送", data.lastSubmission ?? ReportSheets.neverSubmitted),
        ]
        if let notice = ReportChange.baseline(data.notices, onOrBefore: data.trend.asOf),
            let current = notice.township(figures)
        {
            cards.append(("当前警示", current.card?.label ?? (current.named ? "本期通报" : "无")))
        }
        body.append(
            "<dl class=\"figures\">"
                + cards.map { "<div><dt>\(HTMLText.escape($0.0))</dt><dd>\(HTMLText.escape($0.1))</dd></div>" }.joined()
                + "</dl>")
        body.append("<section class=\"trend\"><h2>累计有效注册</h2>")
        body.append("<p class=\"note\">\(HTMLText.escape(StatusText.deadlineLine(data.trend)))</p>")
        body.append(
            "<p class=\"legend\"><span class=\"swatch met\"></span>累计有效 <span class=\"swatch target\"></span>目标人数 "
                + "<span class=\"swatch unmet\"></span>按近 30 天速度的预测</p>")
        body.append(TrendChart(township: township, asOf: data.trend.asOf, deadline: data.trend.deadline).svg())
        body.append("</section>")
        body.append(NoticeBadge.history(of: figures, notices: data.notices))
        body.append(villages())
        if let section = unmatchedVillageRows() { body.append(section) }
        body.append(rejects())
        return PageLayout.render(title: title, access: access, body: body)
    }

    private func villages() -> String {
        if let report = data.villageReport { return rankedVillages(report) }
        var lines = ["<section class=\"villages\"><h2>按村（社区）</h2>"]
        guard !data.villages.isEmpty else { return lines[0] + "<p class=\"note\">尚无上报。</p></section>" }
        let most = max(data.villages.map(\.counts.valid).max() ?? 1, 1)
        let rows = data.villages.map { village -> (cells: [String], classes: String) in
            let width = SVGNumber.format(8 * Double(village.counts.valid) / Double(most))
            return (
                [
                    HTMLText.escape(village.label), String(village.counts.valid), String(village.counts.reported),
                    "<span class=\"vbar\" style=\"width: \(width)em\"></span>",
                ], "row village"
            )
        }
        lines.append(
            PageLayout.table(
                columns: [.text(VillageTable.villageHeading), .number("有效数"), .number("上报数"), .text("")], rows: rows))
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    /// The township's villages of the roster ranked (SPEC 5): rate bar with the target mark, shortfall; then the
    /// rows that match no village.
    private func rankedVillages(_ report: VillageReport) -> String {
        var lines = ["<section class=\"villages\"><h2>各村（社区）排名</h2>"]
        let rows = report.villages.map { village -> (cells: [String], classes: String) in
            let figures = village.figures
            let rate = figures.hasRate ? min(Double(figures.counts.valid) / Double(figures.population), 1) : 0
            let mark = Double(figures.target.numerator) / Double(figures.target.denominator)
            let bar =
                "<span class=\"vbar\" style=\"width: \(SVGNumber.format(8 * rate))em\"></span>"
                + "<span class=\"vtarget\" style=\"margin-left: \(SVGNumber.format(8 * mark - 8 * rate))em\">|</span>"
            return (
                [
                    figures.rank.map(String.init) ?? "—", HTMLText.escape(village.village), String(figures.population),
                    String(figures.counts.valid), figures.ratePercent, figures.target.percentText,
                    String(figures.required), String(figures.shortfall), figures.hasRate ? bar : "",
                ], figures.met == false ? "row village unmet" : "row village"
            )
        }
        lines.append(
            PageLayout.table(
                columns: [
                    .number("排名"), .text(VillageTable.villageHeading), .number("实有人口"), .number("有效数"),
                    .number("注册率"), .text("目标"), .number("目标人数"), .number("差额"), .text(""),
                ], rows: rows))
        let unmatched = report.unmatched
        let reported =
            unmatched.reported > 0 && data.unmatched != nil
            ? "<a href=\"#\(Self.unmatchedAnchor)\">\(unmatched.reported) 行</a>" : "\(unmatched.reported) 行"
        lines.append(
            "<p class=\"note\">未匹配村（社区）的行（村（社区）栏为空或不在人口底数中，只计入乡镇）：上报 \(reported)，"
                + "有效 \(unmatched.valid) 行。</p>")
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    /// The anchor of the section that lists the rows matching none of the township's villages.
    static let unmatchedAnchor = "unmatched-village"

    /// The rows that match none of the township's villages (SPEC 5), with the village cell as received so that the
    /// clerk sees what to correct; nil when there are none or the roster gives it no villages.
    private func unmatchedVillageRows() -> String? {
        guard let unmatched = data.unmatched, unmatched.total > 0 else { return nil }
        var lines = [
            "<section class=\"unmatched\" id=\"\(Self.unmatchedAnchor)\"><h2>未匹配村（社区）的行</h2>",
            "<p class=\"summary\">共 \(unmatched.total) 行的村（社区）栏为空或不是本乡镇人口底数中的村（社区）："
                + "这些行只计入乡镇，不计入任何村（社区）。请核对村（社区）栏，改正后重新报送整份名单。</p>",
        ]
        let rows: [(cells: [String], classes: String)] = unmatched.rows.map { row in
            let village = row.villageText.isEmpty ? "（空）" : Mask.digits(in: row.villageText)
            let cells = [
                row.fileName, String(row.rowNumber), Mask.digits(in: row.name), village,
                RejectSheets.received(row.idText), RejectSheets.received(row.phoneText), row.outcome.label,
            ]
            return (cells.map(HTMLText.escape), "row unmatched")
        }
        lines.append(
            PageLayout.table(
                columns: [
                    .text("文件"), .number("行号"), .text("姓名"), .text("村（社区）（原文）"), .text("身份证号"),
                    .text("手机号码"), .text("结果"),
                ], rows: rows))
        if unmatched.total > unmatched.rows.count {
            lines.append("<p class=\"note\">只列出前 \(unmatched.rows.count) 行，共 \(unmatched.total) 行。</p>")
        }
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    private func rejects() -> String {
        let sheet = RejectSheets.sheet(township: data.figures.label, rejects: data.rejects, date: data.trend.asOf)
        var lines = ["<section class=\"rejects\"><h2>未计入的行</h2>"]
        lines += RejectSheets.summary(data.rejects).map { "<p class=\"summary\">\(HTMLText.escape($0))</p>" }
        guard !data.rejects.isEmpty else { return (lines + ["</section>"]).joined(separator: "\n") }
        let shown = sheet.rows.prefix(Self.rejectLimit)
        let rows: [(cells: [String], classes: String)] = shown.map { row in
            (row.cells.map { HTMLText.escape($0.text) }, "row reject")
        }
        lines.append(PageLayout.table(columns: PageLayout.Column.of(sheet), rows: rows))
        if sheet.rows.count > Self.rejectLimit {
            lines.append(
                "<p class=\"note\">只列出前 \(Self.rejectLimit) 行；全部 \(sheet.rows.count) 行见联席办的退回名单。</p>")
        }
        lines += sheet.notes.map { "<p class=\"note\">\(HTMLText.escape($0))</p>" }
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }
}
