import Foundation
import Hummingbird
import RegTrackerCore
import RegTrackerKit

/// `/` (the ranking, for every token; for a county token the counties ranked), `/counties/{county}` (the office, or
/// that county's token), and a township's page: `/townships/{name}`, or `/counties/{county}/townships/{name}` where
/// the roster has counties (the office, that township's token, or its county's).
struct PageRoutes {
    var dashboard: Dashboard

    func add(to group: RouterGroup<DashboardContext>) {
        let dashboard = dashboard
        group.get("/") { _, context in
            let data = try await dashboard.rankingData(for: context.client)
            let access = context.access ?? .office
            return HTMLResponse.page(
                data.rendered.text(access.renderedPageKey) { RankingPage(data: data, access: access).html() })
        }
        group.get("/counties/:county") { _, context in
            guard let access = context.access else { throw HTTPError(.unauthorized) }
            let text = Self.decodedParameter(context.parameters.get("county") ?? "")
            let data = try await dashboard.rankingData(for: context.client)
            let (county, countyData) = try Self.county(text, in: data, access: access).mapError(\.httpError).get()
            return HTMLResponse.page(
                data.rendered.text("county:\(county):" + access.renderedPageKey) {
                    CountyPage(ranking: data, county: countyData, access: access).html()
                })
        }
        group.get("/townships/:name") { _, context in
            try await Self.townshipPage(context, county: nil, dashboard: dashboard)
        }
        group.get("/counties/:county/townships/:name") { _, context in
            let county = Self.decodedParameter(context.parameters.get("county") ?? "")
            return try await Self.townshipPage(context, county: county, dashboard: dashboard)
        }
    }

    private static func townshipPage(_ context: DashboardContext, county: String?, dashboard: Dashboard) async throws
        -> Response
    {
        guard let access = context.access else { throw HTTPError(.unauthorized) }
        let name = decodedParameter(context.parameters.get("name") ?? "")
        switch try await township(name, county: county, access: access, dashboard: dashboard, client: context.client) {
        case .success(let data):
            return HTMLResponse.page(
                data.rendered.text(access.renderedPageKey) { TownshipPage(data: data, access: access).html() })
        case .failure(let refusal):
            throw refusal.httpError
        }
    }

    /// Why a township's or county's page or JSON is not shown: 404 to the office, which may see every page, 403 to
    /// the others.
    struct Refusal: Error {
        var status: HTTPResponse.Status
        /// Why, in Chinese (SPEC 7: the dashboard is Chinese), on the page and in the JSON's `error` alike.
        var message: String

        /// The refusal of a page.
        var httpError: HTTPError { HTTPError(status, message: message) }
    }

    /// The figures of the township `name` (of `county` when the path names one), if `access` may see them.
    static func township(
        _ name: String, county: String?, access: Access, dashboard: Dashboard, client: String
    ) async throws -> Result<TownshipData, Refusal> {
        let lookup = try await dashboard.township(name, county: county, for: client)
        let office = access == .office
        switch lookup {
        case .found(let ref) where access.canSee(township: ref.name, county: ref.county, nameIsShared: ref.nameIsShared):
            guard let data = try await dashboard.townshipData(ref, for: client) else {
                return .failure(Refusal(status: .notFound, message: "乡镇“\(name)”不在人口底数中。"))
            }
            return .success(data)
        case .inSeveralCounties(let counties) where office:
            return .failure(
                Refusal(
                    status: .notFound,
                    message: "乡镇“\(name)”在多个县（区）都有：\(counties.joined(separator: "、"))，请从县（区）的页面"
                        + "（或 /api/counties/县（区）/townships/\(name)）打开。"))
        case .unknown(let knownCounty) where office:
            let page =
                switch (knownCounty, county) {
                case (false, let county): "县（区）“\(county ?? "")”不在人口底数中。"
                case (true, let county?): "人口底数中\(county)没有乡镇“\(name)”。"
                case (true, nil): "乡镇“\(name)”不在人口底数中。"
                }
            return .failure(Refusal(status: .notFound, message: page))
        default:
            return .failure(Refusal(status: .forbidden, message: access.refusal))
        }
    }

    /// The county a path names and its figures, if `access` may see them; the same refusal as a township's.
    static func county(_ text: String, in data: RankingData, access: Access) -> Result<(String, CountyData), Refusal> {
        guard let county = data.counties.first(where: { Roster.key($0) == Roster.key(text) }),
            access.canSee(county: county), let countyData = data.county(county)
        else {
            let office = access == .office
            return .failure(
                Refusal(
                    status: office ? .notFound : .forbidden,
                    message: office ? "县（区）“\(text)”不在人口底数中。" : access.refusal))
        }
        return .success((county, countyData))
    }

    /// Path segments arrive percent-encoded (`%E9%9D%92…`).
    static func decodedParameter(_ text: String) -> String { text.removingPercentEncoding ?? text }
}

extension Access {
    /// Why a page (or its JSON) beyond this token's reach is refused.
    var refusal: String {
        switch self {
        case .county: "此令牌只能查看本县（区）的页面。"
        default: "此令牌只能查看排名和本乡镇的页面。"
        }
    }
}
