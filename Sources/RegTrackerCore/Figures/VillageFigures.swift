/// One village's figures (SPEC 5): the figures and exact arithmetic of a township (`TownshipFigures`), whose
/// `township` holds the village's name and `rank` its rank.
public struct VillageStanding: Sendable, Equatable {
    /// The township the village belongs to.
    public var township: String
    /// The township's county (SPEC 8); nil where the roster has no county column.
    public var county: String?
    public var figures: TownshipFigures
    /// Whether counties of the list share the township's name (set by `VillageReport`).
    fileprivate var sharesTownshipName = false
    /// In the county-wide list, ranked among every village of the county, its rank among its own township's villages
    /// (SPEC 5's per-village rank); nil there without a rate, and in one township's list, where `figures.rank` is it.
    public fileprivate(set) var townshipRank: Int?

    public init(township: String, county: String? = nil, figures: TownshipFigures) {
        self.township = township
        self.county = county
        self.figures = figures
    }

    /// The township as people read it in a list of villages: `城关镇（青石县）` where counties of the list share the
    /// name, else the name.
    public var townshipLabel: String {
        sharesTownshipName ? TownshipFigures.label(township, county: county) : township
    }

    public var village: String { figures.township }

    /// The figures of a township's villages, unranked: each village's target is its own, else the township's, else
    /// `target` (the global one); `counts` gives the rows of the village at that index of `township.villages`.
    public static func all(of township: Township, target: Target, counts: (Int) -> OutcomeCounts) -> [VillageStanding] {
        township.villages.enumerated().map { index, village in
            VillageStanding(
                township: township.name, county: township.county,
                figures: TownshipFigures(
                    township: village.name, population: village.population,
                    target: village.target ?? township.target ?? target, counts: counts(index)))
        }
    }
}

/// The village table (SPEC 5): one township's villages ranked among themselves, or every village of the county
/// ranked together; and the rows counted for no village.
public struct VillageReport: Sendable, Equatable {
    /// nil: every village of the county.
    public var township: String?
    /// The township's county (SPEC 8); nil for the county-wide list or a roster without counties.
    public var county: String?
    /// The township's target (its own, else the global one); the global one for the county.
    public var target: Target
    /// In rank order, ties by village then township name; villages with population 0 last, without a rank.
    public var villages: [VillageStanding]
    /// Rows of the township (or of every township) whose village cell is empty or names none of its villages.
    public var unmatched: OutcomeCounts

    public init(
        township: String?, county: String? = nil, target: Target, villages: [VillageStanding], unmatched: OutcomeCounts
    ) {
        self.township = township
        self.county = county
        self.target = target
        var counties: [String: Set<String?>] = [:]
        for village in villages { counties[village.township, default: []].insert(village.county) }
        var townshipRanks: [TownshipKey: [String: Int]] = [:]
        if township == nil {
            for group in Dictionary(grouping: villages, by: { TownshipKey($0.township, county: $0.county) }).values {
                for village in Ranking.rank(group, figures: \.figures, precedes: Self.precedes) {
                    let key = TownshipKey(village.township, county: village.county)
                    townshipRanks[key, default: [:]][village.village] = village.figures.rank
                }
            }
        }
        self.villages = Ranking.rank(villages, figures: \.figures, precedes: Self.precedes).map { village in
            var village = village
            village.sharesTownshipName = counties[village.township, default: []].count > 1
            village.townshipRank = townshipRanks[TownshipKey(village.township, county: village.county)]?[village.village]
            return village
        }
        self.unmatched = unmatched
    }

    /// The villages below target, worst rate first, each with what it still needs (`figures.shortfall`).
    public var shortfall: [VillageStanding] {
        Ranking.shortfall(villages, figures: \.figures, precedes: Self.precedes)
    }

    /// The township as people read it (`城关镇（青石县）` in a roster with counties), or nil for the county-wide list.
    public var townshipLabel: String? { township.map { TownshipFigures.label($0, county: county) } }

    /// What the villages below target still need together (the sum of `shortfall`'s shortfalls).
    public var shortfallTotal: Int64 { shortfall.reduce(0) { $0 + $1.figures.shortfall } }

    /// How many villages have a rank.
    public var rankedCount: Int { villages.filter(\.figures.hasRate).count }

    static func precedes(_ a: VillageStanding, _ b: VillageStanding) -> Bool {
        if a.village != b.village { return UnicodeOrder.precedes(a.village, b.village) }
        if a.township != b.township { return UnicodeOrder.precedes(a.township, b.township) }
        return UnicodeOrder.precedes(a.county ?? "", b.county ?? "")
    }
}
