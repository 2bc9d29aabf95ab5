import Testing

@testable import RegTrackerCore
@testable import RegTrackerRender

/// SPEC 6 on hand-computed figures: every township has population 100 and the default target 50% (needs 50).
@Suite struct NoticeRulesTests {
    static func report(_ valid: [String: Int64], population: [String: Int64] = [:]) -> Report {
        Report(
            target: .default,
            townships: valid.map {
                TownshipFigures(
                    township: $0.key, population: population[$0.key] ?? 100, target: .default,
                    counts: OutcomeCounts(valid: $0.value))
            }, unassigned: 0)
    }

    static func issue(
        _ text: String, _ valid: [String: Int64], bottom: Int = 1, cards: NoticeCards = .default,
        stored: [Notice] = [], population: [String: Int64] = [:]
    ) throws -> Notice {
        let period = try #require(NoticePeriod(parsing: text))
        return NoticeRules.issue(
            period: period, issued: period.end.adding(days: 1), report: report(valid, population: population),
            bottom: bottom, cards: cards, history: NoticeRules.History(stored: stored, for: period), notReported: [])
    }

    @Test func namedInThreeConsecutiveMonthsGetsAYellowCardOnTheSecond() throws {
        // 桃源乡 is last every month: 10%, 20%, 30%.
        let september = try Self.issue("2026-09", ["青石镇": 60, "白沙镇": 40, "桃源乡": 10])
        let october = try Self.issue("2026-10", ["青石镇": 65, "白沙镇": 45, "桃源乡": 20], stored: [september])
        let november = try Self.issue(
            "2026-11", ["青石镇": 70, "白沙镇": 48, "桃源乡": 30], stored: [september, october])
        let timeline = [september, october, november].map { try! #require($0.township("桃源乡")) }
        #expect(timeline.map(\.named) == [true, true, true])
        #expect(timeline.map(\.timesNamed) == [1, 2, 3])
        #expect(timeline.map(\.card) == [nil, .yellow, .yellow])
        // 白沙镇 is unmet too but not in the bottom 1: never named, no card.
        #expect(november.township("白沙镇")?.timesNamed == 0 && november.township("白沙镇")?.card == nil)
        #expect(november.named.map(\.figures.township) == ["桃源乡"])
    }

    @Test func changeIsAgainstThePreviousNoticeOfTheSameKind() throws {
        let october = try Self.issue("2026-10", ["青石镇": 40, "白沙镇": 45, "桃源乡": 20])
        let november = try Self.issue("2026-11", ["青石镇": 70, "白沙镇": 44, "桃源乡": 21], stored: [october])
        // 青石镇: valid +30, rate 0.40 → 0.70, rank 2 → 1 (moved up 1).
        #expect(november.township("青石镇")?.change == NoticeChange(valid: 30, rateMillionths: 300_000, rank: 1))
        // 白沙镇: valid −1, rate 0.45 → 0.44, rank 1 → 2.
        #expect(november.township("白沙镇")?.change == NoticeChange(valid: -1, rateMillionths: -10_000, rank: -1))
        #expect(
            NoticeJSON.change(NoticeChange(valid: -1, rateMillionths: -10_000, rank: -1)).rendered().contains("-0.01"))
        // The first notice has nothing to compare with.
        #expect(october.townships.allSatisfy { $0.change == nil })
    }

    @Test func changeIsNullWithoutAPreviousRankAndRatesRoundToSixDecimals() throws {
        // 云溪镇 was not in October's notice; 白沙镇 had population 0 then (no rank).
        let october = try Self.issue("2026-10", ["青石镇": 1, "白沙镇": 0], population: ["青石镇": 3, "白沙镇": 0])
        let november = try Self.issue(
            "2026-11", ["青石镇": 2, "白沙镇": 5, "云溪镇": 7], stored: [october], population: ["青石镇": 3])
        #expect(november.township("云溪镇")?.change == nil)
        // SPEC 6: "null when … the township had no rank in it or has none now".
        #expect(november.township("白沙镇")?.change == nil)
        let december = try Self.issue(
            "2026-12", ["青石镇": 2, "白沙镇": 6, "云溪镇": 7], stored: [october, november],
            population: ["青石镇": 3, "云溪镇": 0])
        #expect(december.township("云溪镇")?.change == nil)
        #expect(december.township("白沙镇")?.change == NoticeChange(valid: 1, rateMillionths: 10_000, rank: 1))
        // 1/3 → 0.333333, 2/3 → 0.666667: the difference of the rounded rates is 0.333334.
        #expect(november.township("青石镇")?.change?.rateMillionths == 333_334)
    }

