import Testing

@testable import RegTrackerCore
@testable import RegTrackerRender

/// The words beside a trend status show the needed and the recent pace per day so that they read the way the
/// status says (issue 12: "on pace: needs 1 a day, doing 0.5").
@Suite struct ProjectionPaceTextsTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 29)

    func projection(remaining: Int64, recentGain: Int64, daysLeft: Int) -> Projection {
        Projection(
            valid: 0, required: remaining, hasRate: true, recentGain: recentGain, asOf: Self.asOf,
            deadline: Self.asOf.adding(days: daysLeft))
    }

    @Test(
        arguments: [
            // remaining, gain in 30 days, days left → status, needed, pace
            (10, 15, 20, Projection.Status.onPace, "0.5", "0.5"),  // 0.5 against 0.5: the reported case
            (47, 14, 100, .behind, "0.47", "0.467"),  // 0.47 against 0.4667: equal to one and two places
            (3, 2, 32, .behind, "0.09", "0.07"),  // 0.094 against 0.067
            (3, 2, 45, .onPace, "0.1", "0.1"),  // exactly on pace
            (100, 90, 20, .behind, "5", "3"),
            (20, 900, 10, .onPace, "2", "30"),
            (1, 1, 30, .onPace, "0.03", "0.03"),  // 1/30 both: never "0"
            (31, 1, 30, .behind, "1.03", "0.03"),
            (5, 0, 10, .stalled, "0.5", "0"),
        ] as [(Int64, Int64, Int, Projection.Status, String, String)])
    func theNumbersCompareAsTheStatusSays(
        remaining: Int64, gain: Int64, daysLeft: Int, status: Projection.Status, needed: String, pace: String
    ) throws {
        let projection = projection(remaining: remaining, recentGain: gain, daysLeft: daysLeft)
        #expect(projection.status == status)
        let texts = try #require(projection.paceTexts)
        #expect(texts.needed == needed)
        #expect(texts.pace == pace)
    }

    @Test func aBehindTownshipNeverReadsAsOnPace() {
        for remaining in Int64(1)...60 {
            for gain in Int64(1)...60 {
                for daysLeft in [1, 7, 13, 30, 45, 99] {
                    let projection = projection(remaining: remaining, recentGain: gain, daysLeft: daysLeft)
                    guard let texts = projection.paceTexts, projection.status == .behind else { continue }
                    #expect(
                        Double(texts.pace)! < Double(texts.needed)!,
                        "remaining \(remaining), gain \(gain), \(daysLeft) days: \(texts)")
                }
            }
        }
    }
}
