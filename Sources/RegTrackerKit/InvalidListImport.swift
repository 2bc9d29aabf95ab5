import RegTrackerCore
import RegTrackerIO
import RegTrackerStore

/// Imports invalid lists (SPEC 1.3). Outcomes are decided again, so the order of imports does not matter.
public struct InvalidListImport {
    public var store: any RegistryStore
    public var clock: Clock

    public init(store: any RegistryStore, clock: Clock) {
        self.store = store
        self.clock = clock
    }

    struct Entry {
        var row: Int
        var raw: String
        var township: String?
        var county: String?
        var idKey: Int64?
        var phoneKey: Int64?
        var reason: String
    }

    public func run(path: String, options: ReadOptions) -> ImportResult {
        let file = FileName.base(path)
        return FileImport.rejectingFailures(of: path) {
            let sha256 = try FileImport.sha256(of: path)
            var sheets = SheetSource(path: path, kind: .invalidList, options: options)
            var entries: [Entry] = []
            var skipped = 0
            var unusable = 0
            var first: (description: TableDescription, columns: ColumnMap)?
            while var scan = try sheets.next() {
                let columns = scan.columns
                if first == nil { first = (scan.reader.description, columns) }
                let entriesBefore = entries.count
                defer { sheets.finishSheet(rows: entries.count - entriesBefore, township: nil, from: nil) }
                while let row = try scan.nextRow() {
                    let idNumber = IDNumber.parse(columns.cell(.idNumber, in: row), today: clock.today)
                    let phone = Phone.parse(columns.cell(.phone, in: row))
                    guard idNumber.isPresent || phone.isPresent else {
                        skipped += 1
                        continue
                    }
                    if idNumber.key == nil && phone.key == nil { unusable += 1 }
                    let township = CellText.clean(columns.cell(.township, in: row).displayText)
                    let county = CellText.clean(columns.cell(.county, in: row).displayText)
                    entries.append(
                        Entry(
                            row: row.number, raw: TableScan.raw(row), township: township.isEmpty ? nil : township,
                            county: county.isEmpty ? nil : county, idKey: idNumber.key, phoneKey: phone.key,
                            reason: CellText.clean(columns.cell(.reason, in: row).displayText)))
                }
            }
            guard let (description, columns) = first else {
                throw ImportError(file: file, problem: .noSheet(.invalidList, sheets.reports))
            }
            return try store.write { transaction in
                if let existing = try transaction.activeBatch(sha256: sha256), let id = existing.id {
                    return .alreadyImported(file: file, batch: id)
                }
                let batch = try transaction.insertBatch(
                    FileImport.batch(
                        .invalidList, file: file, sha256: sha256, clock: clock, description: description, columns: columns))
                for entry in entries {
                    try transaction.insertInvalidEntry(
                        batch: batch, row: entry.row, raw: entry.raw, townshipText: entry.township,
                        countyText: entry.county, idKey: entry.idKey, phoneKey: entry.phoneKey, reason: entry.reason)
                }
                try transaction.setBatchCounts(batch: batch, rows: entries.count, skippedRows: skipped)
                let roster = try transaction.currentRoster().roster
                var warnings: [ImportWarning] = []
                if unusable > 0 { warnings.append(.unusableEntries(unusable)) }
                if roster.townships.count > 0 { warnings += Self.scopeWarnings(entries, roster: roster) }
                let changed = try Reevaluation.all(in: transaction)
                var summary = BatchSummary(
                    file: file, kind: .invalidList, batch: batch, rows: entries.count, skippedRows: skipped,
                    outcomes: [:], replaced: [], reevaluated: changed, warnings: warnings)
                summary.sheets = sheets.reports
                return .imported(summary)
            }
        }
    }

    /// Entries whose township (and county) the roster does not have match no row; a name several counties share,
    /// with no county named, applies to each of them (SPEC 8), which the office may not mean.
    private static func scopeWarnings(_ entries: [Entry], roster: Roster) -> [ImportWarning] {
        var unknown = Set<String>()
        var inSeveralCounties = Set<String>()
        for entry in entries where entry.township != nil || entry.county != nil {
            let townships = roster.townships(
                ofEntryInCounty: Roster.key(entry.county ?? ""), township: Roster.key(entry.township ?? ""))
            if townships?.isEmpty == true {
                let county = roster.hasCounties ? entry.county : nil
                unknown.insert(entry.township.map { TownshipFigures.label($0, county: county) } ?? county ?? "")
            } else if let townships, townships.count > 1, entry.township != nil,
                entry.county == nil || !roster.hasCounties
            {
                inSeveralCounties.insert(roster.townships[townships[0]].name)
            }
        }
        var warnings: [ImportWarning] = []
        if !unknown.isEmpty { warnings.append(.unknownTownships(unknown.sorted(by: UnicodeOrder.precedes))) }
        if !inSeveralCounties.isEmpty {
            warnings.append(.townshipsOfSeveralCounties(inSeveralCounties.sorted(by: UnicodeOrder.precedes)))
        }
        return warnings
    }
}
