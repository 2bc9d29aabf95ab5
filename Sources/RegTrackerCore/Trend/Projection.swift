/// Where a township stands against the deadline at its recent pace, in exact integers (issue 7).
public struct Projection: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// The target is reached.
        case met
        /// At the recent pace the target is reached by the deadline.
        case onPace = "on_pace"
        /// At the recent pace the target is reached after the deadline.
        case behind
        /// Nothing was added in the pace window: no projected date.
        case stalled
        /// The deadline has passed (or is today) and the target is not reached.
        case missed
        /// No deadline is set: only the projected date.
        case projected
        /// Population 0: no target to reach.
        case noRate = "no_rate"
    }

    /// The pace window: the gain over the last 30 days, per day.
    public static let paceDays: Int64 = 30

    public var status: Status
    /// Valid registrations still needed to reach the target (0 when met).
    public var remaining: Int64
    /// Valid registrations added in the last `paceDays` days.
    public var recentGain: Int64
    /// Days from `asOf` to the deadline (registrations on the days after `asOf`, through the deadline, count).
    public var daysLeft: Int?
    /// ⌈remaining ÷ daysLeft⌉; nil without a deadline, when met, or when no day is left.
    public var neededPerDay: Int64?
    /// asOf + ⌈remaining × 30 ÷ recentGain⌉ days; nil when met or stalled.
    public var projectedDate: CivilDate?

    public init(valid: Int64, required: Int64, hasRate: Bool, recentGain: Int64, asOf: CivilDate, deadline: CivilDate?) {
        remaining = max(0, required - valid)
        self.recentGain = recentGain
        daysLeft = deadline.map { asOf.days(to: $0) }
        neededPerDay = nil
        projectedDate = nil
        guard hasRate else {
            status = .noRate
            return
        }
        guard remaining > 0 else {
            status = .met
            return
        }
        if recentGain > 0 {
            let days = (remaining * Self.paceDays + recentGain - 1) / recentGain
            projectedDate = asOf.adding(days: Int(clamping: days))
        }
        guard let daysLeft else {
            status = recentGain > 0 ? .projected : .stalled
            return
        }
        guard daysLeft > 0 else {
            status = .missed
            return
        }
        let left = Int64(daysLeft)
        neededPerDay = (remaining + left - 1) / left
        if recentGain == 0 {
            status = .stalled
        } else {
            // On pace when recentGain / 30 × daysLeft ≥ remaining, cross-multiplied.
            status = recentGain * left >= remaining * Self.paceDays ? .onPace : .behind
        }
    }
}
