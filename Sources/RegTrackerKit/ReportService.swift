import RegTrackerCore
import RegTrackerStore

/// Computes the figures of SPEC 2 from the stored outcomes.
public struct ReportService {
    public var store: any RegistryStore

    public init(store: any RegistryStore) {
        self.store = store
    }

    /// The ranked report with each township's last submission date.
    public func report(target: Target) throws -> (report: Report, lastSubmission: [String: String]) {
        try store.read { transaction in
            let roster = try transaction.currentRoster()
            let tally = try transaction.outcomeTally(roster: roster)
            var lastSubmission: [String: String] = [:]
            let figures = zip(roster.roster.townships, roster.ids).map { township, id in
                lastSubmission[township.name] = tally.lastSubmission[id]
                return TownshipFigures(
                    township: township.name, population: township.population, target: township.target ?? target,
                    counts: tally.byTownship[id] ?? OutcomeCounts())
            }
            return (Report(target: target, townships: figures, unassigned: tally.unassigned), lastSubmission)
        }
    }

    /// The roster township a name or alias stands for.
    public func township(named name: String) throws -> (name: String, id: Int64)? {
        try store.read { transaction in
            let roster = try transaction.currentRoster()
            return roster.roster.index(named: name).map { (roster.roster.townships[$0].name, roster.ids[$0]) }
        }
    }

    public func suggestion(for name: String) throws -> String? {
        try store.read { try $0.currentRoster().roster.suggestion(forKey: Roster.key(name)) }
    }

    /// Rows that are not valid: of one township, or every township and the unassigned ones.
    public func rejects(township: Int64?) throws -> [RejectRecord] {
        try store.read { try $0.rejects(township: township, all: township == nil) }
    }

    /// 未报送名单: townships of the roster, in roster order, whose latest batch with rows of theirs is older than
    /// `since` (or that have none).
    public func missing(since: CivilDate) throws -> [MissingTownship] {
        try store.read { transaction in
            let roster = try transaction.currentRoster()
            let tally = try transaction.outcomeTally(roster: roster)
            return zip(roster.roster.townships, roster.ids).compactMap { township, id in
                let last = tally.lastSubmission[id]
                if let last, let date = CivilDate(iso8601: last), date >= since { return nil }
                return MissingTownship(township: township.name, lastSubmission: last)
            }
        }
    }
}

/// A township with no registration batch since a date, and the date of its latest one if any.
public struct MissingTownship: Sendable, Equatable {
    public var township: String
    public var lastSubmission: String?

    public init(township: String, lastSubmission: String?) {
        self.township = township
        self.lastSubmission = lastSubmission
    }
}
