import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegTrackerCore
import RegTrackerKit
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
}
