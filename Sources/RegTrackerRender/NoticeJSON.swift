import RegTrackerCore

/// `notice PERIOD --json` and `notice list --json` (SPEC 6).
public enum NoticeJSON {
    public static func notice(_ notice: Notice) -> JSONValue {
        let report = notice.report
        return .object(
            header(notice) + [
                ("townships", .array(notice.townships.map(township))),
                ("named", .array(notice.named.map { .string($0.figures.label) })),
                ("not_reported", .array(notice.notReported.map(JSONValue.string))),
                ("unassigned", .int(notice.unassigned)),
                ("totals", ReportJSON.totals(report)),
            ])
    }

    /// The stored notices, one object each without the townships.
    public static func list(_ notices: [Notice]) -> JSONValue {
        .object([
            (
                "notices",
                .array(
                    notices.map { notice in
                        .object(
                            header(notice) + [
                                ("named", .array(notice.named.map { .string($0.figures.label) })),
                                ("not_reported", .array(notice.notReported.map(JSONValue.string))),
                            ])
                    })
            )
        ])
    }

    public static func township(_ township: NoticeTownship) -> JSONValue {
        guard case .object(var members) = ReportJSON.township(township.figures) else { return .null }
        members.append(("change", township.change.map(change) ?? .null))
        members.append(("named", .bool(township.named)))
        members.append(("times_named", .int(Int64(township.timesNamed))))
        members.append(("card", township.card.map { .string($0.rawValue) } ?? .null))
        return .object(members)
    }

    static func change(_ change: NoticeChange) -> JSONValue {
        .object([
            ("valid", .int(change.valid)),
            ("rate", .decimal(signedDecimal(change.rateMillionths))),
            ("rank", .int(Int64(change.rank))),
        ])
    }

    /// Millionths as a JSON number: `0.012`, `-0.0005`, `0`.
    static func signedDecimal(_ millionths: Int64) -> String {
        millionths < 0 ? "-" + Decimal6.format(millionths: -millionths) : Decimal6.format(millionths: millionths)
    }

    private static func header(_ notice: Notice) -> [(String, JSONValue)] {
        [
            ("period", .string(notice.period.description)),
            ("kind", .string(notice.period.kind.rawValue)),
            ("start", .string(notice.period.start.iso8601Unchecked)),
            ("end", .string(notice.period.end.iso8601Unchecked)),
            ("issued", .string(notice.issued.iso8601Unchecked)),
            ("target", .decimal(notice.target.description)),
            ("bottom", .int(Int64(notice.bottom))),
            (
                "cards",
                .array([notice.cards.yellow, notice.cards.red, notice.cards.listed].map { .int(Int64($0)) })
            ),
        ]
    }
}
