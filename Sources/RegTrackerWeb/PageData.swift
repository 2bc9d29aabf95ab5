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
    /// The pages and JSON rendered from these figures.
    var rendered = RenderedTexts()
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
    /// Its villages of the roster ranked (SPEC 5); nil when the roster gives it none.
    var villageReport: VillageReport? = nil
    /// The first of its rows that match none of its villages, and their count; nil when it has no villages.
    var unmatched: UnmatchedVillageRows? = nil
    /// The stored notices (issue 14), by end.
    var notices: [Notice] = []
    /// The page and JSON rendered from these figures.
    var rendered = RenderedTexts()
}

extension Dashboard {
    /// Reads run in `client`'s turn in the read pool, each page on one snapshot.
    func rankingData(for client: String) async throws -> RankingData {
        let (target, today, cache) = (target, today, figuresCache)
        return try await readers.read(for: client) { store in
            try FiguresSnapshot.read(store) { snapshot in
                let key = try cache.map { _ in try FiguresCache.Key(store: store, snapshot: snapshot, today: today) }
                if let key, let kept = cache?.ranking(key) { return kept }
                let ranked = try snapshot.report(target: target)
                let data = RankingData(
                    report: ranked.report, lastSubmission: ranked.lastSubmissionText,
                    trend: try snapshot.trend(target: target, asOf: today), notices: try snapshot.notices())
                if let key { cache?.keep(data, for: key) }
                return data
            }
        }
    }

    /// The roster name a path segment stands for (a name or an alias), or nil.
    func townshipName(_ text: String, for client: String) async throws -> String? {
        try await readers.read(for: client) { store in
            try FiguresSnapshot.read(store) { $0.township(named: text)?.name }
        }
    }

    /// nil when the name is not in the roster.
    func townshipData(named name: String, for client: String) async throws -> TownshipData? {
        let (target, today, cache) = (target, today, figuresCache)
        return try await readers.read(for: client) { store in
            try FiguresSnapshot.read(store) { snapshot -> TownshipData? in
                let key = try cache.map { _ in try FiguresCache.Key(store: store, snapshot: snapshot, today: today) }
                if let key, let kept = cache?.township(name, key) { return kept }
                guard let view = try snapshot.townshipView(named: name, target: target) else { return nil }
                let trend = try key.flatMap { cache?.trend($0) } ?? snapshot.trend(target: target, asOf: today)
                guard let township = trend.township(named: view.figures.township) else { return nil }
                let data = TownshipData(
                    report: view.report, figures: view.figures, lastSubmission: view.lastSubmission?.iso8601Unchecked,
                    trend: trend, township: township, rejects: view.rejects, villages: view.villages,
                    villageReport: view.villageReport,
                    unmatched: try snapshot.unmatchedVillageRows(
                        township: view.figures.township, limit: TownshipPage.rejectLimit),
                    notices: try snapshot.notices())
                if let key { cache?.keep(data, named: name, for: key) }
                return data
            }
        }
    }
}
