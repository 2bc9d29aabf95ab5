import Hummingbird
import RegTrackerCore
import RegTrackerKit

/// `GET /api/report`, `/api/townships/{name}`, `/api/trend`: the JSON of `report --json`,
/// `rate NAME --json --by-village` and `trend --json`.
struct APIRoutes {
    var dashboard: Dashboard

    func add(to group: RouterGroup<DashboardContext>) {
        let dashboard = dashboard
        group.get("/api/report") { _, context in
            let data = try await dashboard.rankingData(for: context.client)
            return Self.json(rendered: data.rendered.text("report") { ReportJSON.report(data.report).rendered() })
        }
        group.get("/api/trend") { request, context in
            let step = request.uri.queryParameters.get("by").flatMap(DailySeries.Step.init(rawValue:)) ?? .day
            let data = try await dashboard.rankingData(for: context.client)
            return Self.json(
                rendered: data.rendered.text("trend:\(step.rawValue)") {
                    TrendJSON.report(data.trend, step: step).rendered()
                })
        }
        group.get("/api/townships/:name") { _, context in
            guard let access = context.access else { return Self.error(.unauthorized, "a token is required") }
            let name = PageRoutes.decodedParameter(context.parameters.get("name") ?? "")
            let canonical = try await dashboard.townshipName(name, for: context.client)
            guard let canonical, access.canSee(township: canonical) else {
                if case .office = access { return Self.error(.notFound, "unknown township") }
                return Self.error(.forbidden, "this token may read its own township only")
            }
            guard let data = try await dashboard.townshipData(named: canonical, for: context.client) else {
                return Self.error(.notFound, "unknown township")
            }
            return Self.json(
                rendered: data.rendered.text("township") {
                    TownshipDocument.json(
                        data.figures, in: data.report, lastSubmission: data.lastSubmission,
                        rejects: RejectTally(data.rejects), villages: data.villages, villageReport: data.villageReport
                    ).rendered()
                })
        }
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        json(rendered: value.rendered(), status: status)
    }

    static func json(rendered text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(.object([("error", .string(message))]), status: status)
    }
}
