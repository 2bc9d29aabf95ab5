import ArgumentParser
import Foundation
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerRender
import RegTrackerStore

/// Shows what import would make of a file, storing nothing: how it was read, the header and its mapping, the rows
/// skipped, and the first data rows with the outcome each would get on its own.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: Help.text(.inspectAbstract),
        discussion: Help.text(.inspectDiscussion))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reading: ReadingOptions

    @Option(help: Help.argument(.inspectRows))
    var rows = 20

    @Option(help: Help.argument(.inspectTownship))
    var township: String?

    @Option(help: Help.argument(.inspectCounty))
    var county: String?

    @Flag(help: Help.argument(.inspectJSON))
    var json = false

    @Flag(help: Help.argument(.inspectCells))
    var cells = false

    @Argument(help: Help.argument(.inspectFile))
    var file: String

    func validate() throws {
        if rows < 0 { throw ValidationError(Strings.text(.inspectBadRows(rows), in: global.language)) }
    }

    func run() throws {
        do {
            if cells {
                let grid = try CellGrid.read(path: file, options: reading.readOptions)
                return Console.out(json ? grid.json.rendered() : InspectText.cells(grid, in: global.language))
            }
            let inspector = FileInspector(store: try existingStore(), today: global.clock.today)
            let inspection = try inspector.inspect(
                path: file, options: reading.readOptions, township: township, county: county, rows: rows)
            if json {
                Console.out(
                    inspection.json(warningText: {
                        Strings.text(.warning($0, file: inspection.file), in: global.language)
                    }).rendered())
            } else {
                global.say(InspectText.lines(inspection, in: global.language).joined(separator: "\n"))
            }
        } catch let error as ImportError {
            // The same line import prints for this file.
            Console.error(.rejected(file: error.file, reason: error.message(in: global.language)), in: global.language)
            if json {
                Console.out(
                    // As `import --json` gives a rejected file: the text in the CLI's language, and its code.
                    JSONValue.object([
                        ("file", .string(error.file)), ("status", .string("rejected")),
                        ("error", .string(error.message(in: global.language))), ("error_code", .string(error.code)),
                    ]).rendered())
            }
            throw ExitCode(1)
        }
    }

    /// The database, read-only: one named by --db or REGTRACKER_DB must exist (a mistyped path is an error, not
    /// "no roster"); the default ./regtracker.sqlite is used when it exists. Inspect never creates one.
    private func existingStore() throws -> (any RegistryStore)? {
        if !global.databaseNamed && !global.database.exists { return nil }
        return try global.openExistingStore()
    }
}

