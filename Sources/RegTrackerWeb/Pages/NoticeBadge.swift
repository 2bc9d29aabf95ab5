import RegTrackerCore
import RegTrackerRender

/// How the dashboard marks the periodic notice (issue 14): a badge beside a named or carded township on the
/// ranking, and each township's notice history on its page. Colours inline, as the picture draws them.
enum NoticeBadge {
    static func html(_ township: NoticeTownship) -> String {
        if let card = township.card {
            let (background, ink) =
                switch card {
                case .yellow: ("#fab005", "#212529")
                case .red: ("#e03131", "#ffffff")
                case .listed: ("#212529", "#ffffff")
                }
            return " <span class=\"card \(card.rawValue)\" style=\"background: \(background); color: \(ink); "
                + "padding: 0 .3em; border-radius: 3px; font-size: .8em\">\(card.label)</span>"
        }
        guard township.named else { return "" }
        return " <span class=\"named\" style=\"color: #c92a2a; font-size: .8em\">通报</span>"
    }

    /// 通报记录: every stored notice, latest first, with the township's rank, rate, whether it was named, times
    /// named and card.
    static func history(of figures: TownshipFigures, notices: [Notice]) -> String {
        var lines = ["<section class=\"notices\"><h2>通报记录</h2>"]
        let entries = notices.reversed().compactMap { notice in notice.township(figures).map { (notice, $0) } }
        guard !entries.isEmpty else { return lines[0] + "<p class=\"note\">尚无通报。</p></section>" }
        let rows = entries.map { notice, township -> (cells: [String], classes: String) in
            let kind =
                switch notice.period.kind {
                case .month: "月"
                case .week: "周"
                case .day: "日"
                }
            return (
                [
                    HTMLText.escape(notice.period.description), kind, township.figures.rank.map(String.init) ?? "—",
                    HTMLText.escape(township.figures.ratePercent), township.named ? "是" : "否",
                    String(township.timesNamed), township.card?.label ?? "",
                ], township.named ? "row unmet" : "row"
            )
        }
        lines.append(
            PageLayout.table(
                columns: [
                    .text("期次"), .text("类型"), .number("排名"), .number("注册率"), .text("是否通报"), .number("累计通报"),
                    .text("警示"),
                ], rows: rows))
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }
}
