/// Coordinates with at most one decimal, so that the same data always draws the same bytes.
enum SVGNumber {
    static func format(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// `11-29` from a date, for axis labels.
    static func monthDay(_ iso: String) -> String { String(iso.dropFirst(5)) }
}
