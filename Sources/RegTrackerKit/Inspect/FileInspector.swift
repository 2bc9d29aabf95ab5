import RegTrackerCore
import RegTrackerIO
import RegTrackerStore

/// `regtracker inspect`: reads a registration list the way import does, stores nothing, and says what import
/// would make of it. A file import would reject throws the same `ImportError`, word for word.
public struct FileInspector {
    /// An existing database, for its roster (unassigned rows), invalid lists and batches; nil checks no township.
    public var store: (any RegistryStore)?
    public var today: CivilDate

    public init(store: (any RegistryStore)?, today: CivilDate) {
        self.store = store
        self.today = today
    }

    /// Reads the whole file once, every sheet import would read; `rows` data rows are kept for showing, the rest
    /// are only counted. The header, its mapping and the title rows shown are those of the first sheet read.
    /// `county`: `--county`, as for import (SPEC 8).
    public func inspect(
        path: String, options: ReadOptions, township: String?, county countyOption: String? = nil, rows limit: Int
    ) throws -> Inspection {
        let file = FileName.base(path)
        let sha256 = try FileImport.sha256(of: path)
        var sheets = SheetSource(path: path, kind: .registrations, options: options)
        guard let first = try sheets.next() else {
            throw ImportError(file: file, problem: .noSheet(.registrations, sheets.reports))
        }
        let columns = first.columns
        var firstOptions = options
        if let sheet = first.reader.description.sheet, sheets.readsSeveralSheets { firstOptions.sheet = .name(sheet) }
        var inspection = Inspection(
            file: file, sha256: sha256, description: first.reader.description,
            lineEndings: first.reader.description.format == .csv ? try? LineEndings.detect(path: path) : nil,
            headerRow: columns.headerRow, headerRowCount: columns.headerRowCount,
            mapping: Self.mapping(columns), unmapped: Self.unmapped(columns),
            titleRows: try Self.titleRows(path: path, options: firstOptions, above: columns.headerRow, file: file),
            footerRows: [], skippedBelow: 0, dataRows: 0, rows: [], checkCounts: [:], rosterChecked: false)

        var checker = try RowChecker(store: store, sha256: sha256)
        inspection.rosterChecked = checker.rosterChecked
        inspection.alreadyImported = checker.alreadyImported
        var reasons = InvalidReasonCounter()
        var next: TableScan? = first
        while var scan = next {
            let sheet = sheets.readsSeveralSheets ? scan.reader.description.sheet : nil
            let hasColumn = scan.columns.columns[.township] != nil
            var given = township
            var source: NameSource? = hasColumn ? .column : township != nil ? .option : nil
            var county = countyOption
            if let roster = checker.roster {
                // The county first, as import finds it: the township is then looked for among its townships.
                county = try CountyResolution.resolve(
                    file: file, hasColumn: scan.columns.columns[.county] != nil, option: countyOption,
                    title: scan.title, roster: roster
                ).county
                (given, source) = try TownshipResolution.resolve(
                    file: file, hasColumn: hasColumn, option: township, title: scan.title,
                    roster: roster, county: county)
            } else if store != nil, !hasColumn, township == nil {
                // As import rejects it (SPEC 1.2): a database without a roster has no name to find in the title.
                throw ImportError(file: file, problem: .noTownshipColumn(.noRoster))
            }
            if inspection.townshipFrom == nil { (inspection.township, inspection.townshipFrom) = (given, source) }
            inspection.warnings += scan.columns.unusedVerdictLikeHeaders.map {
                .unreadVerdictColumn(header: $0, sheet: sheet)
            }
            var rows = 0
            do {
                while let row = try scan.nextRow() {
                    if let reason = Registration.skipReason(row, columns: scan.columns, today: today) {
                        inspection.skippedBelow += 1
                        if !row.isBlank, inspection.footerRows.count < Inspection.shownSkippedRows {
                            var shown = Self.shown(row)
                            shown.skipReason = reason
                            shown.sheet = sheet
                            inspection.footerRows.append(shown)
                        }
                        continue
                    }
                    let registration = Registration(
                        row: row, columns: scan.columns, townshipOverride: given, countyOverride: county,
                        today: today)
                    let check = try checker.check(registration, row: Int64(inspection.dataRows))
                    reasons.add(RowFacts(registration))
                    inspection.dataRows += 1
                    rows += 1
                    inspection.checkCounts[check.kind, default: 0] += 1
                    if inspection.rows.count < limit {
                        inspection.rows.append(
                            InspectedRow(
                                number: row.number, sheet: sheet,
                                fields: Self.fields(
                                    registration, row: row, columns: scan.columns, townshipGiven: given != nil),
                                check: check))
                    }
                }
            } catch let error as ReadError {
                throw ImportError(file: file, error)
            }
            sheets.finishSheet(rows: rows, township: given, from: source)
            next = try sheets.next()
        }
        inspection.sheets = sheets.reports
        inspection.warnings += reasons.warnings
        return inspection
    }

