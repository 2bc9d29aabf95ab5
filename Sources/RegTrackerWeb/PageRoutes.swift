import Foundation
import Hummingbird
import RegTrackerKit

/// `/` (the ranking, for every token) and `/townships/{name}` (the office, or that township's own token).
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
        group.get("/townships/:name") { _, context in
            guard let access = context.access else { throw HTTPError(.unauthorized) }
            let name = Self.decodedParameter(context.parameters.get("name") ?? "")
            let canonical = try await dashboard.townshipName(name, for: context.client)
            guard let canonical, access.canSee(township: canonical) else {
                if case .office = access { throw HTTPError(.notFound, message: "乡镇“\(name)”不在人口底数中。") }
                throw HTTPError(.forbidden, message: "此令牌只能查看排名和本乡镇的页面。")
            }
            guard let data = try await dashboard.townshipData(named: canonical, for: context.client) else {
                throw HTTPError(.notFound)
            }
            return HTMLResponse.page(
                data.rendered.text(access.renderedPageKey) { TownshipPage(data: data, access: access).html() })
        }
    }

    /// Path segments arrive percent-encoded (`%E9%9D%92…`).
    static func decodedParameter(_ text: String) -> String { text.removingPercentEncoding ?? text }
}
