import RegTrackerRender
import Testing

@testable import RegTrackerCore

/// SPEC 8: counties on one roster. Townships are unique within their county; a row is matched within the county it
/// names, or across the roster when it names none; a name several counties share needs a county.
@Suite("Counties")
struct CountyTests {
    /// Two counties that each have a 城关镇, and names found in one county only.
    static let roster = Roster(townships: [
        Township(name: "城关镇", population: 1000, county: "青石县"),
        Township(name: "白沙镇", population: 800, aliases: ["白沙"], county: "青石县"),
        Township(name: "城关镇", population: 2000, county: "云岭县"),
        Township(name: "松林镇", population: 500, county: "云岭县"),
    ])

    static let phone = "13800138000"

    func decide(township: String, county: String = "") throws -> Outcome {
        var registration = Given.registration(township: township, phone: Self.phone)
        registration.county = county
        var engine = OutcomeEngine(roster: Self.roster, invalidEntries: [])
        return try engine.decide(row: 1, facts: RowFacts(registration))
    }

    @Test(
        "the county column is found under each of its header names, in rosters and registration lists",
        arguments: ["县", "县（区）", "县市区", "区县", "county", " 县 "])
    func countyHeader(name: String) throws {
        let roster = try HeaderDetector.detect(
            kind: .roster, rows: Given.rows([[name, "乡镇", "实有人口"], ["青石县", "城关镇", "1000"]])
        ).get()
        #expect(roster.map.column(of: .county) == 0)
        let list = try HeaderDetector.detect(
            kind: .registrations, rows: Given.rows([[name, "乡镇", "姓名", "手机号码"], ["青石县", "城关镇", "张三", Self.phone]])
        ).get()
        #expect(list.map.column(of: .county) == 0)
    }

    @Test("a township is matched within the county the row names")
    func withinCounty() throws {
        #expect(try decide(township: "城关镇", county: "青石县") == Outcome(kind: .valid, township: 0))
        #expect(try decide(township: "城关 镇", county: "云岭县") == Outcome(kind: .valid, township: 2))
    }

    @Test("a name unique across the roster needs no county; an alias works too")
    func uniqueNeedsNoCounty() throws {
        #expect(try decide(township: "松林镇") == Outcome(kind: .valid, township: 3))
        #expect(try decide(township: "白沙") == Outcome(kind: .valid, township: 1))
    }

