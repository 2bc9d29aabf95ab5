import Foundation
import Testing

@testable import RegTrackerCore
@testable import RegTrackerRender

/// SPEC 4: the `--json` document, field names and order as the spec shows them (plus each township's target).
@Suite("Report JSON")
struct ReportJSONTests {
    static let report = Report(
        target: .default,
        townships: [
            Given.figures("新区", population: 0, valid: 2),
            Given.figures(
                "城关镇", population: 30000, valid: 10000, target: Target(numerator: 11, denominator: 20),
                counts: OutcomeCounts(malformed: 5, valid: 10000)),
            Given.figures(
                "青石镇", population: 12000, valid: 6195,
                counts: OutcomeCounts(malformed: 30, flagged: 80, listed: 10, duplicates: 85, valid: 6195)),
        ],
        unassigned: 3)

    static func keys(_ value: JSONValue) -> [String] {
        guard case .object(let members) = value else { return [] }
        return members.map(\.0)
    }

    @Test("the report renders exactly as SPEC 4 shows it, in rank order, nulls where population is 0")
    func golden() {
        let expected = """
            {
              "target": 0.5,
              "townships": [
                {
                  "rank": 1,
                  "township": "青石镇",
                  "population": 12000,
                  "reported": 6400,
                  "invalid": 120,
                  "invalid_malformed": 30,
                  "invalid_flagged": 80,
                  "invalid_listed": 10,
                  "duplicates": 85,
                  "valid": 6195,
                  "required": 6000,
                  "shortfall": 0,
                  "rate": 0.51625,
                  "met": true,
                  "target": 0.5
                },
                {
                  "rank": 2,
                  "township": "城关镇",
                  "population": 30000,
                  "reported": 10005,
                  "invalid": 5,
                  "invalid_malformed": 5,
                  "invalid_flagged": 0,
                  "invalid_listed": 0,
                  "duplicates": 0,
                  "valid": 10000,
                  "required": 16500,
                  "shortfall": 6500,
                  "rate": 0.333333,
                  "met": false,
                  "target": 0.55
                },
                {
                  "rank": null,
                  "township": "新区",
                  "population": 0,
                  "reported": 2,
                  "invalid": 0,
                  "invalid_malformed": 0,
                  "invalid_flagged": 0,
                  "invalid_listed": 0,
                  "duplicates": 0,
                  "valid": 2,
                  "required": 0,
                  "shortfall": 0,
                  "rate": null,
                  "met": null,
                  "target": 0.5
                }
              ],
              "unassigned": 3,
              "totals": {
                "population": 42000,
                "reported": 16407,
                "invalid": 125,
                "duplicates": 85,
                "valid": 16197
              }
            }

            """
        #expect(ReportJSON.report(Self.report).rendered() == expected)
    }

    @Test("the fields come in the order of SPEC 4")
    func fieldOrder() throws {
        let document = ReportJSON.report(Self.report)
        #expect(Self.keys(document) == ["target", "townships", "unassigned", "totals"])
        guard case .object(let members) = document, case .array(let townships) = members[1].1 else {
            Issue.record("townships is not an array")
            return
        }
        for township in townships {
            #expect(
                Self.keys(township) == [
                    "rank", "township", "population", "reported", "invalid", "invalid_malformed", "invalid_flagged",
                    "invalid_listed", "duplicates", "valid", "required", "shortfall", "rate", "met", "target",
                ])
        }
        #expect(Self.keys(members[3].1) == ["population", "reported", "invalid", "duplicates", "valid"])
    }

    @Test("the document is JSON whose rate is a number of at most six decimals")
    func parsesAsJSON() throws {
        let text = ReportJSON.report(Self.report).rendered()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let townships = try #require(object["townships"] as? [[String: Any]])
        #expect((townships[0]["rate"] as? NSNumber)?.doubleValue == 0.51625)
        #expect(townships[2]["rate"] is NSNull)
        #expect(townships[2]["rank"] is NSNull)
        #expect(townships[2]["met"] is NSNull)
        #expect((object["target"] as? NSNumber)?.doubleValue == 0.5)
    }

    @Test(
        "a rate is written as an exact decimal, rounded half up to six places",
        arguments: [
            (Int64(1), Int64(3), "0.333333"), (2, 3, "0.666667"), (1, 2_000_000, "0.000001"), (5, 5, "1"), (0, 7, "0"),
        ])
    func rateDecimal(valid: Int64, population: Int64, text: String) {
        let township = ReportJSON.township(Given.figures("甲镇", population: population, valid: valid))
        guard case .object(let members) = township else { return }
        #expect(members.first { $0.0 == "rate" }?.1.rendered() == text + "\n")
    }

    @Test("the shortfall document lists the townships below target with the total shortfall")
    func shortfall() {
        let document = ReportJSON.shortfall(Self.report)
        #expect(Self.keys(document) == ["target", "townships", "shortfall"])
        guard case .object(let members) = document, case .array(let townships) = members[1].1 else { return }
        #expect(townships.count == 1)
        #expect(members[2].1 == .int(6500))
    }

    @Test("the rate document adds the number of ranked townships and the global target")
    func rate() {
        let document = ReportJSON.rate(Self.report.townships[1], in: Self.report)
        #expect(Self.keys(document).suffix(3) == ["target", "of", "global_target"])
        guard case .object(let members) = document else { return }
        #expect(members.first { $0.0 == "of" }?.1 == .int(2))
        #expect(members.first { $0.0 == "rank" }?.1 == .int(2))
    }

    @Test("strings are escaped as JSON requires")
    func escaping() {
        #expect(JSONValue.string("a\"b\\c\nd\u{1}").rendered() == "\"a\\\"b\\\\c\\nd\\u0001\"\n")
        #expect(JSONValue.array([]).rendered() == "[]\n")
        #expect(JSONValue.object([]).rendered() == "{}\n")
    }
}
