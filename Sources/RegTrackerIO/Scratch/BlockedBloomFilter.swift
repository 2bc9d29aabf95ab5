import RegTrackerCore

/// A Bloom filter of a fixed size for 64-bit keys, one cache line a key: eight bits set, one in each of the
/// eight words of a 64-byte block. `mayContain` is false only for keys never inserted; the false positives grow
/// with the keys (about 4 in a million at 15 keys a block, 5% at 75), and only cost the caller a look further.
struct BlockedBloomFilter {
    private var words: [UInt64]
    private let blockCount: UInt64
    private static let salts: [UInt32] = [
        0x47b6_137b, 0x4497_4d91, 0x8824_ad5b, 0xa2b7_289d, 0x7054_95c7, 0x2df1_424b, 0x9efc_4947, 0x5c6b_fb31,
    ]

    init(bytes: Int) {
        let blocks = max(1, bytes / 64)
        words = Array(repeating: 0, count: blocks * 8)
        blockCount = UInt64(blocks)
    }

    mutating func insert(_ key: Int64) {
        let (base, low) = locate(key)
        for index in 0..<8 { words[base + index] |= Self.bit(low, index) }
    }

    func mayContain(_ key: Int64) -> Bool {
        let (base, low) = locate(key)
        for index in 0..<8 where words[base + index] & Self.bit(low, index) == 0 { return false }
        return true
    }

    /// The first word of the key's block, and the 32 bits that choose a bit in each word.
    private func locate(_ key: Int64) -> (Int, UInt32) {
        // ID numbers and phones share long prefixes, so their bits need mixing.
        let hash = SeededRandom.mix(UInt64(bitPattern: key))
        let block = ((hash >> 32) &* blockCount) >> 32
        return (Int(block) * 8, UInt32(truncatingIfNeeded: hash))
    }

    private static func bit(_ low: UInt32, _ index: Int) -> UInt64 {
        1 << UInt64((low &* salts[index]) >> 26)
    }
}
