import Hummingbird
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// `GET /api/notices` and `/api/notices/{period}`: the JSON of `notice list --json` and of a stored notice
/// (`notice PERIOD --json`). Read-only: the dashboard never issues a notice. A notice is a ranking of every
/// township, which every token may see but a county's (issue 19).
struct NoticeRoutes {
    var dashboard: Dashboard

    func add(to group: RouterGroup<DashboardContext>) {
        let dashboard = dashboard
        group.get("/api/notices") { _, context in
            if let refused = APIRoutes.refusedUnlessEveryTownship(context) { return refused }
            return APIRoutes.json(
                NoticeJSON.list(
                    try await dashboard.readers.read(for: context.client) { try NoticeService(store: $0).list() }))
        }
        group.get("/api/notices/:period") { _, context in
            if let refused = APIRoutes.refusedUnlessEveryTownship(context) { return refused }
            let text = PageRoutes.decodedParameter(context.parameters.get("period") ?? "")
            guard let period = NoticePeriod(parsing: text) else {
                return APIRoutes.error(.notFound, "不是有效的期次：请给出月 2026-11、ISO 周 2026-W48 或日 2026-11-30。")
            }
            let notice = try await dashboard.readers.read(for: context.client) {
                try NoticeService(store: $0).notice(period: period)
            }
            guard let notice else { return APIRoutes.error(.notFound, "没有已保存的 \(period) 通报。") }
            return APIRoutes.json(NoticeJSON.notice(notice))
        }
    }
}
