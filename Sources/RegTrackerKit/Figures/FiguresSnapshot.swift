import RegTrackerCore
import RegTrackerStore

/// The read side's one path (issue 13): what the reports, `rate`, `missing`, the trend and the dashboard show, from
/// the kept figures, all on one read transaction so that nothing mixes the database before and after an import.
public struct FiguresSnapshot {
    /// The figures, and the roster, rows, settings and notices they are shown with.
    let transaction: any FigureStore & RosterStore & RegistrationStore & SettingStore & NoticeStore
    /// The roster in force.
    public let roster: StoredRoster

    /// Reads `body` on one snapshot of `store`. `keptRoster` may give the roster in force for the snapshot's change
    /// stamp (the dashboard keeps it between requests), so that it is not read again.
    public static func read<T>(
        _ store: any RegistryStore, keptRoster: ((_ changeStamp: Int64) -> StoredRoster?)? = nil,
        _ body: (FiguresSnapshot) throws -> T
    ) throws -> T {
        try store.read { transaction in
            let kept = try keptRoster.flatMap { $0(try transaction.changeStamp()) }
            return try body(FiguresSnapshot(transaction: transaction, roster: try kept ?? transaction.currentRoster()))
        }
    }

    /// Moves when another connection changed the database since this one last read (`FigureStore`).
    public func changeStamp() throws -> Int64 { try transaction.changeStamp() }

    /// The townships of the roster with their ids: every one, or those of one county (SPEC 8).
    private func townships(county: String?) -> [(Township, Int64)] {
        let all = zip(roster.roster.townships, roster.ids)
        guard let county else { return Array(all) }
        return all.filter { $0.0.county == county }
    }

    /// Today's ranked report, with each township's last submission; of one county's townships when `county` is
    /// given (SPEC 8: `report --county`, the last submissions then those of its own townships).
    public func report(target: Target, county: String? = nil) throws -> RankedFigures {
        let tally = try transaction.outcomeTally(roster: roster)
        var days: [Int64: CivilDate] = [:]
        let figures = townships(county: county).map { township, id in
            days[id] = tally.newestBatch[id].flatMap { LastSubmission.day(importedAt: $0.importedAt) }
            return TownshipFigures(
                township: township.name, population: township.population, target: township.target ?? target,
                counts: tally.byTownship[id] ?? OutcomeCounts(), county: township.county)
        }
        let report = Report(target: target, townships: figures, unassigned: tally.unassigned)
        return RankedFigures(report: report, lastSubmission: lastSubmissions(report, county: county, days: days))
    }

    /// The ranked report as it stood at the end of `date` (see `AsOf.counts`), with each township's last submission
    /// on or before that date.
    public func report(target: Target, asOf date: CivilDate, county: String? = nil) throws -> RankedFigures {
        var counts: [Int64: OutcomeCounts] = [:]
        var latest: [Int64: CivilDate] = [:]
        var unassigned: Int64 = 0
        for group in try transaction.datedOutcomeCounts() {
            guard let imported = CivilDate(leadingISO8601: group.importedDay) else { continue }
            let registered = group.registeredDay.flatMap(CivilDate.init(leadingISO8601:))
            if let township = group.township, imported <= date {
                latest[township] = max(latest[township] ?? imported, imported)
            }
            guard AsOf.counts(registered: registered, imported: imported, on: date) else { continue }
            if group.outcome == .unassigned {
                unassigned += group.count
            } else if let township = group.township {
                counts[township, default: OutcomeCounts()].add(group.outcome, count: group.count)
            }
        }
        let figures = townships(county: county).map { township, id in
            TownshipFigures(
                township: township.name, population: township.population, target: township.target ?? target,
                counts: counts[id] ?? OutcomeCounts(), county: township.county)
        }
        let report = Report(target: target, townships: figures, unassigned: unassigned)
        return RankedFigures(report: report, lastSubmission: lastSubmissions(report, county: county, days: latest))
    }

