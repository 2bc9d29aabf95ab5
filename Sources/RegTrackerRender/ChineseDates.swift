import RegTrackerCore

/// Dates as Chinese official documents write them: `2026年11月30日`.
public enum ChineseDates {
    public static func day(_ date: CivilDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    /// `2026年11月`, `2026年第48周`, `2026年11月30日`.
    public static func period(_ period: NoticePeriod) -> String {
        switch period.kind {
        case .month: "\(period.start.year)年\(period.start.month)月"
        case .week: "\(period.week?.year ?? period.end.year)年第\(period.week?.number ?? 0)周"
        case .day: day(period.end)
        }
    }
}
