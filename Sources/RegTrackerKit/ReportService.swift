import RegTrackerCore
import RegTrackerStore

/// Computes the figures of SPEC 2 from the stored outcomes.
public struct ReportService {
    public var store: any RegistryStore

    public init(store: any RegistryStore) {
        self.store = store
    }

    /// The ranked report with each township's last submission date (`YYYY-MM-DD`, as files and pages print it).
    /// `county`: only that county's townships, ranked among themselves (SPEC 8).
    public func report(
        target: Target, county: String? = nil
    ) throws -> (report: Report, lastSubmission: [String: String]) {
        let ranked = try FiguresSnapshot.read(store) { try $0.report(target: target, county: county) }
        return (ranked.report, ranked.lastSubmissionText)
    }

    /// The counties of the roster in force, in roster order (SPEC 8); empty without a county column.
    public func counties() throws -> [String] {
        try store.read { try $0.currentRoster().roster.counties }
    }

    /// The roster county a name stands for (SPEC 8): `.county(name)`, or why none.
    public func county(named name: String) throws -> CountyLookup {
        try store.read { transaction in
            let roster = try transaction.currentRoster().roster
            guard roster.hasCounties else { return .rosterHasNoCounties }
            return roster.county(named: name).map(CountyLookup.county) ?? .unknown(known: roster.counties)
        }
    }

    /// The counties of the townships a name or alias stands for (SPEC 8), in roster order: several when counties
    /// share the name.
    public func counties(ofTownship name: String) throws -> [String] {
        try store.read { transaction in
            let roster = try transaction.currentRoster().roster
            return roster.indices(forKey: Roster.key(name)).compactMap { roster.townships[$0].county }
        }
    }

    /// The roster township a name or alias stands for.
    public func township(named name: String) throws -> (name: String, id: Int64)? {
        try FiguresSnapshot.read(store) { $0.township(named: name) }
    }

    /// The roster township a name or alias stands for within `county` (SPEC 8), or, for nil, the one township of
    /// that name, with its county.
    public func township(named name: String, county: String?) throws -> (name: String, county: String?, id: Int64)? {
        try FiguresSnapshot.read(store) { $0.township(named: name, county: county) }
    }

    /// The names that more than one township of the roster in force carries (SPEC 8: two counties' 城关镇).
    public func sharedTownshipNames() throws -> Set<String> {
        try store.read { transaction in
            var named: [String: Int] = [:]
            for township in try transaction.currentRoster().roster.townships { named[township.name, default: 0] += 1 }
            return Set(named.filter { $0.value > 1 }.keys)
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
        try FiguresSnapshot.read(store) { snapshot in
            let last = try snapshot.report(target: .default).lastSubmission
            let townships = snapshot.roster.roster.townships
            var named: [String: Int] = [:]
            for township in townships { named[township.name, default: 0] += 1 }
            return townships.compactMap { township in
                // A name two counties share (SPEC 8) is listed, and its day looked up, with its county.
                var missing = MissingTownship(township: township.name, lastSubmission: nil, county: township.county)
                missing.sharesName = named[township.name, default: 0] > 1
                if let date = last[missing.label], date >= since { return nil }
                missing.lastSubmission = last[missing.label]?.iso8601Unchecked
                return missing
            }
        }
    }
}

/// A county name given on the command line, looked up in the roster (SPEC 8).
public enum CountyLookup: Sendable, Equatable {
    /// The roster's name of the county.
    case county(String)
    /// Not a county of the roster; its counties, in roster order.
    case unknown(known: [String])
    /// The roster has no county column.
    case rosterHasNoCounties
}

/// A township with no registration batch since a date, and the date of its latest one if any.
public struct MissingTownship: Sendable, Equatable {
    public var township: String
    public var lastSubmission: String?
    /// Its county (SPEC 8); nil without a county column.
    public var county: String?
    /// Whether another county's township has the same name.
    public var sharesName = false

    /// The name, with the county where two counties share the name (`城关镇（青石县）`), as people read it.
    public var label: String { sharesName ? TownshipFigures.label(township, county: county) : township }

    public init(township: String, lastSubmission: String?, county: String? = nil) {
        self.township = township
        self.lastSubmission = lastSubmission
        self.county = county
    }
}
