import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// How import results are told: a line per file, or one JSON document.
enum ImportOutput {
    static func line(_ result: ImportResult, in language: Language) -> String {
        switch result {
        case .alreadyImported(let file, let batch):
            return Strings.text(.alreadyImported(file: file, batch: batch), in: language)
        case .rejected(let error):
            return Strings.text(.rejected(file: error.file, reason: error.message(in: language)), in: language)
        case .imported(let summary):
            var text = Strings.text(
                .batchSummary(file: summary.file, batch: summary.batch, rows: summary.rows, kind: summary.kind), in: language)
            let chinese = language == .chinese
            if summary.kind == .registrations {
                let parts = OutcomeKind.allCases.reversed().compactMap { kind in
                    summary.outcomes[kind].map { Strings.text(.outcomeCount(kind, $0), in: language) }
                }
                if !parts.isEmpty {
                    text +=
                        chinese ? "（" + parts.joined(separator: "，") + "）" : " (" + parts.joined(separator: ", ") + ")"
                }
            }
            var clauses: [String] = []
            // SPEC 1.2: the summary says where the township came from, whichever way.
            if summary.sheets.isEmpty, let source = summary.townshipFrom {
                clauses.append(Strings.text(.township(summary.township, from: source), in: language))
            }
            // The county a list names as a whole (a county column names one a row, said by the rows' figures).
            if let county = summary.county, let source = summary.countyFrom, source != .column {
                clauses.append(Strings.text(.county(county, from: source), in: language))
            }
            if !summary.skippedByReason.isEmpty {
                clauses.append(Strings.text(.skipped(summary.skippedByReason), in: language))
            } else if summary.skippedRows > 0 {
                clauses.append(Strings.text(.skippedRows(summary.skippedRows), in: language))
            }
            if !summary.replaced.isEmpty { clauses.append(Strings.text(.replacesBatches(summary.replaced), in: language)) }
            if summary.reevaluated > 0 { clauses.append(Strings.text(.reevaluated(summary.reevaluated), in: language)) }
            text += clauses.map { (chinese ? "；" : "; ") + $0 }.joined()
            var lines = [text]
            lines += summary.sheets.map { "  " + Strings.text($0.skip == nil ? .sheetRead($0) : .sheetSkipped($0), in: language) }
            if let changes = summary.rosterChanges { lines.append("  " + Strings.text(.rosterChanges(changes), in: language)) }
            return lines.joined(separator: "\n")
        }
    }

    /// Tells a file's import that was not rejected: its line on stdout (not under `--quiet` or `--json`), its
    /// warnings on stderr, never into the JSON document on stdout; whole-file warnings reach cron's mail even under
    /// `--quiet` (SPEC 3, 4).
    static func tell(_ result: ImportResult, global: GlobalOptions, json: Bool = false) {
        if !json && !global.quiet { global.say(line(result, in: global.language)) }
        guard case .imported(let summary) = result else { return }
        for line in warnings(summary, wholeFileOnly: global.quiet, in: global.language) { Console.error(line) }
    }

    /// The warnings of an imported file, a line each, for stderr: rows a roster change leaves without a township or
    /// village, then the file's own warnings. `wholeFileOnly`: only those that cron must mail (SPEC 3, `--quiet`).
    static func warnings(_ summary: BatchSummary, wholeFileOnly: Bool, in language: Language) -> [String] {
        var lines: [String] = []
        if !wholeFileOnly {
            if !summary.rowsLost.isEmpty {
                lines.append(Strings.text(.warning(Strings.text(.rowsLost(summary.rowsLost), in: language)), in: language))
            }
            if !summary.villageRowsLost.isEmpty {
                let text = Strings.text(.villageRowsLost(summary.villageRowsLost), in: language)
                lines.append(Strings.text(.warning(text), in: language))
            }
        }
        for item in summary.warnings where !wholeFileOnly || item.isWholeFile {
            lines.append(warning(item, file: summary.file, in: language))
        }
        return lines
    }

    /// One warning line, in the user's language.
    static func warning(_ warning: ImportWarning, file: String, in language: Language) -> String {
        Strings.text(.warning(Strings.text(.warning(warning, file: file), in: language)), in: language)
    }

