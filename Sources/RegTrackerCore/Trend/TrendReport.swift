/// Every township's progress over time against its target and the deadline, in rank order (issue 7).
public struct TrendReport: Sendable, Equatable {
    public struct Township: Sendable, Equatable {
        /// Today's figures (rank, population, target, outcome counts).
        public var figures: TownshipFigures
        public var series: DailySeries
        /// The cumulative valid count at the end of `asOf` (rows dated later are not counted yet).
        public var valid: Int64
        public var gain7: Int64
        public var gain30: Int64
        public var projection: Projection

        public init(figures: TownshipFigures, series: DailySeries, asOf: CivilDate, deadline: CivilDate?) {
            self.figures = figures
            self.series = series
            valid = series.cumulative(through: asOf)
            gain7 = series.gain(days: 7, endingOn: asOf)
            gain30 = series.gain(days: Int(Projection.paceDays), endingOn: asOf)
            projection = Projection(
                valid: valid, required: figures.required, hasRate: figures.hasRate, recentGain: gain30, asOf: asOf,
                deadline: deadline)
        }
    }

    public var asOf: CivilDate
    public var deadline: CivilDate?
    public var target: Target
    public var townships: [Township]

    public init(asOf: CivilDate, deadline: CivilDate?, target: Target, townships: [Township]) {
        self.asOf = asOf
        self.deadline = deadline
        self.target = target
        self.townships = townships
    }

    public func township(named name: String) -> Township? { townships.first { $0.figures.township == name } }

    /// The township of that name in that county (SPEC 8: two counties may each have a 城关镇).
    public func township(named name: String, county: String?) -> Township? {
        townships.first { $0.figures.township == name && $0.figures.county == county }
    }
}
