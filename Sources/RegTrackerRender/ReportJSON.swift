import RegTrackerCore

/// The `--json` documents of SPEC 4.
public enum ReportJSON {
    /// `report --json`.
    public static func report(_ report: Report) -> JSONValue {
        .object([
            ("target", .decimal(report.target.description)),
            ("townships", .array(report.townships.map(township))),
            ("unassigned", .int(report.unassigned)),
            ("totals", totals(report)),
        ])
    }

    /// `shortfall --json`: the townships below target, worst rate first.
    public static func shortfall(_ report: Report) -> JSONValue {
        let below = report.shortfall
        return .object([
            ("target", .decimal(report.target.description)),
            ("townships", .array(below.map(township))),
            ("shortfall", .int(below.reduce(0) { $0 + $1.shortfall })),
        ])
    }

    /// `rate TOWNSHIP --json`: the township's fields, the number of ranked townships and the global target.
    public static func rate(_ figures: TownshipFigures, in report: Report) -> JSONValue {
        guard case .object(var members) = township(figures) else { return .null }
        members.append(("of", .int(Int64(report.townships.filter(\.hasRate).count))))
        members.append(("global_target", .decimal(report.target.description)))
        return .object(members)
    }

    public static func township(_ figures: TownshipFigures) -> JSONValue {
        var members: [(String, JSONValue)] =
            [
                ("rank", .optional(figures.rank.map(Int64.init))), ("township", .string(figures.township)),
                ("population", .int(figures.population)),
            ] + countMembers(figures.counts) + [
                ("required", .int(figures.required)),
                ("shortfall", .int(figures.shortfall)),
                ("rate", figures.rateMillionths.map { .decimal(Decimal6.format(millionths: $0)) } ?? .null),
                ("met", .optional(figures.met)),
                ("target", .decimal(figures.target.description)),
            ]
        // SPEC 8: only in a roster with counties, where two townships may share a name.
        if let county = figures.county { members.append(("county", .string(county))) }
        return .object(members)
    }

    /// `report --county NAME --json` (SPEC 8): `report --json` of the county's townships, with the county named.
    public static func report(_ report: Report, county: String) -> JSONValue {
        guard case .object(let members) = Self.report(report) else { return .null }
        return .object([("county", .string(county))] + members)
    }

    /// `report --by county --json` (SPEC 8): the counties ranked, each with its townships' sums.
    public static func counties(_ report: CountyReport) -> JSONValue {
        let totals = report.totals
        return .object([
            ("target", .decimal(report.target.description)),
            ("counties", .array(report.counties.map(county))),
            ("unassigned", .int(report.unassigned)),
            (
                "totals",
                .object([
                    ("population", .int(report.totalPopulation)),
                    ("reported", .int(totals.reported)),
                    ("invalid", .int(totals.invalid)),
                    ("duplicates", .int(totals.duplicates)),
                    ("valid", .int(totals.valid)),
                ])
            ),
        ])
    }

    public static func county(_ figures: CountyFigures) -> JSONValue {
        .object(
            [
                ("rank", .optional(figures.rank.map(Int64.init))), ("county", .string(figures.county)),
                ("townships", .int(Int64(figures.townships))), ("population", .int(figures.population)),
            ] + countMembers(figures.counts) + [
                ("required", .int(figures.required)),
                ("shortfall", .int(figures.shortfall)),
                ("rate", figures.rateMillionths.map { .decimal(Decimal6.format(millionths: $0)) } ?? .null),
                ("met", .optional(figures.met)),
            ])
    }

    /// The counts of a township or a county, in SPEC 4's order.
    static func countMembers(_ counts: OutcomeCounts) -> [(String, JSONValue)] {
        [
            ("reported", .int(counts.reported)), ("invalid", .int(counts.invalid)),
            ("invalid_malformed", .int(counts.malformed)), ("invalid_flagged", .int(counts.flagged)),
            ("invalid_listed", .int(counts.listed)), ("duplicates", .int(counts.duplicates)),
            ("valid", .int(counts.valid)),
        ]
    }

    static func totals(_ report: Report) -> JSONValue {
        let totals = report.totals
        return .object([
            ("population", .int(report.totalPopulation)),
            ("reported", .int(totals.reported)),
            ("invalid", .int(totals.invalid)),
            ("duplicates", .int(totals.duplicates)),
            ("valid", .int(totals.valid)),
        ])
    }
}
