import RegTrackerCore
import RegTrackerIO

/// The valid rows under one kind of key (ID number or phone) as an import decides its rows: the stored ones through
/// `stored` (the store's valid-key index, one key at a time as the new rows ask: a daily list of 5,000 rows asks at
/// most 10,000 times, where reading every valid row back cost a million), the import's own in a `SpillingKeyIndex`
/// (its Bloom filter answers a key it has not seen without I/O). A key is in one or the other: the engine stores a
/// key only after both said they do not have it.
final class ImportKeyIndex: ValidRowIndex {
    private let new = SpillingKeyIndex()
    private let stored: (Int64) throws -> Int64?

    init(stored: @escaping (Int64) throws -> Int64?) {
        self.stored = stored
    }

    func row(forKey key: Int64) throws -> Int64? {
        try new.row(forKey: key) ?? stored(key)
    }

    func insert(_ key: Int64, row: Int64) throws {
        try new.insert(key, row: row)
    }

    /// The keys of the rows this import made valid, in key order (the order the store's index is filled fastest in).
    func forEachNewKey(_ body: (Int64, Int64) throws -> Void) throws {
        try new.forEachInKeyOrder(body)
    }
}
