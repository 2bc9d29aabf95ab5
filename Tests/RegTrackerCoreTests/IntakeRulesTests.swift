import Testing

@testable import RegTrackerCore

/// The rules for files as clerks make them (SPEC 1.1, 1.2, 1.5): township named by the title or file name, header
/// names, ID numbers and phones as typed, roster changes.
@Suite("Files as clerks make them")
struct IntakeRulesTests {
    static let roster = Roster(townships: [
        Township(name: "白沙镇", population: 1000, aliases: ["白沙"]),
        Township(name: "青石镇", population: 1000),
        Township(name: "城关镇", population: 1000),
        Township(name: "城关街道", population: 1000),
        Township(name: "桃源乡", population: 1000),
        Township(name: "龙泉街道", population: 1000),
    ])

    @Test(
        "the township a title or file name names: the longest roster name or alias in it",
        arguments: [
            ("白沙镇国家反诈中心APP注册名单（截至11月30日）", TownshipInText.Match.township("白沙镇")),
            ("白沙镇-11月", .township("白沙镇")),
            ("白 沙 镇 注册名单", .township("白沙镇")),
            ("白沙-补报", .township("白沙镇")),
            ("城关街道11月名单", .township("城关街道")),
            ("桃源乡和青石镇合并名单", .ambiguous(["青石镇", "桃源乡"])),
            ("11月注册名单", .none),
            ("", .none),
        ])
    func townshipInText(text: String, expected: TownshipInText.Match) {
        #expect(TownshipInText.find(in: text, roster: Self.roster) == expected)
    }

    @Test(
        "verdict headers clerks use are read as the verdict (SPEC 1.2)",
        arguments: ["是否截图", "截图情况", "有无截图", "是否有截图", "截图核验结果", "核验情况", "是否核验", "审核情况", "是否合格", "是否通过", "核验", "截图"])
    func verdictHeaders(header: String) {
        #expect(HeaderName.field(for: .text(header), kind: .registrations) == .verdict)
    }

    @Test("the verdict words SPEC 1.5 adds: 有, 已截图, 已核验 are valid; 无, 未截图, 无截图, 未核验 invalid")
    func moreVerdictWords() {
        for word in ["有", "已截图", "已核验"] { #expect(Verdict.parse(.text(word)) == .valid) }
        for word in ["无", "未截图", "无截图", "未核验"] { #expect(Verdict.parse(.text(word)) == .invalid) }
    }

    @Test("roster township headers 乡镇名称, 镇街, 单位名称 (SPEC 1.1)", arguments: ["乡镇名称", "镇街", "镇街名称", "单位名称", "所属乡镇"])
    func rosterHeaders(header: String) throws {
        let (map, _) = try HeaderDetector.detect(kind: .roster, rows: Given.rows([[header, "实有人口"]])).get()
        #expect(map.columns == [.township: 0, .population: 1])
    }

    @Test("an unused column that mentions 截图, 核验 or 审核 is named for a warning")
    func unusedVerdictLikeColumns() throws {
        let rows = Given.rows([["姓名", "身份证号", "截图日期", "审核人意见", "性别", "审 核 人"]])
        let (map, _) = try HeaderDetector.detect(kind: .registrations, rows: rows).get()
        #expect(map.unusedVerdictLikeHeaders == ["截图日期", "审核人意见", "审 核 人"])
    }

    @Test("an ID number typed with Excel's text marker is read without it (SPEC 1.5)")
    func idWithTextMarker() {
        #expect(IDNumber.parse(text: "'11010519491231002X", today: Given.today).key != nil)
        #expect(IDNumber.parse(text: "‘11010519491231002x", today: Given.today).key != nil)
        #expect(IDNumber.parse(.text("'110105194912310021"), today: Given.today).englishReason == "ID number check digit is wrong")
    }

    @Test(
        "phones written with a country code in parentheses or a text marker are valid (SPEC 1.5)",
        arguments: ["（+86）138 1234 5678", "(+86)13812345678", "'13812345678", "+86 138-1234-5678", "0086 13812345678"])
    func phonesAsTyped(text: String) {
        #expect(Phone.parse(text: text) == .valid("13812345678", key: 13_812_345_678))
    }

    @Test("a new roster's changes: added, dropped, renamed by alias, population and target")
    func rosterChanges() {
        let old = Roster(townships: [
            Township(name: "白沙镇", population: 1000), Township(name: "青石镇", population: 2000),
            Township(name: "云溪镇", population: 500, target: Target(numerator: 3, denominator: 5)),
            Township(name: "旧城乡", population: 300),
        ])
        let new = Roster(townships: [
            Township(name: "白沙镇", population: 1100), Township(name: "青石街道", population: 2000, aliases: ["青石镇"]),
            Township(name: "云溪镇", population: 500), Township(name: "桃源乡", population: 800),
        ])
        let changes = RosterChanges.between(old, new)
        #expect(changes.added == ["桃源乡"])
        #expect(changes.dropped == ["旧城乡"])
        #expect(changes.renamed == [.init(from: "青石镇", to: "青石街道")])
        #expect(changes.populations == [.init(township: "白沙镇", from: 1000, to: 1100)])
        #expect(changes.targets == [.init(township: "云溪镇", from: Target(numerator: 3, denominator: 5), to: nil)])
        #expect(RosterChanges.between(new, new).isEmpty)
    }
}
