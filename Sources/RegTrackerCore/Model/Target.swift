/// A registration target as an exact fraction of the population (SPEC 1.1), never a float.
public struct Target: Sendable, Hashable, CustomStringConvertible {
    public let numerator: Int64
    public let denominator: Int64

    public static let `default` = Target(numerator: 1, denominator: 2)

    public init(numerator: Int64, denominator: Int64) {
        let divisor = Self.gcd(numerator, denominator)
        self.numerator = numerator / divisor
        self.denominator = denominator / divisor
    }

    /// `55%` and `55` are percentages, `0.55` and `1` fractions. Must lie in (0%, 100%]. A percentage has six
    /// decimals at most and a fraction eight, the same precision (`33.333333%` is `0.33333333`).
    public init?(parsing raw: String) {
        var text = CellText.compact(raw)
        let isPercent = text.hasSuffix("%")
        if isPercent { text.removeLast() }
        guard let decimal = Self.decimal(text) else { return nil }
        var (numerator, denominator) = decimal
        if isPercent || numerator > denominator {
            guard denominator <= 1_000_000 else { return nil }
            denominator *= 100
        }
        guard numerator > 0, numerator <= denominator else { return nil }
        self.init(numerator: numerator, denominator: denominator)
    }

    /// ⌈population × target⌉ in integers.
    public func required(population: Int64) -> Int64 {
        (population * numerator + denominator - 1) / denominator
    }

    /// The target as a decimal fraction (`0.5`): exact for a target read from a file or option (eight decimals at
    /// most, `0.33333333`), else rounded to six.
    public var description: String {
        let scale: Int64 = 100_000_000
        guard scale % denominator == 0 else { return Decimal6.format(numerator: numerator, denominator: denominator) }
        return Decimal6.format(scaled: numerator * (scale / denominator), places: 8)
    }

    /// Digits with at most one `.`, as numerator over a power of ten.
    private static func decimal(_ text: String) -> (Int64, Int64)? {
        var parts = text.split(separator: ".", omittingEmptySubsequences: false)
        // `0.5000000000`: zeros at the end of the decimals change nothing.
        if parts.count == 2, parts[1].dropFirst(8).allSatisfy({ $0 == "0" }) { parts[1] = parts[1].prefix(8) }
        // Eight decimals at most (a denominator of 10⁸) keep ⌈population × target⌉ within 64-bit integers for a
        // population up to 10¹⁰, the most a roster takes.
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            !text.isEmpty, text != ".", parts[0].count <= 6, parts.count == 1 || parts[1].count <= 8
        else { return nil }
        let digits = parts.joined()
        guard let numerator = Int64(digits) else { return nil }
        let scale = parts.count == 2 ? parts[1].count : 0
        return (numerator, (0..<scale).reduce(Int64(1)) { value, _ in value * 10 })
    }

    private static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (a, b) = (abs(a), abs(b))
        while b != 0 { (a, b) = (b, a % b) }
        return max(a, 1)
    }
}

/// Exact decimals rounded half up to six places, for rates and targets.
public enum Decimal6 {
    /// numerator ÷ denominator in millionths, rounded half up.
    public static func millionths(numerator: Int64, denominator: Int64) -> Int64 {
        (numerator * 2_000_000 + denominator) / (2 * denominator)
    }

    /// `0.51625`, `1`, `0.000001`: no trailing zeros.
    public static func format(numerator: Int64, denominator: Int64) -> String {
        format(millionths: millionths(numerator: numerator, denominator: denominator))
    }

    public static func format(millionths: Int64) -> String { format(scaled: millionths, places: 6) }

    /// A non-negative integer scaled by 10^places as a decimal without trailing zeros: `5` places 1 → `0.5`, `10` →
    /// `1`, `125` places 2 → `1.25`.
    public static func format(scaled: Int64, places: Int) -> String {
        let scale = (0..<places).reduce(Int64(1)) { value, _ in value * 10 }
        var fraction = String(scaled % scale)
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? String(scaled / scale) : "\(scaled / scale).\(fraction)"
    }

    /// A percentage with two decimals (`51.63%`), rounded half up.
    public static func percent(numerator: Int64, denominator: Int64) -> String {
        let hundredths = (numerator * 20_000 + denominator) / (2 * denominator)
        let fraction = String(hundredths % 100)
        return "\(hundredths / 100).\(fraction.count == 1 ? "0" + fraction : fraction)%"
    }
}
