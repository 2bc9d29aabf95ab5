import Foundation
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerRender
import Testing

/// SPEC 8 end to end: a roster of two counties that each have a 城关镇, lists naming their county by a column, by
/// `--county`, or by the file name, and the figures by county.
@Suite struct CountyImportTests {
    let phones = TestInbox.phones

    static let roster = """
        县（区）,乡镇,实有人口
        青石县,城关镇,10
        ,白沙镇,4
        云岭县,城关镇,20
        云岭县,松林镇,6
        """

    func register(
        _ inbox: TestInbox, _ name: String, _ text: String, county: String? = nil, township: String? = nil
    ) throws -> ImportResult {
        defer { inbox.expectKeptFiguresAgree() }
        return RegistrationImport(store: inbox.store, clock: inbox.clock)
            .run(
                path: try inbox.file(name, text), options: ReadOptions(), township: township, county: county,
                replace: false)
    }

    func figures(_ inbox: TestInbox, _ county: String, _ township: String) throws -> TownshipFigures {
        try #require(try inbox.report().townships.first { $0.county == county && $0.township == township })
    }

    @Test func townshipsAreMatchedWithinTheCountyTheListNames() throws {
        let inbox = try TestInbox()
        let roster = try #require(try inbox.roster(Self.roster).summary)
        #expect(roster.rows == 4)

        // A county column.
        let column = try #require(
            try register(
                inbox, "名单.csv",
                """
                县,乡镇,姓名,手机号码
                青石县,城关镇,张一,\(phones[0])
                云岭县,城关镇,张二,\(phones[1])
                ,城关镇,张三,\(phones[2])
                ,松林镇,张四,\(phones[3])
                """
            ).summary)
        #expect(column.outcomes == [.valid: 3, .unassigned: 1])
        #expect(column.countyFrom == .column)
        #expect(try figures(inbox, "青石县", "城关镇").counts.valid == 1)
        #expect(try figures(inbox, "云岭县", "城关镇").counts.valid == 1)
        #expect(try figures(inbox, "云岭县", "松林镇").counts.valid == 1, "a name unique across the roster")
        let rejects = try ReportService(store: inbox.store).rejects(township: nil)
        #expect(
            rejects.map(\.reasons) == [[.townshipInSeveralCounties(township: "城关镇", counties: ["青石县", "云岭县"])]])

        // --county for a list without a county column; the same phone in another county is a duplicate.
        let option = try #require(
            try register(inbox, "补报.csv", "乡镇,姓名,手机号码\n城关镇,李一,\(phones[4])\n城关镇,李二,\(phones[0])\n", county: "云岭县")
                .summary)
        #expect(option.outcomes == [.valid: 1, .duplicate: 1])
        #expect((option.county, option.countyFrom) == ("云岭县", .option))
        #expect(try figures(inbox, "云岭县", "城关镇").counts == OutcomeCounts(duplicates: 1, valid: 2))

        // The county and the township from the file name.
        let named = try #require(
            try register(inbox, "青石县城关镇-11月.csv", "姓名,身份证号\n王一,\(TestInbox.ids[0])\n").summary)
        #expect((named.county, named.countyFrom) == ("青石县", .fileName))
        #expect((named.township, named.townshipFrom) == ("城关镇", .fileName))
        #expect(try figures(inbox, "青石县", "城关镇").counts.valid == 2)

        // report --county and report --by county.
        let report = try inbox.report()
        let (qingshi, lastSubmission) = try ReportService(store: inbox.store).report(target: .default, county: "青石县")
        #expect(qingshi.townships.map(\.township) == ["城关镇", "白沙镇"])
        #expect(qingshi.townships.map(\.rank) == [1, 2])
        #expect(lastSubmission == ["城关镇": "2026-11-29"], "its own 城关镇's, not the other county's")
        let counties = CountyReport(report, counties: try ReportService(store: inbox.store).counties())
        #expect(counties.counties.map(\.county) == ["青石县", "云岭县"], "2 of 14 against 3 of 26")
        #expect(counties.counties.map(\.population) == [14, 26])
        #expect(counties.counties.map(\.counts.valid) == [2, 3])
        #expect(counties.counties.map(\.required) == [5 + 2, 10 + 3])
        #expect(counties.unassigned == 1)
    }

    /// SPEC 1.2 and 8: a title naming 云岭县 and 白沙镇 (a township of 青石县) names no township of 云岭县; the
    /// rejection says where 白沙镇 is, not that the title names no township.
    @Test func aTitleNamingATownshipOfAnotherCountySaysWhereItIs() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster("县,乡镇,实有人口\n青石县,城关镇,10\n青石县,白沙镇,4\n云岭县,松林镇,6\n")
        let error = try #require(
            try register(inbox, "名单.csv", "云岭县白沙镇注册名单\n姓名,手机号码\n张一,\(phones[0])\n").rejection)
        #expect(error.message(in: .english).contains("白沙镇, which is a township of 青石县, not of 云岭县"))
        #expect(error.message(in: .chinese).contains("白沙镇属于青石县，不属于云岭县"))
        #expect(try inbox.batchCount() == 1)
    }

    @Test func aListNamingNoCountyOfTheRosterIsRejected() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster(Self.roster)
        let error = try #require(
            try register(inbox, "a.csv", "乡镇,姓名,手机号码\n城关镇,张一,\(phones[0])\n", county: "雾山县").rejection)
        #expect(error.code == "unknown_county")
        #expect(error.message(in: .chinese).contains("青石县、云岭县"))
        #expect(try inbox.batchCount() == 1)

        let plain = try TestInbox()
        _ = try plain.roster()
        let none = try #require(
            try register(plain, "b.csv", "乡镇,姓名,手机号码\n青石镇,张一,\(phones[0])\n", county: "青石县").rejection)
        #expect(none.code == "unknown_county")
        #expect(none.message(in: .english).contains("no county column"))
    }

    @Test func aNewRosterDecidesRowsAgainWithinTheirCounty() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster(Self.roster)
        _ = try register(inbox, "a.csv", "县,乡镇,姓名,手机号码\n云岭县,城关镇,张一,\(phones[0])\n")
        // The new roster renames 云岭县's 城关镇, keeping the old name as an alias: the row follows it, not 青石县's.
        let renamed = """
            县,乡镇,实有人口,别名
            青石县,城关镇,10,
            青石县,白沙镇,4,
            云岭县,云城街道,20,城关镇
            云岭县,松林镇,6,
            """
        let summary = try #require(try inbox.roster(named: "roster2.csv", renamed).summary)
        #expect(summary.rowsLost.isEmpty)
        #expect(try figures(inbox, "云岭县", "云城街道").counts.valid == 1)
        #expect(try figures(inbox, "青石县", "城关镇").counts.valid == 0)
    }

    /// Rows a new roster would leave without a township are named by county and township, and the roster is refused
    /// with nothing changed; forced, it takes them out.
    @Test func aRosterThatLosesACountysTownshipIsRefusedNamingTheCounty() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster(Self.roster)
        _ = try register(
            inbox, "a.csv", "县,乡镇,姓名,手机号码,截图核验\n云岭县,城关镇,张一,\(phones[0]),\n云岭县,城关镇,张二,\(phones[1]),否\n"
                + "青石县,城关镇,张三,\(phones[2]),\n")
        // 云岭县 no longer has a 城关镇; 青石县's stays.
        let dropped = "县,乡镇,实有人口\n青石县,城关镇,10\n青石县,白沙镇,4\n云岭县,松林镇,6\n"
        let refused = try #require(try inbox.roster(named: "roster2.csv", dropped).rejection)
        #expect(refused.message.contains("城关镇（云岭县）: 2 rows (1 valid)"))
        #expect(!refused.message.contains("城关镇（青石县）"))
        #expect(try figures(inbox, "云岭县", "城关镇").counts.valid == 1)
        let forced = try #require(try inbox.roster(named: "roster2.csv", dropped, force: true).summary)
        #expect(forced.rowsLost.map { "\($0.township) \($0.rows) \($0.valid)" } == ["城关镇（云岭县） 2 1"])
        #expect(try figures(inbox, "青石县", "城关镇").counts.valid == 1)
        #expect(try inbox.report().unassigned == 2)
    }

    @Test func invalidListsWorkAcrossCounties() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster(Self.roster)
        _ = try register(
            inbox, "a.csv",
            "县,乡镇,姓名,手机号码\n青石县,城关镇,张一,\(phones[0])\n云岭县,城关镇,张二,\(phones[1])\n云岭县,松林镇,张三,\(phones[2])\n")
        // An entry naming the shared 城关镇 applies to both; one naming no township applies everywhere.
        let invalid = try #require(
            try inbox.invalid("无效.csv", "乡镇,手机号码\n城关镇,\(phones[0])\n城关镇,\(phones[1])\n,\(phones[2])\n").summary)
        // 城关镇 is a township of the roster, of two counties: a warning says the entries apply to both.
        #expect(invalid.warnings == [.townshipsOfSeveralCounties(["城关镇"])])
        #expect(try figures(inbox, "青石县", "城关镇").counts.listed == 1)
        #expect(try figures(inbox, "云岭县", "城关镇").counts.listed == 1)
        #expect(try figures(inbox, "云岭县", "松林镇").counts.listed == 1)
    }

    @Test func inspectFindsTheCountyAsImportDoes() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster(Self.roster)
        let inspector = FileInspector(store: inbox.store, today: inbox.clock.today)
        let named = try inspector.inspect(
            path: try inbox.file("云岭县城关镇.csv", "姓名,手机号码\n张一,\(phones[0])\n"), options: ReadOptions(),
            township: nil, rows: 5)
        #expect(named.checkCounts == [.passes: 1])
        let unnamed = try inspector.inspect(
            path: try inbox.file("城关镇.csv", "姓名,手机号码\n张一,\(phones[0])\n"), options: ReadOptions(),
            township: nil, rows: 5)
        #expect(unnamed.checkCounts == [.unassigned: 1], "城关镇 is in two counties")
        let option = try inspector.inspect(
            path: try inbox.file("城关镇.csv", "姓名,手机号码\n张一,\(phones[0])\n"), options: ReadOptions(),
            township: nil, county: "青石县", rows: 5)
        #expect(option.checkCounts == [.passes: 1])
    }

    @Test func aRosterWithTheSameNameTwiceInOneCountyOrARowBeforeAnyCountyIsRejected() throws {
        let inbox = try TestInbox()
        let twice = try #require(try inbox.roster("县,乡镇,实有人口\n青石县,城关镇,1\n青石县,城关镇,2\n").rejection)
        #expect(twice.code == "roster_row")
        let orphan = try #require(try inbox.roster("县,乡镇,实有人口\n,城关镇,1\n青石县,白沙镇,2\n").rejection)
        #expect(orphan.code == "roster_row")
        #expect(orphan.message(in: .chinese).contains("第 2 行"))
    }
}
