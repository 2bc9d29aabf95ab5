import Testing

@testable import RegTrackerCore

@Suite struct NoticePeriodTests {
    @Test(arguments: [
        // A month: the first to the last day, February of a leap year included.
        ("2026-11", NoticePeriod.Kind.month, "2026-11-01", "2026-11-30"),
        ("2024-02", .month, "2024-02-01", "2024-02-29"),
        ("2026-12", .month, "2026-12-01", "2026-12-31"),
        // ISO weeks: Monday to Sunday; week 1 holds 4 January, so it may start in the year before.
        ("2026-W48", .week, "2026-11-23", "2026-11-29"),
        ("2026-W01", .week, "2025-12-29", "2026-01-04"),
        ("2026-W53", .week, "2026-12-28", "2027-01-03"),
        ("2020-W53", .week, "2020-12-28", "2021-01-03"),
        ("2021-W01", .week, "2021-01-04", "2021-01-10"),
        ("2027-W01", .week, "2027-01-04", "2027-01-10"),
        ("2015-W53", .week, "2015-12-28", "2016-01-03"),
        // A day.
        ("2026-11-30", .day, "2026-11-30", "2026-11-30"),
    ])
    func periodHasItsKindStartAndEnd(text: String, kind: NoticePeriod.Kind, start: String, end: String) throws {
        let period = try #require(NoticePeriod(parsing: text))
        #expect(period.kind == kind)
        #expect(period.start.iso8601Unchecked == start)
        #expect(period.end.iso8601Unchecked == end)
        #expect(period.description == text)
    }

    @Test(arguments: [
        "2026-W54", "2021-W53", "2025-W53", "2026-W00", "2026-W5", "2026-w48", "2026-13", "2026-00", "2026-02-30",
        "2026-11-1", "26-11", "2026", "", "2026-11-30-1", "２０２６-11", "2026-W4８",
    ])
    func malformedPeriodIsRefused(text: String) {
        #expect(NoticePeriod(parsing: text) == nil)
    }

    @Test func januaryFirstCanBelongToThePreviousYearsLastWeek() throws {
        // 2021-01-01 (a Friday) lies in 2020-W53; 2027-01-01 (a Friday) in 2026-W53.
        let w2020 = try #require(NoticePeriod(parsing: "2020-W53"))
        let newYear2021 = CivilDate(year: 2021, month: 1, day: 1)
        #expect(w2020.start <= newYear2021 && newYear2021 <= w2020.end)
        let w2026 = try #require(NoticePeriod(parsing: "2026-W53"))
        let newYear2027 = CivilDate(year: 2027, month: 1, day: 1)
        #expect(w2026.start <= newYear2027 && newYear2027 <= w2026.end)
        #expect(NoticePeriod.isoWeekday(w2026.start) == 1 && NoticePeriod.isoWeekday(w2026.end) == 7)
    }

    @Test(arguments: [
        ("2,4,6", NoticeCards.default), ("1,2,3", NoticeCards(yellow: 1, red: 2, listed: 3)),
        ("3,3,3", NoticeCards(yellow: 3, red: 3, listed: 3)),
    ])
    func cardsParse(text: String, cards: NoticeCards) {
        #expect(NoticeCards(parsing: text) == cards)
    }

    @Test(arguments: ["0,2,4", "4,2,6", "2,4", "2,4,6,8", "a,b,c", "2,,6", "-1,2,3"])
    func badCardsAreRefused(text: String) {
        #expect(NoticeCards(parsing: text) == nil)
    }

    @Test func cardFollowsTimesNamed() {
        let cards = NoticeCards.default
        #expect(
            [0, 1, 2, 3, 4, 5, 6, 9].map { cards.card(timesNamed: $0) } == [
                nil, nil, .yellow, .yellow, .red, .red, .listed, .listed,
            ])
    }
}