    /// Each township's last submission day by its label in `report` (`TownshipFigures.label`). A name two counties
    /// share (SPEC 8) is also kept under the bare name, as the later of the two days, for those who look it up so.
    private func lastSubmissions(_ report: Report, county: String?, days: [Int64: CivilDate]) -> [String: CivilDate] {
        let ids = Dictionary(
            townships(county: county).map { ($0.0.key, $0.1) },
            uniquingKeysWith: { first, _ in first })
        var lastSubmission: [String: CivilDate] = [:]
        for figures in report.townships {
            guard let id = ids[figures.key], let day = days[id] else {
                continue
            }
            lastSubmission[figures.label] = day
            if figures.sharesName {
                lastSubmission[figures.township] = Self.later(lastSubmission[figures.township], day)
            }
        }
        return lastSubmission
    }

    /// The later of two days, either of which may be absent.
    private static func later(_ a: CivilDate?, _ b: CivilDate?) -> CivilDate? {
        guard let a, let b else { return a ?? b }
        return max(a, b)
    }

    /// Every township's trend up to `asOf`, in today's rank order, against `deadline` or else the stored one.
    public func trend(target: Target, asOf: CivilDate, deadline: CivilDate? = nil) throws -> TrendReport {
        let report = try self.report(target: target).report
        // By township, not by name: two counties' 城关镇 (SPEC 8) each keep their own series.
        let keys = Dictionary(
            uniqueKeysWithValues: zip(
                roster.ids, roster.roster.townships.map(\.key)))
        var series: [TownshipKey: DailySeries] = [:]
        for group in try transaction.datedOutcomeCounts() where group.outcome == .valid {
            guard let id = group.township, let key = keys[id],
                let imported = CivilDate(leadingISO8601: group.importedDay)
            else { continue }
            let registered = group.registeredDay.flatMap(CivilDate.init(leadingISO8601:))
            series[key, default: DailySeries()].add(
                group.count, on: AsOf.registrationDay(registered: registered, imported: imported))
        }
        let deadline = try deadline ?? storedDeadline()
        return TrendReport(
            asOf: asOf, deadline: deadline, target: target,
            townships: report.townships.map { figures in
                TrendReport.Township(
                    figures: figures,
                    series: series[figures.key]
                        ?? DailySeries(), asOf: asOf, deadline: deadline)
            })
    }

    /// The deadline set with `trend --deadline`, if any.
    public func storedDeadline() throws -> CivilDate? {
        try transaction.setting(SettingKey.deadline).flatMap(CivilDate.init(iso8601:))
    }

    /// The roster township a name or alias stands for.
    public func township(named name: String) -> (name: String, id: Int64)? {
        roster.roster.index(named: name).map { (roster.roster.townships[$0].name, roster.ids[$0]) }
    }

    /// The roster township a name or alias stands for within `county` (SPEC 8), or, for nil, the one township of
    /// that name: its roster name, county and id.
    public func township(named name: String, county: String?) -> (name: String, county: String?, id: Int64)? {
        roster.roster.index(county: county, named: name).map {
            (roster.roster.townships[$0].name, roster.roster.townships[$0].county, roster.ids[$0])
        }
    }

    /// One township as its head sees it (`rate`, the dashboard's township page); nil when the name is not in the
    /// roster.
    public func townshipView(named name: String, target: Target) throws -> TownshipView? {
        guard let found = township(named: name) else { return nil }
        return try townshipView(id: found.id, target: target)
    }

    /// One township, by its id in the roster in force (SPEC 8: a name two counties share needs its county to
    /// find it); nil when no township of the roster has it.
    public func townshipView(id: Int64, target: Target) throws -> TownshipView? {
        guard let index = roster.ids.firstIndex(of: id) else { return nil }
        let township = roster.roster.townships[index]
        let ranked = try report(target: target)
        guard
            let figures = ranked.report.townships.first(where: {
                $0.township == township.name && $0.county == township.county
            })
        else { return nil }
        let hasVillages = !township.villages.isEmpty
        return TownshipView(
            ranked: ranked, figures: figures, lastSubmission: ranked.lastSubmission[figures.label],
            rejects: try transaction.rejects(township: id, all: false),
            // With villages in the roster the ranked village table stands in for the rows by village text.
            villages: hasVillages ? [] : try villages(township: id),
            villageReport: hasVillages ? try villageReport(township: index, target: target) : nil)
    }

