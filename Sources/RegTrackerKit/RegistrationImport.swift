import RegTrackerCore
import RegTrackerIO
import RegTrackerStore

/// Imports registration lists (SPEC 1.2, 3): whole file or nothing, idempotent by content, outcomes decided as rows arrive.
public struct RegistrationImport {
    public var store: any RegistryStore
    public var clock: Clock
    /// Called with the number of rows read so far, every `progressInterval` rows (for a progress line).
    public var progress: ((Int) -> Void)?
    public static let progressInterval = 10_000

    public init(store: any RegistryStore, clock: Clock, progress: ((Int) -> Void)? = nil) {
        self.store = store
        self.clock = clock
        self.progress = progress
    }

    /// `county`: `--county` (SPEC 8), the county of rows whose county cell is missing or empty.
    public func run(
        path: String, options: ReadOptions, township: String?, county: String? = nil, replace: Bool
    ) -> ImportResult {
        let file = FileName.base(path)
        return FileImport.rejectingFailures(of: path) {
            let sha256 = try FileImport.sha256(of: path)
            if let existing = try store.read({ try $0.activeBatch(sha256: sha256) }), let id = existing.id {
                return .alreadyImported(file: file, batch: id)
            }
            // The first sheet's header is found before the write lock is taken: most rejected files stop here.
            var sheets = SheetSource(path: path, kind: .registrations, options: options)
            guard let first = try sheets.next() else {
                throw ImportError(file: file, problem: .noSheet(.registrations, sheets.reports))
            }
            return try store.write { transaction in
                if let existing = try transaction.activeBatch(sha256: sha256), let id = existing.id {
                    return .alreadyImported(file: file, batch: id)
                }
                return .imported(
                    try insert(
                        first, then: &sheets, file: file, sha256: sha256, township: township, county: county,
                        replace: replace, into: transaction))
            }
        }
    }

    /// The reader's next batches, at least one (none at the end) and more until `rows` rows; their keys are handed
    /// to `lookup` to prefetch, unless it prefetches nothing (`rows` 0).
    private static func window(
        of stream: RegistrationStream, rows: Int, prefetchingFrom lookup: any ValidKeyLookup
    ) throws -> [[NewRegistration]] {
        var window: [[NewRegistration]] = []
        var count = 0
        while window.isEmpty || count < rows, let batch = try stream.next() {
            window.append(batch)
            count += batch.count
        }
        if rows > 0 && !window.isEmpty {
            try lookup.prefetch(
                idKeys: window.flatMap { $0.compactMap(\.facts.idKey) },
                phoneKeys: window.flatMap { $0.compactMap(\.facts.phoneKey) })
        }
        return window
    }

