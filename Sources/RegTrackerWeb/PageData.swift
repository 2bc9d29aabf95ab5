import RegTrackerCore
import RegTrackerKit
import RegTrackerStore

/// What the ranking page shows, read on one snapshot.
struct RankingData: Sendable {
    var report: Report
    var lastSubmission: [String: String]
    var trend: TrendReport
    /// The stored notices (issue 14), by end.
    var notices: [Notice] = []
}

/// What a township page shows, read on one snapshot.
struct TownshipData: Sendable {
    var report: Report
    var figures: TownshipFigures
    var lastSubmission: String?
    var trend: TrendReport
    var township: TrendReport.Township
    var rejects: [RejectRecord]
    var villages: [VillageFigures]
    /// The stored notices (issue 14), by end.
    var notices: [Notice] = []
}

extension Dashboard {
    /// Reads run in `client`'s turn in the read pool.
    func rankingData(for client: String) async throws -> RankingData {
        let (target, today) = (target, today)
        return try await readers.read(for: client) { store in
            try withSnapshot(of: store) { snapshot in
                let (report, lastSubmission) = try ReportService(store: snapshot).report(target: target)
                let trend = try TrendService(store: snapshot).trend(target: target, asOf: today)
                return RankingData(
                    report: report, lastSubmission: lastSubmission, trend: trend,
                    notices: try NoticeService(store: snapshot).list())
            }
        }
    }

    /// The roster name a path segment stands for (a name or an alias), or nil.
    func townshipName(_ text: String, for client: String) async throws -> String? {
        try await readers.read(for: client) { try ReportService(store: $0).township(named: text)?.name }
    }

    /// nil when the name is not in the roster.
    func townshipData(named name: String, for client: String) async throws -> TownshipData? {
        let (target, today) = (target, today)
        return try await readers.read(for: client) { store in
            try withSnapshot(of: store) { snapshot -> TownshipData? in
                let service = ReportService(store: snapshot)
                guard let found = try service.township(named: name) else { return nil }
                let (report, lastSubmission) = try service.report(target: target)
                let trend = try TrendService(store: snapshot).trend(target: target, asOf: today)
                guard let figures = report.townships.first(where: { $0.township == found.name }),
                    let township = trend.township(named: found.name)
                else { return nil }
                return TownshipData(
                    report: report, figures: figures, lastSubmission: lastSubmission[found.name], trend: trend,
                    township: township, rejects: try service.rejects(township: found.id),
                    villages: try TrendService(store: snapshot).villages(township: found.id),
                    notices: try NoticeService(store: snapshot).list())
            }
        }
    }
}
