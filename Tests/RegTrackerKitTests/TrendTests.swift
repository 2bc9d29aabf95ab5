import Foundation
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerRender
import RegTrackerStore
import Testing

/// `report --as-of` and `trend` on a hand-computed fixture: two batches imported on different days, rows with and
/// without a usable 注册时间.
@Suite struct TrendTests {
    let ids = TestInbox.ids
    let phones = TestInbox.phones

    /// Batch 1 (imported 2026-11-01) and batch 2 (2026-11-20); roster 青石镇 10 (needs 5), 白沙镇 4 (needs 2).
    func fixture() throws -> TestInbox {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let first = Clock(today: day("2026-11-01"), timestamp: "2026-11-01 09:00:00")
        let second = Clock(today: day("2026-11-20"), timestamp: "2026-11-20 16:30:00")
        let one = RegistrationImport(store: inbox.store, clock: first).run(
            path: try inbox.file(
                "a.csv",
                """
                姓名,乡镇,身份证号码,手机号码,注册时间,截图核验
                张三,青石镇,\(ids[0]),,2026-10-20,有效
                李四,青石镇,\(ids[1]),,,有效
                王五,青石镇,\(ids[2]),,2026-10-25,无效
                赵六,白沙镇,\(ids[3]),,2026/11/5,有效
                """), options: ReadOptions(), township: nil, replace: false)
        #expect(one.summary?.outcomes == [.valid: 3, .flagged: 1])
        let two = RegistrationImport(store: inbox.store, clock: second).run(
            path: try inbox.file(
                "b.csv",
                """
                姓名,乡镇,身份证号码,手机号码,注册时间,截图核验
                钱七,青石镇,\(ids[4]),,2026年11月18日,有效
                孙八,青石镇,,\(phones[0]),昨天,有效
                周九,青石镇,\(ids[0]),,2026-11-19,有效
                """), options: ReadOptions(), township: nil, replace: false)
        #expect(two.summary?.outcomes == [.valid: 2, .duplicate: 1])
        return inbox
    }

    func day(_ text: String) -> CivilDate { CivilDate(iso8601: text)! }

    func asOf(_ inbox: TestInbox, _ date: String) throws -> (Report, [String: String]) {
        try TrendService(store: inbox.store).report(target: .default, asOf: day(date))
    }

    func counts(_ report: Report, _ township: String) -> OutcomeCounts {
        report.townships.first { $0.township == township }!.counts
    }

    @Test func asOfBeforeAnyImportCountsNothing() throws {
        let (report, last) = try asOf(try fixture(), "2026-10-31")
        #expect(report.totals == OutcomeCounts())
        #expect(last.isEmpty)
    }

    @Test func asOfTheFirstImportDayCountsItsRowsDatedUpToThatDay() throws {
        let (report, last) = try asOf(try fixture(), "2026-11-01")
        // 赵六 is in batch 1 but registered on 11-05: not yet.
        #expect(counts(report, "青石镇") == OutcomeCounts(flagged: 1, valid: 2))
        #expect(counts(report, "白沙镇") == OutcomeCounts())
        #expect(last == ["青石镇": "2026-11-01", "白沙镇": "2026-11-01"])
    }

    @Test func asOfTheDayBeforeTheSecondImportLeavesItOut() throws {
        let (report, _) = try asOf(try fixture(), "2026-11-19")
        // 钱七 registered on 11-18, but his list arrived on 11-20.
        #expect(counts(report, "青石镇") == OutcomeCounts(flagged: 1, valid: 2))
        #expect(counts(report, "白沙镇") == OutcomeCounts(valid: 1))
        #expect(report.townships.map(\.township) == ["白沙镇", "青石镇"])
    }

    @Test func asOfTodayEqualsTheReport() throws {
        let inbox = try fixture()
        let (report, last) = try asOf(inbox, "2026-11-29")
        #expect(counts(report, "青石镇") == OutcomeCounts(flagged: 1, duplicates: 1, valid: 4))
        #expect(report == (try inbox.report()))
        #expect(last["青石镇"] == "2026-11-20")
        #expect(last["白沙镇"] == "2026-11-01")
    }