    private func insert(
        _ first: TableScan, then sheets: inout SheetSource, file: String, sha256: String, township: String?,
        county countyOption: String?, replace: Bool,
        into transaction: any BatchLedger & RosterStore & InvalidListStore & RegistrationStore
    ) throws -> BatchSummary {
        let roster = try transaction.currentRoster()
        let replaced = replace ? try transaction.activeBatches(fileName: file, kind: .registrations) : []
        for batch in replaced { try transaction.markRetracted(batch: batch.id!, at: clock.timestamp) }
        // A replacement takes the replaced batch's place in the sequence (SPEC 2, 3): its rows are decided against
        // the valid rows before that place, and the rows after it are decided again once it is stored. Otherwise the
        // new rows come last and are decided against every valid row. Either way the store's valid-key index gives
        // the earlier valid rows for the new rows' keys, without reading every valid row back.
        let place = replaced.compactMap(\.sequence).min()
        let stored = try transaction.validKeys(before: place)
        let byID = ImportKeyIndex { try stored.row(idKey: $0) }
        let byPhone = ImportKeyIndex { try stored.row(phoneKey: $0) }
        var engine = OutcomeEngine(
            roster: roster.roster, invalidEntries: try transaction.invalidEntries(), validRowByID: byID,
            validRowByPhone: byPhone)
        var record = FileImport.batch(
            .registrations, file: file, sha256: sha256, clock: clock, description: first.reader.description,
            columns: first.columns, townshipOverride: township)
        record.sequence = place
        let batch = try transaction.insertBatch(record)
        let writer = try transaction.registrationWriter(batch: batch)
        var summary = BatchSummary(
            file: file, kind: .registrations, batch: batch, rows: 0, skippedRows: 0, outcomes: [:],
            replaced: replaced.compactMap(\.id), reevaluated: 0, warnings: [])
        var reasons = InvalidReasonCounter()
        var villages = VillageMatcher(roster)
        var next: TableScan? = first
        while let scan = next {
            let sheet = scan.reader.description.sheet
            let (county, countySource) = try CountyResolution.resolve(
                file: file, hasColumn: scan.columns.columns[.county] != nil, option: countyOption, title: scan.title,
                roster: roster.roster)
            let (given, source) = try TownshipResolution.resolve(
                file: file, hasColumn: scan.columns.columns[.township] != nil, option: township, title: scan.title,
                roster: roster.roster, county: county)
            summary.warnings += scan.columns.unusedVerdictLikeHeaders.map {
                .unreadVerdictColumn(header: $0, sheet: sheets.readsSeveralSheets ? sheet : nil)
            }
            let stream = RegistrationStream(
                scan: scan, roster: roster.roster, township: given, county: county, today: clock.today,
                sheet: sheets.readsSeveralSheets ? sheet : nil)
            defer { stream.cancel() }
            var rows = 0
            // The rows come in windows (the reader's batches, read until the store's prefetch window is full),
            // the keys of each asked of the store at once, and those of the next window while this one is decided.
            var window = try Self.window(of: stream, rows: stored.prefetchRows, prefetchingFrom: stored)
            while !window.isEmpty {
                try stored.startWindow()
                let next = try Self.window(of: stream, rows: stored.prefetchRows, prefetchingFrom: stored)
                for position in window.indices {
                    // Each row handed on where it lies, not copied out of the array (a retain and a release of each of
                    // its strings): the writer takes it `inout`, and its facts come back to `decide` from there.
                    try window[position].withUnsafeMutableBufferPointer { batch in
                        for index in batch.indices {
                            let outcome = try writer.insert(
                                &batch[index],
                                decide: { id, facts in
                                    reasons.add(facts)
                                    return try engine.decide(row: id, facts: facts)
                                },
                                townshipID: { roster.ids[$0] },
                                villageID: { villages.villageID(township: $0, cell: $1) })
                            summary.outcomes[outcome.kind, default: 0] += 1
                            rows += 1
                            if (summary.rows + rows) % Self.progressInterval == 0 { progress?(summary.rows + rows) }
                        }
                    }
                }
                stream.recycle(consume window)
                window = next
            }
            summary.rows += rows
            summary.skippedByReason.merge(stream.skippedRows, uniquingKeysWith: +)
            if summary.townshipFrom == nil {
                // `--township 龙泉` is told as the roster township it names, 龙泉街道.
                let named = given.flatMap { roster.roster.index(named: $0) }.map { roster.roster.townships[$0].name }
                (summary.township, summary.townshipFrom) = (named ?? given, source)
                (summary.county, summary.countyFrom) = (county, countySource)
            }
            sheets.finishSheet(rows: rows, township: given, from: source)
            next = try sheets.next()
        }
        try writer.finish()
        // The valid-key index gets the new valid rows' keys once they are stored, in key order: a B-tree filled in
        // order touches each page once, where keys written as rows come touch one page at random each.
        let keys = try transaction.validKeyWriter(batch: batch)
        try byID.forEachNewKey { try keys.add(idKey: $0, row: $1) }
        try byPhone.forEachNewKey { try keys.add(phoneKey: $0, row: $1) }
        try keys.finish()
        summary.sheets = sheets.reports
        summary.skippedRows = summary.skippedByReason.values.reduce(0, +)
        try transaction.setBatchCounts(batch: batch, rows: summary.rows, skippedRows: summary.skippedRows)
        if !replaced.isEmpty { summary.reevaluated = try Reevaluation.all(in: transaction) }
        if roster.batch == nil { summary.warnings.append(.noRoster) }
        if let township, let warning = Self.optionWarning(township, county: summary.county, roster: roster.roster) {
            summary.warnings.append(warning)
        }
        if replace, replaced.isEmpty { summary.warnings.append(.nothingReplaced) }
        summary.warnings += reasons.warnings
        return summary
    }

    /// A `--township` that gives rows no township of the roster (of the list's county): a typo would otherwise pass
    /// as an import of unassigned rows. Matched as a row's township cell is (`Roster.resolve`).
    private static func optionWarning(_ option: String, county: String?, roster: Roster) -> ImportWarning? {
        let key = Roster.key(option)
        switch roster.resolve(countyKey: Roster.key(county ?? ""), townshipKey: key) {
        case .township, .unknownCounty: return nil
        case .ambiguous(let counties): return .townshipOptionInSeveralCounties(option, counties: counties)
        case .none:
            guard !roster.townships.isEmpty else { return nil }
            let suggestion = CountyResolution.townships(of: roster, county: county).suggestion(forKey: key)
            return .unknownTownshipOption(option, suggestion: suggestion)
        }
    }
}
