import Foundation
import RegTrackerCore
import RegTrackerIO
import RegTrackerStore

/// Reads and normalises a list's rows on a second thread while the importing thread decides outcomes and stores
/// them: the two halves of an import take about as long each, and the machines have two cores. A workbook's XML is
/// parsed on a third thread of its own: parsing and normalising together were the longest of the two halves of a
/// 1M-row .xlsx import (6.6 s of one thread, the importing one 4.8 s), and three threads keep two cores busy; a CSV
/// file parses quickly enough that a third thread only costs it. The queues between them are bounded, so memory
/// does not grow with the file.
final class RegistrationStream: @unchecked Sendable {
    /// Rows of cells, when the file is parsed apart; smaller batches than registrations, and fewer waiting.
    private let rows = Handoff<[SourceRow]>(capacity: 2)
    private let registrations = Handoff<[NewRegistration]>(capacity: queuedBatches)
    private let parsesApart: Bool
    // @unchecked: `skipped` is guarded by `lock`; `scan` is used by one reading thread only.
    private let lock = NSLock()
    private var skipped: [SkippedRowReason: Int] = [:]
    private var scan: TableScan
    private let sheet: String?

    static let batchSize = 1024
    static let queuedBatches = 4
    static let sourceBatchSize = 256

    /// `sheet`: the sheet's name, stored with each row, when the workbook is read sheet by sheet.
    /// `roster`: the roster the rows are decided against; each row's township is looked up in it here.
    init(scan: TableScan, roster: Roster, township: String?, county: String? = nil, today: CivilDate, sheet: String?) {
        self.scan = scan
        self.sheet = sheet
        parsesApart = [.spreadsheetML, .ooxmlSheet, .xlsx].contains(scan.reader.description.format)
        let (references, columns) = (scan.rawReferences, scan.columns)
        var threads = [
            Thread { [self] in
                normalise(
                    roster: roster, township: township, county: county, today: today, references: references,
                    columns: columns)
            }
        ]
        if parsesApart { threads.append(Thread { [self] in parse() }) }
        for thread in threads {
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    /// The next rows in file order, nil at the end; throws the reader's error (the file is then rejected).
    func next() throws(ReadError) -> [NewRegistration]? {
        try registrations.take()
    }

    /// Hands back batches the caller is done with (pass the last reference, `consume`), to be freed on the thread
    /// that made them (`Handoff`: the importing thread waited on that thread's malloc arena for 4% of a 1M-row
    /// import when it freed them itself).
    func recycle(_ done: consuming [[NewRegistration]]) {
        registrations.recycle(done)
    }

    /// Rows below the header that were not registrations, by why; final once `next()` has returned nil.
    var skippedRows: [SkippedRowReason: Int] {
        lock.lock()
        defer { lock.unlock() }
        return skipped
    }

    /// Stops the reading threads early (the import failed on the storing side).
    func cancel() {
        registrations.cancel()
        rows.cancel()
    }

    private func parse() {
        var batch: [SourceRow] = []
        batch.reserveCapacity(Self.sourceBatchSize)
        do {
            while let row = try scan.nextRow() {
                batch.append(row)
                if batch.count == Self.sourceBatchSize {
                    guard rows.put(batch) else { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { _ = rows.put(batch) }
            rows.finish(failure: nil)
        } catch {
            rows.finish(failure: error)
        }
    }

    private func normalise(
        roster: Roster, township: String?, county: String?, today: CivilDate, references: [StoredRaw.Column?],
        columns: ColumnMap
    ) {
        var batch: [NewRegistration] = []
        batch.reserveCapacity(Self.batchSize)
        var skippedHere: [SkippedRowReason: Int] = [:]
        do {
            let open = try forEachRow { row in
                if let reason = Registration.skipReason(row, columns: columns, today: today) {
                    skippedHere[reason, default: 0] += 1
                    return true
                }
                let registration = Registration(
                    row: row, columns: columns, townshipOverride: township, countyOverride: county, today: today)
                let raw = StoredRaw.encode(
                    row.cells, column: { $0 < references.count ? references[$0] : nil },
                    value: { registration.storedValue($0) })
                var stored = NewRegistration(rowNumber: row.number, raw: raw, registration: registration, sheet: sheet)
                stored.facts.township = roster.resolve(
                    countyKey: stored.facts.countyKey, townshipKey: stored.facts.townshipKey)
                batch.append(stored)
                guard batch.count == Self.batchSize else { return true }
                defer { batch.removeAll(keepingCapacity: true) }
                return registrations.put(batch)
            }
            // Closed only by `cancel`, which stops the parsing thread too.
            guard open else { return }
            if !batch.isEmpty { _ = registrations.put(batch) }
            finish(skipped: skippedHere, failure: nil)
        } catch {
            finish(skipped: skippedHere, failure: error)
        }
    }

    /// Calls `body` with each row in order, parsed on this thread or taken from the parsing thread's batches, until
    /// it returns false (false then).
    private func forEachRow(_ body: (SourceRow) -> Bool) throws(ReadError) -> Bool {
        guard parsesApart else {
            while let row = try scan.nextRow() { guard body(row) else { return false } }
            return true
        }
        while let source = try rows.take() {
            for row in source { guard body(row) else { return false } }
            rows.recycle([consume source])
        }
        return true
    }

    private func finish(skipped count: [SkippedRowReason: Int], failure error: ReadError?) {
        lock.lock()
        skipped = count
        lock.unlock()
        registrations.finish(failure: error)
    }
}
