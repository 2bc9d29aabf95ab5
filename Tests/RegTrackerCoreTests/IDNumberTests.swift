import Foundation
import Testing

@testable import RegTrackerCore

/// SPEC 1.5, id_number: GB 11643-1999 with the ISO 7064 MOD 11-2 check character.
/// Every check character below was computed by hand from the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2.
@Suite("ID numbers")
struct IDNumberTests {
    @Test(
        "the check character of the first 17 digits is the GB 11643 one",
        arguments: [
            // Published examples: the GB 11643-1999 standard's own, and one born 1880 (check 4).
            ("11010519491231002", "X"),
            ("44052418800101001", "4"),
            ("11010519900307123", "9"),
            ("11010119851112456", "0"),
            ("32010219880808123", "7"),
            ("11010119000101001", "4"),
            ("11010118991231001", "X"),
        ])
    func checkCharacter(first17: String, expected: Character) {
        #expect(IDNumber.checkCharacter(for: Array(first17.utf8)) == expected)
    }

    @Test(
        "an 18-character number with the right check character and a real birth date is valid",
        arguments: [
            "11010519491231002X", "110105199003071239", "110101198511124560", "320102198808081237",
            "110101200002290018",  // 29 February of a leap year divisible by 400
            "110101190001010014",  // the first day allowed
        ])
    func validNumber(text: String) {
        let result = IDNumber.parse(text: text, today: Given.today)
        #expect(result.key != nil)
        #expect(result == .valid(text, key: Given.idKey(text)))
    }

    @Test(
        "a valid number is stored without its text, which its key gives back; other values keep their text",
        arguments: ["11010519491231002X", "110105199003071239", "110101190001010014"])
    func textFromKey(text: String) {
        let valid = IDNumber.parse(text: text, today: Given.today)
        #expect(valid.storedText == nil)
        #expect(IDNumber.text(stored: valid.storedText, key: valid.key) == text)
        let malformed = IDNumber.parse(text: String(text.dropLast()), today: Given.today)
        #expect(malformed.storedText == String(text.dropLast()))
        #expect(IDNumber.text(stored: malformed.storedText, key: malformed.key) == String(text.dropLast()))
        // A key below 17 digits (no real number has one) still gives 18 characters.
        #expect(IDNumber.text(stored: nil, key: 12 * 11 + 10) == "00000000000000012X")
        #expect(IDNumber.text(stored: nil, key: nil) == nil)
    }

    @Test("the key packs the 17 digits and the check character, X counting as 10")
    func keyPacksDigits() {
        #expect(Given.idKey("11010519491231002X") == 11_010_519_491_231_002 * 11 + 10)
        #expect(Given.idKey("110105199003071239") == 11_010_519_900_307_123 * 11 + 9)
    }

    @Test(
        "a wrong check character makes the number malformed",
        arguments: ["110105194912310021", "110105199003071230", "11010519900307123X"])
    func wrongCheckCharacter(text: String) {
        #expect(IDNumber.parse(text: text, today: Given.today).englishReason == "ID number check digit is wrong")
    }

    @Test("the published 1880 example has a correct check character but is born before 1900, so it is malformed")
    func bornBefore1900() {
        // Given the number 440524188001010014, whose check character 4 is right
        #expect(IDNumber.checkCharacter(for: Array("44052418800101001".utf8)) == "4")
        // When it is validated, then SPEC 1.5 allows birth dates from 1900-01-01 only
        let result = IDNumber.parse(text: "440524188001010014", today: Given.today)
        #expect(result.englishReason?.contains("1880-01-01") == true)
        #expect(result.key == nil)
    }

    @Test(
        "an impossible or out-of-range birth date makes the number malformed even with the right check character",
        arguments: [
            ("110101202302300010", "2023-02-30"),  // 30 February
            ("110101190002290011", "1900-02-29"),  // 1900 was not a leap year
            ("11010118991231001X", "1899-12-31"),  // before 1900
            ("510102202403010013", "2024-03-01"),  // after the import date when today is 2024-02-29
        ])
    func impossibleBirthDate(text: String, birth: String) {
        let today = CivilDate(year: 2024, month: 2, day: 29)
        let result = IDNumber.parse(text: text, today: today)
        #expect(result.englishReason == "ID number birth date \(birth) is not a real date up to today")
    }

    @Test("a person born on the import date is valid; the next day is not")
    func bornToday() {
        let text = "510102202403010013"
        #expect(IDNumber.parse(text: text, today: CivilDate(year: 2024, month: 3, day: 1)).key != nil)
        #expect(IDNumber.parse(text: text, today: CivilDate(year: 2024, month: 2, day: 29)).key == nil)
    }

    @Test(
        "a 15-digit first-generation number becomes 18 digits with 19 inserted and a check character appended",
        arguments: [
            ("130503670401001", "130503196704010016"),
            ("510102900101123", "510102199001011238"),
        ])
    func fifteenDigits(text: String, converted: String) {
        #expect(IDNumber.parse(text: text, today: Given.today) == .valid(converted, key: Given.idKey(converted)))
    }

    @Test("a 15-digit number from a numeric cell is exact and is converted like text")
    func fifteenDigitNumericCell() {
        let result = IDNumber.parse(.number(130_503_670_401_001), today: Given.today)
        #expect(result == .valid("130503196704010016", key: Given.idKey("130503196704010016")))
    }

    @Test("a 15-digit number with an impossible birth date is malformed after conversion")
    func fifteenDigitImpossibleDate() {
        // 670230: 30 February 1967
        let result = IDNumber.parse(text: "130503670230001", today: Given.today)
        #expect(result.englishReason?.contains("1967-02-30") == true)
    }

