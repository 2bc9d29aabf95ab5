import RegTrackerCore
import RegTrackerRender
import RegTrackerStore

/// Issues and lists the periodic notices (SPEC 6). A notice is computed once and stored; issuing its period again
/// gives the stored one back unless it is reissued.
public struct NoticeService {
    public var store: any RegistryStore

    public init(store: any RegistryStore) {
        self.store = store
    }

    /// The notice of `period` and whether it was issued now (false: it was already stored).
    public struct Issued: Sendable {
        public var notice: Notice
        public var isNew: Bool
    }

    /// Thrown when there is no roster: a notice without townships means nothing.
    public struct NoRoster: Error, Sendable {}

    /// Issues the notice of `period` on `today`, or returns the stored one; `reissue` computes it again and
    /// replaces it.
    public func issue(
        period: NoticePeriod, today: CivilDate, target: Target, bottom: Int, cards: NoticeCards, reissue: Bool
    ) throws -> Issued {
        if !reissue, let stored = try notice(period: period) { return Issued(notice: stored, isNew: false) }
        // One read and one pass over the rows: the figures as of the end and the import days of each township.
        let (report, notReported, formerNames) = try store.read {
            try Self.periodFigures(of: period, target: target, in: $0)
        }
        return try store.write { transaction in
            let stored = try transaction.notices()
            // Repeated inside the write: another run may have stored it meanwhile.
            if !reissue, let existing = stored.first(where: { $0.period == period }) {
                return Issued(notice: existing, isNew: false)
            }
            let notice = NoticeRules.issue(
                period: period, issued: today, report: report, bottom: bottom, cards: cards,
                history: NoticeRules.History(stored: stored, for: period), notReported: notReported,
                formerNames: formerNames)
            try transaction.replaceNotice(notice)
            return Issued(notice: notice, isNew: true)
        }
    }

    /// The figures as of the end of `period`, the townships that sent nothing in it, and each township's aliases
    /// (a renamed township keeps its old name as one, and its record in earlier notices with it).
    static func periodFigures(
        of period: NoticePeriod, target: Target, in transaction: any RosterStore & BatchLedger & FigureStore
    ) throws -> (Report, [String], [TownshipKey: [String]]) {
        let roster = try transaction.currentRoster()
        guard !roster.roster.townships.isEmpty else { throw NoRoster() }
        let imported = Dictionary(
            uniqueKeysWithValues: try transaction.batches().compactMap { batch in
                batch.id.flatMap { id in CivilDate(leadingISO8601: batch.importedAt).map { (id, $0) } }
            })
        let groups = try transaction.batchOutcomeCounts(registeredAfter: period.end)
        return (
            Self.figures(target: target, end: period.end, roster: roster, groups: groups, imported: imported),
            NoticeRules.notReported(
                roster: roster.roster.townships.map(\.key),
                imports: Self.importDays(roster: roster, groups: groups, imported: imported),
                in: period),
            Dictionary(roster.roster.townships.map { ($0.key, $0.aliases) }, uniquingKeysWith: { first, _ in first })
        )
    }

    /// Every stored notice, by end.
    public func list() throws -> [Notice] {
        try store.read { try $0.notices() }
    }

    /// The notice `report` compares with on `date` (see `ReportChange.baseline`).
    public func baseline(onOrBefore date: CivilDate) throws -> Notice? {
        ReportChange.baseline(try list(), onOrBefore: date)
    }

    public func notice(period: NoticePeriod) throws -> Notice? {
        try list().first { $0.period == period }
    }

    /// The report as of the end of `end`: the rule of `AsOf.counts` (the same as `report --as-of`), applied to
    /// groups of rows that share their batch and whether their registered_at is after the end.
    static func figures(
        target: Target, end: CivilDate, roster: StoredRoster, groups: [BatchOutcomeCount], imported: [Int64: CivilDate]
    ) -> Report {
        let after = end.adding(days: 1)
        var counts: [Int64: OutcomeCounts] = [:]
        var unassigned: Int64 = 0
        for group in groups {
            guard let day = imported[group.batch],
                AsOf.counts(registered: group.registeredAfter ? after : nil, imported: day, on: end)
            else { continue }
            if group.outcome == .unassigned {
                unassigned += group.count
            } else if let township = group.township {
                counts[township, default: OutcomeCounts()].add(group.outcome, count: group.count)
            }
        }
        let figures = zip(roster.roster.townships, roster.ids).map { township, id in
            TownshipFigures(
                township: township.name, population: township.population, target: township.target ?? target,
                counts: counts[id] ?? OutcomeCounts(), county: township.county)
        }
        return Report(target: target, townships: figures, unassigned: unassigned)
    }

    /// Per roster township, the import days of the active batches holding rows of theirs.
    private static func importDays(roster: StoredRoster, groups: [BatchOutcomeCount], imported: [Int64: CivilDate])
        -> [TownshipKey: [CivilDate]]
    {
        let names = Dictionary(uniqueKeysWithValues: zip(roster.ids, roster.roster.townships.map(\.key)))
        var days: [TownshipKey: Set<CivilDate>] = [:]
        for group in groups {
            guard let id = group.township, let name = names[id], let day = imported[group.batch] else { continue }
            days[name, default: []].insert(day)
        }
        return days.mapValues { Array($0) }
    }
}
