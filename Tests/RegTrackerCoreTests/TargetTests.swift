import RegTrackerRender
import Testing

@testable import RegTrackerCore

/// SPEC 1.1 target parsing and SPEC 2 `required` = ⌈population × target⌉, both exact.
@Suite("Targets and required counts")
struct TargetTests {
    @Test(
        "percentages, plain numbers above 1 and fractions up to 1 are read exactly",
        arguments: [
            ("55%", Target(numerator: 11, denominator: 20)),
            ("55", Target(numerator: 11, denominator: 20)),
            ("0.55", Target(numerator: 11, denominator: 20)),
            ("1", Target(numerator: 1, denominator: 1)),
            ("100%", Target(numerator: 1, denominator: 1)),
            ("100", Target(numerator: 1, denominator: 1)),
            ("12.5%", Target(numerator: 1, denominator: 8)),
            ("0.125", Target(numerator: 1, denominator: 8)),
            ("50%", Target.default),
            ("0.5", Target.default),
            ("1.5", Target(numerator: 3, denominator: 200)),  // above 1 without %: 1.5%
            ("0.000001", Target(numerator: 1, denominator: 1_000_000)),
            (" ５５％ ", Target(numerator: 11, denominator: 20)),
            ("55 %", Target(numerator: 11, denominator: 20)),
            ("0.550000000000", Target(numerator: 11, denominator: 20)),  // zeros past the eighth decimal change nothing
            // A fraction takes eight decimals, a percentage six: the same precision either way.
            ("0.33333333", Target(numerator: 33_333_333, denominator: 100_000_000)),
            ("33.333333%", Target(numerator: 33_333_333, denominator: 100_000_000)),
        ])
    func parses(text: String, target: Target) {
        #expect(Target(parsing: text) == target)
    }

    @Test("a target is shown as the decimal it was given, eight places at most")
    func description() throws {
        #expect(try #require(Target(parsing: "50%")).description == "0.5")
        #expect(try #require(Target(parsing: "1")).description == "1")
        #expect(try #require(Target(parsing: "0.33333333")).description == "0.33333333")
        #expect(try #require(Target(parsing: "0.00000001")).description == "0.00000001")
        #expect(try #require(Target(parsing: "12.5%")).description == "0.125")
        // Not a decimal of eight places: rounded to six.
        #expect(Target(numerator: 1, denominator: 3).description == "0.333333")
    }

    @Test(
        "a target outside (0%, 100%] or not a number is rejected",
        arguments: [
            "0", "0%", "0.0", "150%", "150", "100.5", "-5", "-0.5", "abc", "", "%", ".", "5.5.5", "1e2", "五十%",
            "0.333333333",  // more than 8 decimals in a fraction
            "33.3333333%", "33.3333333",  // more than 6 in a percentage
        ])
    func rejects(text: String) {
        #expect(Target(parsing: text) == nil)
    }

    @Test(
        "required is the ceiling of population × target, computed exactly",
        arguments: [
            (Int64(12345), "55%", Int64(6790)),  // 6789.75
            (3, "50%", 2),  // 1.5
            (4, "50%", 2),
            (0, "50%", 0),
            (1, "0.000001", 1),
            (100, "55%", 55),  // 100 × 0.55 is 55.000000000000007 in Double, whose ceiling is 56
            (100, "7%", 7),  // 100 × 0.07 is 7.000000000000001 in Double
            (1000, "12.5%", 125),
            (12000, "50%", 6000),
        ])
    func required(population: Int64, target: String, required: Int64) throws {
        let target = try #require(Target(parsing: target))
        #expect(target.required(population: population) == required)
    }

    @Test("required stays exact where a Double would round the population")
    func requiredBeyondDoublePrecision() throws {
        // Given a population of 2^53 + 1, which a Double cannot hold (it becomes 2^53)
        let population: Int64 = 9_007_199_254_740_993
        // Then half of it is rounded up from 4503599627370496.5, not computed from 2^53
        #expect(Target.default.required(population: population) == 4_503_599_627_370_497)
        #expect(Target(numerator: 1, denominator: 1).required(population: population) == population)
        // And a one-in-a-million target of it is ⌈9007199254.740993⌉
        let millionth = try #require(Target(parsing: "0.000001"))
        #expect(millionth.required(population: population) == 9_007_199_255)
    }

    @Test(
        "a target is shown as a decimal fraction and as a percentage",
        arguments: [
            ("50%", "0.5", "50%"), ("55", "0.55", "55%"), ("12.5%", "0.125", "12.5%"), ("1", "1", "100%"),
            ("33.3333%", "0.333333", "33.3333%"),
        ])
    func display(text: String, decimal: String, percent: String) throws {
        let target = try #require(Target(parsing: text))
        #expect(target.description == decimal)
        #expect(target.percentText == percent)
    }

    @Test("the default target is 50%")
    func defaultTarget() {
        #expect(Target.default == Target(numerator: 50, denominator: 100))
        #expect(Target.default.description == "0.5")
    }
}

/// Rates as exact decimals: six places half up for JSON, two for the percentage people read.
@Suite("Exact decimals")
struct Decimal6Tests {
    @Test(
        "a rate is rounded half up to six decimals without trailing zeros",
        arguments: [
            (Int64(6195), Int64(12000), "0.51625"),
            (1, 3, "0.333333"),
            (2, 3, "0.666667"),
            (1, 2_000_000, "0.000001"),  // exactly half a millionth rounds up
            (1, 2_000_001, "0"),  // just below half a millionth rounds down
            (0, 5, "0"),
            (5, 5, "1"),
            (1, 8, "0.125"),
            (3, 2, "1.5"),
            (333_333, 1_000_000, "0.333333"),
        ])
    func sixDecimals(numerator: Int64, denominator: Int64, text: String) {
        #expect(Decimal6.format(numerator: numerator, denominator: denominator) == text)
    }

    @Test(
        "a percentage has two decimals, rounded half up",
        arguments: [
            (Int64(6195), Int64(12000), "51.63%"),  // 51.625
            (1, 3, "33.33%"),
            (2, 3, "66.67%"),
            (0, 10, "0.00%"),
            (1, 1, "100.00%"),
            (1, 20, "5.00%"),
            (1, 200, "0.50%"),
        ])
    func percent(numerator: Int64, denominator: Int64, text: String) {
        #expect(Decimal6.percent(numerator: numerator, denominator: denominator) == text)
    }
}
