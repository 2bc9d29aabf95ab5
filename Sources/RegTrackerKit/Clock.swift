import Glibc
import RegTrackerCore

/// The current date and time in the local time zone. `REGTRACKER_TODAY=YYYY-MM-DD` pins the date
/// (for tests and for re-running a past import exactly).
public struct Clock: Sendable {
    public var today: CivilDate
    /// `2026-11-29 10:22:34`, local time.
    public var timestamp: String

    public init(today: CivilDate, timestamp: String) {
        self.today = today
        self.timestamp = timestamp
    }

    public static func system(environment: [String: String]) -> Clock {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var today = CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        var time = [parts.tm_hour, parts.tm_min, parts.tm_sec].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
        if let pinned = environment["REGTRACKER_TODAY"].flatMap(CivilDate.init(iso8601:)) {
            today = pinned
            time = "12:00:00"
        }
        return Clock(today: today, timestamp: "\(today.iso8601Unchecked) \(time)")
    }
}
