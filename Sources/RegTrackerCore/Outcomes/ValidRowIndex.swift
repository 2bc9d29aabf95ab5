/// Where the outcome engine keeps the valid rows seen so far under one key (ID number or phone): the earliest
/// row for each key. `KeyTable` holds them in memory; an import of any size uses one that spills to disk, so
/// that its memory does not grow with the number of rows.
public protocol ValidRowIndex {
    /// The row stored for `key`, if any.
    func row(forKey key: Int64) throws -> Int64?
    /// Stores `row` for `key`, which is not there yet: the caller has looked with `row(forKey:)`.
    mutating func insert(_ key: Int64, row: Int64) throws
}

extension KeyTable: ValidRowIndex {
    public func row(forKey key: Int64) -> Int64? { self[key] }
    public mutating func insert(_ key: Int64, row: Int64) { insertIfAbsent(key, row) }
}