    @Test func aRenamedTownshipKeepsItsRecordUnderItsFormerName() throws {
        // 桃源乡 is named in September and October; the roster then renames it 桃源镇, keeping 桃源乡 as an alias.
        let september = try Self.issue("2026-09", ["青石镇": 60, "桃源乡": 10])
        let october = try Self.issue("2026-10", ["青石镇": 65, "桃源乡": 20], stored: [september])
        let period = try #require(NoticePeriod(parsing: "2026-11"))
        let november = NoticeRules.issue(
            period: period, issued: period.end, report: Self.report(["青石镇": 70, "桃源镇": 30]), bottom: 1,
            cards: .default, history: NoticeRules.History(stored: [september, october], for: period), notReported: [],
            formerNames: [TownshipKey("桃源镇", county: nil): ["桃源乡"]])
        let renamed = try #require(november.township("桃源镇"))
        #expect(renamed.timesNamed == 3)
        #expect(renamed.card == .yellow)
        #expect(renamed.change == NoticeChange(valid: 10, rateMillionths: 100_000, rank: 0))
    }

    @Test func aTownshipTiedWithTheLastOneNamedIsNamedToo() throws {
        // Unmet, worst first: 龙泉街道 20%, 桃源乡 30% and 云溪镇 30% (tied), 白沙镇 40%. Bottom 2 names three.
        let notice = try Self.issue(
            "2026-11", ["青石镇": 60, "白沙镇": 40, "桃源乡": 30, "云溪镇": 30, "龙泉街道": 20], bottom: 2)
        #expect(notice.named.map(\.figures.township) == ["龙泉街道", "云溪镇", "桃源乡"])
        #expect(notice.township("白沙镇")?.named == false)
    }

    @Test func fewerUnmetThanBottomNamesAllOfThemAndNeverAMetOrUnrankedOne() throws {
        let notice = try Self.issue(
            "2026-11", ["青石镇": 60, "白沙镇": 49, "桃源乡": 50, "云溪镇": 0], bottom: 5, population: ["云溪镇": 0])
        #expect(notice.named.map(\.figures.township) == ["白沙镇"])
    }

    @Test func cardsOneTwoThreeEscalateAtEachNamingAndStayWhenNoLongerNamed() throws {
        let cards = try #require(NoticeCards(parsing: "1,2,3"))
        var stored: [Notice] = []
        for (month, valid) in [("2026-08", 10), ("2026-09", 11), ("2026-10", 12), ("2026-11", 49)] {
            stored.append(
                try Self.issue(month, ["青石镇": 60, "白沙镇": 45, "桃源乡": Int64(valid)], cards: cards, stored: stored))
        }
        let timeline = stored.map { $0.township("桃源乡")! }
        #expect(timeline.map(\.named) == [true, true, true, false])
        #expect(timeline.map(\.timesNamed) == [1, 2, 3, 3])
        #expect(timeline.map(\.card) == [.yellow, .red, .listed, .listed])
        #expect(stored.allSatisfy { $0.cards == cards })
    }

    @Test func weekAndDaySeriesAreKeptApartFromMonths() throws {
        let month = try Self.issue("2026-10", ["青石镇": 60, "桃源乡": 10])
        let day = try Self.issue("2026-11-02", ["青石镇": 60, "桃源乡": 10])
        let week = try Self.issue("2026-W48", ["青石镇": 60, "桃源乡": 11], stored: [month, day])
        #expect(week.township("桃源乡")?.timesNamed == 1)
        #expect(week.township("桃源乡")?.change == nil)
        let nextDay = try Self.issue("2026-11-03", ["青石镇": 60, "桃源乡": 12], stored: [month, day, week])
        #expect(nextDay.township("桃源乡")?.timesNamed == 2)
        #expect(nextDay.township("桃源乡")?.change?.valid == 2)
    }

    @Test func reissuingAPeriodDoesNotCountItsOwnStoredNotice() throws {
        let first = try Self.issue("2026-11", ["青石镇": 60, "桃源乡": 10])
        let again = try Self.issue("2026-11", ["青石镇": 60, "桃源乡": 10], stored: [first])
        #expect(again.township("桃源乡")?.timesNamed == 1)
        #expect(again.township("桃源乡")?.change == nil)
    }

    @Test func aLaterStoredNoticeIsNeitherPreviousNorCounted() throws {
        let december = try Self.issue("2026-12", ["青石镇": 60, "桃源乡": 10])
        let november = try Self.issue("2026-11", ["青石镇": 60, "桃源乡": 10], stored: [december])
        #expect(november.township("桃源乡")?.timesNamed == 1)
        #expect(november.township("桃源乡")?.change == nil)
    }

