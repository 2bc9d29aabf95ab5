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
    /// The roster's counties, in roster order (SPEC 8); empty without a county column.
    var counties: [String] = []
    /// The pages and JSON rendered from these figures.
    var rendered = RenderedTexts()

    /// The counties ranked by the sums of their townships (issue 19); nil without counties in the roster.
    var countyReport: CountyReport? { counties.isEmpty ? nil : CountyReport(report, counties: counties) }

    /// One county's townships ranked among themselves, with their last submissions (`report --county`); nil when
    /// `county` is not a county of the roster.
    func county(_ county: String) -> CountyData? {
        guard let figures = countyReport?.counties.first(where: { $0.county == county }) else { return nil }
        let townships = report.townships.filter { $0.county == county }
        var last: [String: String] = [:]
        // Within one county names are unique: each township's day, looked up by its label in the whole ranking.
        for township in townships { last[township.township] = lastSubmission[township.label] }
        return CountyData(
            figures: figures, of: countyReport?.counties.filter(\.hasRate).count ?? 0,
            report: Report(target: report.target, townships: townships, unassigned: report.unassigned),
            lastSubmission: last)
    }
}

/// A county's page (issue 19): its sums and its townships ranked among themselves.
struct CountyData: Sendable {
    var figures: CountyFigures
    /// How many counties have a rank.
    var of: Int
    var report: Report
    var lastSubmission: [String: String]
}

/// A township of the roster as the dashboard names it: its roster name and county.
struct TownshipRef: Sendable, Equatable {
    var name: String
    var county: String?
    /// Whether another county's township has the same name (SPEC 8).
    var nameIsShared: Bool

    /// Its entry among the kept township pages.
    var key: String { (county ?? "") + "/" + name }
}

/// What a township named in a path stands for.
enum TownshipLookup: Sendable, Equatable {
    case found(TownshipRef)
    /// Not a township of the roster (or of that county); the county is unknown too when `knownCounty` is false.
    case unknown(knownCounty: Bool)
    /// A name several counties share, given without its county: their names.
    case inSeveralCounties([String])
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
    /// One snapshot of `store`, through the kept figures when the dashboard keeps them (then with their key).
    private static func read<T>(
        _ store: any RegistryStore, cache: FiguresCache?, today: CivilDate,
        _ body: (FiguresSnapshot, FiguresCache.Key?) throws -> T
    ) throws -> T {
        guard let cache else { return try FiguresSnapshot.read(store) { try body($0, nil) } }
        return try cache.read(store, today: today) { try body($0, $1) }
    }

    /// Reads run in `client`'s turn in the read pool, each page on one snapshot.
    func rankingData(for client: String) async throws -> RankingData {
        let (target, today, cache) = (target, today, figuresCache)
        return try await readers.read(for: client) { store in
            try Self.read(store, cache: cache, today: today) { snapshot, key in
                if let key, let kept = cache?.ranking(key) { return kept }
                let ranked = try snapshot.report(target: target)
                let data = RankingData(
                    report: ranked.report, lastSubmission: ranked.lastSubmissionText,
                    trend: try key.flatMap { cache?.trend($0) } ?? snapshot.trend(target: target, asOf: today),
                    notices: try snapshot.notices(), counties: snapshot.roster.roster.counties)
                if let key { cache?.keep(data, for: key) }
                return data
            }
        }
    }

    /// The roster township a path segment stands for (a name or an alias), within `county` when the path names one
    /// (a county's name or its roster name).
    func township(_ text: String, county: String?, for client: String) async throws -> TownshipLookup {
        let (today, cache) = (today, figuresCache)
        return try await readers.read(for: client) { store in
            try Self.read(store, cache: cache, today: today) { snapshot, _ in
                let roster = snapshot.roster.roster
                var inCounty: String?
                if let county {
                    guard let known = roster.county(named: county) else { return .unknown(knownCounty: false) }
                    inCounty = known
                }
                guard let found = snapshot.township(named: text, county: inCounty) else {
                    let counties = roster.indices(forKey: Roster.key(text)).compactMap { roster.townships[$0].county }
                    return county == nil && counties.count > 1
                        ? .inSeveralCounties(counties) : .unknown(knownCounty: true)
                }
                let shared = roster.townships.lazy.filter { $0.name == found.name }.count > 1
                return .found(TownshipRef(name: found.name, county: found.county, nameIsShared: shared))
            }
        }
    }

    /// nil when the township is not in the roster.
    func townshipData(_ ref: TownshipRef, for client: String) async throws -> TownshipData? {
        let (target, today, cache) = (target, today, figuresCache)
        return try await readers.read(for: client) { store in
            try Self.read(store, cache: cache, today: today) { snapshot, key -> TownshipData? in
                if let key, let kept = cache?.township(ref.key, key) { return kept }
                // Looked up again on this snapshot: the roster may have changed since the path was resolved.
                guard let found = snapshot.township(named: ref.name, county: ref.county),
                    let view = try snapshot.townshipView(id: found.id, target: target)
                else { return nil }
                let trend = try key.flatMap { cache?.trend($0) } ?? snapshot.trend(target: target, asOf: today)
                guard let township = trend.township(named: view.figures.township, county: view.figures.county) else {
                    return nil
                }
                let data = TownshipData(
                    report: view.report, figures: view.figures, lastSubmission: view.lastSubmission?.iso8601Unchecked,
                    trend: trend, township: township, rejects: view.rejects, villages: view.villages,
                    villageReport: view.villageReport,
                    unmatched: try snapshot.unmatchedVillageRows(id: found.id, limit: TownshipPage.rejectLimit),
                    notices: try snapshot.notices())
                if let key { cache?.keep(data, named: ref.key, for: key) }
                return data
            }
        }
    }
}