/// The text view of an inspection, in the CLI's language.
enum InspectText {
    static func lines(_ inspection: Inspection, in language: Language) -> [String] {
        let description = inspection.description
        var lines: [String] = []
        if description.format == .csv {
            lines.append(
                Strings.text(
                    .inspectCSV(
                        file: inspection.file, encoding: description.encoding ?? "?",
                        delimiter: description.delimiter.map { delimiterName($0, in: language) } ?? "?",
                        lineEndings: inspection.lineEndings?.rawValue ?? "?"), in: language))
        } else {
            lines.append(Strings.text(.inspectFormat(file: inspection.file, format: formatName(description.format)), in: language))
            // The lines of each sheet read or skipped say more, when there are (no --sheet).
            if inspection.sheets.isEmpty, !description.sheets.isEmpty || description.sheet != nil {
                lines.append(Strings.text(.inspectSheets(description.sheets, chosen: description.sheet), in: language))
            }
        }
        if let batch = inspection.alreadyImported { lines.append(Strings.text(.inspectAlreadyImported(batch), in: language)) }
        lines += inspection.sheets.map { Strings.text($0.skip == nil ? .sheetRead($0) : .sheetSkipped($0), in: language) }
        lines.append(Strings.text(.inspectTownship(inspection.township, from: inspection.townshipFrom), in: language))
        lines.append(Strings.text(.inspectHeader(row: inspection.headerRow, rows: inspection.headerRowCount), in: language))
        for column in inspection.mapping {
            guard let field = column.field else { continue }
            // In Chinese the field's Chinese heading; in English with the field's identifier beside it.
            let name = language == .chinese ? field.heading : field.label
            lines.append("  \(name) ← \(column.letter) \(quoted(column.header))")
        }
        if !inspection.unmapped.isEmpty {
            lines.append(
                Strings.text(
                    .inspectUnmapped(inspection.unmapped.map { "\($0.letter) \(quoted($0.header))" }), in: language))
        }
        lines.append(Strings.text(.inspectTitles(inspection.titleRows.count), in: language))
        lines += inspection.titleRows.map { "  " + Strings.text(.inspectRow($0.number, $0.text), in: language) }
        let blank = inspection.skippedBelow - inspection.footerRows.count
        lines.append(Strings.text(.inspectSkippedBelow(inspection.skippedBelow), in: language))
        lines += inspection.footerRows.map { row in
            "  " + Strings.text(.inspectSkippedRow(row), in: language)
        }
        if blank > 0 { lines.append("  " + Strings.text(.inspectBlankOrMore(blank), in: language)) }
        lines.append(Strings.text(.inspectDataRows(total: inspection.dataRows, shown: inspection.rows.count), in: language))
        let chinese = language == .chinese
        for row in inspection.rows {
            let fields = row.fields.map { "\(chinese ? $0.field.heading : $0.field.rawValue)=\($0.value)" }
            lines.append(
                "  "
                    + Strings.text(
                        .inspectSheetRow(sheet: row.sheet, row.number, fields.joined(separator: chinese ? "，" : ", ")),
                        in: language))
            lines.append("    → " + Strings.text(.inspectCheck(outcome(row.check.kind), reasons: row.check.reasons), in: language))
        }
        let counts = RowCheck.Kind.allCases.compactMap { kind in
            inspection.checkCounts[kind].map { Strings.text(.inspectCheckCount(outcome(kind), $0), in: language) }
        }
        if !counts.isEmpty {
            lines.append(Strings.text(.inspectCheckCounts(counts.joined(separator: chinese ? "，" : ", ")), in: language))
        }
        if !inspection.rosterChecked { lines.append(Strings.text(.inspectTownshipNotChecked, in: language)) }
        lines += inspection.warnings.map { ImportOutput.warning($0, file: inspection.file, in: language) }
        return lines
    }

    /// `--cells` without `--json`: one line a row, `3  A:s 青石镇 | B:n 1`.
    static func cells(_ grid: CellGrid, in language: Language) -> String {
        var lines = [formatName(grid.description.format)]
        if !grid.description.sheets.isEmpty || grid.description.sheet != nil {
            lines.append(Strings.text(.inspectSheets(grid.description.sheets, chosen: grid.description.sheet), in: language))
        }
        for row in grid.rows {
            let cells = CellGrid.entries(row).map { "\(ColumnLetter.name($0.column)):\($0.type) \($0.value)" }
            lines.append("\(row.number)\t" + cells.joined(separator: " | "))
        }
        return lines.joined(separator: "\n")
    }

    /// The outcome a check stands for; nil for a row that passes its own checks.
    static func outcome(_ kind: RowCheck.Kind) -> OutcomeKind? {
        switch kind {
        case .unassigned: .unassigned
        case .malformed: .malformed
        case .flagged: .flagged
        case .listed: .listed
        case .passes: nil
        }
    }

    static func formatName(_ format: FileFormat) -> String {
        switch format {
        case .csv: "CSV"
        case .spreadsheetML: "SpreadsheetML 2003 (.xml)"
        case .ooxmlSheet: "OOXML worksheet (.xml)"
        case .xlsx: "XLSX"
        case .xls: "XLS (Excel 97–2003)"
        }
    }

    static func delimiterName(_ delimiter: Character, in language: Language) -> String {
        switch delimiter {
        case ",": Strings.text(.inspectDelimiter("comma"), in: language)
        case "\t": Strings.text(.inspectDelimiter("tab"), in: language)
        case ";": Strings.text(.inspectDelimiter("semicolon"), in: language)
        default: "\"\(delimiter)\""
        }
    }

    static func quoted(_ text: String) -> String { "“\(text)”" }
}
