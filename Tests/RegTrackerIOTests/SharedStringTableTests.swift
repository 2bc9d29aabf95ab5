import RegTrackerCore
import Testing

@testable import RegTrackerIO

@Suite struct SharedStringTableTests {
    /// Strings of every length class: empty, ASCII, Chinese, and longer than a varint byte (≥ 128 bytes) and than
    /// the window, so that block starts, window reloads and the repeat cache all come into play.
    static func strings(_ count: Int) -> [String] {
        (0..<count).map { index in
            switch index % 5 {
            case 0: ""
            case 1: "张\(index)"
            case 2: String(repeating: "村", count: index % 97)
            case 3: String(repeating: "x", count: 200 + index % 300)
            default: "\(110_101_199_003_070_000 + index)"
            }
        }
    }

    static func table(_ strings: [String]) throws -> SharedStringTable {
        let table = try SharedStringTable(blockSize: 4, windowSize: 256, cacheSlots: 8)
        for string in strings { try table.append(string) }
        try table.flush()
        return table
    }

    @Test("reads back every string in order, as a sheet asks for new strings")
    func inOrder() throws {
        let strings = Self.strings(2_000)
        let table = try Self.table(strings)
        #expect(table.count == strings.count)
        for (index, string) in strings.enumerated() { #expect(try table.string(at: index) == string) }
    }

    @Test("reads back strings asked for again and out of order, as townships and villages are")
    func repeatsAndJumps() throws {
        let strings = Self.strings(1_500)
        let table = try Self.table(strings)
        var random = SeededRandom(seed: 3)
        for step in 0..<6_000 {
            // New strings in order, with repeats of early ones and jumps anywhere in between.
            let index =
                step % 3 == 0
                ? step / 4 : (step % 3 == 1 ? Int.random(in: 0..<12, using: &random) : Int.random(in: 0..<1_500, using: &random))
            #expect(try table.string(at: index) == strings[index])
        }
    }

    @Test("a table with no strings, and one with a single string")
    func tiny() throws {
        #expect(try Self.table([]).count == 0)
        let one = try Self.table(["是"])
        #expect(try one.string(at: 0) == "是")
        #expect(try one.string(at: 0) == "是")
    }
}
