import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerWeb
import Testing

/// SPEC 5 on the dashboard: a township whose roster gives it villages shows them ranked, and its API document
/// carries them as `villages --json` does.
@Suite struct VillageRouteTests {
    /// The dashboard fixture with a roster that gives 青石镇 (10 people) the villages 东村 and 西村, 4 people each.
    /// 东村: 张三 valid, 王五 a duplicate; 西村: 李四 valid, 赵六 flagged, 钱七 malformed. Both 1 of 4: rank 1 each.
    static func fixture() throws -> DashboardFixture {
        let fixture = try DashboardFixture()
        let roster = try DashboardFixture.write(
            fixture.folder, "roster-villages.csv", "乡镇,村,实有人口,别名\n青石镇,,10,青石\n青石镇,东村,4,\n青石镇,西村,4,\n白沙镇,,4,\n")
        let clock = Clock(today: CivilDate(year: 2026, month: 11, day: 21), timestamp: "2026-11-21 10:00:00")
        let result = RosterImport(store: fixture.store, clock: clock).run(path: roster, options: ReadOptions())
        guard case .imported = result else {
            Issue.record("the village roster was not imported: \(result)")
            return fixture
        }
        return fixture
    }

    @Test func theTownshipAPICarriesItsVillagesAsSpec5() async throws {
        let fixture = try Self.fixture()
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(
                uri: DashboardFixture.apiPath("青石镇"), method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(response.status == .ok)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            let villages = json["villages"] as? [[String: Any]] ?? []
            #expect(villages.map { $0["village"] as? String } == ["东村", "西村"])
            #expect(villages.map { $0["rank"] as? Int } == [1, 1])
            #expect(villages.map { $0["reported"] as? Int } == [2, 3])
            #expect(villages.map { $0["duplicates"] as? Int } == [1, 0])
            #expect(villages.map { $0["invalid_malformed"] as? Int } == [0, 1])
            #expect(villages.map { $0["required"] as? Int } == [2, 2])
            #expect(villages.map { $0["rate"] as? Double } == [0.25, 0.25])
            let unmatched = json["unmatched_village"] as? [String: Any]
            #expect(unmatched?["reported"] as? Int == 0)
        }
    }

    @Test func theTownshipPageRanksItsVillagesWithShortfall() async throws {
        let fixture = try Self.fixture()
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(
                uri: DashboardFixture.path("青石镇"), method: .get, headers: DashboardFixture.bearer(fixture.office))
            let html = response.text
            #expect(html.contains("<h2>各村（社区）排名</h2>"))
            #expect(html.contains("<td data-label=\"村（社区）\">东村</td>"))
            #expect(html.contains("<td class=\"num\" data-label=\"注册率\">25.00%</td>"))
            #expect(html.contains("<td class=\"num\" data-label=\"差额\">1</td>"))
            #expect(html.contains("上报 0 行，有效 0 行"))
        }
    }
}
