import RegTrackerCore

/// A hand-computed pair of monthly notices. Roster (target 50%): 青石镇 1000, 白沙镇 8 (own target 55%, needs 5),
/// 桃源乡 200, 龙泉街道 6, 空白乡 0.
///
/// October, bottom 1: 青石镇 600 (60%), 白沙镇 4 (50%), 桃源乡 20 (10%), 龙泉街道 3 (50%): 桃源乡 named once.
/// November, bottom 2: 青石镇 700 (70%, rank 1), 龙泉街道 4 (66.67%, 2), 白沙镇 4 (50%, 3, unmet: needs 5),
/// 桃源乡 40 (20%, 4): named 桃源乡 (second time: yellow card, 约谈分管领导) and 白沙镇 (first time); not reported
/// 龙泉街道, 空白乡.
enum NoticeFixture {
    static func figures(_ valid: [Int64]) -> Report {
        let names = ["青石镇", "白沙镇", "桃源乡", "龙泉街道", "空白乡"]
        let populations: [Int64] = [1000, 8, 200, 6, 0]
        return Report(
            target: .default,
            townships: (0..<5).map { index in
                TownshipFigures(
                    township: names[index], population: populations[index],
                    target: index == 1 ? Target(numerator: 55, denominator: 100) : .default,
                    counts: OutcomeCounts(
                        malformed: index == 0 ? 2 : 0, duplicates: index == 2 ? 1 : 0, valid: valid[index]))
            }, unassigned: 1)
    }

    static let october: Notice = {
        let period = NoticePeriod(parsing: "2026-10")!
        return NoticeRules.issue(
            period: period, issued: CivilDate(year: 2026, month: 11, day: 1), report: figures([600, 4, 20, 3, 0]),
            bottom: 1, cards: .default, history: NoticeRules.History(stored: [], for: period), notReported: ["空白乡"])
    }()

    static let november: Notice = {
        let period = NoticePeriod(parsing: "2026-11")!
        return NoticeRules.issue(
            period: period, issued: CivilDate(year: 2026, month: 12, day: 1), report: figures([700, 4, 40, 4, 0]),
            bottom: 2, cards: .default, history: NoticeRules.History(stored: [october], for: period),
            notReported: ["龙泉街道", "空白乡"])
    }()
}
