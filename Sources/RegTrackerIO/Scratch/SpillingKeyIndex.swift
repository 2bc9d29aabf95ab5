import RegTrackerCore

/// A `ValidRowIndex` whose memory stays the same however many keys it holds: the newest keys in a small table in
/// memory, older ones in two sorted runs on scratch files, and a Bloom filter of a fixed size in front, so that a
/// key seen for the first time (nearly every key of an import) is answered without touching the files.
///
/// A full table is merged into the newer run; the newer run into the older one once it holds √(older × table)
/// keys. Every merge rewrites what it merges, so one run alone would cost N²/table; two cost about N·√(N/table).
public final class SpillingKeyIndex: ValidRowIndex {
    /// Made at the first spill: until then every key is in `recent`, which answers as fast, and a daily list of a
    /// few thousand keys does not pay for zeroing megabytes it never uses.
    private var bloom: BlockedBloomFilter?
    private let bloomBytes: Int
    private var recent: KeyTable
    private let recentLimit: Int
    private var newer = SortedKeyRun()
    private var older = SortedKeyRun()

    /// Holds up to `recentLimit` keys in memory (16 bytes × 2 a key) before it spills them to the newer run.
    public init(recentLimit: Int = 1 << 16, bloomBytes: Int = 4 << 20) {
        self.recentLimit = recentLimit
        self.bloomBytes = bloomBytes
        // The table grows as keys come, up to the size `recentLimit` needs.
        recent = KeyTable(capacity: min(recentLimit, 1024))
    }

    public func row(forKey key: Int64) throws -> Int64? {
        guard let bloom else { return recent[key] }
        guard bloom.mayContain(key) else { return nil }
        if let row = recent[key] { return row }
        return try newer.row(forKey: key) ?? older.row(forKey: key)
    }

    public func insert(_ key: Int64, row: Int64) throws {
        bloom?.insert(key)
        recent.insertIfAbsent(key, row)
        if recent.count >= recentLimit {
            var entries = recent.entries
            if bloom == nil {
                var filter = BlockedBloomFilter(bytes: bloomBytes)
                for entry in entries { filter.insert(entry.key) }
                bloom = filter
            }
            entries.sort { $0.key < $1.key }
            newer = try SortedKeyRun(merging: newer.entries(), ArrayEntries(entries))
            recent.removeAll()
            if newer.count * newer.count >= older.count * recentLimit {
                older = try SortedKeyRun(merging: older.entries(), newer.entries())
                newer = SortedKeyRun()
            }
        }
    }
}

extension SpillingKeyIndex {
    /// Every key with its row, in key order: the two runs and the keys in memory merged, read a chunk at a time (to
    /// store them where a B-tree is best filled, in key order).
    public func forEachInKeyOrder(_ body: (Int64, Int64) throws -> Void) throws {
        var inMemory = recent.entries
        inMemory.sort { $0.key < $1.key }
        var sources: [any SortedEntries] = [newer.entries(), older.entries(), ArrayEntries(inMemory)]
        var heads = try sources.indices.map { index in try sources[index].next() }
        // Three sources: the smallest head is found by looking at each.
        while true {
            var smallest: Int?
            for index in heads.indices {
                guard let head = heads[index] else { continue }
                if smallest.map({ head.key < heads[$0]!.key }) ?? true { smallest = index }
            }
            guard let index = smallest, let head = heads[index] else { return }
            try body(head.key, head.value)
            heads[index] = try sources[index].next()
        }
    }
}

/// Keys with their rows, sorted by key, in a scratch file of 16-byte records; the first key of every page is kept
/// in memory (8 bytes a 256 keys), so a look-up reads one page.
struct SortedKeyRun {
    private var file: ScratchFile?
    private(set) var count = 0
    private var firstKeys: [Int64] = []
    private static let pageRecords = 256
    static let chunkRecords = 4096

    init() {}

    /// A run of every entry of `first` and `second` (each sorted by key, no key in both), written in order.
    init(merging first: some SortedEntries, _ second: some SortedEntries) throws(ReadError) {
        var first = first
        var second = second
        let file = try ScratchFile(purpose: "keys")
        var output: [Int64] = []
        output.reserveCapacity(Self.chunkRecords * 2)
        var a = try first.next()
        var b = try second.next()
        while true {
            let entry: (key: Int64, value: Int64)
            if let x = a, b == nil || x.key < b!.key {
                entry = x
                a = try first.next()
            } else if let y = b {
                entry = y
                b = try second.next()
            } else {
                break
            }
            if count % Self.pageRecords == 0 { firstKeys.append(entry.key) }
            output.append(entry.key)
            output.append(entry.value)
            count += 1
            if output.count == Self.chunkRecords * 2 {
                try file.append(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        try file.append(output)
        self.file = file
    }

    /// The entries in key order, read from the file a chunk at a time.
    func entries() -> RunEntries { RunEntries(file: file, count: count) }

    func row(forKey key: Int64) throws(ReadError) -> Int64? {
        guard let file, let first = firstKeys.first, key >= first else { return nil }
        // The last page whose first key is ≤ key.
        var low = 0
        var high = firstKeys.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if firstKeys[middle] <= key { low = middle } else { high = middle - 1 }
        }
        let records = min(Self.pageRecords, count - low * Self.pageRecords)
        var page = [Int64](repeating: 0, count: records * 2)
        try file.readExactly(into: &page, at: Int64(low * Self.pageRecords * 16))
        var lower = 0
        var upper = records - 1
        while lower <= upper {
            let middle = (lower + upper) / 2
            let found = page[middle * 2]
            if found == key { return page[middle * 2 + 1] }
            if found < key { lower = middle + 1 } else { upper = middle - 1 }
        }
        return nil
    }
}

/// Entries in key order, one at a time.
protocol SortedEntries {
    mutating func next() throws(ReadError) -> (key: Int64, value: Int64)?
}

struct ArrayEntries: SortedEntries {
    private let entries: [(key: Int64, value: Int64)]
    private var index = 0

    init(_ entries: [(key: Int64, value: Int64)]) { self.entries = entries }

    mutating func next() -> (key: Int64, value: Int64)? {
        guard index < entries.count else { return nil }
        defer { index += 1 }
        return entries[index]
    }
}

struct RunEntries: SortedEntries {
    private let file: ScratchFile?
    private let count: Int
    private var chunk: [Int64] = []
    private var read = 0
    private var index = 0

    init(file: ScratchFile?, count: Int) {
        self.file = file
        self.count = count
    }

    mutating func next() throws(ReadError) -> (key: Int64, value: Int64)? {
        if index == chunk.count {
            guard let file, read < count else { return nil }
            let records = min(SortedKeyRun.chunkRecords, count - read)
            if chunk.count != records * 2 { chunk = [Int64](repeating: 0, count: records * 2) }
            try file.readExactly(into: &chunk, at: Int64(read * 16))
            read += records
            index = 0
        }
        defer { index += 2 }
        return (chunk[index], chunk[index + 1])
    }
}
