import RegTrackerCore
import RegTrackerRender
import RegTrackerStore

/// `rate TOWNSHIP --json` (and `GET /api/townships/{name}`): the township's figures, `of`, `global_target`,
/// `last_submission`, `rejected`; for a township with villages in the roster, its `villages` ranked as in SPEC 5
/// and `unmatched_village`; else with `--by-village` the `villages` by the text of their rows.
public enum TownshipDocument {
    public static func json(
        _ figures: TownshipFigures, in report: Report, lastSubmission: String?, rejects: RejectTally,
        villages: [VillageFigures]?, villageReport: VillageReport? = nil, language: Language = .chinese
    ) -> JSONValue {
        guard case .object(var members) = ReportJSON.rate(figures, in: report) else { return .null }
        members.append(("last_submission", lastSubmission.map(JSONValue.string) ?? .null))
        members.append(("rejected", rejected(rejects, in: language)))
        if let villageReport {
            members.append(
                ("villages", .array(villageReport.villages.map { VillageJSON.village($0, withTownship: false) })))
            members.append(("unmatched_village", VillageJSON.unmatched(villageReport.unmatched)))
        } else if let villages {
            members.append(
                (
                    "villages",
                    .array(
                        villages.map { village in
                            .object([
                                ("village", .string(village.village)), ("reported", .int(village.counts.reported)),
                                ("valid", .int(village.counts.valid)),
                            ])
                        })
                ))
        }
        return .object(members)
    }

    /// `[{"outcome": "invalid_malformed", "count": 3, "reasons": [{"reason_code": "id_check_digit", "reason": "…",
    /// "count": 2}, …]}, …]`; `reason` in `language` (the dashboard's API: Chinese, SPEC 7).
    public static func rejected(_ tally: RejectTally, in language: Language) -> JSONValue {
        .array(
            tally.byOutcome.map { group in
                var members: [(String, JSONValue)] = [
                    ("outcome", .string(group.outcome.name)), ("count", .int(Int64(group.count))),
                ]
                if group.outcome == .malformed {
                    members.append(
                        (
                            "reasons",
                            .array(
                                group.reasons.map {
                                    .object([
                                        ("reason_code", .string(ReasonText.code($0.reasons))),
                                        ("reason", .string(ReasonText.text($0.reasons, in: language))),
                                        ("count", .int(Int64($0.count))),
                                    ])
                                })
                        ))
                }
                return .object(members)
            })
    }
}
