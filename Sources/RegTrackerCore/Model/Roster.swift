/// One township of the population roster (SPEC 1.1).
public struct Township: Sendable, Equatable {
    public var name: String
    public var population: Int64
    /// nil: the global target applies.
    public var target: Target?
    public var aliases: [String]
    /// Its villages (SPEC 5), in roster order; empty when the roster has no village rows for it.
    public var villages: [Village]
    /// The county it belongs to (SPEC 8); nil when the roster has no county column.
    public var county: String?

    public var key: TownshipKey { TownshipKey(name, county: county) }

    public init(
        name: String, population: Int64, target: Target? = nil, aliases: [String] = [], villages: [Village] = [],
        county: String? = nil
    ) {
        self.name = name
        self.population = population
        self.target = target
        self.aliases = aliases
        self.villages = villages
        self.county = county
    }
}

/// The roster in force, with name and alias look-up.
public struct Roster: Sendable {
    public let townships: [Township]
    /// Every township a key names, by name or alias, in roster order: one, except where two counties share a name.
    private let indicesByKey: [String: [Int]]
    /// The counties (SPEC 8) in the order they first appear; empty for a roster without a county column.
    public let counties: [String]
    private let countyByKey: [String: String]
    /// Per township, its villages by `VillageName.key` of each name and alias.
    private let villageIndexByKey: [[String: Int]]

    public init(townships: [Township]) {
        self.townships = townships
        villageIndexByKey = townships.map { township in
            var index: [String: Int] = [:]
            for (position, village) in township.villages.enumerated() {
                for name in [village.name] + village.aliases {
                    let key = VillageName.key(name)
                    if !key.isEmpty, index[key] == nil { index[key] = position }
                }
            }
            return index
        }
        var index: [String: [Int]] = [:]
        var counties: [String] = []
        var countyByKey: [String: String] = [:]
        for (position, township) in townships.enumerated() {
            for name in [township.name] + township.aliases {
                let key = Self.key(name)
                if !key.isEmpty, index[key]?.last != position { index[key, default: []].append(position) }
            }
            if let county = township.county, countyByKey[Self.key(county)] == nil {
                countyByKey[Self.key(county)] = county
                counties.append(county)
            }
        }
        indicesByKey = index
        self.counties = counties
        self.countyByKey = countyByKey
    }

    public static let empty = Roster(townships: [])

    /// The matching key of a township cell: cleaned, white space removed.
    public static func key(_ text: String) -> String { CellText.compact(text) }

    /// The index of the township a (compacted) key names, by name or alias; nil when it names none, or townships of
    /// several counties (SPEC 8).
    public func index(forKey key: String) -> Int? {
        guard let indices = indicesByKey[key], indices.count == 1 else { return nil }
        return indices[0]
    }

    public func index(named text: String) -> Int? { index(forKey: Self.key(text)) }

    /// Every township a (compacted) key names, by name or alias, in roster order.
    public func indices(forKey key: String) -> [Int] { indicesByKey[key] ?? [] }

    /// Whether the roster has a county column (SPEC 8).
    public var hasCounties: Bool { !counties.isEmpty }

    /// The roster name of the county a text names; nil when it names none.
    public func county(named text: String) -> String? { countyByKey[Self.key(text)] }

    /// The townships of one county (by its roster name), in roster order.
    public func indices(inCounty county: String) -> [Int] {
        townships.indices.filter { townships[$0].county == county }
    }

    /// The townships an invalid-list entry applies to (SPEC 1.3, 8): nil for every township (it names none);
    /// the township it names within the county it names; every township of that county when it names a county
    /// alone; every township of the name when it names no county (two counties' 城关镇 alike); none when what it
    /// names is not in the roster.
    public func townships(ofEntryInCounty countyKey: String, township townshipKey: String) -> [Int]? {
        guard hasCounties, !countyKey.isEmpty else { return townshipKey.isEmpty ? nil : indices(forKey: townshipKey) }
        guard let county = countyByKey[countyKey] else { return [] }
        if townshipKey.isEmpty { return indices(inCounty: county) }
        return indices(forKey: townshipKey).filter { townships[$0].county == county }
    }

    /// The township a row names (SPEC 8): within its county when it names one, else across the whole roster.
    /// Without counties in the roster the county is ignored and this is `index(forKey:)`.
    public func resolve(countyKey: String, townshipKey: String) -> TownshipMatch {
        let candidates = indices(forKey: townshipKey)
        guard hasCounties else { return candidates.first.map(TownshipMatch.township) ?? .none }
        if !countyKey.isEmpty {
            guard let county = countyByKey[countyKey] else { return .unknownCounty }
            return candidates.first { townships[$0].county == county }.map(TownshipMatch.township) ?? .none
        }
        switch candidates.count {
        case 0: return .none
        case 1: return .township(candidates[0])
        default: return .ambiguous(counties: candidates.compactMap { townships[$0].county })
        }
    }

    /// The township of `county` (or, for nil, the one township) that a name or alias stands for.
    public func index(county: String?, named text: String) -> Int? {
        guard let county, hasCounties else { return index(named: text) }
        return indices(forKey: Self.key(text)).first { townships[$0].county.map(Self.key) == Self.key(county) }
    }

    /// The county name closest to `key` in edit distance, for "did you mean" suggestions.
    public func countySuggestion(forKey key: String) -> String? {
        counties.min { EditDistance.between(key, Self.key($0)) < EditDistance.between(key, Self.key($1)) }
    }

    /// Whether any township has villages (SPEC 5: `villages` needs a roster with a village column).
    public var hasVillages: Bool { townships.contains { !$0.villages.isEmpty } }

    /// The village of township `township` (an index) that a registration row's village cell names, by name or alias
    /// (SPEC 5); nil for an empty cell or one that matches none of its villages.
    public func villageIndex(township: Int, cell text: String) -> Int? {
        let villages = villageIndexByKey[township]
        guard !villages.isEmpty, !text.isEmpty else { return nil }
        return villages[VillageName.key(text)]
    }

    /// Whether the township a row had, named `before` by the roster then, is the township at `index` of this one:
    /// the same name, or a rename that kept the old name as an alias. Both nil (no township then or now) is the same.
    public func isSame(township before: String?, as index: Int?) -> Bool {
        guard let before, let index else { return before == nil && index == nil }
        let township = townships[index]
        return township.name == before || township.aliases.contains(before)
    }

    /// The roster name closest to `key` in edit distance, for "did you mean" suggestions.
    public func suggestion(forKey key: String) -> String? {
        var best: (distance: Int, name: String)?
        for township in townships {
            for name in [township.name] + township.aliases {
                let distance = EditDistance.between(key, Self.key(name))
                if best == nil || distance < best!.distance { best = (distance, township.name) }
            }
        }
        return best?.name
    }
}

/// What a row's county and township cells name in the roster (SPEC 8).
public enum TownshipMatch: Sendable, Equatable {
    /// The roster index of the township.
    case township(Int)
    /// The township name is in several counties and the row names none: the counties, in roster order.
    case ambiguous(counties: [String])
    /// The county cell names no county of the roster.
    case unknownCounty
    /// No township of that name (in that county).
    case none
}

/// Levenshtein distance over Unicode scalars, for "did you mean" suggestions.
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