    /// Field ← header text, in column order.
    static func mapping(_ columns: ColumnMap) -> [MappedColumn] {
        columns.columns.map { field, column in
            MappedColumn(
                field: field, column: column, header: column < columns.headers.count ? columns.headers[column] : "")
        }
        .sorted { ($0.column, $0.field?.index ?? 0) < ($1.column, $1.field?.index ?? 0) }
    }

    static func unmapped(_ columns: ColumnMap) -> [MappedColumn] {
        columns.unmappedColumns.map { MappedColumn(field: nil, column: $0, header: columns.headers[$0]) }
    }

    /// The non-blank rows above the header, read again from the top (TableScan keeps only what follows it).
    private static func titleRows(
        path: String, options: ReadOptions, above headerRow: Int, file: String
    ) throws -> [ShownRow] {
        do {
            var reader = try TableOpener.open(path: path, options: options)
            var shown: [ShownRow] = []
            while let row = try reader.nextRow(), row.number < headerRow {
                if !row.isBlank { shown.append(Self.shown(row)) }
            }
            return shown
        } catch {
            throw ImportError(file: file, error)
        }
    }

    /// The row's non-empty cells joined by ` | `, digit runs masked as reports mask them.
    static func shown(_ row: SourceRow) -> ShownRow {
        let cells = row.cells.map { CellText.clean($0.displayText) }.filter { !$0.isEmpty }
        return ShownRow(number: row.number, text: Mask.digits(in: cells.joined(separator: " | ")))
    }

    /// The fields the file has, normalised as import stores them; ID numbers and phones masked.
    static func fields(
        _ registration: Registration, row: SourceRow, columns: ColumnMap, townshipGiven: Bool
    ) -> [(field: Field, value: String)] {
        func raw(_ field: Field) -> String { Mask.digits(in: CellText.clean(columns.cell(field, in: row).displayText)) }
        var fields: [(field: Field, value: String)] = []
        for field in Field.allCases where columns.columns[field] != nil || (field == .township && townshipGiven) {
            let value: String
            switch field {
            case .township: value = Mask.digits(in: registration.township)
            case .name: value = Mask.digits(in: registration.name)
            case .idNumber: value = Self.display(registration.idNumber, raw: raw(.idNumber), isPhone: false)
            case .phone: value = Self.display(registration.phone, raw: raw(.phone), isPhone: true)
            case .village: value = Mask.digits(in: registration.village)
            case .registeredAt: value = registration.registeredAt.storedText ?? ""
            default: value = raw(field)
            }
            fields.append((field, value))
        }
        return fields
    }

    /// A valid number masked, a masked one as given, a malformed one as the cell read with its digits masked.
    static func display(_ value: KeyedValue, raw: String, isPhone: Bool) -> String {
        switch value {
        case .absent: ""
        case .valid, .masked: Mask.display(value, isPhone: isPhone)
        case .malformed: raw
        }
    }
}

/// Decides the outcome a row gets on its own, with the database's roster and invalid lists when there is one.
private struct RowChecker {
    var engine: OutcomeEngine?
    /// The database's roster, when it has one: the township a list names is looked for in it.
    var roster: Roster?
    var rosterChecked: Bool { engine != nil }
    var alreadyImported: Int64?

    init(store: (any RegistryStore)?, sha256: String) throws {
        guard let store else { return }
        let (roster, entries, batch) = try store.read { transaction in
            (
                try transaction.currentRoster(), try transaction.invalidEntries(),
                try transaction.activeBatch(sha256: sha256)?.id
            )
        }
        alreadyImported = batch
        // Without a roster every row would be unassigned: say "not checked" instead.
        if roster.batch != nil {
            engine = .spilling(roster: roster.roster, invalidEntries: entries)
            self.roster = roster.roster
        }
    }

    mutating func check(_ registration: Registration, row: Int64) throws -> RowCheck {
        guard engine != nil else {
            if !registration.problems.isEmpty { return .malformed(registration.problems) }
            return registration.isFlagged ? .flagged : .passes
        }
        // Decided in place: the engine's key tables are not copied for every row.
        guard let outcome = try engine?.decide(row: row, facts: RowFacts(registration)) else { return .passes }
        switch outcome.kind {
        case .unassigned: return .unassigned(outcome.reasons)
        case .malformed: return .malformed(outcome.reasons)
        case .flagged: return .flagged
        case .listed: return .listed
        case .duplicate, .valid: return .passes
        }
    }
}
