import Testing

@testable import RegTrackerCore

@Suite("Key table")
struct KeyTableTests {
    @Test("the first value stored for a key stays, through growth, and absent keys are nil")
    func firstValueWins() {
        var table = KeyTable(capacity: 4)
        let keys = (0..<10_000).map { Int64($0) * 1_000_003 + 11_010_519_491_231_002 }
        for (row, key) in keys.enumerated() { table.insertIfAbsent(key, Int64(row)) }
        for (row, key) in keys.enumerated() { table.insertIfAbsent(key, Int64(row + 1_000_000)) }
        #expect(table.count == keys.count)
        #expect(keys.enumerated().allSatisfy { table[$0.element] == Int64($0.offset) })
        #expect(table[7] == nil)
        #expect(table[0] == nil)
    }
}
