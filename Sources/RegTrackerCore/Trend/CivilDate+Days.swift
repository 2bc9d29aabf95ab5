/// Day arithmetic for trends, on the same epoch-day numbers as `CivilDate.daysSinceEpoch`.
extension CivilDate {
    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    public func days(to later: CivilDate) -> Int { later.daysSinceEpoch - daysSinceEpoch }

    /// The date part of `2026-11-29`, `2026-11-29 10:22:34` or `2026-11-29T10:22`; nil when it is not a real date.
    public init?(leadingISO8601 text: String) {
        guard text.utf8.count >= 10 else { return nil }
        let day = String(text.prefix(10))
        guard day.utf8.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 ? $0.element == 0x2D : (0x30...0x39).contains($0.element) })
        else { return nil }
        self.init(iso8601: day)
    }
}
