/// Decimal text for numbers read from spreadsheets.
public enum NumberText {
    /// The shortest decimal that reads back as the same number, without a trailing `.0`
    /// and without exponent for integers up to 2^53 (`13800138000`, `0.1`, `1`).
    public static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}