    @Test func trendCountsEachValidRowOnItsRegistrationDayElseItsImportDay() throws {
        let trend = try TrendService(store: try fixture().store).trend(
            target: .default, asOf: day("2026-11-29"), deadline: day("2026-12-31"))
        let qingshi = try #require(trend.township(named: "青石镇"))
        #expect(
            qingshi.series.points(through: day("2026-11-29"), step: .day).map { [$0.date.iso8601Unchecked, "\($0.added)", "\($0.valid)"] }
                == [
                    ["2026-10-20", "1", "1"], ["2026-11-01", "1", "2"], ["2026-11-18", "1", "3"],
                    ["2026-11-20", "1", "4"], ["2026-11-29", "0", "4"],
                ])
        #expect(
            qingshi.series.points(through: day("2026-11-29"), step: .week).map { "\($0.date.iso8601Unchecked)=\($0.valid)" }
                == [
                    "2026-10-18=0", "2026-10-25=1", "2026-11-01=2", "2026-11-08=2", "2026-11-15=2", "2026-11-22=4",
                    "2026-11-29=4",
                ])
        #expect(qingshi.valid == 4)
        #expect(qingshi.gain7 == 0)
        #expect(qingshi.gain30 == 3)  // 11-01, 11-18, 11-20; 10-20 is older than 30 days
        #expect(qingshi.projection.remaining == 1)
        #expect(qingshi.projection.daysLeft == 32)
        #expect(qingshi.projection.neededPerDay == 1)
        #expect(qingshi.projection.status == .onPace)
        #expect(qingshi.projection.projectedDate == day("2026-12-09"))  // ⌈1 × 30 ÷ 3⌉ = 10 days
        #expect(qingshi.projection.pacePerDayText == "0.1")
        let baisha = try #require(trend.township(named: "白沙镇"))
        #expect(baisha.valid == 1)
        #expect(baisha.gain30 == 1)
        #expect(baisha.projection.projectedDate == day("2026-12-29"))
    }

    @Test func anEarlierDeadlinePutsBothBehind() throws {
        let trend = try TrendService(store: try fixture().store).trend(
            target: .default, asOf: day("2026-11-29"), deadline: day("2026-12-05"))
        #expect(trend.townships.map(\.projection.status) == [.behind, .behind])
        #expect(trend.townships.map(\.projection.neededPerDay) == [1, 1])
    }

    @Test func theDeadlineIsAStoredSetting() throws {
        let inbox = try fixture()
        let service = TrendService(store: inbox.store)
        #expect(try service.deadline() == nil)
        try service.setDeadline(day("2026-12-31"))
        #expect(try service.deadline() == day("2026-12-31"))
        let trend = try service.trend(target: .default, asOf: day("2026-11-29"))
        #expect(trend.deadline == day("2026-12-31"))
        try service.setDeadline(nil)
        #expect(try service.deadline() == nil)
    }

    @Test func trendJSONHasTheFiguresAndTheSeries() throws {
        let trend = try TrendService(store: try fixture().store).trend(
            target: .default, asOf: day("2026-11-29"), deadline: day("2026-12-31"))
        let json = TrendJSON.report(trend, step: .day).rendered()
        #expect(json.contains("\"as_of\": \"2026-11-29\""))
        #expect(json.contains("\"days_left\": 32"))
        #expect(json.contains("\"gain_30_days\": 3"))
        #expect(json.contains("\"pace_per_day\": 0.1,"))
        #expect(json.contains("\"status\": \"on_pace\""))
        #expect(json.contains("\"projected_date\": \"2026-12-09\""))
    }

    @Test func villagesCountValidAndReportedRows() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        _ = try inbox.register(
            "v.csv",
            """
            姓名,乡镇,身份证号码,村,截图核验
            甲,青石镇,\(ids[0]),东村,有效
            乙,青石镇,\(ids[1]),西村,有效
            丙,青石镇,\(ids[2]),西村,有效
            丁,青石镇,\(ids[3]),东村,无效
            戊,青石镇,\(ids[4]),,有效
            """)
        let id = try #require(try ReportService(store: inbox.store).township(named: "青石镇")).id
        let villages = try TrendService(store: inbox.store).villages(township: id)
        #expect(villages.map(\.village) == ["西村", "东村", ""])
        #expect(villages.map(\.counts.valid) == [2, 1, 1])
        #expect(villages.map(\.counts.reported) == [2, 2, 1])
        #expect(villages.last?.label == "未填村（社区）")
    }
}

