/// How many rows of a township ended in each outcome.
public struct OutcomeCounts: Sendable, Equatable {
    public var malformed: Int64 = 0
    public var flagged: Int64 = 0
    public var listed: Int64 = 0
    public var duplicates: Int64 = 0
    public var valid: Int64 = 0

    public init(malformed: Int64 = 0, flagged: Int64 = 0, listed: Int64 = 0, duplicates: Int64 = 0, valid: Int64 = 0) {
        self.malformed = malformed
        self.flagged = flagged
        self.listed = listed
        self.duplicates = duplicates
        self.valid = valid
    }

    public mutating func add(_ kind: OutcomeKind, count: Int64 = 1) {
        switch kind {
        case .unassigned: break
        case .malformed: malformed += count
        case .flagged: flagged += count
        case .listed: listed += count
        case .duplicate: duplicates += count
        case .valid: valid += count
        }
    }

    /// Adds every count of `other`.
    public mutating func add(_ other: OutcomeCounts) {
        malformed += other.malformed
        flagged += other.flagged
        listed += other.listed
        duplicates += other.duplicates
        valid += other.valid
    }

    public var invalid: Int64 { malformed + flagged + listed }
    public var reported: Int64 { invalid + duplicates + valid }
}

/// One township's figures (SPEC 2), all exact.
public struct TownshipFigures: Sendable, Equatable {
    public var township: String
    public var population: Int64
    public var target: Target
    public var counts: OutcomeCounts
    /// Filled in by `Ranking`; nil where the population is 0.
    public var rank: Int?
    /// The township's county (SPEC 8); nil when the roster has no county column.
    public var county: String?
    /// Whether another township of its report carries the same name (two counties' 城关镇, SPEC 8); set by `Report`.
    public var sharesName = false

    public init(
        township: String, population: Int64, target: Target, counts: OutcomeCounts, rank: Int? = nil,
        county: String? = nil
    ) {
        self.township = township
        self.population = population
        self.target = target
        self.counts = counts
        self.rank = rank
        self.county = county
    }

    /// How people read the township in its report: the name, and the county where another township of the report
    /// shares the name (`城关镇（青石县）`), so that two rows never look alike (issue 19).
    public var label: String { sharesName ? Self.label(township, county: county) : township }

    public var key: TownshipKey { TownshipKey(township, county: county) }

    /// The same roster township: the same name in the same county (two counties may each have a 城关镇).
    public func isSameTownship(as other: TownshipFigures) -> Bool { key == other.key }

    /// `城关镇（青石县）`; the name alone without a county.
    public static func label(_ township: String, county: String?) -> String {
        county.map { "\(township)（\($0)）" } ?? township
    }

    /// The township and county of a label as `label` writes it (`城关镇（青石县）`, or with ASCII parentheses, as
    /// people type it back); nil for a text without a county in parentheses at its end.
    public static func parseLabel(_ text: String) -> (township: String, county: String)? {
        let pairs: [(open: Character, close: Character)] = [("（", "）"), ("(", ")")]
        for (open, close) in pairs where text.last == close {
            guard let start = text.lastIndex(of: open) else { continue }
            let township = String(text[..<start])
            let county = String(text[text.index(after: start)..<text.index(before: text.endIndex)])
            if !township.isEmpty, !county.isEmpty { return (township, county) }
        }
        return nil
    }

    public var required: Int64 { target.required(population: population) }
    public var shortfall: Int64 { max(0, required - counts.valid) }
    public var hasRate: Bool { population > 0 }
    /// nil where the population is 0.
    public var met: Bool? { hasRate ? counts.valid >= required : nil }
    /// The rate in millionths, rounded half up; nil where the population is 0.
    public var rateMillionths: Int64? {
        hasRate ? Decimal6.millionths(numerator: counts.valid, denominator: population) : nil
    }

    /// Compares rates exactly: valid₁ × population₂ against valid₂ × population₁.
    public func rateCompare(_ other: TownshipFigures) -> Int {
        let lhs = counts.valid.multipliedFullWidth(by: other.population)
        let rhs = other.counts.valid.multipliedFullWidth(by: population)
        if lhs.high != rhs.high { return lhs.high < rhs.high ? -1 : 1 }
        if lhs.low != rhs.low { return lhs.low < rhs.low ? -1 : 1 }
        return 0
    }
}
