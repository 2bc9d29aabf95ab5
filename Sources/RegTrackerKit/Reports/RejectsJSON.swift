import RegTrackerCore
import RegTrackerRender
import RegTrackerStore

/// `rejects --json` (SPEC 7): each row that did not count with `reason_code`, `reason` in the language passed in,
/// and the values the reason names. Personal numbers are masked, as in the files.
public enum RejectsJSON {
    public static func json(_ rejects: [RejectRecord], in language: Language) -> JSONValue {
        .object([
            ("count", .int(Int64(rejects.count))),
            ("rows", .array(rejects.map { row($0, in: language) })),
        ])
    }

    /// Several problems of one row: their codes joined by `+`, and their values together (no two share a name).
    static func row(_ reject: RejectRecord, in language: Language) -> JSONValue {
        // The county (SPEC 8) only where the roster has counties: without them the JSON is as before.
        let county: [(String, JSONValue)] = reject.county.map { [("county", .string($0))] } ?? []
        return .object(
            [("township", reject.township.map(JSONValue.string) ?? .null)] + county + [
                ("township_text", .string(Mask.digits(in: reject.townshipText))),
                ("file", .string(reject.fileName)),
                ("batch", .int(reject.batch)),
                ("row", .int(Int64(reject.rowNumber))),
                ("name", .string(Mask.digits(in: reject.name))),
                ("id_number", .string(RejectSheets.received(reject.idText))),
                ("phone", .string(RejectSheets.received(reject.phoneText))),
                ("outcome", .string(reject.outcome.name)),
                ("reason_code", .string(ReasonText.code(reject.reasons))),
                ("reason", .string(ReasonText.text(reject.reasons, in: language))),
                (
                    "values",
                    .object(
                        reject.reasons.flatMap(\.values).map { ($0.name, JSONValue.string(Mask.digits(in: $0.value))) })
                ),
            ])
    }
}
