/// The ranked table of every township (SPEC 4), ready to render.
public struct Report: Sendable, Equatable {
    public var target: Target
    /// In rank order (see `Ranking`).
    public var townships: [TownshipFigures]
    public var unassigned: Int64

    public init(target: Target, townships: [TownshipFigures], unassigned: Int64) {
        self.target = target
        self.townships = Ranking.rank(Self.markingSharedNames(townships))
        self.unassigned = unassigned
    }

    /// Marks the townships whose name another of them carries (SPEC 8: a whole database of two counties).
    static func markingSharedNames(_ townships: [TownshipFigures]) -> [TownshipFigures] {
        let shared = TownshipKey.sharedNames(townships.map(\.key))
        return townships.map { township in
            var township = township
            township.sharesName = shared.contains(township.township)
            return township
        }
    }

    public var totals: OutcomeCounts {
        townships.reduce(into: OutcomeCounts()) { sum, township in
            sum.malformed += township.counts.malformed
            sum.flagged += township.counts.flagged
            sum.listed += township.counts.listed
            sum.duplicates += township.counts.duplicates
            sum.valid += township.counts.valid
        }
    }

    public var totalPopulation: Int64 { townships.reduce(0) { $0 + $1.population } }

    public var shortfall: [TownshipFigures] { Ranking.shortfall(townships) }

    public var townshipsWithoutPopulation: [TownshipFigures] { townships.filter { !$0.hasRate } }
}
