import RegTrackerRender
import Testing

@testable import RegTrackerCore

/// SPEC 2, rank: by rate, highest first, compared exactly; shared ranks skip; population 0 last and unranked.
@Suite("Ranking")
struct RankingTests {
    @Test("equal rates share a rank and the next rank skips; rates are compared exactly, ties by name")
    func sharedRanks() {
        // Given 1/2, 1/3, 2/6 (equal to 1/3) and 333333/1000000 (just below 1/3), and two townships without people
        let report = Report(
            target: .default,
            townships: [
                Given.figures("丙镇", population: 1_000_000, valid: 333_333),
                Given.figures("新区", population: 0, valid: 0),
                Given.figures("甲镇", population: 6, valid: 2),
                Given.figures("东山镇", population: 2, valid: 1),
                Given.figures("开发区", population: 0, valid: 4),
                Given.figures("乙镇", population: 3, valid: 1),
            ], unassigned: 0)
        // Then the ranks are 1, 2, 2, 4 and the unranked come last, by name
        #expect(report.townships.map(\.township) == ["东山镇", "乙镇", "甲镇", "丙镇", "开发区", "新区"])
        #expect(report.townships.map(\.rank) == [1, 2, 2, 4, nil, nil])
    }

    @Test("1/3 ranks above 333333/1000000 although both round to the same six decimals")
    func exactComparison() {
        let third = Given.figures("甲镇", population: 3, valid: 1)
        let almost = Given.figures("乙镇", population: 1_000_000, valid: 333_333)
        #expect(third.rateMillionths == almost.rateMillionths)
        #expect(third.rateCompare(almost) == 1)
        #expect(almost.rateCompare(third) == -1)
        #expect(Ranking.rank([almost, third]).map(\.rank) == [1, 2])
        #expect(Ranking.rank([almost, third]).map(\.township) == ["甲镇", "乙镇"])
    }

    @Test("rates are compared without overflow where the cross products exceed 64 bits")
    func noOverflow() {
        // 3000000001/9000000000 vs 3000000000/8999999999: the products are about 2.7e19
        let a = Given.figures("甲镇", population: 9_000_000_000, valid: 3_000_000_001)
        let b = Given.figures("乙镇", population: 8_999_999_999, valid: 3_000_000_000)
        #expect(a.rateCompare(b) == 1)
        #expect(Ranking.rank([b, a]).map(\.township) == ["甲镇", "乙镇"])
    }

    @Test("equal rates are ordered by name in Unicode order, not by pinyin")
    func tiesByUnicodeName() {
        // 乙 is U+4E59 and 甲 is U+7532, although jia comes before yi in pinyin
        let ranked = Ranking.rank([
            Given.figures("甲镇", population: 10, valid: 5), Given.figures("乙镇", population: 20, valid: 10),
            Given.figures("Z镇", population: 2, valid: 1),
        ])
        #expect(ranked.map(\.township) == ["Z镇", "乙镇", "甲镇"])
        #expect(ranked.map(\.rank) == [1, 1, 1])
    }

    @Test("a township with no valid rows is ranked, with rate 0")
    func zeroRate() {
        let ranked = Ranking.rank([
            Given.figures("甲镇", population: 10, valid: 0), Given.figures("乙镇", population: 10, valid: 1),
        ])
        #expect(ranked.map(\.rank) == [1, 2])
        #expect(ranked[1].rateMillionths == 0)
        #expect(ranked[1].met == false)
    }

    @Test("a township with population 0 has no rate, no rank and no met")
    func populationZero() {
        let figures = Given.figures("新区", population: 0, valid: 3)
        #expect(figures.hasRate == false)
        #expect(figures.rateMillionths == nil)
        #expect(figures.met == nil)
        #expect(figures.ratePercent == "—")
        #expect(figures.required == 0)
        #expect(figures.shortfall == 0)
        #expect(Ranking.rank([figures])[0].rank == nil)
    }

    @Test("a stale rank on a township with population 0 is cleared")
    func staleRankCleared() {
        var figures = Given.figures("新区", population: 0, valid: 3)
        figures.rank = 1
        #expect(Ranking.rank([figures])[0].rank == nil)
    }

    @Test(
        "the figures of a township follow from its counts",
        arguments: [
            // population, target, valid, required, shortfall, met
            (Int64(12000), "50%", Int64(6195), Int64(6000), Int64(0), true),
            (12345, "55%", 6789, 6790, 1, false),
            (12345, "55%", 6790, 6790, 0, true),
            (3, "50%", 1, 2, 1, false),
            (100, "55%", 55, 55, 0, true),
        ])
    func figures(population: Int64, target: String, valid: Int64, required: Int64, shortfall: Int64, met: Bool) throws {
        let figures = Given.figures(
            "甲镇", population: population, valid: valid, target: try #require(Target(parsing: target)))
        #expect(figures.required == required)
        #expect(figures.shortfall == shortfall)
        #expect(figures.met == met)
    }

    @Test("reported is the sum of invalid, duplicates and valid")
    func reported() {
        let counts = OutcomeCounts(malformed: 30, flagged: 80, listed: 10, duplicates: 85, valid: 6195)
        #expect(counts.invalid == 120)
        #expect(counts.reported == 6400)
    }

    @Test("counting outcomes leaves unassigned rows out of every township figure")
    func countingOutcomes() {
        var counts = OutcomeCounts()
        for kind in OutcomeKind.allCases { counts.add(kind) }
        counts.add(.valid, count: 4)
        #expect(counts == OutcomeCounts(malformed: 1, flagged: 1, listed: 1, duplicates: 1, valid: 5))
        #expect(counts.reported == 9)
    }

    @Test("the shortfall list holds the townships below target, worst rate first, ties by name")
    func shortfallList() {
        let report = Report(
            target: .default,
            townships: [
                Given.figures("达标镇", population: 10, valid: 5),
                Given.figures("甲镇", population: 10, valid: 1),
                Given.figures("乙镇", population: 20, valid: 2),
                Given.figures("丙镇", population: 10, valid: 4),
                Given.figures("新区", population: 0, valid: 0),
            ], unassigned: 0)
        #expect(report.shortfall.map(\.township) == ["乙镇", "甲镇", "丙镇"])
        #expect(report.shortfall.map(\.shortfall) == [8, 4, 1])
        #expect(report.townshipsWithoutPopulation.map(\.township) == ["新区"])
    }
}
