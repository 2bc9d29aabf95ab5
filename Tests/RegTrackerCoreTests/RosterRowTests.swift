import RegTrackerRender
import Testing

@testable import RegTrackerCore

/// SPEC 1.1: one roster row a township; a bad row rejects the roster, naming the row.
@Suite("Roster rows")
struct RosterRowTests {
    static let columns = ColumnMap(
        headerRow: 1, headerRowCount: 1, columns: [.township: 0, .population: 1, .target: 2, .aliases: 3],
        headers: ["乡镇", "实有人口", "目标", "别名"])

    func township(_ cells: [Cell], row: Int = 5) -> Result<Township?, RosterRowError> {
        RosterRow.township(from: SourceRow(number: row, cells: cells), columns: Self.columns)
    }

    @Test(
        "a population may have thousands separators, a trailing 人, or be a numeric cell",
        arguments: [
            (Cell.text("12345"), Int64(12345)), (.text("12,345"), 12345), (.text("12345人"), 12345),
            (.text("12,345人"), 12345), (.text(" １２，３４５ "), 12345), (.number(12345), 12345), (.text("0"), 0),
            (.number(0), 0), (.text("12345.0"), 12345), (.text("12,345.00人"), 12345),
        ])
    func population(cell: Cell, population: Int64) throws {
        let township = try #require(try township([.text("青石镇"), cell]).get())
        #expect(township == Township(name: "青石镇", population: population))
    }

    @Test(
        "an empty, negative or non-integer population rejects the roster, naming the row",
        arguments: [
            Cell.empty, .text(""), .text("-5"), .number(-5), .text("12.5"), .number(12.5), .text("约一万"), .text("1.2万"),
            .text("12.50"), .text(".0"),
            // Beyond ten billion the exact 64-bit arithmetic of every figure could overflow.
            .text("10000000001"), .number(1e14),
        ])
    func badPopulation(cell: Cell) {
        guard case .failure(let error) = township([.text("青石镇"), cell], row: 7) else {
            Issue.record("expected the row to be rejected")
            return
        }
        #expect(error.row == 7)
        #expect(error.message.contains("青石镇"))
        #expect(error.description.hasPrefix("row 7: "))
    }

    @Test(
        "an out-of-range or over-precise target rejects the roster, naming the row",
        arguments: ["0", "150%", "-5", "abc", "0.123456789", "55.1234567%"])
    func badTarget(text: String) {
        guard case .failure(let error) = township([.text("青石镇"), .text("12000"), .text(text)], row: 9) else {
            Issue.record("expected the row to be rejected")
            return
        }
        #expect(error.row == 9)
        #expect(error.message.contains(text))
    }

    @Test(
        "a target cell is read as SPEC 1.1 says; an empty one leaves the global target",
        arguments: [
            (Cell.text("55%"), Target(numerator: 11, denominator: 20) as Target?),
            (.number(0.55), Target(numerator: 11, denominator: 20)),
            (.number(55), Target(numerator: 11, denominator: 20)), (.number(1), Target(numerator: 1, denominator: 1)),
            (.empty, nil),
        ])
    func target(cell: Cell, target: Target?) throws {
        let township = try #require(try township([.text("青石镇"), .text("12000"), cell]).get())
        #expect(township.target == target)
    }

    @Test(
        "totals rows and blank township cells are skipped, not rejected",
        arguments: ["合计", "总计", "小计", "合 计", "合计：", ""])
    func totalsSkipped(name: String) throws {
        let result = try township([name.isEmpty ? .empty : .text(name), .text("99999")]).get()
        #expect(result == nil)
    }

    @Test("aliases are split on 、 ; ； , and ，")
    func aliases() throws {
        let cells: [Cell] = [.text("城关镇"), .text("30000"), .empty, .text("城关、城关街道;老城；旧城,东城，西城 、 ")]
        let township = try #require(try township(cells).get())
        #expect(township.aliases == ["城关", "城关街道", "老城", "旧城", "东城", "西城"])
    }

    @Test("a name used twice, as a name or an alias, rejects the roster at the later row")
    func duplicateNames() {
        let qingshi = Township(name: "青石镇", population: 100)
        #expect(RosterRow.checkUnique([(2, qingshi), (3, Township(name: "城关镇", population: 100))]) == nil)
        #expect(RosterRow.checkUnique([(2, qingshi), (3, Township(name: "青石镇", population: 200))])?.row == 3)
        #expect(RosterRow.checkUnique([(2, qingshi), (3, Township(name: "青石 镇", population: 200))])?.row == 3)
        let alias = RosterRow.checkUnique([(2, qingshi), (4, Township(name: "城关镇", population: 1, aliases: ["青石镇"]))])
        #expect(alias?.row == 4)
        #expect(alias?.message.contains("青石镇") == true)
    }
}

/// SPEC 1.5, township: matched by name or alias after removing white space; no other guessing.
@Suite("Roster look-up")
struct RosterTests {
    let roster = Roster(townships: [
        Township(name: "青石镇", population: 12000),
        Township(name: "城关镇", population: 30000, aliases: ["城关街道", "城关"]),
    ])

    @Test(
        "a township cell matches a name or an alias after normalising",
        arguments: [("青石镇", 0), ("青石 镇", 0), ("\u{3000}青石镇\u{200B}", 0), ("城关镇", 1), ("城关 街道", 1), ("城关", 1)])
    func matches(text: String, index: Int) {
        #expect(roster.index(named: text) == index)
    }

    @Test("nothing else is guessed", arguments: ["青石", "青石乡", "Qingshi", ""])
    func noGuessing(text: String) {
        #expect(roster.index(named: text) == nil)
    }

    @Test("an unknown name gets the closest roster name as a suggestion")
    func suggestion() {
        #expect(roster.suggestion(forKey: "青石乡") == "青石镇")
        #expect(roster.suggestion(forKey: "城关街") == "城关镇")
    }
}
