import RegTrackerCore

/// `trend --json` and `GET /api/trend`.
public enum TrendJSON {
    public static func report(_ trend: TrendReport, step: DailySeries.Step) -> JSONValue {
        .object([
            ("as_of", .string(trend.asOf.iso8601Unchecked)),
            ("deadline", trend.deadline.map { .string($0.iso8601Unchecked) } ?? .null),
            ("days_left", trend.deadline.map { .int(Int64(trend.asOf.days(to: $0))) } ?? .null),
            ("target", .decimal(trend.target.description)),
            ("step", .string(step.rawValue)),
            ("townships", .array(trend.townships.map { township($0, asOf: trend.asOf, step: step) })),
        ])
    }

    public static func township(_ township: TrendReport.Township, asOf: CivilDate, step: DailySeries.Step) -> JSONValue
    {
        let projection = township.projection
        var members: [(String, JSONValue)] = [
            ("township", .string(township.figures.township)),
            ("rank", .optional(township.figures.rank.map(Int64.init))),
            ("population", .int(township.figures.population)),
            ("target", .decimal(township.figures.target.description)),
            ("required", .int(township.figures.required)),
            ("valid", .int(township.valid)),
            ("remaining", .int(projection.remaining)),
            ("gain_7_days", .int(township.gain7)),
            ("gain_30_days", .int(township.gain30)),
            ("pace_per_day", .decimal(projection.pacePerDayJSON)),
            ("needed_per_day", .optional(projection.neededPerDay)),
            ("projected_date", projection.projectedDate.map { .string($0.iso8601Unchecked) } ?? .null),
            ("status", .string(projection.status.rawValue)),
            (
                "series",
                .array(
                    township.series.points(through: asOf, step: step).map { point in
                        .object([
                            ("date", .string(point.date.iso8601Unchecked)), ("added", .int(point.added)),
                            ("valid", .int(point.valid)),
                        ])
                    })
            ),
        ]
        // SPEC 8: the county, as in `report --json`, only in a roster with counties.
        if let county = township.figures.county { members.insert(("county", .string(county)), at: 1) }
        return .object(members)
    }
}
