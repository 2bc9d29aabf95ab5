import Foundation
import RegTrackerCore
import RegTrackerIO
import RegTrackerStore

/// Reads and normalises a list's rows on a second thread while the importing thread decides outcomes and stores
/// them: the two halves of an import take about as long each, and the machines have two cores.
/// The queue between them is bounded, so memory does not grow with the file.
final class RegistrationStream: @unchecked Sendable {
    // @unchecked: every mutable field below is guarded by `condition`; `scan` is used by the reading thread only.
    private let condition = NSCondition()
    private var batches: [[NewRegistration]] = []
    /// Batches the importing thread is done with, freed by the reading thread (`recycle`).
    private var spent: [[NewRegistration]] = []
    private var finished = false
    private var failure: ReadError?
    private var cancelled = false
    private var skipped: [SkippedRowReason: Int] = [:]
    private var scan: TableScan
    private let sheet: String?

    static let batchSize = 1024
    static let queuedBatches = 4

    /// `sheet`: the sheet's name, stored with each row, when the workbook is read sheet by sheet.
    /// `roster`: the roster the rows are decided against; each row's township is looked up in it here.
    init(scan: TableScan, roster: Roster, township: String?, county: String? = nil, today: CivilDate, sheet: String?) {
        self.scan = scan
        self.sheet = sheet
        let thread = Thread { [self] in read(roster: roster, township: township, county: county, today: today) }
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// The next rows in file order, nil at the end; throws the reader's error (the file is then rejected).
    func next() throws(ReadError) -> [NewRegistration]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if !batches.isEmpty {
            condition.signal()
            return batches.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Hands back batches the caller is done with (pass the last reference, `consume`), to be freed on the reading
    /// thread. Their rows' strings were allocated there: freed on the importing thread, each went back to the reading
    /// thread's malloc arena under the arena's lock, which the reading thread held for its own allocations (the
    /// importing thread, the longer of the two, waited on that lock for 4% of a 1M-row import).
    func recycle(_ done: consuming [[NewRegistration]]) {
        condition.lock()
        spent.append(contentsOf: done)
        condition.unlock()
    }

    /// Rows below the header that were not registrations, by why; final once `next()` has returned nil.
    var skippedRows: [SkippedRowReason: Int] {
        condition.lock()
        defer { condition.unlock() }
        return skipped
    }

    /// Stops the reading thread early (the import failed on the storing side).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    private func read(roster: Roster, township: String?, county: String?, today: CivilDate) {
        var batch: [NewRegistration] = []
        batch.reserveCapacity(Self.batchSize)
        var skippedHere: [SkippedRowReason: Int] = [:]
        let references = scan.rawReferences
        let columns = scan.columns
        do {
            while let row = try scan.nextRow() {
                if let reason = Registration.skipReason(row, columns: columns, today: today) {
                    skippedHere[reason, default: 0] += 1
                    continue
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
                if batch.count == Self.batchSize {
                    guard hand(batch) else { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            _ = hand(batch)
            finish(skipped: skippedHere, failure: nil)
        } catch {
            finish(skipped: skippedHere, failure: error)
        }
    }

    /// Queues a batch, waiting while the queue is full; false when the import was cancelled.
    private func hand(_ batch: [NewRegistration]) -> Bool {
        var done: [[NewRegistration]] = []
        condition.lock()
        while batches.count >= Self.queuedBatches && !cancelled { condition.wait() }
        let open = !cancelled
        if open && !batch.isEmpty { batches.append(batch) }
        swap(&done, &spent)
        condition.signal()
        condition.unlock()
        // Freed here, outside the lock (`recycle`).
        done.removeAll()
        return open
    }

    private func finish(skipped count: [SkippedRowReason: Int], failure error: ReadError?) {
        condition.lock()
        skipped = count
        failure = error
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
