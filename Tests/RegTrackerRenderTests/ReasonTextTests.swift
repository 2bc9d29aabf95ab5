import TestSupport
import Testing

@testable import RegTrackerCore
@testable import RegTrackerRender

/// SPEC 7: every reason is a value with a stable code, worded in the language passed in.
@Suite("Reason codes and their words")
struct ReasonTextTests {
    /// One of every case, with values where it has them.
    static let every: [Reason] = [
        .nameMissing, .idStoredAsNumber, .idNotText, .idFifteenNotDigits, .idLength(characters: 17), .idCharacters,
        .idCheckDigit, .idBirthDate("2099-01-01"), .phoneStoredAsNumber, .phoneNotText, .phoneScientific,
        .phoneNotMobile, .verdictUnrecognised, .noIDOrPhone, .townshipMissing,
        .townshipNotInRoster(township: "白沙", suggestion: "白沙镇"), .townshipNotInRoster(township: "东海市", suggestion: nil),
        .flagged, .duplicate(township: "白沙镇", county: nil, file: "02-白沙镇.csv", sheet: nil, row: 3),
        .duplicate(township: "龙泉街道", county: "青石县", file: "白沙镇.xlsx", sheet: "河坝村", row: 14),
        .listed(file: "无效名单.csv", row: 2, reason: "截图重复使用"), .listed(file: "无效名单.csv", row: 3, reason: ""),
        .legacy("an old text"),
    ]

    @Test("each reason comes back from its code and values", arguments: every)
    func codeAndValuesRoundTrip(reason: Reason) {
        let values = Dictionary(uniqueKeysWithValues: reason.values.map { ($0.name, $0.value) })
        #expect(Reason(code: reason.code, values: values) == reason)
    }

    @Test("codes are distinct snake-case identifiers")
    func codesAreStable() {
        let codes = Set(Self.every.map(\.code))
        #expect(codes.count == 20)
        #expect(codes.allSatisfy { $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } })
        #expect(Reason.idCheckDigit.code == "id_check_digit")
    }

    @Test("an unknown code or a missing value is no reason")
    func unknownCodes() {
        #expect(Reason(code: "id_checkdigit", values: [:]) == nil)
        #expect(Reason(code: "id_length", values: [:]) == nil)
        #expect(Reason(code: "duplicate", values: ["township": "白沙镇", "file": "a.csv", "row": "x"]) == nil)
    }

    @Test(
        "the Chinese words are Chinese: no Latin word but file names", arguments: every.filter { $0.code != "legacy" })
    func chineseHasNoEnglish(reason: Reason) {
        let text = ReasonText.text(reason, in: .chinese)
        #expect(!text.isEmpty)
        #expect(EnglishWords.in(text).isEmpty, "\(text)")
    }

    @Test("the English words are the ones stored before codes, so older databases read back")
    func englishWords() {
        #expect(ReasonText.text(.idCheckDigit, in: .english) == "ID number check digit is wrong")
        #expect(ReasonText.text(.idLength(characters: 17), in: .english) == "ID number has 17 characters; expected 18")
        #expect(
            ReasonText.text(.townshipNotInRoster(township: "白沙", suggestion: "白沙镇"), in: .english)
                == "township \"白沙\" is not in the roster; did you mean \"白沙镇\"?")
        #expect(
            ReasonText.text(
                .duplicate(township: "白沙镇", county: nil, file: "白沙镇.xlsx", sheet: "河坝村", row: 14), in: .english)
                == "duplicate of a valid row of 白沙镇 (白沙镇.xlsx › 河坝村, row 14)")
        #expect(
            ReasonText.text(.listed(file: "无效名单.csv", row: 2, reason: "截图重复使用"), in: .english)
                == "on the invalid list 无效名单.csv, row 2: 截图重复使用")
    }

    @Test("the Chinese words name the values")
    func chineseWords() {
        #expect(ReasonText.text(.idCheckDigit, in: .chinese) == "身份证号校验位不符")
        #expect(ReasonText.text(.idLength(characters: 17), in: .chinese) == "身份证号为 17 位，应为 18 位")
        #expect(
            ReasonText.text(
                .duplicate(township: "白沙镇", county: nil, file: "02-白沙镇.csv", sheet: nil, row: 3), in: .chinese)
                == "与白沙镇的有效行重复（02-白沙镇.csv，第 3 行）")
        // SPEC 8: the earlier row's township with its county, as two counties may each have a 城关镇.
        #expect(
            ReasonText.text(
                .duplicate(township: "城关镇", county: "白沙县", file: "城关镇.csv", sheet: nil, row: 3), in: .chinese)
                == "与城关镇（白沙县）的有效行重复（城关镇.csv，第 3 行）")
        #expect(
            ReasonText.text(.listed(file: "无效名单.csv", row: 2, reason: "截图重复使用"), in: .chinese)
                == "列入无效名单（无效名单.csv，第 2 行）：截图重复使用")
        #expect(
            ReasonText.text([.nameMissing, .phoneNotMobile], in: .chinese) == "缺少姓名；手机号码不是以 13–19 开头的 11 位手机号")
        #expect(ReasonText.code([.nameMissing, .phoneNotMobile]) == "name_missing+phone_not_mobile")
    }

    @Test("numbers quoted from a file are masked in either language")
    func quotedNumbersAreMasked() {
        let reason = Reason.listed(file: "无效名单.csv", row: 2, reason: "与13800138000重复")
        for language in Language.allCases {
            #expect(!ReasonText.text(reason, in: language).contains("13800138000"))
            #expect(ReasonText.text(reason, in: language).contains("138****8000"))
        }
    }

    @Test("the language comes from LC_ALL, then LC_MESSAGES, then LANG")
    func languageFromEnvironment() {
        #expect(Language(environment: ["LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(Language(environment: ["LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"]) == .english)
        #expect(Language(environment: ["LC_ALL": "", "LC_MESSAGES": "zh_TW", "LANG": "C"]) == .chinese)
        #expect(Language(environment: [:]) == .english)
    }
}
