import RegTrackerCore
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
        // One read: the figures as of the end (TrendService's rule) and the import days come from the same groups.
        let (report, notReported) = try store.read { transaction -> (Report, [String]) in
            let roster = try transaction.currentRoster()
            guard !roster.roster.townships.isEmpty else { throw NoRoster() }
            let groups = try transaction.datedOutcomeCounts()
            let (report, _) = TrendService.report(target: target, asOf: period.end, roster: roster, groups: groups)
            let names = roster.roster.townships.map(\.name)
            let imports = Self.importDays(roster: roster, groups: groups)
            return (report, NoticeRules.notReported(roster: names, imports: imports, in: period))
        }
        return try store.write { transaction in
            let stored = try transaction.notices()
            // Repeated inside the write: another run may have stored it meanwhile.
            if !reissue, let existing = stored.first(where: { $0.period == period }) {
                return Issued(notice: existing, isNew: false)
            }
            let notice = NoticeRules.issue(
                period: period, issued: today, report: report, bottom: bottom, cards: cards,
                history: NoticeRules.History(stored: stored, for: period), notReported: notReported)
            try transaction.replaceNotice(notice)
            return Issued(notice: notice, isNew: true)
        }
    }

    /// Every stored notice, by end.
    public func list() throws -> [Notice] {
        try store.read { try $0.notices() }
    }

    public func notice(period: NoticePeriod) throws -> Notice? {
        try list().first { $0.period == period }
    }

    /// Per roster township, the import days of the active batches holding rows of theirs.
    private static func importDays(roster: StoredRoster, groups: [DatedOutcomeCount]) -> [String: [CivilDate]] {
        let names = Dictionary(uniqueKeysWithValues: zip(roster.ids, roster.roster.townships.map(\.name)))
        var days: [String: Set<CivilDate>] = [:]
        for group in groups {
            guard let id = group.township, let name = names[id], let day = CivilDate(leadingISO8601: group.importedDay)
            else { continue }
            days[name, default: []].insert(day)
        }
        return days.mapValues { Array($0) }
    }
}
