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

    public func run(path: String, options: ReadOptions, township: String?, replace: Bool) -> ImportResult {
        let file = FileName.base(path)
        return FileImport.rejectingFailures(of: path) {
            let sha256 = try FileImport.sha256(of: path)
            if let existing = try store.read({ try $0.activeBatch(sha256: sha256) }), let id = existing.id {
                return .alreadyImported(file: file, batch: id)
            }
            let scan = try TableScan(path: path, kind: .registrations, options: options, townshipGiven: township != nil)
            return try store.write { transaction in
                if let existing = try transaction.activeBatch(sha256: sha256), let id = existing.id {
                    return .alreadyImported(file: file, batch: id)
                }
                return .imported(
                    try insert(
                        scan, file: file, sha256: sha256, township: township, replace: replace, into: transaction))
            }
        }
    }

    private func insert(
        _ scan: TableScan, file: String, sha256: String, township: String?, replace: Bool,
        into transaction: any RegistryTransaction
    ) throws -> BatchSummary {
        let description = scan.reader.description
        let columns = scan.columns
        let stream = RegistrationStream(scan: scan, township: township, today: clock.today)
        defer { stream.cancel() }
        let roster = try transaction.currentRoster()
        var engine = try Reevaluation.engine(roster: roster, in: transaction)
        var replaced: [Int64] = []
        if replace {
            for batch in try transaction.activeBatches(fileName: file, kind: .registrations) {
                try transaction.markRetracted(batch: batch.id!, at: clock.timestamp)
                replaced.append(batch.id!)
            }
        }
        var reevaluated = 0
        if replaced.isEmpty {
            try transaction.forEachValidRow { try engine.rememberValid(row: $0, idKey: $1, phoneKey: $2) }
        } else {
            reevaluated = try transaction.reevaluate(roster: roster) { try engine.decide(row: $0, facts: $1) }
        }
        let batch = try transaction.insertBatch(
            FileImport.batch(
                .registrations, file: file, sha256: sha256, clock: clock, description: description, columns: columns,
                townshipOverride: township))
        let writer = try transaction.registrationWriter(batch: batch)
        var outcomes: [OutcomeKind: Int] = [:]
        var rows = 0
        while let registrations = try stream.next() {
            for stored in registrations {
                let outcome = try writer.insert(
                    stored, decide: { try engine.decide(row: $0, facts: stored.facts) }, townshipID: { roster.ids[$0] })
                outcomes[outcome.kind, default: 0] += 1
                rows += 1
                if rows % Self.progressInterval == 0 { progress?(rows) }
            }
        }
        let skipped = stream.skippedRows
        try transaction.setBatchCounts(batch: batch, rows: rows, skippedRows: skipped)
        var warnings: [String] = []
        if roster.batch == nil { warnings.append("no population roster loaded yet: every row is unassigned until one is imported") }
        return BatchSummary(
            file: file, kind: .registrations, batch: batch, rows: rows, skippedRows: skipped, outcomes: outcomes,
            replaced: replaced, reevaluated: reevaluated, warnings: warnings)
    }
}
