/// Which rows count on a past date, and on which day a registration happened (issue 7; README "Dashboard").
public enum AsOf {
    /// A registration's day for the trend: its registered_at when that is a date, else its batch's import day.
    public static func registrationDay(registered: CivilDate?, imported: CivilDate) -> CivilDate {
        registered ?? imported
    }

    /// Whether a row counts in the figures as they stood on `date`: its batch was imported by the end of that day,
    /// and its registered_at, where it is a date, is not after it. Outcomes are today's (today's roster, invalid
    /// lists and retractions).
    public static func counts(registered: CivilDate?, imported: CivilDate, on date: CivilDate) -> Bool {
        imported <= date && (registered.map { $0 <= date } ?? true)
    }
}
