import RegTrackerCore

extension Target {
    /// `50%`, `55.5%`.
    public var percentText: String { Decimal6.format(numerator: numerator * 100, denominator: denominator) + "%" }
}
