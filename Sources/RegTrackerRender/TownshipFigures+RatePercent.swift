import RegTrackerCore

extension TownshipFigures {
    /// `51.63%`, or `—` where there is no rate.
    public var ratePercent: String {
        hasRate ? Decimal6.percent(numerator: counts.valid, denominator: population) : "—"
    }
}
