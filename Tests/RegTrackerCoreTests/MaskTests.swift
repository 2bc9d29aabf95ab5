import Testing

@testable import RegTrackerCore

/// SPEC 4 and STYLE 5: no full ID number or phone where a person reads it.
@Suite("Masking")
struct MaskTests {
    @Test("an ID number keeps its first six and last four characters")
    func idNumber() {
        #expect(Mask.idNumber("510102199001011238") == "510102********1238")
        #expect(Mask.idNumber("11010519491231002X") == "110105********002X")
    }

    @Test("a phone keeps its first three and last four digits")
    func phone() {
        #expect(Mask.phone("13812345678") == "138****5678")
    }

    @Test("a value too short to mask is hidden whole")
    func tooShort() {
        #expect(Mask.phone("1234567") == "*******")
        #expect(Mask.idNumber("1234") == "****")
    }

    @Test(
        "a normalised value is shown masked; a value that arrived masked is shown as it came",
        arguments: [
            (KeyedValue.valid("13812345678", key: 13_812_345_678), true, "138****5678"),
            (.valid("510102199001011238", key: 1), false, "510102********1238"),
            (.masked("138****5678"), true, "138****5678"),
            (.masked("510102********1234"), false, "510102********1234"),
            (.absent, true, ""),
            (.malformed(.idCheckDigit, received: "x"), false, ""),
        ])
    func display(value: KeyedValue, isPhone: Bool, shown: String) {
        #expect(Mask.display(value, isPhone: isPhone) == shown)
    }

    @Test(
        "an ID number or phone cell as received is masked by its digits, whatever separates them",
        arguments: [
            ("5101-0219-8007-2120-20", "5101-02**-****-**20-20"), ("510102 19800720 2010", "510102 ******** 2010"),
            ("138-0000-02051", "138-****-*2051"), ("（+86）138 0000 1234", "（+86）1** **** 1234"),
            ("51010219800720201X", "510102********201X"), ("1380000", "1380000"), ("无", "无"),
        ])
    func receivedCell(text: String, shown: String) {
        #expect(Mask.cell(text) == shown)
    }

    @Test(
        "long digit runs in free text are masked like ID numbers or phones",
        arguments: [
            ("身份证 510102199001011238 重复", "身份证 510102********1238 重复"),
            ("11010519491231002X", "110105********002X"),
            ("电话13812345678。", "电话138****5678。"),
            ("130503670401001", "130503*****1001"),
            ("第12行", "第12行"),
            ("2024年6月30日", "2024年6月30日"),
        ])
    func digitsInText(text: String, masked: String) {
        #expect(Mask.digits(in: text) == masked)
    }

    @Test(
        "ASCII text is masked as the character by character rule masks it",
        arguments: [
            "11010519491231002X", "11010519491231002x12", "X13812345678", "tel:13812345678,0571-88886666",
            "1234567\r\n12345678", "12345678901234", "123456789012345", "0x1234567890123456789X", "", "abc",
            "1381234567xX", "5101021990010112381234",
        ])
    func asciiTextIsMaskedLikeAnyText(text: String) {
        // The rule on characters (what `Mask.digits` does for text that is not ASCII), written out here.
        var (result, run) = ("", "")
        func flush() {
            result += run.count >= 15 ? Mask.idNumber(run) : run.count >= 8 ? Mask.phone(run) : run
            run = ""
        }
        for character in text {
            if character.isASCII && (character.isNumber || (!run.isEmpty && "Xx".contains(character))) {
                run.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        #expect(Mask.digits(in: text) == result)
    }

    @Test("a masked input value is recognised as masked by the parsers")
    func maskedInputs() {
        #expect(IDNumber.parse(text: "510102********1234", today: Given.today) == .masked("510102********1234"))
        #expect(Phone.parse(text: "138****5678") == .masked("138****5678"))
    }
}
