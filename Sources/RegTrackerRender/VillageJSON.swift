import RegTrackerCore

/// `villages [TOWNSHIP] --json` (SPEC 5).
public enum VillageJSON {
    /// `{"township", "target", "villages": […], "unmatched_village": {"reported", "valid"}}`; the county-wide list
    /// has no `township` at the top and one in each village.
    public static func report(_ report: VillageReport) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let township = report.township { members.append(("township", .string(township))) }
        if let county = report.county { members.append(("county", .string(county))) }
        members.append(("target", .decimal(report.target.description)))
        members.append(("villages", .array(report.villages.map { village($0, withTownship: report.township == nil) })))
        members.append(("unmatched_village", unmatched(report.unmatched)))
        return .object(members)
    }

    /// The fields of a township in `report --json` (SPEC 4), `village` in place of `township`, in SPEC 5's order.
    public static func village(_ standing: VillageStanding, withTownship: Bool) -> JSONValue {
        guard case .object(let fields) = ReportJSON.township(standing.figures) else { return .null }
        var members: [(String, JSONValue)] = []
        for (key, value) in fields where key != "target" {
            if key == "township" {
                members.append(("village", value))
                if withTownship {
                    members.append(("township", .string(standing.township)))
                    // SPEC 8: two counties may each have a 城关镇; the county tells their villages apart.
                    if let county = standing.county { members.append(("county", .string(county))) }
                }
            } else {
                members.append((key, value))
            }
            if key == "rank", withTownship {
                members.append(("township_rank", .optional(standing.townshipRank.map(Int64.init))))
            }
            if key == "population" { members.append(("target", .decimal(standing.figures.target.description))) }
        }
        return .object(members)
    }

    public static func unmatched(_ counts: OutcomeCounts) -> JSONValue {
        .object([("reported", .int(counts.reported)), ("valid", .int(counts.valid))])
    }
}
