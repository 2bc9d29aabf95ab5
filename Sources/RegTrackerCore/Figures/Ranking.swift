/// The ranked table (SPEC 2): by rate, highest first, compared exactly; equal rates share a rank and
/// the next rank skips (1, 2, 2, 4); townships with population 0 come last with no rank; ties by name.
public enum Ranking {
    public static func rank(_ figures: [TownshipFigures]) -> [TownshipFigures] {
        let withRate = figures.filter(\.hasRate).sorted { a, b in
            let comparison = a.rateCompare(b)
            return comparison != 0 ? comparison > 0 : UnicodeOrder.precedes(a.township, b.township)
        }
        var ranked: [TownshipFigures] = []
        for (position, var township) in withRate.enumerated() {
            if let previous = ranked.last, previous.rateCompare(township) == 0 {
                township.rank = previous.rank
            } else {
                township.rank = position + 1
            }
            ranked.append(township)
        }
        let withoutRate = figures.filter { !$0.hasRate }.sorted { UnicodeOrder.precedes($0.township, $1.township) }
            .map { township in
                var township = township
                township.rank = nil
                return township
            }
        return ranked + withoutRate
    }

    /// Townships below target, worst rate first (ties by name), as the monthly notice lists them.
    public static func shortfall(_ ranked: [TownshipFigures]) -> [TownshipFigures] {
        ranked.filter { $0.met == false }.sorted { a, b in
            let comparison = a.rateCompare(b)
            return comparison != 0 ? comparison < 0 : UnicodeOrder.precedes(a.township, b.township)
        }
    }
}

/// Unicode code point order, independent of locale.
public enum UnicodeOrder {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
