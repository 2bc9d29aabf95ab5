import Testing

@testable import RegTrackerCore

/// SPEC 1.5, verdict: the checker's words for a valid or an invalid screenshot.
@Suite("Verdict words")
struct VerdictTests {
    static let validWords = ["有效", "是", "合格", "通过", "正常", "√", "✓", "Y", "yes", "true", "1", "valid"]
    static let invalidWords = ["无效", "否", "不合格", "不通过", "异常", "×", "✗", "X", "N", "no", "false", "0", "invalid"]

    @Test("every valid word of SPEC 1.5 means valid", arguments: VerdictTests.validWords)
    func validWord(word: String) {
        #expect(Verdict.parse(.text(word)) == .valid)
    }

    @Test("every invalid word of SPEC 1.5 means invalid", arguments: VerdictTests.invalidWords)
    func invalidWord(word: String) {
        #expect(Verdict.parse(.text(word)) == .invalid)
    }

    @Test(
        "Latin words match in any case",
        arguments: [
            ("y", Verdict.valid), ("YES", .valid), ("Yes", .valid), ("TRUE", .valid), ("True", .valid),
            ("VALID", .valid), ("Valid", .valid), ("x", .invalid), ("n", .invalid), ("NO", .invalid),
            ("No", .invalid), ("FALSE", .invalid), ("False", .invalid), ("INVALID", .invalid), ("Invalid", .invalid),
        ])
    func anyCase(word: String, verdict: Verdict) {
        #expect(Verdict.parse(.text(word)) == verdict)
    }

    @Test(
        "words are cleaned first: white space, full-width forms and zero-width characters",
        arguments: [
            (" 有效 ", Verdict.valid), ("\u{3000}无效\u{3000}", .invalid), ("ＹＥＳ", .valid), ("ｎｏ", .invalid),
            ("１", .valid), ("０", .invalid), ("\u{200B}合格", .valid),
        ])
    func cleaned(word: String, verdict: Verdict) {
        #expect(Verdict.parse(.text(word)) == verdict)
    }

    @Test("a Boolean cell is true or false", arguments: [(true, Verdict.valid), (false, .invalid)])
    func booleanCell(value: Bool, verdict: Verdict) {
        #expect(Verdict.parse(.bool(value)) == verdict)
    }

    @Test(
        "a numeric 1 or 0 is the word 1 or 0; any other number is unrecognised",
        arguments: [
            (1.0, Verdict.valid), (0.0, .invalid), (2.0, .unrecognised), (0.5, .unrecognised), (-1.0, .unrecognised),
        ])
    func numericCell(value: Double, verdict: Verdict) {
        #expect(Verdict.parse(.number(value)) == verdict)
    }

    @Test("an empty cell means valid", arguments: [Cell.empty, .text(""), .text("   ")])
    func empty(cell: Cell) {
        #expect(Verdict.parse(cell) == .valid)
    }

    @Test(
        "anything else is unrecognised",
        arguments: [
            Cell.text("待定"), .text("有效?"), .text("yes!"), .text("ok"), .text("2"), .text("有 效x"), .text("待核验"),
            .date(CellDate(year: 2022, month: 6, day: 1)), .error("#N/A"),
        ])
    func unrecognised(cell: Cell) {
        #expect(Verdict.parse(cell) == .unrecognised)
    }
}
