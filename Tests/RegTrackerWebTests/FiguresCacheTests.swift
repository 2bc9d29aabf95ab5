import Foundation
import Hummingbird
import HummingbirdTesting
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerStore
import RegTrackerWeb
import Testing

/// The figures kept between requests (`ServeSettings.keepsFigures`, as `serve` runs): the same answers as a
/// dashboard that reads everything again, before and after another connection imports a list.
@Suite struct FiguresCacheTests {
    static let paths = [
        "/", "/api/report", "/api/trend", "/townships/%E7%99%BD%E6%B2%99%E9%95%87",
        "/api/townships/%E7%99%BD%E6%B2%99%E9%95%87",
    ]

    @Test func keptFiguresGiveWayAsSoonAsAnotherConnectionChangesTheDatabase() async throws {
        let fixture = try DashboardFixture()
        let reader = try SQLiteStore.existing(path: fixture.folder + "/db.sqlite")
        let keeping = fixture.dashboard(settings: ServeSettings(keepsFigures: true), readers: [reader])
        let fresh = fixture.dashboard(settings: ServeSettings())
        let headers = DashboardFixture.bearer(fixture.office)

        func answers(_ dashboard: Dashboard) async throws -> [String] {
            try await dashboard.application(host: "127.0.0.1", port: 0).test(.router) { client in
                var texts: [String] = []
                for path in Self.paths {
                    let response = try await client.execute(uri: path, method: .get, headers: headers)
                    #expect(response.status == .ok, "\(path)")
                    texts.append(response.text)
                }
                return texts
            }
        }

        let before = try await answers(keeping)
        #expect(try await answers(keeping) == before)
        #expect(try await answers(fresh) == before)

        // Another connection (the import's) commits a valid row for 白沙镇.
        let list = try DashboardFixture.write(
            fixture.folder, "list-2.csv",
            "姓名,乡镇,身份证号码,手机号码,村,注册时间,截图核验\n周九,白沙镇,\(DashboardFixture.ids[4]),,南村,2026-11-19,有效\n")
        let clock = Clock(today: CivilDate(year: 2026, month: 11, day: 21), timestamp: "2026-11-21 10:00:00")
        let result = RegistrationImport(store: fixture.store, clock: clock).run(
            path: list, options: ReadOptions(), township: nil, replace: false)
        guard case .imported = result else {
            Issue.record("the second list was not imported: \(result)")
            return
        }

        let after = try await answers(keeping)
        #expect(after == (try await answers(fresh)))
        for (position, path) in Self.paths.enumerated() { #expect(after[position] != before[position], "\(path)") }
    }

    /// The ranking page and a township's page are kept once for each access: a township's token sees its own, after
    /// the office's.
    @Test(arguments: ["/", "/townships/%E9%9D%92%E7%9F%B3%E9%95%87"])
    func eachAccessGetsItsOwnPage(path: String) async throws {
        let fixture = try DashboardFixture()
        let reader = try SQLiteStore.existing(path: fixture.folder + "/db.sqlite")
        let keeping = fixture.dashboard(settings: ServeSettings(keepsFigures: true), readers: [reader])
        func page(_ dashboard: Dashboard, _ token: String) async throws -> String {
            try await dashboard.application(host: "127.0.0.1", port: 0).test(.router) { client in
                let response = try await client.execute(uri: path, method: .get, headers: DashboardFixture.bearer(token))
                #expect(response.status == .ok)
                return response.text
            }
        }
        let office = try await page(keeping, fixture.office)
        let township = try await page(keeping, fixture.qingshi)
        #expect(office == (try await page(fixture.dashboard, fixture.office)))
        #expect(township == (try await page(fixture.dashboard, fixture.qingshi)))
        #expect(office != township)
    }
}
