/// One group of the kept figures whose count differs from the rows (`regtracker check`).
public struct FigureDifference: Sendable, Equatable {
    public struct Group: Sendable, Hashable {
        public var batch: Int64
        public var township: Int64?
        public var outcome: Int
        /// `YYYY-MM-DD`, or nil for rows without a registration date.
        public var registeredDay: String?
        /// The village (SPEC 5); nil for rows that match none.
        public var village: Int64? = nil
        /// A group of the totals without the day (`figure_total`) that disagrees with the figures by day.
        public var allDays = false

        public init(
            batch: Int64, township: Int64?, outcome: Int, registeredDay: String?, village: Int64? = nil,
            allDays: Bool = false
        ) {
            self.batch = batch
            self.township = township
            self.outcome = outcome
            self.registeredDay = registeredDay
            self.village = village
            self.allDays = allDays
        }
    }

    public var group: Group
    /// The township's name, where its roster row is still stored.
    public var township: String?
    /// The village's name (SPEC 5), where the group has one and its roster row is still stored.
    public var village: String? = nil
    /// Rows the kept figures count.
    public var kept: Int64
    /// Rows the rows themselves give.
    public var recomputed: Int64

    public init(group: Group, township: String?, village: String? = nil, kept: Int64, recomputed: Int64) {
        self.group = group
        self.township = township
        self.village = village
        self.kept = kept
        self.recomputed = recomputed
    }
}

/// The kept figures in sum: what `check` reports when they agree.
public struct FigureSummary: Sendable, Equatable {
    public var groups: Int
    public var rows: Int64

    public init(groups: Int, rows: Int64) {
        self.groups = groups
        self.rows = rows
    }
}
