import RegTrackerCore
import Testing

@testable import RegTrackerIO

@Suite struct SpillingKeyIndexTests {
    /// A few keys in memory and a Bloom filter of one block, so that every path is taken many times over:
    /// spills, merges of the run, false positives, keys found in memory and on disk.
    static func tiny() -> SpillingKeyIndex { SpillingKeyIndex(recentLimit: 7, bloomBytes: 64) }

    @Test("answers like the in-memory table across many spills, the earliest row winning")
    func matchesKeyTable() throws {
        var generator = SeededRandom(seed: 11)
        let spilling = Self.tiny()
        var reference = KeyTable()
        for row in Int64(1)...5_000 {
            // Keys from a small range, so about half are already there.
            let key = Int64.random(in: 0..<4_000, using: &generator) * 1_000_003
            if try spilling.row(forKey: key) == nil { try spilling.insert(key, row: row) }
            reference.insertIfAbsent(key, row)
            let probe = Int64.random(in: 0..<4_000, using: &generator) * 1_000_003
            #expect(try spilling.row(forKey: probe) == reference[probe])
        }
        for key in stride(from: Int64(0), to: 4_000 * 1_000_003, by: 1_000_003) {
            #expect(try spilling.row(forKey: key) == reference[key])
        }
    }

    /// Runs larger than a chunk of the merge (4,096 entries), so that merging in place reads and writes across
    /// chunk boundaries, with the incoming run smaller and larger than a chunk; keys at random, and rising (each
    /// merge then leaves the whole run where it was and appends).
    @Test(
        "keeps every key through merges in place of runs larger than a chunk",
        arguments: [7, 1_000], [false, true])
    func largeRuns(recentLimit: Int, rising: Bool) throws {
        var generator = SeededRandom(seed: 3)
        let spilling = SpillingKeyIndex(recentLimit: recentLimit, bloomBytes: 4096)
        var reference = KeyTable()
        for row in Int64(1)...30_000 {
            let key = rising ? row * 7_919 : Int64.random(in: 0..<Int64.max, using: &generator)
            try spilling.insert(key, row: row)
            reference.insertIfAbsent(key, row)
        }
        var ordered: [(key: Int64, value: Int64)] = []
        try spilling.forEachInKeyOrder { ordered.append(($0, $1)) }
        let expected = reference.entries.sorted { $0.key < $1.key }
        #expect(ordered.map(\.key) == expected.map(\.key))
        #expect(ordered.map(\.value) == expected.map(\.value))
        var found = 0
        for entry in expected where try spilling.row(forKey: entry.key) == entry.value { found += 1 }
        #expect(found == expected.count)
        #expect(try spilling.row(forKey: expected[0].key - 1) == nil)
    }

    @Test("finds the smallest and the largest keys, and misses keys between and beyond them")
    func edges() throws {
        let spilling = Self.tiny()
        let keys: [Int64] = [0, 5, 110_101_199_003_071_234, Int64.max - 1, Int64.max]
        for (row, key) in keys.enumerated() { try spilling.insert(key, row: Int64(row)) }
        for _ in 0..<10 where try spilling.row(forKey: Int64.max / 2) == nil { try spilling.insert(Int64.max / 2, row: 99) }
        for (row, key) in keys.enumerated() { #expect(try spilling.row(forKey: key) == Int64(row)) }
        for missing: Int64 in [1, 4, 6, 110_101_199_003_071_233, Int64.max - 2] {
            #expect(try spilling.row(forKey: missing) == nil)
        }
    }

    @Test("an engine on spilling indexes decides every row as the in-memory engine does")
    func engineOutcomes() throws {
        let roster = Roster(townships: [Township(name: "青石镇", population: 1000)])
        var inMemory = OutcomeEngine(roster: roster, invalidEntries: [])
        var spilling = OutcomeEngine(
            roster: roster, invalidEntries: [], validRowByID: Self.tiny(), validRowByPhone: Self.tiny())
        var generator = SeededRandom(seed: 5)
        var duplicates = 0
        for row in Int64(1)...3_000 {
            let facts = RowFacts(
                townshipKey: "青石镇", problems: [], isFlagged: false,
                idKey: Bool.random(using: &generator) ? Int64.random(in: 0..<2_000, using: &generator) : nil,
                phoneKey: Int64.random(in: 0..<2_000, using: &generator))
            let outcome = try spilling.decide(row: row, facts: facts)
            #expect(outcome == (try inMemory.decide(row: row, facts: facts)))
            if outcome.kind == .duplicate { duplicates += 1 }
        }
        #expect(duplicates > 500)
    }
}