    /// One township's rows by village (村/社区): most valid first, the rows without a village last.
    public func villages(township: Int64) throws -> [VillageFigures] {
        var byVillage: [String: OutcomeCounts] = [:]
        for count in try transaction.villageCounts(township: township) {
            byVillage[count.village, default: OutcomeCounts()].add(count.outcome, count: count.count)
        }
        return byVillage.map { VillageFigures(village: $0.key, counts: $0.value) }.sorted { a, b in
            if a.village.isEmpty != b.village.isEmpty { return b.village.isEmpty }
            if a.counts.valid != b.counts.valid { return a.counts.valid > b.counts.valid }
            return UnicodeOrder.precedes(a.village, b.village)
        }
    }

    /// The village table (SPEC 5) of the township at roster index `township`, or of every village of the county
    /// (nil), from the kept figures.
    public func villageReport(township: Int?, target: Target) throws -> VillageReport {
        let tally = try transaction.villageTally()
        let townships = township.map { [$0] } ?? Array(roster.roster.townships.indices)
        var villages: [VillageStanding] = []
        var unmatched = OutcomeCounts()
        for index in townships {
            let ids = roster.villageIDs[index]
            villages += VillageStanding.all(of: roster.roster.townships[index], target: target) {
                tally.byVillage[ids[$0]] ?? OutcomeCounts()
            }
            if let rows = tally.unmatchedByTownship[roster.ids[index]] { unmatched.add(rows) }
        }
        let name = township.map { roster.roster.townships[$0].name }
        let county = township.flatMap { roster.roster.townships[$0].county }
        let reportTarget = township.flatMap { roster.roster.townships[$0].target } ?? target
        return VillageReport(
            township: name, county: county, target: reportTarget, villages: villages, unmatched: unmatched)
    }

    /// The first `limit` rows of the roster township `name` that match none of its villages (SPEC 5), and how many
    /// there are; nil when the name is not in the roster or the roster gives it no villages.
    public func unmatchedVillageRows(township name: String, limit: Int) throws -> UnmatchedVillageRows? {
        guard let found = township(named: name) else { return nil }
        return try unmatchedVillageRows(id: found.id, limit: limit)
    }

    /// The same, by the township's id in the roster in force.
    public func unmatchedVillageRows(id: Int64, limit: Int) throws -> UnmatchedVillageRows? {
        guard let index = roster.ids.firstIndex(of: id), !roster.roster.townships[index].villages.isEmpty else {
            return nil
        }
        return try transaction.unmatchedVillageRows(township: id, limit: limit)
    }

    /// The stored notices, by end.
    public func notices() throws -> [Notice] { try transaction.notices() }
}

/// A ranked report and the import day of each township's newest registration batch (by its label in the report,
/// `TownshipFigures.label`, which is its roster name unless two counties share it; absent for a township that never
/// sent one).
public struct RankedFigures: Sendable {
    public var report: Report
    public var lastSubmission: [String: CivilDate]

    /// `YYYY-MM-DD` by township, as the report files and pages print it.
    public var lastSubmissionText: [String: String] { lastSubmission.mapValues(\.iso8601Unchecked) }
}

/// One township in its report, with the rows that did not count and its villages.
public struct TownshipView: Sendable {
    public var ranked: RankedFigures
    public var figures: TownshipFigures
    public var lastSubmission: CivilDate?
    public var rejects: [RejectRecord]
    public var villages: [VillageFigures]
    /// Its villages of the roster ranked (SPEC 5); nil when the roster gives it none.
    public var villageReport: VillageReport?

    public var report: Report { ranked.report }
}
