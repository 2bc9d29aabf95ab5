import RegTrackerCore

/// The stored valid-key index (issue 17): the valid row that holds each ID key and each phone key. No key is on two
/// valid rows (SPEC 2: a later row with the same key is a duplicate), so the index is a map; every change of an
/// outcome keeps it, in the transaction that makes the change.
public protocol ValidKeyLookup {
    /// True when no row is valid: an import into an empty database looks nothing up.
    var isEmpty: Bool { get }
    /// The valid row holding this ID key, if any.
    func row(idKey: Int64) throws -> Int64?
    /// The valid row holding this phone key, if any.
    func row(phoneKey: Int64) throws -> Int64?
    /// The keys the next window of rows (`prefetchRows`) will ask for: a store across a network sends their look-ups
    /// at once, one query a kind of key, instead of one a key (or all entries into memory), and the rows of the
    /// window before are decided while the server answers. Optional: a look-up works without it.
    func prefetch(idKeys: [Int64], phoneKeys: [Int64]) throws
    /// The window last given to `prefetch` is the one asked about from now on (waits for its entries).
    func startWindow() throws
    /// How many rows an import reads ahead to prefetch their keys at once (0: nothing is prefetched, and the rows
    /// come a batch of the reader's at a time).
    var prefetchRows: Int { get }
}

extension ValidKeyLookup {
    /// A store on the same machine reads each key from its own pages as fast.
    public func prefetch(idKeys: [Int64], phoneKeys: [Int64]) throws {}
    public func startWindow() throws {}
    public var prefetchRows: Int { 0 }
}

/// Adds the keys of the valid rows a batch brought, once the batch is stored; fastest in key order. A key already
/// in the index is given to the new row.
public protocol ValidKeyWriter {
    func add(idKey: Int64, row: Int64) throws
    func add(phoneKey: Int64, row: Int64) throws
    /// Stores what the adds left pending; called once, after the last add.
    func finish() throws
}

/// Where the valid-key index and the rows disagree (`regtracker check`): for one kind of key, valid rows whose key
/// the index lacks or gives to another row, and entries that name no valid row holding that key.
public struct ValidKeyDifference: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case idNumber = "id_number"
        case phone
    }

    public var kind: Kind
    /// Valid rows whose key is not in the index with that row.
    public var missing: Int64
    /// Entries whose row is not valid, not stored, or holds another key.
    public var extra: Int64

    public init(kind: Kind, missing: Int64, extra: Int64) {
        self.kind = kind
        self.missing = missing
        self.extra = extra
    }
}
