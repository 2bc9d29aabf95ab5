import RegTrackerCore

/// A `ValidRowIndex` whose memory stays the same however many keys it holds: the newest keys in a small table in
/// memory, all older ones in a sorted run on a scratch file, and a Bloom filter of a fixed size in front, so that a
/// key seen for the first time (nearly every key of an import) is answered without touching the file.
public final class SpillingKeyIndex: ValidRowIndex {
    private var bloom: BlockedBloomFilter
    private var recent: KeyTable
    private let recentLimit: Int
    private var run = SortedKeyRun()

    /// Holds up to `recentLimit` keys in memory (16 bytes × 2 a key) before it spills them to the run.
    public init(recentLimit: Int = 1 << 16, bloomBytes: Int = 4 << 20) {
        self.recentLimit = recentLimit
        recent = KeyTable(capacity: recentLimit)
        bloom = BlockedBloomFilter(bytes: bloomBytes)
    }

    public func row(forKey key: Int64) throws -> Int64? {
        guard bloom.mayContain(key) else { return nil }
        if let row = recent[key] { return row }
        return try run.row(forKey: key)
    }

    public func insertIfAbsent(_ key: Int64, row: Int64) throws {
        if try self.row(forKey: key) != nil { return }
        bloom.insert(key)
        recent.insertIfAbsent(key, row)
        if recent.count >= recentLimit {
            try run.merge(recent.entries.sorted { $0.key < $1.key })
            recent.removeAll()
        }
    }
}

/// Keys with their rows, sorted by key, in a scratch file of 16-byte records; the first key of every page is kept
/// in memory (8 bytes a 256 keys), so a look-up reads one page.
struct SortedKeyRun {
    private var file: ScratchFile?
    private var count = 0
    private var firstKeys: [Int64] = []
    private static let pageRecords = 256
    private static let chunkRecords = 4096

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

    /// Merges `entries` (sorted by key, none already in the run) into a new run that replaces this one: the old
    /// run is read and the new one written in order, so the file is only ever touched sequentially.
    mutating func merge(_ entries: [(key: Int64, value: Int64)]) throws(ReadError) {
        let merged = try ScratchFile(purpose: "keys")
        var mergedKeys: [Int64] = []
        mergedKeys.reserveCapacity((count + entries.count) / Self.pageRecords + 1)
        var output: [Int64] = []
        output.reserveCapacity(Self.chunkRecords * 2)
        var written = 0
        func emit(_ key: Int64, _ row: Int64) throws(ReadError) {
            if written % Self.pageRecords == 0 { mergedKeys.append(key) }
            output.append(key)
            output.append(row)
            written += 1
            if output.count == Self.chunkRecords * 2 { try flush() }
        }
        func flush() throws(ReadError) {
            try merged.append(output)
            output.removeAll(keepingCapacity: true)
        }

        var chunk: [Int64] = []
        var chunkRecords = 0
        var chunkIndex = 0
        var runRead = 0
        var next = 0
        while true {
            if chunkIndex == chunkRecords, runRead < count, let file {
                chunkRecords = min(Self.chunkRecords, count - runRead)
                if chunk.count != chunkRecords * 2 { chunk = [Int64](repeating: 0, count: chunkRecords * 2) }
                try file.readExactly(into: &chunk, at: Int64(runRead * 16))
                runRead += chunkRecords
                chunkIndex = 0
            }
            let hasOld = chunkIndex < chunkRecords
            let hasNew = next < entries.count
            if !hasOld && !hasNew { break }
            if hasOld && (!hasNew || chunk[chunkIndex * 2] < entries[next].key) {
                try emit(chunk[chunkIndex * 2], chunk[chunkIndex * 2 + 1])
                chunkIndex += 1
            } else {
                try emit(entries[next].key, entries[next].value)
                next += 1
            }
        }
        try flush()
        file = merged
        count = written
        firstKeys = mergedKeys
    }

}
