/// The ranked table (SPEC 2): by rate, highest first, compared exactly; equal rates share a rank and
/// the next rank skips (1, 2, 2, 4); townships with population 0 come last with no rank; ties by name.
public enum Ranking {
    public static func rank(_ figures: [TownshipFigures]) -> [TownshipFigures] {
        rank(figures, figures: \.self, precedes: byName)
    }

    /// Ties by name, then (two counties' 城关镇, SPEC 8) by county.
    static func byName(_ a: TownshipFigures, _ b: TownshipFigures) -> Bool {
        if a.township != b.township { return UnicodeOrder.precedes(a.township, b.township) }
        return UnicodeOrder.precedes(a.county ?? "", b.county ?? "")
    }

    /// The same ranking for anything that carries figures (a village: SPEC 5), `precedes` ordering ties.
    public static func rank<Unit>(
        _ units: [Unit], figures: WritableKeyPath<Unit, TownshipFigures>, precedes: (Unit, Unit) -> Bool
    ) -> [Unit] {
        let withRate = units.filter { $0[keyPath: figures].hasRate }.sorted { a, b in
            let comparison = a[keyPath: figures].rateCompare(b[keyPath: figures])
            return comparison != 0 ? comparison > 0 : precedes(a, b)
        }
        var ranked: [Unit] = []
        for (position, var unit) in withRate.enumerated() {
            if let previous = ranked.last, previous[keyPath: figures].rateCompare(unit[keyPath: figures]) == 0 {
                unit[keyPath: figures].rank = previous[keyPath: figures].rank
            } else {
                unit[keyPath: figures].rank = position + 1
            }
            ranked.append(unit)
        }
        let withoutRate = units.filter { !$0[keyPath: figures].hasRate }.sorted(by: precedes).map { unit in
            var unit = unit
            unit[keyPath: figures].rank = nil
            return unit
        }
        return ranked + withoutRate
    }

    /// Townships below target, worst rate first (ties by name), as the monthly notice lists them.
    public static func shortfall(_ ranked: [TownshipFigures]) -> [TownshipFigures] {
        shortfall(ranked, figures: \.self, precedes: byName)
    }

    /// Units below target, worst rate first, `precedes` ordering ties.
    public static func shortfall<Unit>(
        _ ranked: [Unit], figures: KeyPath<Unit, TownshipFigures>, precedes: (Unit, Unit) -> Bool
    ) -> [Unit] {
        ranked.filter { $0[keyPath: figures].met == false }.sorted { a, b in
            let comparison = a[keyPath: figures].rateCompare(b[keyPath: figures])
            return comparison != 0 ? comparison < 0 : precedes(a, b)
        }
    }
}

/// Unicode code point order, independent of locale.
public enum UnicodeOrder {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
