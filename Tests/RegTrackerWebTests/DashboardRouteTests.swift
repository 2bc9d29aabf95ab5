import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender
import RegTrackerStore
import RegTrackerWeb
import Testing

/// Every route through Hummingbird's router test client: pages, JSON, and who may see what.
@Suite struct DashboardRouteTests {
    @Test(arguments: ["/", "/townships/%E9%9D%92%E7%9F%B3%E9%95%87", "/api/report", "/api/trend", "/api/townships/%E9%9D%92%E7%9F%B3%E9%95%87"])
    func withoutATokenEveryRouteIs401(_ path: String) async throws {
        let fixture = try DashboardFixture()
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .unauthorized)
            if !path.hasPrefix("/api/") { #expect(response.text.contains("<form class=\"login\"")) }
        }
    }

    @Test func aWrongOrRevokedTokenIs401() async throws {
        let fixture = try DashboardFixture()
        try await fixture.application().test(.router) { client in
            for token in ["rt_0000", fixture.revoked, ""] {
                let page = try await client.execute(uri: "/", method: .get, headers: DashboardFixture.bearer(token))
                #expect(page.status == .unauthorized)
                let api = try await client.execute(uri: "/api/report", method: .get, headers: DashboardFixture.bearer(token))
                #expect(api.status == .unauthorized)
                #expect(api.text.contains("\"error\""))
            }
        }
    }

    @Test func theOfficeSeesTheRankingWithBarsSparklinesAndLinks() async throws {
        let fixture = try DashboardFixture()
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = response.text
            #expect(html.contains("国家反诈中心APP注册率排名（2026-11-29，目标 50%）"))
            #expect(html.components(separatedBy: "<tr class=\"row").count - 1 == 2)
            #expect(html.components(separatedBy: "<rect class=\"bar ").count - 1 == 2)
            #expect(html.components(separatedBy: "class=\"spark").count - 1 == 2)
            #expect(html.contains("href=\"/townships/%E9%9D%92%E7%9F%B3%E9%95%87\""))
            #expect(html.contains("href=\"/townships/%E7%99%BD%E6%B2%99%E9%95%87\""))
            #expect(!html.contains("<script"))
            #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'none'") == true)
            #expect(response.headers[.cacheControl] == "no-store")
        }
    }

    @Test func aTownshipPageShowsFiguresTrendVillagesAndMaskedRejects() async throws {
        let fixture = try DashboardFixture()
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(
                uri: DashboardFixture.path("青石镇"), method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<h1>青石镇 注册进度</h1>"))
            // 2 valid of 10, rank 2 of 2 (白沙镇 has 1 of 4).
            #expect(html.contains("<dt>注册率</dt><dd>20.00%</dd>"))
            #expect(html.contains("<dt>排名</dt><dd>第 2 名 / 共 2</dd>"))
            #expect(html.contains("<dt>有效数</dt><dd>2</dd>"))
            #expect(html.contains("<dt>差额</dt><dd>3</dd>"))
            #expect(html.contains("class=\"trend-chart\""))
            #expect(html.contains("目标 5</text>"))
            #expect(html.contains("<td data-label=\"村（社区）\">东村</td><td class=\"num\" data-label=\"有效数\">1</td>"))
            #expect(html.contains("<td data-label=\"村（社区）\">西村</td><td class=\"num\" data-label=\"有效数\">1</td>"))
            #expect(html.contains("共 3 行未计入"))
            #expect(html.contains("138****8000"))
            #expect(!html.contains("13800138000"))
            #expect(!html.contains(DashboardFixture.ids[0]))
            #expect(html.contains("110105********002X"))
        }
    }

    @Test func aTownshipTokenSeesTheRankingAndItsOwnPageOnly() async throws {
        let fixture = try DashboardFixture()
        try await fixture.application().test(.router) { client in
            let headers = DashboardFixture.bearer(fixture.qingshi)
            let ranking = try await client.execute(uri: "/", method: .get, headers: headers)
            #expect(ranking.status == .ok)
            #expect(ranking.text.contains("href=\"/townships/%E9%9D%92%E7%9F%B3%E9%95%87\""))
            #expect(!ranking.text.contains("href=\"/townships/%E7%99%BD%E6%B2%99%E9%95%87\""))
            let own = try await client.execute(uri: DashboardFixture.path("青石镇"), method: .get, headers: headers)
            #expect(own.status == .ok)
            let alias = try await client.execute(uri: DashboardFixture.path("青石"), method: .get, headers: headers)
            #expect(alias.status == .ok)
            let other = try await client.execute(uri: DashboardFixture.path("白沙镇"), method: .get, headers: headers)
            #expect(other.status == .forbidden)
            #expect(other.text.contains("403"))
            let unknown = try await client.execute(uri: DashboardFixture.path("不存在镇"), method: .get, headers: headers)
            #expect(unknown.status == .forbidden)
            let otherAPI = try await client.execute(uri: DashboardFixture.apiPath("白沙镇"), method: .get, headers: headers)
            #expect(otherAPI.status == .forbidden)
            let ownAPI = try await client.execute(uri: DashboardFixture.apiPath("青石镇"), method: .get, headers: headers)
            #expect(ownAPI.status == .ok)
            let report = try await client.execute(uri: "/api/report", method: .get, headers: headers)
            #expect(report.status == .ok)
        }
    }

    @Test func theOfficeGets404ForAnUnknownTownship() async throws {
        let fixture = try DashboardFixture()
        try await fixture.application().test(.router) { client in
            let headers = DashboardFixture.bearer(fixture.office)
            let page = try await client.execute(uri: DashboardFixture.path("不存在镇"), method: .get, headers: headers)
            #expect(page.status == .notFound)
            let api = try await client.execute(uri: DashboardFixture.apiPath("不存在镇"), method: .get, headers: headers)
            #expect(api.status == .notFound)
        }
    }

    @Test func theAPIReturnsTheCLIJSON() async throws {
        let fixture = try DashboardFixture()
        let service = ReportService(store: fixture.store)
        let (report, lastSubmission) = try service.report(target: .default)
        let found = try #require(try service.township(named: "青石镇"))
        let figures = try #require(report.townships.first { $0.township == "青石镇" })
        let today = CivilDate(year: 2026, month: 11, day: 29)
        let expectedTownship = TownshipDocument.json(
            figures, in: report, lastSubmission: lastSubmission["青石镇"],
            rejects: RejectTally(try service.rejects(township: found.id)),
            villages: try TrendService(store: fixture.store).villages(township: found.id)
        ).rendered()
        let expectedTrend = TrendJSON.report(
            try TrendService(store: fixture.store).trend(target: .default, asOf: today), step: .week
        ).rendered()
        try await fixture.application().test(.router) { client in
            let headers = DashboardFixture.bearer(fixture.office)
            let reportResponse = try await client.execute(uri: "/api/report", method: .get, headers: headers)
            #expect(reportResponse.headers[.contentType] == "application/json; charset=utf-8")
            #expect(reportResponse.text == ReportJSON.report(report).rendered())
            let township = try await client.execute(uri: DashboardFixture.apiPath("青石镇"), method: .get, headers: headers)
            #expect(township.text == expectedTownship)
            #expect(township.text.contains("\"villages\""))
            let trend = try await client.execute(uri: "/api/trend?by=week", method: .get, headers: headers)
            #expect(trend.text == expectedTrend)
            #expect(trend.text.contains("\"as_of\": \"2026-11-29\""))
        }
    }

    @Test func onlyTheTokensHashIsStored() throws {
        let fixture = try DashboardFixture()
        let records = try TokenService(store: fixture.store, clock: .system(environment: [:])).list()
        #expect(records.count == 3)
        #expect(records.allSatisfy { $0.sha256.count == 64 })
        #expect(!records.map(\.sha256).contains(fixture.office))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.folder + "/db.sqlite"))
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: fixture.folder + "/db.sqlite-wal"))) ?? Data()
        for data in [bytes, wal] { #expect(data.range(of: Data(fixture.office.utf8)) == nil) }
        #expect(records.map(\.scope) == [.office, .township, .township])
        #expect(records.last?.revokedAt != nil)
        #expect(try TokenService(store: fixture.store, clock: .system(environment: [:])).access(forToken: fixture.qingshi) == .township("青石镇"))
    }
}
