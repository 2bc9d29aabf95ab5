import RegTrackerCore
import RegTrackerKit

/// How import results are told: a line per file, or one JSON document.
enum ImportOutput {
    static func line(_ result: ImportResult) -> String {
        switch result {
        case .alreadyImported(let file, let batch):
            return Strings.text(.alreadyImported(file: file, batch: batch))
        case .rejected(let error):
            return Strings.text(.rejected(file: error.file, reason: error.message))
        case .imported(let summary):
            var text = Strings.text(
                .batchSummary(file: summary.file, batch: summary.batch, rows: summary.rows, kind: summary.kind))
            let chinese = Language.current == .chinese
            if summary.kind == .registrations {
                let parts = OutcomeKind.allCases.reversed().compactMap { kind in
                    summary.outcomes[kind].map { Strings.text(.outcomeCount(kind, $0)) }
                }
                if !parts.isEmpty {
                    text +=
                        chinese ? "（" + parts.joined(separator: "，") + "）" : " (" + parts.joined(separator: ", ") + ")"
                }
            }
            var clauses: [String] = []
            if summary.skippedRows > 0 { clauses.append(Strings.text(.skippedRows(summary.skippedRows))) }
            if !summary.replaced.isEmpty { clauses.append(Strings.text(.replacesBatches(summary.replaced))) }
            if summary.reevaluated > 0 { clauses.append(Strings.text(.reevaluated(summary.reevaluated))) }
            text += clauses.map { (chinese ? "；" : "; ") + $0 }.joined()
            return ([text] + summary.warnings.map { "  " + Strings.text(.warning($0)) }).joined(separator: "\n")
        }
    }

    static func json(_ results: [ImportResult], problems: [String]) -> JSONValue {
        let files = results.map { result -> JSONValue in
            switch result {
            case .alreadyImported(let file, let batch):
                return .object([
                    ("file", .string(file)), ("status", .string("already_imported")), ("batch", .int(batch)),
                ])
            case .rejected(let error):
                return .object([
                    ("file", .string(error.file)), ("status", .string("rejected")), ("error", .string(error.message)),
                ])
            case .imported(let summary):
                var members: [(String, JSONValue)] = [
                    ("file", .string(summary.file)), ("status", .string("imported")), ("batch", .int(summary.batch)),
                    ("kind", .string(summary.kind.rawValue)), ("rows", .int(Int64(summary.rows))),
                    ("skipped_rows", .int(Int64(summary.skippedRows))),
                ]
                if summary.kind == .registrations {
                    members.append(
                        (
                            "outcomes",
                            .object(OutcomeKind.allCases.map { ($0.name, .int(Int64(summary.outcomes[$0] ?? 0))) })
                        ))
                }
                members.append(("replaced", .array(summary.replaced.map(JSONValue.int))))
                members.append(("reevaluated", .int(Int64(summary.reevaluated))))
                members.append(("warnings", .array(summary.warnings.map(JSONValue.string))))
                return .object(members)
            }
        }
        func count(_ test: (ImportResult) -> Bool) -> JSONValue { .int(Int64(results.filter(test).count)) }
        return .object([
            ("files", .array(files)),
            ("imported", count { if case .imported = $0 { true } else { false } }),
            ("already_imported", count { if case .alreadyImported = $0 { true } else { false } }),
            ("rejected", count { if case .rejected = $0 { true } else { false } }),
            ("problems", .array(problems.map(JSONValue.string))),
        ])
    }
}
