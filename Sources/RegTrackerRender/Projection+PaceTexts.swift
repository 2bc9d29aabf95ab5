import RegTrackerCore

/// The needed and the recent pace per day as words can show them next to the status (issue 12: "on pace: needs 1
/// a day, doing 0.5" was the ceiling of 0.5 against 0.5).
extension Projection {
    /// The exact needed per day (remaining ÷ days left) and recent pace (gain ÷ 30), each rounded half up to the
    /// fewest decimals, at least one, at which neither reads 0 and the two texts compare the way the exact
    /// rationals do: a township behind never reads "needs 0.5, doing 0.5". Nil without a deadline ahead or when
    /// nothing remains.
    public var paceTexts: (needed: String, pace: String)? {
        guard let daysLeft, daysLeft > 0, remaining > 0 else { return nil }
        let left = Int64(daysLeft)
        // pace < needed ⇔ recentGain × left < remaining × 30, in integers.
        let behind = recentGain * left < remaining * Self.paceDays
        var places = 1
        while true {
            let needed = Self.rounded(numerator: remaining, denominator: left, places: places)
            let pace = Self.rounded(numerator: recentGain, denominator: Self.paceDays, places: places)
            // Rounding half up keeps order (never flips it), so only a strict "behind" can need more places; two
            // different rationals with these denominators differ by at least 1 ÷ (30 × left).
            // And at least one significant digit of each: "needs 0/day" says nothing.
            let shown = needed > 0 && (pace > 0 || recentGain == 0)
            if (shown && (!behind || pace < needed)) || places >= 9 {
                return (Decimal6.format(scaled: needed, places: places), Decimal6.format(scaled: pace, places: places))
            }
            places += 1
        }
    }

    /// The exact needed per day (remaining ÷ days left) as `paceTexts` shows it; nil when `neededPerDay` is.
    public var neededPerDayText: String? { paceTexts?.needed }

    /// The recent pace per day, rounded half up to one decimal without a trailing `.0` (`17`, `0.7`); a pace too
    /// slow for one decimal gets as many as show its first digit (`0.03`: one in 30 days), since "0 a day" beside a
    /// projected date reads as a contradiction.
    public var pacePerDayText: String {
        var places = 1
        var pace = Self.rounded(numerator: recentGain, denominator: Self.paceDays, places: places)
        while pace == 0, recentGain > 0, places < 6 {
            places += 1
            pace = Self.rounded(numerator: recentGain, denominator: Self.paceDays, places: places)
        }
        return Decimal6.format(scaled: pace, places: places)
    }

    /// The recent pace per day as an exact decimal with up to six places, for JSON.
    public var pacePerDayJSON: String { Decimal6.format(numerator: recentGain, denominator: Self.paceDays) }

    /// numerator ÷ denominator × 10^places, rounded half up.
    static func rounded(numerator: Int64, denominator: Int64, places: Int) -> Int64 {
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        return (numerator * scale * 2 + denominator) / (2 * denominator)
    }
}
