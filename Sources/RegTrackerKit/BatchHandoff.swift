import Foundation
import RegTrackerIO

/// Batches handed from a producing thread to a consuming one through a bounded queue, so memory does not grow with
/// the file. The consumer hands spent batches back (`recycle`) to be freed by the producer, which allocated what they
/// hold: freed on the consuming thread, each allocation went back to the producer's malloc arena under the arena's
/// lock, which the producer held for its own allocations.
final class BatchHandoff<Element>: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `condition`.
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var spent: [[Element]] = []
    private var finished = false
    private var failure: ReadError?
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The next batch in order, nil at the end (or once cancelled); throws the producer's failure after its last
    /// batch.
    func next() throws(ReadError) -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished && !cancelled { condition.wait() }
        if !batches.isEmpty {
            condition.signal()
            return batches.removeFirst()
        }
        if let failure, !cancelled { throw failure }
        return nil
    }

    /// Batches the consumer is done with (pass the last reference, `consume`), freed on the producing thread.
    func recycle(_ done: consuming [[Element]]) {
        condition.lock()
        spent.append(contentsOf: done)
        condition.unlock()
    }

    /// Stops both sides: the producer's next `hand` returns false, the consumer's `next` nil.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Queues a batch, waiting while the queue is full, and frees the batches handed back; false once cancelled.
    func hand(_ batch: [Element]) -> Bool {
        var done: [[Element]] = []
        condition.lock()
        while batches.count >= capacity && !cancelled { condition.wait() }
        let open = !cancelled
        if open && !batch.isEmpty { batches.append(batch) }
        swap(&done, &spent)
        condition.signal()
        condition.unlock()
        // Freed here, outside the lock.
        done.removeAll()
        return open
    }

    /// No more batches; `failure` is what stopped the producer, if anything did.
    func finish(failure error: ReadError?) {
        condition.lock()
        failure = error
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
