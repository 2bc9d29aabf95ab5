import Testing

@testable import RegTrackerCore

/// SPEC 1.5: every cell is NFKC-normalised, stripped of zero-width characters and trimmed.
@Suite("Cell text")
struct CellTextTests {
    @Test(
        "full-width digits, letters and punctuation become ASCII",
        arguments: [
            ("１２３４５", "12345"), ("ＡＢＣｘｙｚ", "ABCxyz"), ("（１８位）", "(18位)"), ("５５％", "55%"), ("１２，３４５", "12,345"),
        ])
    func nfkc(raw: String, cleaned: String) {
        #expect(CellText.clean(raw) == cleaned)
    }

    @Test(
        "zero-width characters are removed wherever they are",
        arguments: [
            "\u{200B}青石镇", "青\u{200C}石镇", "青石\u{200D}镇", "青石镇\u{2060}", "\u{FEFF}青石镇",
            "\u{200B}青\u{FEFF}石\u{200B}镇\u{200B}",
        ])
    func zeroWidth(raw: String) {
        #expect(CellText.clean(raw) == "青石镇")
    }

    @Test(
        "white space at either end is trimmed, the ideographic space included",
        arguments: ["  青石镇  ", "\u{3000}青石镇\u{3000}", "\t青石镇\r\n", " \u{200B} 青石镇 \u{FEFF} "])
    func trimmed(raw: String) {
        #expect(CellText.clean(raw) == "青石镇")
    }

    @Test("inner white space is kept by clean and removed by compact")
    func innerWhiteSpace() {
        #expect(CellText.clean(" 城关 镇 ") == "城关 镇")
        #expect(CellText.compact(" 城关 镇 ") == "城关镇")
        #expect(CellText.compact("城关\u{3000}镇") == "城关镇")
        #expect(CellText.compact("手 机 号") == "手机号")
    }

    @Test(
        "compact on the bytes of plain text removes what the Unicode rule removes",
        arguments: ["城关 镇", "a\tb\nc\u{0B}d\u{0C}e\rf", "a\u{1C}b\u{1F}c", "青石镇", " x ", "1 2-3"])
    func compactOfPlainText(text: String) {
        let byRule = String(CellText.clean(text).unicodeScalars.filter { !CellText.isWhitespace($0) })
        #expect(CellText.compact(text) == byRule)
    }

    @Test("a NUL character is removed like a zero-width one, in plain text too")
    func nul() {
        #expect(CellText.clean("张\u{0}三") == "张三")
        #expect(CellText.clean("13800138000\u{0}") == "13800138000")
        #expect(CellText.clean("\u{0}") == "")
    }

    @Test(
        "a cell of nothing but white space and zero-width characters is empty",
        arguments: ["", " ", "\u{3000}", "\u{200B}\u{FEFF}", " \u{2060} "])
    func blank(raw: String) {
        #expect(CellText.clean(raw) == "")
        #expect(Cell.text(raw).isBlank)
    }

    @Test("ASCII text passes through unchanged")
    func ascii() {
        #expect(CellText.clean("Zhang San") == "Zhang San")
    }

    @Test("a text is blank exactly when it cleans to nothing, for every character of the BMP and some mixtures")
    func blankWithoutCleaning() {
        var disagreeing: [String] = []
        for value in 0...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            if CellText.isBlank(text) != CellText.clean(text).isEmpty { disagreeing.append(text) }
        }
        #expect(disagreeing.isEmpty)
        for text in ["", " ", "\u{3000}\u{200B}\t", "\u{0}", "\u{A0}x", " \u{A8}", "外出务工，电话核实", "\u{FEFF}\u{2060}"] {
            #expect(CellText.isBlank(text) == CellText.clean(text).isEmpty, "\(text.unicodeScalars.map(\.value))")
        }
    }
}
