import RegTrackerCore
import RegTrackerRender

extension Inspection {
    /// `inspect --json`: everything the text view shows, for programs. Keys in snake case as elsewhere.
    /// `warningText` words a warning (in English: JSON is for programs).
    public func json(warningText: (ImportWarning) -> String) -> JSONValue {
        func column(_ column: MappedColumn) -> JSONValue {
            var members: [(String, JSONValue)] = []
            if let field = column.field { members.append(("field", .string(field.rawValue))) }
            members += [
                ("column", .int(Int64(column.column + 1))), ("letter", .string(column.letter)),
                ("header", .string(column.header)),
            ]
            return .object(members)
        }
        func shown(_ row: ShownRow) -> JSONValue {
            var members: [(String, JSONValue)] = [("row", .int(Int64(row.number))), ("text", .string(row.text))]
            if let sheet = row.sheet { members.append(("sheet", .string(sheet))) }
            if let reason = row.skipReason { members.append(("skipped_because", .string(reason.rawValue))) }
            return .object(members)
        }
        let rows = rows.map { row -> JSONValue in
            var members: [(String, JSONValue)] = [
                ("row", .int(Int64(row.number))),
                ("sheet", row.sheet.map(JSONValue.string) ?? .null),
                ("fields", .object(row.fields.map { ($0.field.rawValue, JSONValue.string($0.value)) })),
                ("check", .string(row.check.kind.rawValue)),
            ]
            if !row.check.reasons.isEmpty {
                // English, as the warnings: this JSON is for programs, which read `reason_code`.
                members.append(("reason_code", .string(ReasonText.code(row.check.reasons))))
                members.append(("reason", .string(ReasonText.text(row.check.reasons, in: .english))))
            }
            return .object(members)
        }
        // Every sheet of the workbook where each was read or skipped (a SpreadsheetML reader knows only those it
        // has passed).
        let sheetNames = sheets.isEmpty ? description.sheets : sheets.map(\.name)
        return .object([
            ("file", .string(file)),
            ("sha256", .string(sha256)),
            ("format", .string(description.format.rawValue)),
            ("encoding", description.encoding.map(JSONValue.string) ?? .null),
            ("delimiter", description.delimiter.map { .string(String($0)) } ?? .null),
            ("line_endings", lineEndings.map { .string($0.rawValue) } ?? .null),
            ("sheets", .array(sheetNames.map(JSONValue.string))),
            ("sheet", description.sheet.map(JSONValue.string) ?? .null),
            ("read_sheets", .array(sheets.map(\.json))),
            ("township", township.map(JSONValue.string) ?? .null),
            ("township_from", townshipFrom.map { .string($0.rawValue) } ?? .null),
            ("header_row", .int(Int64(headerRow))),
            ("header_rows", .int(Int64(headerRowCount))),
            ("columns", .array(mapping.map(column))),
            ("unmapped_columns", .array(unmapped.map(column))),
            ("title_rows", .array(titleRows.map(shown))),
            ("skipped_below", .int(Int64(skippedBelow))),
            ("skipped_rows", .array(footerRows.map(shown))),
            ("data_rows", .int(Int64(dataRows))),
            ("checks", .object(RowCheck.Kind.allCases.map { ($0.rawValue, .int(Int64(checkCounts[$0] ?? 0))) })),
            ("township_checked", .bool(rosterChecked)),
            ("already_imported", alreadyImported.map(JSONValue.int) ?? .null),
            ("warnings", .array(warnings.map { .string(warningText($0)) })),
            ("rows", .array(rows)),
        ])
    }
}
