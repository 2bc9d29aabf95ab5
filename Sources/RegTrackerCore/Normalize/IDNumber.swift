/// Resident identity numbers (GB 11643-1999), SPEC 1.5.
public enum IDNumber {
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    /// The ISO 7064 MOD 11-2 check character for the first 17 digits.
    public static func checkCharacter(for first17: some Collection<UInt8>) -> Character {
        var sum = 0
        for (digit, weight) in zip(first17, weights) { sum += Int(digit - 0x30) * weight }
        return checkCharacters[sum % 11]
    }

    /// A stored ID number's text: the text kept (`KeyedValue.storedText`) or else the valid number its key packs.
    public static func text(stored: String?, key: Int64?) -> String? {
        if let stored { return stored }
        guard let key, key >= 0 else { return nil }
        let check = Int(key % 11)
        let digits = String(key / 11)
        let padding = String(repeating: "0", count: max(0, 17 - digits.count))
        return padding + digits + (check == 10 ? "X" : String(check))
    }

    /// Normalises and validates one id_number cell. `today` bounds the birth date.
    public static func parse(_ cell: Cell, today: CivilDate) -> KeyedValue {
        switch cell {
        case .empty: return .absent
        case .number(let value):
            // A spreadsheet keeps 15 digits exactly; an 18-digit number has lost its last digits.
            if value >= 100_000_000_000_000, value < 1_000_000_000_000_000, value == value.rounded() {
                return parse(text: String(Int64(value)), today: today)
            }
            return .malformed(.idStoredAsNumber, received: cell.displayText)
        case .bool, .date, .error:
            return .malformed(.idNotText, received: cell.displayText)
        case .text(let raw):
            return parse(text: raw, today: today)
        }
    }

    public static func parse(text raw: String, today: CivilDate) -> KeyedValue {
        if let key = validKey(plain: raw, today: today) { return .valid(raw, key: key) }
        return parseCleaning(text: raw, today: today)
    }

    /// `parse(text:today:)` without its shortcut for a valid number as it stands.
    static func parseCleaning(text raw: String, today: CivilDate) -> KeyedValue {
        var bytes = CompactBytes.of(raw)
        guard !bytes.isEmpty else { return .absent }
        func malformed(_ reason: Reason) -> KeyedValue { .malformed(reason, received: CellText.clean(raw)) }
        if bytes.contains(UInt8(ascii: "*")) { return .masked(String(decoding: bytes, as: UTF8.self)) }
        if ScientificNotation.matches(bytes) {
            return malformed(.idStoredAsNumber)
        }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        if bytes.count == 15 {
            guard bytes.allSatisfy(isDigit) else {
                return malformed(.idFifteenNotDigits)
            }
            bytes.insert(contentsOf: Array("19".utf8), at: 6)
            bytes.append(checkCharacter(for: bytes).asciiValue!)
        }
        guard bytes.count == 18 else {
            // Characters, not bytes: `张三` has 2.
            return malformed(.idLength(characters: String(decoding: bytes, as: UTF8.self).count))
        }
        guard bytes.prefix(17).allSatisfy(isDigit), isDigit(bytes[17]) || bytes[17] == UInt8(ascii: "X") else {
            return malformed(.idCharacters)
        }
        guard checkCharacter(for: bytes.prefix(17)).asciiValue == bytes[17] else {
            return malformed(.idCheckDigit)
        }
        let birth = birthDate(of: bytes)
        guard isBirthDate(birth, today: today) else {
            return malformed(.idBirthDate(birth.iso8601Unchecked))
        }
        // 17 digits then the check character (X = 10) packed into one integer key.
        let check = bytes[17] == UInt8(ascii: "X") ? 10 : Int(bytes[17]) - 0x30
        let key = bytes.prefix(17).reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) } * 11 + Int64(check)
        return .valid(String(decoding: bytes, as: UTF8.self), key: key)
    }
}

extension IDNumber {
    /// Digits 7 to 14 of an ID number's 18 (ASCII digits there), YYYYMMDD, as a date that may not be one.
    static func birthDate(of bytes: some RandomAccessCollection<UInt8>) -> CivilDate {
        func number(_ offsets: Range<Int>) -> Int {
            offsets.reduce(0) { $0 * 10 + Int(bytes[bytes.index(bytes.startIndex, offsetBy: $1)]) - 0x30 }
        }
        return CivilDate(year: number(6..<10), month: number(10..<12), day: number(12..<14))
    }

    /// A calendar day from 1900 to `today`.
    static func isBirthDate(_ date: CivilDate, today: CivilDate) -> Bool {
        date.isValid && date >= CivilDate(year: 1900, month: 1, day: 1) && date <= today
    }

    /// The key of a cell that is a valid ID number as it stands (17 digits and a digit or `X`, nothing to clean):
    /// nearly every cell of a list, checked on its bytes without the copies the general path makes. Nil for any
    /// other cell, which the general path then decides, with the same result for this one.
    static func validKey(plain text: String, today: CivilDate) -> Int64? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int64? in
            guard bytes.count == 18 else { return nil }
            var first17: Int64 = 0
            for index in 0..<17 {
                let digit = Int(bytes[index]) - 0x30
                guard digit >= 0, digit <= 9 else { return nil }
                first17 = first17 * 10 + Int64(digit)
            }
            let last = bytes[17]
            let check: Int
            if last == UInt8(ascii: "X") {
                check = 10
            } else if last >= 0x30, last <= 0x39 {
                check = Int(last) - 0x30
            } else {
                return nil
            }
            guard checkCharacter(for: bytes.prefix(17)).asciiValue == last else { return nil }
            guard isBirthDate(birthDate(of: bytes), today: today) else { return nil }
            return first17 * 11 + Int64(check)
        } ?? nil
    }
}

/// `5.10102E+17`: what a spreadsheet shows for a long number it has already rounded.
enum ScientificNotation {
    static func matches(_ bytes: [UInt8]) -> Bool {
        var sawDigit = false
        var sawExponent = false
        for byte in bytes {
            switch byte {
            case 0x30...0x39: sawDigit = true
            case UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"): continue
            case UInt8(ascii: "E"), UInt8(ascii: "e"):
                if sawExponent || !sawDigit { return false }
                sawExponent = true
            default: return false
            }
        }
        return sawDigit && sawExponent
    }
}

/// A cleaned cell's UTF-8 bytes without spaces and hyphens, ASCII letters upper-cased: the form ID numbers and
/// phones are checked in.
enum CompactBytes {
    /// The cleaned text without spaces and hyphens, Latin letters uppercased, and without a leading `'` or `‘`
    /// (Excel's text marker, typed into a CSV by clerks who want the digits kept). `removingParentheses` drops `(`
    /// and `)` too (a phone's `(+86)`).
    static func of(_ raw: String, removingParentheses: Bool = false) -> [UInt8] {
        let text = CellText.clean(raw)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") {
            if removingParentheses, byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") { continue }
            bytes.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte)
        }
        if bytes.first == UInt8(ascii: "'") {
            bytes.removeFirst()
        } else if bytes.starts(with: Self.leftSingleQuote) {
            bytes.removeFirst(Self.leftSingleQuote.count)
        }
        return bytes
    }

    /// U+2018 LEFT SINGLE QUOTATION MARK in UTF-8: what a Chinese input method types for `'`.
    private static let leftSingleQuote: [UInt8] = [0xE2, 0x80, 0x98]
}
