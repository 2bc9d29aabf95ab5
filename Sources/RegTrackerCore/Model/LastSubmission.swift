/// A township's last submission: the day its newest batch with rows counted for it was imported. Batch numbers grow
/// with import time, so the newest batch is the one with the highest number; the store gives that batch's import
/// time, and this decides what is shown.
public enum LastSubmission {
    /// The day of an import time as stored (`YYYY-MM-DD HH:MM:SS`, local time); nil for text that is not one.
    public static func day(importedAt: String) -> CivilDate? {
        CivilDate(leadingISO8601: importedAt)
    }
}
