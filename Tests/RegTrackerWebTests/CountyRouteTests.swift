import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerStore
import RegTrackerWeb
import Testing

/// A database of two counties that each have a 城关镇 (SPEC 8), and tokens of every kind.
final class CountyFixture: Sendable {
    let store: SQLiteStore
    let folder: String
    let office: String
    /// 青石县's county token.
    let qingshiCounty: String
    /// 云岭县's 城关镇, with its county.
    let yunlingChengguan: String
    /// A township token naming 城关镇 alone, as one made before migration v15.
    let chengguanAlone: String
    /// A township token naming 松林镇 alone (a name of one county only).
    let songlinAlone: String
    let dashboard: Dashboard

    init() throws {
        folder = NSTemporaryDirectory() + "regtracker-web-county-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try SQLiteStore(path: folder + "/db.sqlite")
        let clock = Clock(today: CivilDate(year: 2026, month: 11, day: 20), timestamp: "2026-11-20 10:00:00")
        let roster = try DashboardFixture.write(
            folder, "roster.csv", "县,乡镇,实有人口\n青石县,城关镇,10\n青石县,白沙镇,4\n云岭县,城关镇,20\n云岭县,松林镇,6\n")
        _ = RosterImport(store: store, clock: clock).run(path: roster, options: ReadOptions())
        let list = try DashboardFixture.write(
            folder, "list.csv",
            """
            县,乡镇,姓名,手机号码,注册时间
            青石县,城关镇,张一,13800138000,2026-11-02
            青石县,城关镇,张二,13800138001,2026-11-03
            青石县,白沙镇,张三,13800138002,2026-11-05
            云岭县,城关镇,李一,13900139000,2026-11-04
            云岭县,松林镇,李二,13900139001,2026-11-06
            云岭县,松林镇,李三,13900139002,2026-11-07
            云岭县,松林镇,李四,13900139003,2026-11-08
            """)
        _ = RegistrationImport(store: store, clock: clock).run(
            path: list, options: ReadOptions(), township: nil, replace: false)
        let tokens = TokenService(store: store, clock: clock)
        office = try tokens.create(.office).secret
        qingshiCounty = try tokens.create(.county("青石县")).secret
        yunlingChengguan = try tokens.create(.township("城关镇", county: "云岭县")).secret
        chengguanAlone = try tokens.create(.township("城关镇")).secret
        songlinAlone = try tokens.create(.township("松林镇")).secret
        dashboard = Dashboard(store: store, target: .default, environment: DashboardFixture.environment)
    }

    /// The folder goes with the fixture, so that test runs leave nothing in the temporary directory.
    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func application() -> some ApplicationProtocol { dashboard.application(host: "127.0.0.1", port: 0) }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
    }

    static func county(_ county: String) -> String { "/counties/" + encoded(county) }

    static func township(_ name: String, in county: String) -> String {
        Self.county(county) + "/townships/" + encoded(name)
    }
}

