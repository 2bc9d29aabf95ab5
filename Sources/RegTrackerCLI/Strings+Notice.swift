import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

// MARK: - The periodic notice (issue 14)

extension Strings {
    enum NoticeKey: Sendable {
        case badPeriod(String)
        case badCards(String)
        case badBottom(Int)
        case listTakesNoOptions
        case issued(period: String, issued: String)
        case stored(period: String, issued: String)
        /// SPEC 6: a notice's figures are those as of its period's end; one issued before it holds only what had come.
        case issuedBeforeEnd(period: String, issued: String, end: String)
        case title(period: String, start: String, end: String, target: String)
        case county(valid: Int64, population: Int64, rate: String, required: Int64)
        case named(township: String, rate: String, rank: Int?, shortfall: Int64, times: Int, card: NoticeCard?)
        case nobodyNamed
        case notReported([String])
        case everyoneReported
        case noNotices
        case periodKind(NoticePeriod.Kind)
        case townshipList([String])
    }

    static func text(_ key: NoticeKey, in language: Language) -> String {
        let (english, chinese) = pair(key)
        return language == .chinese ? chinese : english
    }

    private static func pair(_ key: NoticeKey) -> (String, String) {
        switch key {
        case .badPeriod(let text):
            (
                "\(text) is not a period: give a month YYYY-MM, an ISO week YYYY-Www or a day YYYY-MM-DD",
                "\(text) 不是有效的期次：请给出月 YYYY-MM、ISO 周 YYYY-Www 或日 YYYY-MM-DD"
            )
        case .badCards(let text):
            (
                "--cards \(text): give three whole numbers Y,R,L with 1 ≤ Y ≤ R ≤ L (default 2,4,6)",
                "--cards \(text)：请给出三个整数 Y,R,L，且 1 ≤ Y ≤ R ≤ L（默认 2,4,6）"
            )
        case .badBottom(let count):
            ("--bottom \(count): give a whole number from 1 up", "--bottom \(count)：请给出不小于 1 的整数")
        case .listTakesNoOptions:
            (
                "notice list takes only --json (and the global options)",
                "notice list 只接受 --json（及全局选项）"
            )
        case .issued(let period, let issued):
            ("notice \(period) issued on \(issued) and stored", "已于 \(issued) 印发并保存 \(period) 通报")
        case .issuedBeforeEnd(let period, let issued, let end):
            (
                "warning: notice \(period) was issued on \(issued), before its period ends on \(end): its figures hold "
                    + "only the lists imported by then; issue it again with --reissue once the period has ended",
                "注意：\(period) 通报于 \(issued) 印发，早于本期截止日 \(end)，数据仅含当时已导入的名单；"
                    + "请在本期结束后用 --reissue 重新印发"
            )
        case .stored(let period, let issued):
            (
                "notice \(period) was issued on \(issued); showing it as stored (--reissue computes it again)",
                "\(period) 通报已于 \(issued) 印发，以下为保存的版本（--reissue 可重新计算）"
            )
        case .title(let period, let start, let end, let target):
            ("notice \(period) (\(start) to \(end)), target \(target)", "\(period) 通报（\(start) 至 \(end)），目标 \(target)")
        case .county(let valid, let population, let rate, let required):
            (
                "county: \(valid) valid of \(population) people, rate \(rate), required \(required)",
                "全县：实有人口 \(population) 人，有效注册 \(valid) 人，注册率 \(rate)，目标人数 \(required) 人"
            )
        case .named(let township, let rate, let rank, let shortfall, let times, let card):
            (
                "named: \(township) \(rate), rank \(rank.map(String.init) ?? "—"), \(shortfall) short, named \(times) \(times == 1 ? "time" : "times")"
                    + (card.map { ", \($0.rawValue) card" } ?? ""),
                "通报：\(township) \(rate)，第 \(rank.map(String.init) ?? "—") 名，差 \(shortfall) 人，累计被通报 \(times) 次"
                    + (card.map { "，\($0.label)" } ?? "")
            )
        case .nobodyNamed: ("nobody named: every ranked township met its target", "本期无通报乡镇：各乡镇均已达标")
        case .notReported(let townships):
            (
                "sent nothing in the period: " + townships.joined(separator: ", "),
                "本期未报送：" + townships.joined(separator: "、")
            )
        case .everyoneReported: ("every township sent a list in the period", "本期各乡镇均已报送")
        case .noNotices:
            ("no notice stored yet; issue one with regtracker notice PERIOD", "尚无通报；用 regtracker notice 期次 印发")
        case .periodKind(let kind): (kind.rawValue, chineseKind(kind))
        case .townshipList(let townships): (townships.joined(separator: ", "), townships.joined(separator: "、"))
        }
    }

    private static func chineseKind(_ kind: NoticePeriod.Kind) -> String {
        switch kind {
        case .month: "月"
        case .week: "周"
        case .day: "日"
        }
    }
}