    @Test(
        "an ID number that arrived as a number has lost digits and is malformed",
        arguments: [
            // What a spreadsheet holds for 510102199001011238 and 11010519491231002X: the last digits are gone.
            Cell.number(510_102_199_001_011_264),
            Cell.number(110_105_194_912_310_016),
            Cell.text("5.10102E+17"),
            Cell.text("5.10102e+17"),
            Cell.text("1.10105E17"),
        ])
    func storedAsNumber(cell: Cell) {
        #expect(
            IDNumber.parse(cell, today: Given.today).englishReason == "ID number stored as a number; digits lost")
    }

    @Test(
        "a value containing * is masked: accepted as given and never a key",
        arguments: [
            ("510102********1234", "510102********1234"),
            ("510102 ******** 123x", "510102********123X"),
            ("**************002X", "**************002X"),
        ])
    func masked(text: String, stored: String) {
        let result = IDNumber.parse(text: text, today: Given.today)
        #expect(result == .masked(stored))
        #expect(result.key == nil)
        #expect(result.malformedReason == nil)
    }

    @Test(
        "spaces, hyphens, lowercase x, full-width characters and zero-width characters are normalised away",
        arguments: [
            "11010519491231002x",
            "110105 19491231 002X",
            "110105-19491231-002X",
            " 110105-1949-1231-002x ",
            "１１０１０５１９４９１２３１００２Ｘ",
            "１１０１０５１９４９１２３１００２ｘ",
            "\u{200B}11010519491231002X\u{FEFF}",
            "110105\u{200B}194912\u{200C}31\u{200D}002\u{2060}X",
            "\u{3000}11010519491231002X\u{3000}",
        ])
    func normalised(text: String) {
        #expect(
            IDNumber.parse(text: text, today: Given.today)
                == .valid("11010519491231002X", key: Given.idKey("11010519491231002X")))
    }

    @Test("an empty or blank cell is absent, not malformed", arguments: [Cell.empty, .text(""), .text("  \u{3000}")])
    func absent(cell: Cell) {
        #expect(IDNumber.parse(cell, today: Given.today) == .absent)
    }

    @Test(
        "a value of the wrong length or with letters is malformed",
        arguments: [
            ("1101051949123100", "ID number has 16 characters; expected 18"),
            ("11010519491231002XX", "ID number has 19 characters; expected 18"),
            ("11010519491231A02X", "ID number has characters other than digits and a final X"),
            ("X10105194912310021", "ID number has characters other than digits and a final X"),
            ("13050367040100X", "ID number: 15 characters but not all digits"),
            ("张三", "ID number has 2 characters; expected 18"),
        ])
    func wrongShape(text: String, reason: String) {
        #expect(IDNumber.parse(text: text, today: Given.today).englishReason == reason)
    }

    @Test("the same person written two ways has one key")
    func sameKeyForSamePerson() {
        #expect(Given.idKey("11010519491231002x") == Given.idKey("110105-19491231-002X"))
        #expect(Given.idKey("130503670401001") == Given.idKey("130503196704010016"))
    }

    @Test("the shortcut for a number valid as it stands agrees with the general path on every kind of cell")
    func shortcutAgreesWithTheGeneralPath() {
        var random = SeededRandom(seed: 11)
        let alphabet = Array("0123456789Xx *-'")
        var cells = ["11010519491231002X", "11010519491231002x", "110105194912310028", "110105202412310021",
            "110105189912310021", "110105194902300021", "1101051949123100", "11010519491231002X ", "１１０１０５１９４９１２３１００２Ｘ"]
        for _ in 0..<20_000 {
            // Mostly 17 digits and a check character, valid or not; some with letters, spaces or other lengths.
            let length = Int.random(in: 0...9, using: &random) == 0 ? Int.random(in: 15...19, using: &random) : 18
            var text = ""
            for index in 0..<length {
                let digitsOnly = index < 17 && Int.random(in: 0...20, using: &random) > 0
                let digit = alphabet[Int.random(in: 0...9, using: &random)]
                text.append(digitsOnly ? digit : alphabet.randomElement(using: &random)!)
            }
            cells.append(text)
            // And 17 digits with a birth date that mostly is one, then the right check character.
            let year = Int.random(in: 1890...2030, using: &random)
            let month = Int.random(in: 0...13, using: &random)
            let day = Int.random(in: 0...32, using: &random)
            let first17 = String(text.prefix(6)).padding(toLength: 6, withPad: "0", startingAt: 0)
                + String(format: "%04d%02d%02d%03d", year, month, day, Int.random(in: 0...999, using: &random))
            if first17.allSatisfy(\.isNumber) {
                cells.append(first17 + String(IDNumber.checkCharacter(for: Array(first17.utf8))))
            }
        }
        var shortcuts = 0
        for cell in cells {
            let general = IDNumber.parseCleaning(text: cell, today: Given.today)
            if let key = IDNumber.validKey(plain: cell, today: Given.today) {
                shortcuts += 1
                #expect(general == .valid(cell, key: key), "\(cell)")
            } else {
                #expect(IDNumber.parse(text: cell, today: Given.today) == general, "\(cell)")
            }
            if case .valid(let text, _) = general, text == cell, cell.utf8.count == 18 {
                #expect(IDNumber.validKey(plain: cell, today: Given.today) != nil, "\(cell) misses the shortcut")
            }
        }
        #expect(shortcuts > 1_000)
    }
}