/// Issue 19: the dashboard's county level, county tokens, and the two 城关镇 told apart.
@Suite struct CountyRouteTests {
    @Test func theRankingRanksTheCountiesAndTellsTheTwoChengguanApart() async throws {
        let fixture = try CountyFixture()
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/", method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<h2>各县（区）排名</h2>"))
            // 青石县 3 of 14 (21.43%, required 5 + 2, shortfall 3 + 1) above 云岭县 4 of 26 (15.38%, 10 + 3, 9 + 0).
            let qingshi = try #require(
                html.range(of: "<tr class=\"row county unmet\"><td class=\"num\" data-label=\"排名\">1</td>"))
            let yunling = try #require(
                html.range(of: "<tr class=\"row county unmet\"><td class=\"num\" data-label=\"排名\">2</td>"))
            #expect(qingshi.lowerBound < yunling.lowerBound)
            #expect(html.contains("href=\"\(CountyFixture.county("青石县"))\">青石县</a>"))
            #expect(html.contains("href=\"\(CountyFixture.county("云岭县"))\">云岭县</a>"))
            #expect(html.contains("<td class=\"num\" data-label=\"注册率\">21.43%</td>"))
            #expect(html.contains("<td class=\"num\" data-label=\"注册率\">15.38%</td>"))
            #expect(
                html.contains("<td class=\"num\" data-label=\"目标人数\">7</td><td class=\"num\" data-label=\"差额\">4</td>"))
            #expect(
                html.contains("<td class=\"num\" data-label=\"目标人数\">13</td><td class=\"num\" data-label=\"差额\">9</td>")
            )
            // Every township once, the two 城关镇 with their counties, each linked to its own page.
            #expect(html.components(separatedBy: "<tr class=\"row county").count - 1 == 2)
            #expect(
                html.components(separatedBy: "<tr class=\"row\"").count
                    + html.components(separatedBy: "<tr class=\"row unmet\"").count - 2 == 4)
            #expect(html.contains("href=\"\(CountyFixture.township("城关镇", in: "青石县"))\">城关镇（青石县）</a>"))
            #expect(html.contains("href=\"\(CountyFixture.township("城关镇", in: "云岭县"))\">城关镇（云岭县）</a>"))
            #expect(html.contains("href=\"\(CountyFixture.township("松林镇", in: "云岭县"))\">松林镇</a>"))
            #expect(html.components(separatedBy: "class=\"spark").count - 1 == 4)
        }
    }

    @Test func aCountyPageRanksThatCountysTownshipsWithTheirFigures() async throws {
        let fixture = try CountyFixture()
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(
                uri: CountyFixture.county("云岭县"), method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<h1>云岭县国家反诈中心APP注册率排名（2026-11-29，目标 50%）</h1>"))
            #expect(html.contains("<dt>注册率</dt><dd>15.38%</dd>"))
            #expect(html.contains("<dt>县（区）排名</dt><dd>第 2 名 / 共 2</dd>"))
            #expect(html.contains("<dt>乡镇数</dt><dd>2</dd>"))
            #expect(html.contains("<dt>目标人数</dt><dd>13</dd>"))
            #expect(html.contains("<dt>差额</dt><dd>9</dd>"))
            // 松林镇 3 of 6 (met) above 城关镇 1 of 20; no township of 青石县; the name alone within its county.
            let songlin = try #require(html.range(of: ">松林镇</a>"))
            let chengguan = try #require(html.range(of: ">城关镇</a>"))
            #expect(songlin.lowerBound < chengguan.lowerBound)
            #expect(html.contains("href=\"\(CountyFixture.township("城关镇", in: "云岭县"))\""))
            #expect(!html.contains("白沙镇"))
            #expect(!html.contains("青石县"))
            #expect(html.components(separatedBy: "<rect class=\"bar ").count - 1 == 2)
            #expect(html.contains("<td class=\"num\" data-label=\"有效数\">3</td>"))
            let unknown = try await client.execute(
                uri: CountyFixture.county("不存在县"), method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(unknown.status == .notFound)
        }
    }

    @Test func eachChengguanCarriesItsOwnNoticeRecord() async throws {
        // 城关镇 of 云岭县 1 of 20 (5%) is the lowest: named, and with cards 1,2,3 given a yellow card.
        let fixture = try CountyFixture()
        _ = try NoticeService(store: fixture.store).issue(
            period: try #require(NoticePeriod(parsing: "2026-11-22")), today: CivilDate(year: 2026, month: 11, day: 23),
            target: .default, bottom: 1, cards: try #require(NoticeCards(parsing: "1,2,3")), reissue: false)
        try await fixture.application().test(.router) { client in
            let headers = DashboardFixture.bearer(fixture.office)
            let ranking = try await client.execute(uri: "/", method: .get, headers: headers)
            #expect(ranking.text.components(separatedBy: "class=\"card yellow\"").count - 1 == 1)
            let yunling = try await client.execute(
                uri: CountyFixture.township("城关镇", in: "云岭县"), method: .get, headers: headers)
            #expect(yunling.text.contains("<h2>通报记录</h2>") && yunling.text.contains("黄牌"))
            #expect(yunling.text.contains("<dt>当前警示</dt><dd>黄牌"), "\(yunling.text)")
            let qingshi = try await client.execute(
                uri: CountyFixture.township("城关镇", in: "青石县"), method: .get, headers: headers)
            #expect(qingshi.text.contains("<h2>通报记录</h2>") && !qingshi.text.contains("黄牌"))
            #expect(qingshi.text.contains("<dt>当前警示</dt><dd>无</dd>"))
        }
    }

    @Test func eachChengguanOpensWithItsOwnFigures() async throws {
        let fixture = try CountyFixture()
        try await fixture.application().test(.router) { client in
            let headers = DashboardFixture.bearer(fixture.office)
            let qingshi = try await client.execute(
                uri: CountyFixture.township("城关镇", in: "青石县"), method: .get, headers: headers)
            #expect(qingshi.status == .ok)
            #expect(qingshi.text.contains("<h1>城关镇（青石县） 注册进度</h1>"))
            #expect(qingshi.text.contains("<dt>实有人口</dt><dd>10</dd>"))
            #expect(qingshi.text.contains("<dt>有效数</dt><dd>2</dd>"))
            #expect(qingshi.text.contains("<dt>注册率</dt><dd>20.00%</dd>"))
            #expect(qingshi.text.contains("<dt>排名</dt><dd>第 3 名 / 共 4</dd>"))
            #expect(qingshi.text.contains("<dt>最近报送</dt><dd>2026-11-20</dd>"))
            #expect(qingshi.text.contains("<dt>近30天新增</dt><dd>+2</dd>"))
            let yunling = try await client.execute(
                uri: CountyFixture.township("城关镇", in: "云岭县"), method: .get, headers: headers)
            #expect(yunling.status == .ok)
            #expect(yunling.text.contains("<h1>城关镇（云岭县） 注册进度</h1>"))
            #expect(yunling.text.contains("<dt>实有人口</dt><dd>20</dd>"))
            #expect(yunling.text.contains("<dt>有效数</dt><dd>1</dd>"))
            #expect(yunling.text.contains("<dt>注册率</dt><dd>5.00%</dd>"))
            #expect(yunling.text.contains("<dt>排名</dt><dd>第 4 名 / 共 4</dd>"))
            #expect(yunling.text.contains("<dt>近30天新增</dt><dd>+1</dd>"))
            #expect(yunling.text.contains("href=\"\(CountyFixture.county("云岭县"))\""))
            // The name alone cannot tell them apart.
            let alone = try await client.execute(uri: DashboardFixture.path("城关镇"), method: .get, headers: headers)
            #expect(alone.status == .notFound)
            #expect(alone.text.contains("在多个县（区）都有：青石县、云岭县"))
            // A name of one county opens either way.
            let songlin = try await client.execute(uri: DashboardFixture.path("松林镇"), method: .get, headers: headers)
            #expect(songlin.status == .ok)
            #expect(songlin.text.contains("<dt>有效数</dt><dd>3</dd>"))
            let api = try await client.execute(
                uri: "/api" + CountyFixture.township("城关镇", in: "云岭县"), method: .get, headers: headers)
            #expect(api.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: Any] ?? [:]
            #expect(json["population"] as? Int == 20)
            #expect(json["valid"] as? Int == 1)
            #expect(json["county"] as? String == "云岭县")
            let wrongCounty = try await client.execute(
                uri: CountyFixture.township("松林镇", in: "青石县"), method: .get, headers: headers)
            #expect(wrongCounty.status == .notFound)
        }
    }

    @Test func aCountyTokenSeesItsOwnCountyOnly() async throws {
        let fixture = try CountyFixture()
        try await fixture.application().test(.router) { client in
            let headers = DashboardFixture.bearer(fixture.qingshiCounty)
            let own = try await client.execute(uri: CountyFixture.county("青石县"), method: .get, headers: headers)
            #expect(own.status == .ok)
            #expect(own.text.contains("<dt>有效数</dt><dd>3</dd>"))
            #expect(own.text.contains("href=\"\(CountyFixture.township("城关镇", in: "青石县"))\""))
            #expect(own.text.contains("href=\"\(CountyFixture.township("白沙镇", in: "青石县"))\""))
            let other = try await client.execute(uri: CountyFixture.county("云岭县"), method: .get, headers: headers)
            #expect(other.status == .forbidden)
            let ownTownship = try await client.execute(
                uri: CountyFixture.township("城关镇", in: "青石县"), method: .get, headers: headers)
            #expect(ownTownship.status == .ok)
            #expect(ownTownship.text.contains("<dt>有效数</dt><dd>2</dd>"))
            for path in [
                CountyFixture.township("城关镇", in: "云岭县"), CountyFixture.township("松林镇", in: "云岭县"),
                DashboardFixture.path("松林镇"), DashboardFixture.path("城关镇"),
            ] {
                let refused = try await client.execute(uri: path, method: .get, headers: headers)
                #expect(refused.status == .forbidden, "\(path)")
            }
            // `/`: the counties ranked, its own linked, no township of another county.
            let ranking = try await client.execute(uri: "/", method: .get, headers: headers)
            #expect(ranking.status == .ok)
            #expect(ranking.text.contains("<h2>各县（区）排名</h2>"))
            #expect(ranking.text.contains("href=\"\(CountyFixture.county("青石县"))\""))
            #expect(!ranking.text.contains("href=\"\(CountyFixture.county("云岭县"))\""))
            #expect(!ranking.text.contains("松林镇"))
            #expect(!ranking.text.contains("城关镇"))
            for path in ["/api/report", "/api/trend", "/api/notices", "/api/counties/" + CountyFixture.encoded("云岭县")] {
                let refused = try await client.execute(uri: path, method: .get, headers: headers)
                #expect(refused.status == .forbidden, "\(path)")
            }
            let report = try await client.execute(
                uri: "/api/counties/" + CountyFixture.encoded("青石县"), method: .get, headers: headers)
            #expect(report.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(report.text.utf8)) as? [String: Any] ?? [:]
            #expect(json["county"] as? String == "青石县")
            let townships = json["townships"] as? [[String: Any]] ?? []
            #expect(townships.map { $0["township"] as? String } == ["白沙镇", "城关镇"])
        }
    }

    @Test func aTownshipTokenOfASharedNameNeedsItsCounty() async throws {
        let fixture = try CountyFixture()
        try await fixture.application().test(.router) { client in
            let withCounty = DashboardFixture.bearer(fixture.yunlingChengguan)
            let own = try await client.execute(
                uri: CountyFixture.township("城关镇", in: "云岭县"), method: .get, headers: withCounty)
            #expect(own.status == .ok)
            let namesake = try await client.execute(
                uri: CountyFixture.township("城关镇", in: "青石县"), method: .get, headers: withCounty)
            #expect(namesake.status == .forbidden)
            let county = try await client.execute(uri: CountyFixture.county("云岭县"), method: .get, headers: withCounty)
            #expect(county.status == .forbidden)
            let ranking = try await client.execute(uri: "/", method: .get, headers: withCounty)
            #expect(ranking.status == .ok)
            #expect(ranking.text.contains("href=\"\(CountyFixture.township("城关镇", in: "云岭县"))\""))
            #expect(!ranking.text.contains("href=\"\(CountyFixture.township("城关镇", in: "青石县"))\""))
            // A token naming 城关镇 alone (made before counties) opens neither; one naming 松林镇 alone still works.
            let alone = DashboardFixture.bearer(fixture.chengguanAlone)
            for county in ["青石县", "云岭县"] {
                let refused = try await client.execute(
                    uri: CountyFixture.township("城关镇", in: county), method: .get, headers: alone)
                #expect(refused.status == .forbidden)
            }
            let songlin = DashboardFixture.bearer(fixture.songlinAlone)
            for path in [CountyFixture.township("松林镇", in: "云岭县"), DashboardFixture.path("松林镇")] {
                let allowed = try await client.execute(uri: path, method: .get, headers: songlin)
                #expect(allowed.status == .ok, "\(path)")
            }
        }
    }

    @Test func aCountyTokenIsStoredWithItsCounty() throws {
        let fixture = try CountyFixture()
        let tokens = TokenService(store: fixture.store, clock: .system(environment: [:]))
        let records = try tokens.list()
        #expect(records.map(\.scope) == [.office, .county, .township, .township, .township])
        #expect(records.map(\.county) == [nil, "青石县", "云岭县", nil, nil])
        #expect(try tokens.access(forToken: fixture.qingshiCounty) == .county("青石县"))
        #expect(try tokens.access(forToken: fixture.yunlingChengguan) == .township("城关镇", county: "云岭县"))
    }
}