/// The projection's arithmetic, by hand.
@Suite struct TrendProjectionTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 29)

    struct Case: Sendable, CustomStringConvertible {
        var valid: Int64
        var required: Int64
        var gain: Int64
        var deadline: String?
        var status: Projection.Status
        var needed: Int64?
        var projected: String?
        var pace: String
        var description: String { "\(valid)/\(required) +\(gain) \(deadline ?? "-")" }
    }

    @Test(arguments: [
        Case(valid: 45, required: 48, gain: 20, deadline: "2026-12-31", status: .onPace, needed: 1, projected: "2026-12-04", pace: "0.7"),
        // "behind: needs 42/day, doing 17/day": 420 to go in 10 days at 510 a month.
        Case(valid: 580, required: 1000, gain: 510, deadline: "2026-12-09", status: .behind, needed: 42, projected: "2026-12-24", pace: "17"),
        Case(valid: 50, required: 48, gain: 0, deadline: "2026-12-31", status: .met, needed: nil, projected: nil, pace: "0"),
        Case(valid: 10, required: 48, gain: 0, deadline: "2026-12-31", status: .stalled, needed: 2, projected: nil, pace: "0"),
        Case(valid: 10, required: 48, gain: 3, deadline: "2026-11-29", status: .missed, needed: nil, projected: "2027-12-14", pace: "0.1"),
        Case(valid: 10, required: 48, gain: 30, deadline: nil, status: .projected, needed: nil, projected: "2027-01-06", pace: "1"),
        // One in 30 days: 0.03 a day, not "0" beside a projected date.
        Case(valid: 10, required: 48, gain: 1, deadline: nil, status: .projected, needed: nil, projected: "2030-01-12", pace: "0.03"),
        // Exactly on pace: 30 a month, 30 to go in 30 days.
        Case(valid: 0, required: 30, gain: 30, deadline: "2026-12-29", status: .onPace, needed: 1, projected: "2026-12-29", pace: "1"),
    ])
    func projection(_ example: Case) {
        let projection = Projection(
            valid: example.valid, required: example.required, hasRate: true, recentGain: example.gain,
            asOf: Self.asOf, deadline: example.deadline.flatMap(CivilDate.init(iso8601:)))
        #expect(projection.status == example.status)
        #expect(projection.neededPerDay == example.needed)
        #expect(projection.projectedDate?.iso8601Unchecked == example.projected)
        #expect(projection.pacePerDayText == example.pace)
    }

    @Test func populationZeroHasNoRate() {
        let projection = Projection(valid: 0, required: 0, hasRate: false, recentGain: 0, asOf: Self.asOf, deadline: nil)
        #expect(projection.status == .noRate)
    }

    @Test func aRegistrationCountsOnceImportedAndRegistered() {
        let imported = CivilDate(year: 2026, month: 11, day: 10)
        let registered = CivilDate(year: 2026, month: 11, day: 12)
        #expect(!AsOf.counts(registered: registered, imported: imported, on: imported))
        #expect(AsOf.counts(registered: registered, imported: imported, on: registered))
        #expect(AsOf.counts(registered: nil, imported: imported, on: imported))
        #expect(!AsOf.counts(registered: nil, imported: imported, on: imported.adding(days: -1)))
        #expect(AsOf.registrationDay(registered: nil, imported: imported) == imported)
        #expect(CivilDate(leadingISO8601: "2026-13-45") == nil)
        #expect(CivilDate(leadingISO8601: "2026-11-29 10:22:34") == CivilDate(year: 2026, month: 11, day: 29))
    }
}