    @Test func notReportedAreRosterTownshipsWithNoBatchImportedInThePeriod() throws {
        let november = try #require(NoticePeriod(parsing: "2026-11"))
        let imports: [TownshipKey: [CivilDate]] = [
            TownshipKey("青石镇", county: nil): [CivilDate(year: 2026, month: 10, day: 31)],
            TownshipKey("白沙镇", county: nil): [CivilDate(year: 2026, month: 11, day: 30)],
            TownshipKey("桃源乡", county: nil): [
                CivilDate(year: 2026, month: 11, day: 1), CivilDate(year: 2026, month: 10, day: 3),
            ],
            TownshipKey("龙泉街道", county: nil): [CivilDate(year: 2026, month: 12, day: 1)],
        ]
        let names = ["青石镇", "白沙镇", "桃源乡", "云溪镇", "龙泉街道"]
        let roster = names.map { TownshipKey($0, county: nil) }
        #expect(NoticeRules.notReported(roster: roster, imports: imports, in: november) == ["青石镇", "云溪镇", "龙泉街道"])
        // A month with nothing sent: every township is listed.
        #expect(NoticeRules.notReported(roster: roster, imports: [:], in: november) == names)
    }

    // SPEC 8: two counties' 城关镇 are two townships of the notice, each with its own record.

    static func cityReport(_ valid: [(String, String, Int64)]) -> Report {
        Report(
            target: .default,
            townships: valid.map { county, name, valid in
                TownshipFigures(
                    township: name, population: 100, target: .default, counts: OutcomeCounts(valid: valid),
                    county: county)
            }, unassigned: 0)
    }

    static func issueCity(_ text: String, _ valid: [(String, String, Int64)], stored: [Notice] = []) throws -> Notice {
        let period = try #require(NoticePeriod(parsing: text))
        return NoticeRules.issue(
            period: period, issued: period.end.adding(days: 1), report: cityReport(valid), bottom: 1,
            cards: .default, history: NoticeRules.History(stored: stored, for: period), notReported: [])
    }

    @Test func twoCountiesTownshipsOfOneNameKeepTheirOwnTimesNamedAndChange() throws {
        // 青石县's 城关镇 is last in October; 白沙县's in November.
        let october = try Self.issueCity(
            "2026-10", [("青石县", "城关镇", 10), ("白沙县", "城关镇", 40), ("白沙县", "河口镇", 60)])
        let november = try Self.issueCity(
            "2026-11", [("青石县", "城关镇", 45), ("白沙县", "城关镇", 20), ("白沙县", "河口镇", 60)],
            stored: [october])
        #expect(october.named.map(\.figures.label) == ["城关镇（青石县）"])
        #expect(november.named.map(\.figures.label) == ["城关镇（白沙县）"])
        let qingshi = try #require(november.township("城关镇", county: "青石县"))
        let baisha = try #require(november.township("城关镇", county: "白沙县"))
        #expect(qingshi.named == false && qingshi.timesNamed == 1)
        #expect(baisha.named == true && baisha.timesNamed == 1)
        #expect(qingshi.change?.valid == 35 && baisha.change?.valid == -20)
        #expect(qingshi.figures.sharesName && !november.township("河口镇", county: "白沙县")!.figures.sharesName)
    }

    @Test func aNoticeStoredWithoutCountiesIsFoundByNameAlone() throws {
        let october = try Self.issue("2026-10", ["城关镇": 10, "河口镇": 60])
        let november = try Self.issueCity("2026-11", [("青石县", "城关镇", 20), ("青石县", "河口镇", 60)], stored: [october])
        let township = try #require(november.township("城关镇", county: "青石县"))
        #expect(township.timesNamed == 2 && township.change?.valid == 10)
    }

    @Test func notReportedNamesTheCountyOfASharedName() throws {
        let november = try #require(NoticePeriod(parsing: "2026-11"))
        let roster = [
            TownshipKey("城关镇", county: "青石县"), TownshipKey("河口镇", county: "青石县"),
            TownshipKey("城关镇", county: "白沙县"),
        ]
        let imports = [TownshipKey("城关镇", county: "青石县"): [CivilDate(year: 2026, month: 11, day: 2)]]
        #expect(NoticeRules.notReported(roster: roster, imports: imports, in: november) == ["河口镇", "城关镇（白沙县）"])
    }
}
