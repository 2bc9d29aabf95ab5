import RegTrackerCore
import RegTrackerKit

/// How import results are told: a line per file, or one JSON document.
enum ImportOutput {
    static func line(_ result: ImportResult) -> String {
        switch result {
        case .alreadyImported(let file, let batch):
            return "\(file): already imported as batch \(batch); nothing to do"
        case .rejected(let error):
            return "\(error.file): rejected: \(error.message)"
        case .imported(let summary):
            var text = "\(summary.file): batch \(summary.batch), \(summary.rows) \(noun(summary.kind))"
            if summary.kind == .registrations {
                let parts = OutcomeKind.allCases.reversed().compactMap { kind in
                    summary.outcomes[kind].map { "\($0) \(kind.name.replacingOccurrences(of: "_", with: " "))" }
                }
                if !parts.isEmpty { text += " (" + parts.joined(separator: ", ") + ")" }
            }
            if summary.skippedRows > 0 { text += "; skipped \(summary.skippedRows) rows that are not data" }
            if !summary.replaced.isEmpty {
                text += "; replaces batch " + summary.replaced.map(String.init).joined(separator: ", ")
            }
            if summary.reevaluated > 0 { text += "; \(summary.reevaluated) earlier rows changed outcome" }
            return ([text] + summary.warnings.map { "  warning: \($0)" }).joined(separator: "\n")
        }
    }

    static func json(_ results: [ImportResult], problems: [String]) -> JSONValue {
        let files = results.map { result -> JSONValue in
            switch result {
            case .alreadyImported(let file, let batch):
                return .object([("file", .string(file)), ("status", .string("already_imported")), ("batch", .int(batch))])
            case .rejected(let error):
                return .object([("file", .string(error.file)), ("status", .string("rejected")), ("error", .string(error.message))])
            case .imported(let summary):
                var members: [(String, JSONValue)] = [
                    ("file", .string(summary.file)), ("status", .string("imported")), ("batch", .int(summary.batch)),
                    ("kind", .string(summary.kind.rawValue)), ("rows", .int(Int64(summary.rows))),
                    ("skipped_rows", .int(Int64(summary.skippedRows))),
                ]
                if summary.kind == .registrations {
                    members.append(
                        ("outcomes", .object(OutcomeKind.allCases.map { ($0.name, .int(Int64(summary.outcomes[$0] ?? 0))) })))
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

    private static func noun(_ kind: FileKind) -> String {
        switch kind {
        case .registrations: "rows"
        case .roster: "townships"
        case .invalidList: "invalid-list entries"
        }
    }
}
