import RegTrackerCore

/// A `ValidRowIndex` whose memory stays the same however many keys it holds: the newest keys in a small table in
/// memory, older ones in two sorted runs on scratch files, and a Bloom filter of a fixed size in front, so that a
/// key seen for the first time (nearly every key of an import) is answered without touching the files.
///
/// A full table is merged into the newer run; the newer run into the older one once it holds √(older × table)
/// keys. Every merge rewrites what it merges, so one run alone would cost N²/table; two cost about N·√(N/table).
/// Each run merges in place, in a file of its own that only grows: the rewrites land on pages the kernel already
/// holds, not on new ones (a 1M-row import rewrote some 110 MB of runs, each into a new file; a fresh page costs
/// this machine's kernel far more than the copy into it).
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
            try newer.merge(ArrayEntriesBackward(entries), count: entries.count)
            recent.removeAll()
            if newer.count * newer.count >= older.count * recentLimit {
                try older.merge(newer.entriesBackward(), count: newer.count)
                newer.removeAll()
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
/// in memory (8 bytes a 256 keys), so a look-up reads one page. The file is the run's for its whole life: merges
/// write into it from its end, and emptying it keeps it.
struct SortedKeyRun {
    private var file: ScratchFile?
    private(set) var count = 0
    private var firstKeys: [Int64] = []
    private static let pageRecords = 256
    static let chunkRecords = 4096

    init() {}

    /// Adds the `count` entries of `incoming` (sorted by key, none of whose keys the run holds), merged from the
    /// largest key down, each written where it ends up. An entry's place is never below the run's own entries not yet
    /// read (it has as many entries below it as those plus the incoming ones left), so nothing is overwritten before it
    /// is read; once the incoming entries are all placed, the run's smaller ones are where they were.
    mutating func merge(_ incoming: some BackwardEntries, count incomingCount: Int) throws(ReadError) {
        guard incomingCount > 0 else { return }
        let file: ScratchFile
        if let existing = self.file { file = existing } else { file = try ScratchFile(purpose: "keys") }
        var own = RunEntriesBackward(file: file, count: count)
        var incoming = incoming
        var place = count + incomingCount
        var fences = [Int64](repeating: 0, count: (place + Self.pageRecords - 1) / Self.pageRecords)
        // Filled from its end, as the entries come largest first; written when full.
        var output = [Int64](repeating: 0, count: Self.chunkRecords * 2)
        var filled = 0
        var a = try own.previous()
        while let b = try incoming.previous() {
            while let x = a, x.key > b.key {
                try emit(x)
                a = try own.previous()
            }
            try emit(b)
        }
        try flush()
        // The run's entries below `place` did not move, nor did their pages' first keys.
        let kept = (place + Self.pageRecords - 1) / Self.pageRecords
        fences.replaceSubrange(0..<kept, with: firstKeys[0..<kept])
        firstKeys = fences
        count += incomingCount
        self.file = file

        func emit(_ entry: (key: Int64, value: Int64)) throws(ReadError) {
            place -= 1
            if place % Self.pageRecords == 0 { fences[place / Self.pageRecords] = entry.key }
            filled += 1
            output[(Self.chunkRecords - filled) * 2] = entry.key
            output[(Self.chunkRecords - filled) * 2 + 1] = entry.value
            if filled == Self.chunkRecords { try flush() }
        }

        func flush() throws(ReadError) {
            guard filled > 0 else { return }
            let written = output.withUnsafeBytes { bytes in
                ScratchFile.writeAll(
                    file.descriptor, UnsafeRawBufferPointer(rebasing: bytes[((Self.chunkRecords - filled) * 16)...]),
                    at: Int64(place) * 16)
            }
            guard written else { throw ScratchFile.writeFailed() }
            filled = 0
        }
    }

    /// Empties the run; its file stays, to be written over.
    mutating func removeAll() {
        count = 0
        firstKeys = []
    }

    /// The entries in key order, read from the file a chunk at a time.
    func entries() -> RunEntries { RunEntries(file: file, count: count) }

    /// The entries from the largest key down.
    func entriesBackward() -> RunEntriesBackward { RunEntriesBackward(file: file, count: count) }

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

/// Entries from the largest key down, one at a time.
protocol BackwardEntries {
    mutating func previous() throws(ReadError) -> (key: Int64, value: Int64)?
}

struct ArrayEntriesBackward: BackwardEntries {
    private let entries: [(key: Int64, value: Int64)]
    private var index: Int

    init(_ entries: [(key: Int64, value: Int64)]) {
        self.entries = entries
        index = entries.count
    }

    mutating func previous() -> (key: Int64, value: Int64)? {
        guard index > 0 else { return nil }
        index -= 1
        return entries[index]
    }
}

struct RunEntriesBackward: BackwardEntries {
    private let file: ScratchFile?
    /// The entries not yet read from the file: those below this place.
    private var unread: Int
    private var chunk: [Int64] = []
    private var index = 0

    init(file: ScratchFile?, count: Int) {
        self.file = file
        unread = count
    }

    mutating func previous() throws(ReadError) -> (key: Int64, value: Int64)? {
        if index == 0 {
            guard let file, unread > 0 else { return nil }
            let records = min(SortedKeyRun.chunkRecords, unread)
            if chunk.count != records * 2 { chunk = [Int64](repeating: 0, count: records * 2) }
            unread -= records
            try file.readExactly(into: &chunk, at: Int64(unread * 16))
            index = records * 2
        }
        index -= 2
        return (chunk[index], chunk[index + 1])
    }
}
