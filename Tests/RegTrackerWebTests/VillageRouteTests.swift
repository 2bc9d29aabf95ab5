import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerRender
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
            #expect(!html.contains("#unmatched-village"))
            #expect(!html.contains("id=\"unmatched-village\""))
            #expect(!html.contains("<h2>未匹配村（社区）的行</h2>"))
        }
    }

    /// The village fixture with a second list of 青石镇: 周九 in 东村3组 (no village of the roster: valid, for the
    /// township only) and 吴十 without a village cell (a duplicate of 张三).
    static func fixtureWithUnmatchedRows() throws -> DashboardFixture {
        let fixture = try fixture()
        let ids = DashboardFixture.ids
        let list = try DashboardFixture.write(
            fixture.folder, "list-2.csv",
            """
            姓名,乡镇,身份证号码,手机号码,村,注册时间,截图核验
            周九,青石镇,\(ids[4]),,东村3组,2026-11-20,有效
            吴十,青石镇,\(ids[0]),,,2026-11-20,有效
            """)
        let clock = Clock(today: CivilDate(year: 2026, month: 11, day: 22), timestamp: "2026-11-22 10:00:00")
        let result = RegistrationImport(store: fixture.store, clock: clock).run(
            path: list, options: ReadOptions(), township: nil, replace: false)
        guard case .imported = result else {
            Issue.record("the second list was not imported: \(result)")
            return fixture
        }
        return fixture
    }

    @Test func theTownshipPageLinksItsUnmatchedVillageCountToThoseRows() async throws {
        let fixture = try Self.fixtureWithUnmatchedRows()
        try await fixture.application().test(.router) { client in
            let response = try await client.execute(
                uri: DashboardFixture.path("青石镇"), method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("上报 <a href=\"#unmatched-village\">2 行</a>，有效 1 行"))
            #expect(html.contains("<section class=\"unmatched\" id=\"unmatched-village\"><h2>未匹配村（社区）的行</h2>"))
            let section = try #require(
                html.components(separatedBy: "id=\"unmatched-village\"").last?.components(separatedBy: "</section>")
                    .first)
            let rows = section.components(separatedBy: "<tr class=\"row unmatched\">").dropFirst()
            #expect(rows.count == 2)
            func cell(_ row: String, _ label: String) -> String? {
                let start = "data-label=\"\(label)\">"
                guard let after = row.components(separatedBy: start).dropFirst().first else { return nil }
                return after.components(separatedBy: "</td>").first
            }
            #expect(rows.map { cell($0, "文件") } == ["list-2.csv", "list-2.csv"])
            #expect(rows.map { cell($0, "行号") } == ["2", "3"])
            #expect(rows.map { cell($0, "姓名") } == ["周九", "吴十"])
            #expect(rows.map { cell($0, "村（社区）（原文）") } == ["东村3组", "（空）"])
            #expect(rows.map { cell($0, "结果") } == [OutcomeKind.valid.label, OutcomeKind.duplicate.label])
            // Masked as the rejects section masks them.
            #expect(!section.contains(DashboardFixture.ids[4]))
            #expect(!section.contains("只列出前"))

            // 白沙镇 has no villages in the roster: no such section.
            let other = try await client.execute(
                uri: DashboardFixture.path("白沙镇"), method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(!other.text.contains("unmatched-village"))
        }
    }
}
