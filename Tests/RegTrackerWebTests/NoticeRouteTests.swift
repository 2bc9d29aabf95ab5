import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender
import Testing

/// `/api/notices` and `/api/notices/{period}` serve the stored notices as `notice --json` prints them.
@Suite struct NoticeRouteTests {
    @Test func storedNoticesAreServedAsTheCLIPrintsThem() async throws {
        let fixture = try DashboardFixture()
        let period = try #require(NoticePeriod(parsing: "2026-11"))
        let issued = try NoticeService(store: fixture.store).issue(
            period: period, today: CivilDate(year: 2026, month: 12, day: 1), target: .default, bottom: 1,
            cards: .default, reissue: false)
        try await fixture.application().test(.router) { client in
            for token in [fixture.office, fixture.qingshi] {
                let list = try await client.execute(
                    uri: "/api/notices", method: .get, headers: DashboardFixture.bearer(token))
                #expect(list.status == .ok)
                #expect(list.text == NoticeJSON.list([issued.notice]).rendered())
                let one = try await client.execute(
                    uri: "/api/notices/2026-11", method: .get, headers: DashboardFixture.bearer(token))
                #expect(one.status == .ok)
                #expect(one.text == NoticeJSON.notice(issued.notice).rendered())
            }
            let missing = try await client.execute(
                uri: "/api/notices/2026-10", method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(missing.status == .notFound)
            let bad = try await client.execute(
                uri: "/api/notices/soon", method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(bad.status == .notFound)
            let anonymous = try await client.execute(uri: "/api/notices", method: .get)
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test func theReportAPIGainsTheChangeOnceANoticeExistsAsReportJSONDoes() async throws {
        let fixture = try DashboardFixture()
        let issued = try NoticeService(store: fixture.store).issue(
            period: try #require(NoticePeriod(parsing: "2026-11-22")), today: CivilDate(year: 2026, month: 11, day: 23),
            target: .default, bottom: 1, cards: .default, reissue: false)
        let report = try ReportService(store: fixture.store).report(target: .default).report
        try await fixture.application().test(.router) { client in
            let api = try await client.execute(
                uri: "/api/report", method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(api.status == .ok)
            #expect(api.text == ReportChange.json(report, since: issued.notice).rendered())
            #expect(api.text.contains("\"since_notice\": \"2026-11-22\""))
        }
    }

    @Test func errorPagesAreChinese() async throws {
        let fixture = try DashboardFixture()
        try await fixture.application().test(.router) { client in
            let unknown = try await client.execute(
                uri: "/nowhere", method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("404 页面不存在") && !unknown.text.contains("Not Found"), "\(unknown.text)")
            let other = try await client.execute(
                uri: DashboardFixture.path("白沙镇"), method: .get, headers: DashboardFixture.bearer(fixture.qingshi))
            #expect(other.status == .forbidden)
            #expect(other.text.contains("403 无权查看") && !other.text.contains("Forbidden"), "\(other.text)")
        }
    }

    @Test func pagesMarkNamedTownshipsAndShowEachTownshipsNoticeHistory() async throws {
        // 青石镇 2 valid of 10 (20%) and 白沙镇 1 of 4 (25%): both unmet, bottom 1 names 青石镇.
        let fixture = try DashboardFixture()
        let period = try #require(NoticePeriod(parsing: "2026-11-22"))
        _ = try NoticeService(store: fixture.store).issue(
            period: period, today: CivilDate(year: 2026, month: 11, day: 23), target: .default, bottom: 1,
            cards: try #require(NoticeCards(parsing: "1,2,3")), reissue: false)
        try await fixture.application().test(.router) { client in
            let ranking = try await client.execute(
                uri: "/", method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(ranking.text.contains("class=\"card yellow\""))
            #expect(ranking.text.components(separatedBy: "class=\"card ").count - 1 == 1)
            let page = try await client.execute(
                uri: DashboardFixture.path("青石镇"), method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(page.text.contains("<h2>通报记录</h2>"))
            #expect(page.text.contains("2026-11-22"))
            #expect(page.text.contains("当前警示"))
            let other = try await client.execute(
                uri: DashboardFixture.path("白沙镇"), method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(other.text.contains("<h2>通报记录</h2>") && !other.text.contains("黄牌警告"))
        }
    }
}