    @Test("a name several counties share, with no county, leaves the row unassigned naming the counties")
    func ambiguous() throws {
        let outcome = try decide(township: "城关镇")
        #expect(
            outcome
                == Outcome(
                    kind: .unassigned, township: nil,
                    reasons: [.townshipInSeveralCounties(township: "城关镇", counties: ["青石县", "云岭县"])]))
        let reason = try #require(outcome.reasons.first)
        #expect(ReasonText.text(reason, in: .chinese).contains("青石县、云岭县"))
        #expect(ReasonText.text(reason, in: .english).contains("青石县, 云岭县"))
        // Stored as a code and its values, read back the same.
        #expect(Reason(code: reason.code, values: Dictionary(uniqueKeysWithValues: reason.values)) == reason)
    }

    @Test("a township of another county than the one named is not in the roster for that row, which says its county")
    func otherCounty() throws {
        let outcome = try decide(township: "松林镇", county: "青石县")
        #expect(outcome.kind == .unassigned)
        #expect(
            outcome.reasons == [.townshipNotInRoster(township: "松林镇", suggestion: "松林镇（云岭县）", county: "青石县")])
        let reason = try #require(outcome.reasons.first)
        #expect(ReasonText.text(reason, in: .chinese) == "乡镇“松林镇”不是人口底数中青石县的乡镇，是否为“松林镇（云岭县）”？")
        #expect(Reason(code: reason.code, values: Dictionary(uniqueKeysWithValues: reason.values)) == reason)
    }

    @Test("a county that is not in the roster leaves the row unassigned with the nearest county")
    func unknownCounty() throws {
        let outcome = try decide(township: "松林镇", county: "云岭")
        #expect(outcome.reasons == [.countyNotInRoster(county: "云岭", suggestion: "云岭县")])
    }

    @Test(
        "an invalid-list entry applies within the county it names; without one, to each county's township of the name",
        arguments: [
            (county: "云岭县", township: "城关镇", listed: [false, true, false]),
            (county: "", township: "城关镇", listed: [true, true, false]),
            (county: "青石县", township: "", listed: [true, false, true]),
            (county: "石县", township: "城关镇", listed: [false, false, false]),
            (county: "", township: "", listed: [true, true, true]),
        ])
    func invalidEntryScope(county: String, township: String, listed: [Bool]) throws {
        let entry = InvalidEntry(
            id: 7, townshipKey: Roster.key(township), idKey: nil, phoneKey: Given.phoneKey(Self.phone),
            countyKey: Roster.key(county))
        // The same person in 青石县's 城关镇, 云岭县's 城关镇 and 青石县's 白沙镇: each row alone against the entry.
        let outcomes = try [("城关镇", "青石县"), ("城关镇", "云岭县"), ("白沙镇", "青石县")].map { row in
            var registration = Given.registration(township: row.0, phone: Self.phone)
            registration.county = row.1
            var engine = OutcomeEngine(roster: Self.roster, invalidEntries: [entry])
            return try engine.decide(row: 1, facts: RowFacts(registration)).kind
        }
        #expect(outcomes == listed.map { $0 ? .listed : .valid })
    }

    @Test("a roster's changes name the county of a shared name, and a township that moves to another county")
    func rosterChanges() {
        let old = Roster(townships: [
            Township(name: "城关镇", population: 10, county: "东县"),
            Township(name: "白沙镇", population: 4, county: "东县"),
            Township(name: "城关镇", population: 20, county: "西县"),
        ])
        let new = Roster(townships: [
            Township(name: "城关街道", population: 11, aliases: ["城关镇"], county: "东县"),
            Township(name: "白沙镇", population: 4, county: "西县"),
            Township(name: "城关镇", population: 21, county: "西县"),
        ])
        let changes = RosterChanges.between(old, new)
        #expect(changes.added.isEmpty && changes.dropped.isEmpty)
        #expect(changes.renamed == [.init(from: "城关镇（东县）", to: "城关街道")])
        #expect(changes.counties == [.init(township: "白沙镇", from: "东县", to: "西县")])
        // 城关镇 is still two townships' name in the new roster (one by alias): written with its county.
        #expect(changes.populations.map(\.township) == ["城关街道", "城关镇（西县）"])
        // A roster without counties put into counties: each township says its county.
        let plain = Roster(townships: [Township(name: "白沙镇", population: 4)])
        let placed = RosterChanges.between(plain, Roster(townships: [Township(name: "白沙镇", population: 4, county: "东县")]))
        #expect(placed.counties == [.init(township: "白沙镇", from: nil, to: "东县")])
        #expect(!placed.isEmpty)
        // One of two 城关镇 dropped: dropped, not moved onto the namesake that stays.
        let two = Roster(townships: [
            Township(name: "城关镇", population: 10, county: "东县"), Township(name: "城关镇", population: 20, county: "西县"),
        ])
        let one = RosterChanges.between(two, Roster(townships: [Township(name: "城关镇", population: 10, county: "东县")]))
        #expect(one.dropped == ["城关镇（西县）"])
        #expect(one.counties.isEmpty && one.populations.isEmpty && one.added.isEmpty)
    }

    @Test("without counties in the roster a county cell changes nothing")
    func noCounties() throws {
        var registration = Given.registration(township: "城关镇", phone: Self.phone)
        registration.county = "青石县"
        var engine = OutcomeEngine(roster: Given.roster("城关镇"), invalidEntries: [])
        #expect(try engine.decide(row: 1, facts: RowFacts(registration)) == Outcome(kind: .valid, township: 0))
    }

    @Test("names need be unique only within a county; twice in one county rejects the roster")
    func uniqueWithinCounty() {
        let twoCounties = Self.roster.townships.enumerated().map { (row: $0.offset + 2, township: $0.element) }
        #expect(RosterRow.checkUnique(twoCounties) == nil)
        let oneCounty = twoCounties + [(row: 9, township: Township(name: "白沙", population: 1, county: "青石县"))]
        #expect(RosterRow.checkUnique(oneCounty)?.row == 9)
    }

    @Test("an empty county cell continues the county above; before any county it rejects the roster")
    func fillDown() throws {
        let entries: [(row: Int, entry: RosterEntry)] = [
            (2, .township(Township(name: "城关镇", population: 1, county: "青石县"))),
            (3, .township(Township(name: "白沙镇", population: 1))),
            (4, .township(Township(name: "城关镇", population: 1, county: "云岭县"))),
        ]
        let filled = try RosterRow.fillCounties(entries, hasCountyColumn: true).get()
        #expect(filled.map(\.entry.county) == ["青石县", "青石县", "云岭县"])
        let orphan: [(row: Int, entry: RosterEntry)] = [(2, .township(Township(name: "白沙镇", population: 1)))]
        guard case .failure(let error) = RosterRow.fillCounties(orphan, hasCountyColumn: true) else {
            Issue.record("expected the roster to be rejected")
            return
        }
        #expect(error == RosterRowError(row: 2, problem: .noCounty("白沙镇")))
        #expect(RosterRowErrorText.text(error, in: .chinese).contains("县（区）"))
        #expect(try RosterRow.fillCounties(orphan, hasCountyColumn: false).get().map(\.entry.county) == [nil])
    }

    @Test("a title names its county; a township several counties share is one match, decided by the county")
    func inText() {
        #expect(CountyInText.find(in: "云岭县城关镇国家反诈中心APP注册名单", roster: Self.roster) == "云岭县")
        #expect(CountyInText.find(in: "城关镇注册名单", roster: Self.roster) == nil)
        #expect(TownshipInText.find(in: "城关镇注册名单", roster: Self.roster) == .township("城关镇"))
    }

    @Test("county figures are the sums of their townships': required summed, rate = valid ÷ population")
    func countyFigures() {
        func township(_ name: String, _ county: String, population: Int64, valid: Int64, target: Target = .default)
            -> TownshipFigures
        {
            TownshipFigures(
                township: name, population: population, target: target, counts: OutcomeCounts(valid: valid),
                county: county)
        }
        let report = Report(
            target: .default,
            townships: [
                township("城关镇", "青石县", population: 1000, valid: 600),
                township("白沙镇", "青石县", population: 800, valid: 100, target: Target(parsing: "60%")!),
                township("城关镇", "云岭县", population: 2000, valid: 1500),
            ], unassigned: 3)
        let counties = CountyReport(report, counties: ["青石县", "云岭县"])
        #expect(counties.counties.map(\.county) == ["云岭县", "青石县"])
        let qingshi = counties.counties[1]
        #expect(qingshi.population == 1800 && qingshi.counts.valid == 700 && qingshi.townships == 2)
        #expect(qingshi.required == 500 + 480)
        #expect(qingshi.shortfall == 0 + 380, "one township's surplus does not cover another's shortfall")
        #expect(qingshi.met == false && qingshi.rank == 2)
        #expect(qingshi.rateMillionths == 388_889)
        #expect(counties.unassigned == 3 && counties.totalPopulation == 3800)
    }

    @Test("the county-wide village list tells two counties' 城关镇 apart: a label in the table, a county in JSON")
    func villagesOfSharedTownships() throws {
        let townships = [
            Township(name: "城关镇", population: 10, villages: [Village(name: "东街社区", population: 10)], county: "青石县"),
            Township(name: "城关镇", population: 20, villages: [Village(name: "东街社区", population: 20)], county: "云岭县"),
            Township(name: "松林镇", population: 6, villages: [Village(name: "新村", population: 6)], county: "云岭县"),
        ]
        let villages = townships.flatMap { VillageStanding.all(of: $0, target: .default) { _ in OutcomeCounts() } }
        let report = VillageReport(township: nil, target: .default, villages: villages, unmatched: OutcomeCounts())
        #expect(report.villages.map(\.townshipLabel) == ["城关镇（云岭县）", "城关镇（青石县）", "松林镇"])
        let json = VillageJSON.report(report).rendered()
        #expect(json.contains(#""township": "城关镇","#) && json.contains(#""county": "青石县""#), "\(json)")
        #expect(report.villages.map { VillageTable.row($0, withTownship: true)[2] }.contains("城关镇（青石县）"))
    }
}
