import Hummingbird
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// `GET /api/report`, `/api/townships/{name}`, `/api/trend`: the JSON of `report --json`,
/// `rate NAME --json --by-village` and `trend --json`.
struct APIRoutes {
    var dashboard: Dashboard

    func add(to group: RouterGroup<DashboardContext>) {
        let dashboard = dashboard
        group.get("/api/report") { _, context in
            if let refused = Self.refusedUnlessEveryTownship(context) { return refused }
            let data = try await dashboard.rankingData(for: context.client)
            return Self.json(
                rendered: data.rendered.text("report") {
                    // As `report --json`: with each township's 较上期 once a notice's period has ended.
                    let since = ReportChange.baseline(data.notices, onOrBefore: data.trend.asOf)
                    return (since.map { ReportChange.json(data.report, since: $0) } ?? ReportJSON.report(data.report))
                        .rendered()
                })
        }
        group.get("/api/trend") { request, context in
            if let refused = Self.refusedUnlessEveryTownship(context) { return refused }
            let step = request.uri.queryParameters.get("by").flatMap(DailySeries.Step.init(rawValue:)) ?? .day
            let data = try await dashboard.rankingData(for: context.client)
            return Self.json(
                rendered: data.rendered.text("trend:\(step.rawValue)") {
                    TrendJSON.report(data.trend, step: step).rendered()
                })
        }
        group.get("/api/counties/:county") { _, context in
            guard let access = context.access else { return Self.error(.unauthorized, Self.tokenRequired) }
            let text = PageRoutes.decodedParameter(context.parameters.get("county") ?? "")
            let data = try await dashboard.rankingData(for: context.client)
            let county: String
            let countyData: CountyData
            switch PageRoutes.county(text, in: data, access: access) {
            case .success(let found): (county, countyData) = found
            case .failure(let refusal): return Self.error(refusal.status, refusal.message)
            }
            return Self.json(
                rendered: data.rendered.text("county:\(county)") {
                    ReportJSON.report(countyData.report, county: county).rendered()
                })
        }
        group.get("/api/townships/:name") { _, context in
            try await Self.township(context, county: nil, dashboard: dashboard)
        }
        group.get("/api/counties/:county/townships/:name") { _, context in
            let county = PageRoutes.decodedParameter(context.parameters.get("county") ?? "")
            return try await Self.township(context, county: county, dashboard: dashboard)
        }
    }

    /// `rate NAME --json --by-village` of the township the path names, if the token may see it.
    private static func township(_ context: DashboardContext, county: String?, dashboard: Dashboard) async throws
        -> Response
    {
        guard let access = context.access else { return error(.unauthorized, tokenRequired) }
        let name = PageRoutes.decodedParameter(context.parameters.get("name") ?? "")
        let found = try await PageRoutes.township(
            name, county: county, access: access, dashboard: dashboard, client: context.client)
        switch found {
        case .failure(let refusal): return error(refusal.status, refusal.message)
        case .success(let data):
            return json(
                rendered: data.rendered.text("township") {
                    TownshipDocument.json(
                        data.figures, in: data.report, lastSubmission: data.lastSubmission,
                        rejects: RejectTally(data.rejects), villages: data.villages, villageReport: data.villageReport
                    ).rendered()
                })
        }
    }

    /// 403 for a county token (issue 19), which sees its own county only, not every township's figures.
    static func refusedUnlessEveryTownship(_ context: DashboardContext) -> Response? {
        guard let access = context.access, !access.seesEveryTownship else { return nil }
        return error(.forbidden, access.refusal)
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        json(rendered: value.rendered(), status: status)
    }

    static func json(rendered text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static let tokenRequired = "需要令牌：请在请求头加 Authorization: Bearer 令牌，或先在 /login 登录。"

    /// `{"error": "…"}`, the message in Chinese as the pages give it (SPEC 7).
    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(.object([("error", .string(message))]), status: status)
    }
}
