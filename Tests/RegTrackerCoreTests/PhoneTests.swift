import Testing

@testable import RegTrackerCore

/// SPEC 1.5, phone: spaces, hyphens and a country prefix removed; valid when `1[3-9]\d{9}`.
@Suite("Phones")
struct PhoneTests {
    @Test(
        "a mobile number in any common spelling is valid as its 11 digits",
        arguments: [
            "13800138000",
            "138 0013 8000",
            "138-0013-8000",
            "+8613800138000",
            "+86 138 0013 8000",
            "+86-138-0013-8000",
            "008613800138000",
            "0086 13800138000",
            "8613800138000",
            "86 138 0013 8000",
            "１３８００１３８０００",
            "＋８６１３８００１３８０００",
            "\u{200B}13800138000\u{FEFF}",
            "\u{3000}13800138000\u{3000}",
        ])
    func validSpellings(text: String) {
        #expect(Phone.parse(text: text) == .valid("13800138000", key: 13_800_138_000))
    }

    @Test("every second digit from 3 to 9 is a mobile number", arguments: 3...9)
    func secondDigits(second: Int) {
        let text = "1\(second)012345678"
        #expect(Phone.parse(text: text) == .valid(text, key: Int64(text)!))
    }

    @Test("a valid phone is stored without its text, which its key gives back; a masked one keeps its text")
    func textFromKey() {
        let valid = Phone.parse(text: "+86 138-0013-8000")
        #expect(valid.storedText == nil)
        #expect(Phone.text(stored: valid.storedText, key: valid.key) == "13800138000")
        let masked = Phone.parse(text: "138****8000")
        #expect(masked.storedText == "138****8000")
        #expect(Phone.text(stored: masked.storedText, key: masked.key) == "138****8000")
    }

    @Test("a phone from a numeric cell keeps its 11 digits")
    func numericCell() {
        #expect(Phone.parse(.number(13_800_138_000)) == .valid("13800138000", key: 13_800_138_000))
    }

    @Test(
        "a number that is not an 11-digit mobile number starting 13–19 is malformed",
        arguments: [
            "12345678901",  // second digit 2
            "10012345678",  // second digit 0
            "23800138000",  // does not start with 1
            "1380013800",  // 10 digits
            "138001380001",  // 12 digits
            "0571-88888888",  // a landline
            "86138001380",  // 11 digits starting 86: no prefix to remove
            "+861380013800",  // +86 and only 10 digits
            "1380013800a",
            "电话",
        ])
    func malformed(text: String) {
        #expect(
            Phone.parse(text: text)
                .englishReason == "phone number is not an 11-digit mobile number starting 13–19")
    }

    @Test("scientific notation has lost digits and is malformed", arguments: ["1.38001E+10", "1.38E10"])
    func scientificNotation(text: String) {
        #expect(Phone.parse(text: text) == .malformed(.phoneScientific, received: text))
    }

    @Test(
        "a value containing * is masked and never a key",
        arguments: [("138****5678", "138****5678"), ("138 **** 5678", "138****5678")])
    func masked(text: String, stored: String) {
        let result = Phone.parse(text: text)
        #expect(result == .masked(stored))
        #expect(result.key == nil)
    }

    @Test("an empty or blank cell is absent", arguments: [Cell.empty, .text(""), .text(" \u{200B} ")])
    func absent(cell: Cell) {
        #expect(Phone.parse(cell) == .absent)
    }

    @Test(
        "a Boolean or date cell is not a phone number",
        arguments: [Cell.bool(true), .date(CellDate(year: 2022, month: 6, day: 1))])
    func notText(cell: Cell) {
        #expect(Phone.parse(cell).malformedReason != nil)
    }

    @Test("the shortcut for a number valid as it stands agrees with the general path on every kind of cell")
    func shortcutAgreesWithTheGeneralPath() {
        var random = SeededRandom(seed: 13)
        let alphabet = Array("0123456789+-* ()")
        var cells = ["13812345678", "12812345678", "1381234567", "138123456789", "+8613812345678", "138 1234 5678"]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...9, using: &random) == 0 ? Int.random(in: 9...14, using: &random) : 11
            var text = Int.random(in: 0...3, using: &random) > 0 ? "1" : ""
            while text.count < length {
                let digitsOnly = Int.random(in: 0...30, using: &random) > 0
                let digit = alphabet[Int.random(in: 0...9, using: &random)]
                text.append(digitsOnly ? digit : alphabet.randomElement(using: &random)!)
            }
            cells.append(text)
        }
        var shortcuts = 0
        for cell in cells {
            let general = Phone.parseCleaning(text: cell)
            if let key = Phone.validKey(plain: cell) {
                shortcuts += 1
                #expect(general == .valid(cell, key: key), "\(cell)")
            } else {
                #expect(Phone.parse(text: cell) == general, "\(cell)")
            }
            if case .valid(let text, _) = general, text == cell {
                #expect(Phone.validKey(plain: cell) != nil, "\(cell) misses the shortcut")
            }
        }
        #expect(shortcuts > 1_000)
    }
}
