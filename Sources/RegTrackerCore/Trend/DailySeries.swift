/// One township's valid registrations by day; every other figure of the trend is read from it.
public struct DailySeries: Sendable, Equatable {
    /// Valid registrations added on each day.
    public private(set) var added: [CivilDate: Int64]

    public init(added: [CivilDate: Int64] = [:]) {
        self.added = added
    }

    public mutating func add(_ count: Int64, on day: CivilDate) {
        added[day, default: 0] += count
    }

    /// The cumulative count at the end of `day`.
    public func cumulative(through day: CivilDate) -> Int64 {
        added.reduce(0) { $1.key <= day ? $0 + $1.value : $0 }
    }

    /// Registrations in the `days` days that end with `day`: cumulative(day) − cumulative(day − days).
    public func gain(days: Int, endingOn day: CivilDate) -> Int64 {
        cumulative(through: day) - cumulative(through: day.adding(days: -days))
    }

    public var firstDay: CivilDate? { added.keys.min() }

    /// How the series is cut into points.
    public enum Step: String, Sendable, CaseIterable {
        /// One point a day on which registrations were added (sparse), and the last day.
        case day
        /// One point every seven days, ending on the last day, from the week of the first registration.
        case week
    }

    public struct Point: Sendable, Equatable {
        public var date: CivilDate
        /// Added since the previous point (or since the start).
        public var added: Int64
        /// The cumulative count at the end of `date`.
        public var valid: Int64

        public init(date: CivilDate, added: Int64, valid: Int64) {
            self.date = date
            self.added = added
            self.valid = valid
        }
    }

    /// The cumulative series up to and including `last`; empty when nothing was registered by then.
    public func points(through last: CivilDate, step: Step) -> [Point] {
        let days = added.keys.filter { $0 <= last }.sorted()
        guard let first = days.first else { return [] }
        var dates: [CivilDate]
        switch step {
        case .day:
            dates = days
            if dates.last != last { dates.append(last) }
        case .week:
            let weeks = (first.days(to: last) + 6) / 7
            dates = (0...weeks).reversed().map { last.adding(days: -7 * $0) }
        }
        var points: [Point] = []
        var previous: Int64 = 0
        for date in dates {
            let valid = cumulative(through: date)
            points.append(Point(date: date, added: valid - previous, valid: valid))
            previous = valid
        }
        return points
    }
}
