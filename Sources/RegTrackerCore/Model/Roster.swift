/// One township of the population roster (SPEC 1.1).
public struct Township: Sendable, Equatable {
    public var name: String
    public var population: Int64
    /// nil: the global target applies.
    public var target: Target?
    public var aliases: [String]
    /// Its villages (SPEC 5), in roster order; empty when the roster has no village rows for it.
    public var villages: [Village]

    public init(
        name: String, population: Int64, target: Target? = nil, aliases: [String] = [], villages: [Village] = []
    ) {
        self.name = name
        self.population = population
        self.target = target
        self.aliases = aliases
        self.villages = villages
    }
}

/// The roster in force, with name and alias look-up.
public struct Roster: Sendable {
    public let townships: [Township]
    private let indexByKey: [String: Int]
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
        var index: [String: Int] = [:]
        for (position, township) in townships.enumerated() {
            for name in [township.name] + township.aliases {
                let key = Self.key(name)
                if !key.isEmpty, index[key] == nil { index[key] = position }
            }
        }
        indexByKey = index
    }

    public static let empty = Roster(townships: [])

    /// The matching key of a township cell: cleaned, white space removed.
    public static func key(_ text: String) -> String { CellText.compact(text) }

    /// The index of the township a (compacted) key names, by name or alias.
    public func index(forKey key: String) -> Int? { indexByKey[key] }

    public func index(named text: String) -> Int? { indexByKey[Self.key(text)] }

    /// Whether any township has villages (SPEC 5: `villages` needs a roster with a village column).
    public var hasVillages: Bool { townships.contains { !$0.villages.isEmpty } }

    /// The village of township `township` (an index) that a registration row's village cell names, by name or alias
    /// (SPEC 5); nil for an empty cell or one that matches none of its villages.
    public func villageIndex(township: Int, cell text: String) -> Int? {
        let villages = villageIndexByKey[township]
        guard !villages.isEmpty, !text.isEmpty else { return nil }
        return villages[VillageName.key(text)]
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

enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
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
