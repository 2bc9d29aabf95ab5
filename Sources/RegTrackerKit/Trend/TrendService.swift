import RegTrackerCore
import RegTrackerStore

/// Progress over time (issue 7): the figures as they stood on a date, each township's trend and projection, and the
/// deadline setting. Every method reads one consistent snapshot.
public struct TrendService {
    public var store: any RegistryStore

    public init(store: any RegistryStore) {
        self.store = store
    }

    /// The ranked report as it stood at the end of `date` (see `AsOf.counts`), with each township's last submission
    /// on or before that date.
    public func report(target: Target, asOf date: CivilDate) throws -> (report: Report, lastSubmission: [String: String])
    {
        try store.read { transaction in
            let roster = try transaction.currentRoster()
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
            var lastSubmission: [String: String] = [:]
            let figures = zip(roster.roster.townships, roster.ids).map { township, id in
                lastSubmission[township.name] = latest[id]?.iso8601Unchecked
                return TownshipFigures(
                    township: township.name, population: township.population, target: township.target ?? target,
                    counts: counts[id] ?? OutcomeCounts())
            }
            return (Report(target: target, townships: figures, unassigned: unassigned), lastSubmission)
        }
    }

    /// Every township's trend up to `asOf`, in today's rank order, against the stored deadline unless one is given.
    public func trend(target: Target, asOf: CivilDate, deadline: CivilDate? = nil) throws -> TrendReport {
        try store.read { transaction in
            let roster = try transaction.currentRoster()
            let report = try Self.currentReport(target: target, roster: roster, in: transaction)
            let names = Dictionary(uniqueKeysWithValues: zip(roster.ids, roster.roster.townships.map(\.name)))
            var series: [String: DailySeries] = [:]
            for group in try transaction.datedOutcomeCounts() where group.outcome == .valid {
                guard let id = group.township, let name = names[id],
                    let imported = CivilDate(leadingISO8601: group.importedDay)
                else { continue }
                let registered = group.registeredDay.flatMap(CivilDate.init(leadingISO8601:))
                series[name, default: DailySeries()].add(
                    group.count, on: AsOf.registrationDay(registered: registered, imported: imported))
            }
            let deadline = try deadline ?? Self.storedDeadline(transaction)
            return TrendReport(
                asOf: asOf, deadline: deadline, target: target,
                townships: report.townships.map { figures in
                    TrendReport.Township(
                        figures: figures, series: series[figures.township] ?? DailySeries(), asOf: asOf,
                        deadline: deadline)
                })
        }
    }

    /// The deadline set with `trend --deadline`, if any.
    public func deadline() throws -> CivilDate? {
        try store.read { try Self.storedDeadline($0) }
    }

    /// Stores the deadline (nil removes it). A setting, not data: it never changes a figure.
    public func setDeadline(_ date: CivilDate?) throws {
        try store.write { try $0.setSetting(SettingKey.deadline, value: date?.iso8601Unchecked) }
    }

    /// One township's rows by village (村/社区): most valid first, the rows without a village last.
    public func villages(township: Int64) throws -> [VillageFigures] {
        let counts = try store.read { try $0.villageCounts(township: township) }
        var byVillage: [String: OutcomeCounts] = [:]
        for count in counts { byVillage[count.village, default: OutcomeCounts()].add(count.outcome, count: count.count) }
        return byVillage.map { VillageFigures(village: $0.key, counts: $0.value) }.sorted { a, b in
            if a.village.isEmpty != b.village.isEmpty { return b.village.isEmpty }
            if a.counts.valid != b.counts.valid { return a.counts.valid > b.counts.valid }
            return UnicodeOrder.precedes(a.village, b.village)
        }
    }

    /// Today's report inside the same snapshot as the trend (what `ReportService.report` computes).
    private static func currentReport(target: Target, roster: StoredRoster, in transaction: any RegistryTransaction)
        throws -> Report
    {
        let tally = try transaction.outcomeTally(roster: roster)
        let figures = zip(roster.roster.townships, roster.ids).map { township, id in
            TownshipFigures(
                township: township.name, population: township.population, target: township.target ?? target,
                counts: tally.byTownship[id] ?? OutcomeCounts())
        }
        return Report(target: target, townships: figures, unassigned: tally.unassigned)
    }

    private static func storedDeadline(_ transaction: any RegistryTransaction) throws -> CivilDate? {
        try transaction.setting(SettingKey.deadline).flatMap(CivilDate.init(iso8601:))
    }
}

/// One village's rows of a township: valid and reported, as the head compares villages.
public struct VillageFigures: Sendable, Equatable {
    /// "" for rows whose village cell was empty.
    public var village: String
    public var counts: OutcomeCounts

    public init(village: String, counts: OutcomeCounts) {
        self.village = village
        self.counts = counts
    }

    /// The name people read: the village, or 未填村（社区） for rows without one.
    public var label: String { village.isEmpty ? "未填村（社区）" : village }
}
