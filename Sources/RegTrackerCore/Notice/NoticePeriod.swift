/// The period a notice covers (SPEC 6): a month `2026-11`, an ISO week `2026-W48` or a day `2026-11-30`. Each kind
/// is a series of its own: changes and times named are only counted against notices of the same kind.
public struct NoticePeriod: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case month
        case week
        case day
    }

    public let kind: Kind
    /// The first day.
    public let start: CivilDate
    /// The last day: the month's last day, the week's Sunday, or the day itself.
    public let end: CivilDate
    /// The canonical text: `2026-11`, `2026-W48`, `2026-11-30`.
    public let description: String
    /// For a week: its ISO week-numbering year and number.
    public let week: (year: Int, number: Int)?

    public static func == (lhs: NoticePeriod, rhs: NoticePeriod) -> Bool { lhs.description == rhs.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    /// Parses `YYYY-MM`, `YYYY-Www` (ISO 8601: weeks start on Monday, week 1 holds the year's first Thursday) or
    /// `YYYY-MM-DD`; nil for anything else, including a week 53 in a year that has only 52.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }), parts.first?.count == 4,
            let year = Int(parts[0]), year >= 1
        else { return nil }
        switch parts.count {
        case 3:
            guard parts[1].count == 2, parts[2].count == 2, let day = CivilDate(iso8601: text) else { return nil }
            self.init(kind: .day, start: day, end: day, description: text, week: nil)
        case 2 where parts[1].hasPrefix("W"):
            let digits = parts[1].dropFirst()
            guard digits.count == 2, digits.allSatisfy(\.isNumber), let number = Int(digits), number >= 1,
                number <= Self.weeksIn(isoYear: year)
            else { return nil }
            let monday = Self.mondayOfWeekOne(isoYear: year).adding(days: (number - 1) * 7)
            self.init(
                kind: .week, start: monday, end: monday.adding(days: 6), description: text, week: (year, number))
        case 2:
            guard parts[1].count == 2, parts[1].allSatisfy(\.isNumber), let month = Int(parts[1]),
                (1...12).contains(month)
            else { return nil }
            self.init(
                kind: .month, start: CivilDate(year: year, month: month, day: 1),
                end: CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year)),
                description: text, week: nil)
        default:
            return nil
        }
    }

    private init(kind: Kind, start: CivilDate, end: CivilDate, description: String, week: (year: Int, number: Int)?) {
        self.kind = kind
        self.start = start
        self.end = end
        self.description = description
        self.week = week
    }

    /// ISO weekday of a date: 1 Monday … 7 Sunday (1970-01-01 was a Thursday).
    static func isoWeekday(_ date: CivilDate) -> Int {
        let days = date.daysSinceEpoch + 3
        return ((days % 7) + 7) % 7 + 1
    }

    /// The Monday of week 1: the week holding 4 January.
    static func mondayOfWeekOne(isoYear year: Int) -> CivilDate {
        let fourth = CivilDate(year: year, month: 1, day: 4)
        return fourth.adding(days: 1 - isoWeekday(fourth))
    }

    /// 53 when the ISO year has a week 53 (its week 1 of the next year starts 53 weeks on), else 52.
    static func weeksIn(isoYear year: Int) -> Int {
        mondayOfWeekOne(isoYear: year).days(to: mondayOfWeekOne(isoYear: year + 1)) / 7
    }
}
