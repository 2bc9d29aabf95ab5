import Foundation

/// Items (a chunk of a zip part, a batch of rows) handed from a producing thread to a consuming one in order,
/// through a bounded queue, so that memory does not grow with the file. The consumer may hand spent items back
/// (`recycle`) to be freed by the producer, which allocated what they hold: freed on the consuming thread, each
/// allocation went back to the producer's malloc arena under the arena's lock, which the producer held for its own
/// allocations.
public final class Handoff<Item>: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `condition`.
    private let condition = NSCondition()
    private var items: [Item] = []
    private var spent: [Item] = []
    private var finished = false
    private var failure: ReadError?
    private var cancelled = false
    private let capacity: Int

    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// Queues an item, waiting while the queue is full, and frees the items handed back; false once cancelled.
    public func put(_ item: Item) -> Bool {
        var done: [Item] = []
        condition.lock()
        while items.count >= capacity && !cancelled { condition.wait() }
        let open = !cancelled
        if open { items.append(item) }
        swap(&done, &spent)
        condition.signal()
        condition.unlock()
        // Freed here, outside the lock.
        done.removeAll()
        return open
    }

    /// No more items; `failure` is what stopped the producer, if anything did.
    public func finish(failure error: ReadError?) {
        condition.lock()
        failure = error
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next item in order, nil at the end (or once cancelled); throws the producer's failure after its last item.
    public func take() throws(ReadError) -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !finished && !cancelled { condition.wait() }
        if !items.isEmpty {
            condition.signal()
            return items.removeFirst()
        }
        if let failure, !cancelled { throw failure }
        return nil
    }

    /// Items the consumer is done with (pass the last reference, `consume`), freed on the producing thread.
    public func recycle(_ done: consuming [Item]) {
        condition.lock()
        spent.append(contentsOf: done)
        condition.unlock()
    }

    /// Stops both sides: the producer's next `put` returns false, the consumer's `take` nil.
    public func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