    /// The texts in it (errors, warnings, problems) are in the CLI's language, as on stderr (SPEC 7); programs read
    /// the codes and counts beside them.
    static func json(_ results: [ImportResult], problems: [String], in language: Language) -> JSONValue {
        let files = results.map { result -> JSONValue in
            switch result {
            case .alreadyImported(let file, let batch):
                return .object([
                    ("file", .string(file)), ("status", .string("already_imported")), ("batch", .int(batch)),
                ])
            case .rejected(let error):
                return .object([
                    ("file", .string(error.file)), ("status", .string("rejected")), ("error", .string(error.message(in: language))),
                    ("error_code", .string(error.code)),
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
                if summary.kind == .registrations {
                    members.append(("township", summary.township.map(JSONValue.string) ?? .null))
                    members.append(("township_from", summary.townshipFrom.map { .string($0.rawValue) } ?? .null))
                    // SPEC 8: only for a roster with counties, so that a county-less database prints what it did.
                    if let countyFrom = summary.countyFrom {
                        members.append(("county", summary.county.map(JSONValue.string) ?? .null))
                        members.append(("county_from", .string(countyFrom.rawValue)))
                    }
                    members.append(
                        (
                            "skipped", .object(SkippedRowReason.allCases.map {
                                ($0.rawValue, .int(Int64(summary.skippedByReason[$0] ?? 0)))
                            })
                        ))
                }
                if !summary.sheets.isEmpty { members.append(("sheets", .array(summary.sheets.map(\.json)))) }
                if let changes = summary.rosterChanges {
                    members.append(("changes", rosterJSON(changes, summary.rowsLost, summary.villageRowsLost)))
                }
                members.append(
                    (
                        "warnings",
                        .array(summary.warnings.map { .string(Strings.text(.warning($0, file: summary.file), in: language)) })
                    ))
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

    private static func rosterJSON(
        _ changes: RosterChanges, _ lost: [RowsLost], _ villagesLost: [VillageRowsLost]
    ) -> JSONValue {
        func places(_ list: [RosterChanges.VillagePlace]) -> JSONValue {
            .array(list.map { .object([("township", .string($0.township)), ("village", .string($0.village))]) })
        }
        func names(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }
        func target(_ value: Target?) -> JSONValue { value.map { .string($0.description) } ?? .null }
        return .object([
            ("added", names(changes.added)), ("dropped", names(changes.dropped)),
            ("renamed", .array(changes.renamed.map { .object([("from", .string($0.from)), ("to", .string($0.to))]) })),
            (
                "population",
                .array(
                    changes.populations.map {
                        .object([("township", .string($0.township)), ("from", .int($0.from)), ("to", .int($0.to))])
                    })
            ),
            (
                "target",
                .array(
                    changes.targets.map {
                        .object([("township", .string($0.township)), ("from", target($0.from)), ("to", target($0.to))])
                    })
            ),
            (
                "county",
                .array(
                    changes.counties.map {
                        .object([
                            ("township", .string($0.township)), ("from", $0.from.map(JSONValue.string) ?? .null),
                            ("to", $0.to.map(JSONValue.string) ?? .null),
                        ])
                    })
            ),
            (
                "unassigned_now",
                .array(
                    lost.map {
                        .object([("township", .string($0.township)), ("rows", .int($0.rows)), ("valid", .int($0.valid))])
                    })
            ),
            ("villages_added", places(changes.villagesAdded)), ("villages_dropped", places(changes.villagesDropped)),
            (
                "village_population",
                .array(
                    changes.villagePopulations.map {
                        .object([
                            ("township", .string($0.place.township)), ("village", .string($0.place.village)),
                            ("from", .int($0.from)), ("to", .int($0.to)),
                        ])
                    })
            ),
            (
                "village_target",
                .array(
                    changes.villageTargets.map {
                        .object([
                            ("township", .string($0.place.township)), ("village", .string($0.place.village)),
                            ("from", target($0.from)), ("to", target($0.to)),
                        ])
                    })
            ),
            (
                "village_unmatched_now",
                .array(
                    villagesLost.map {
                        .object([
                            ("township", .string($0.township)), ("village", .string($0.village)),
                            ("rows", .int($0.rows)), ("valid", .int($0.valid)),
                        ])
                    })
            ),
        ])
    }
}
