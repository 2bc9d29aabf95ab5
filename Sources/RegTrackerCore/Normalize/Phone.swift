/// Mobile phone numbers, SPEC 1.5.
public enum Phone {
    /// A stored phone's text: the text kept (`KeyedValue.storedText`) or else the 11 digits its key is.
    public static func text(stored: String?, key: Int64?) -> String? {
        stored ?? key.map { String($0) }
    }

    public static func parse(_ cell: Cell) -> KeyedValue {
        switch cell {
        case .empty: return .absent
        case .number(let value):
            guard value == value.rounded(), value >= 0, value < 1e15 else {
                return .malformed(.phoneStoredAsNumber, received: cell.displayText)
            }
            return parse(text: String(Int64(value)))
        case .bool, .date, .error:
            return .malformed(.phoneNotText, received: cell.displayText)
        case .text(let raw):
            return parse(text: raw)
        }
    }

    public static func parse(text raw: String) -> KeyedValue {
        if let key = validKey(plain: raw) { return .valid(raw, key: key) }
        return parseCleaning(text: raw)
    }

    /// `parse(text:)` without its shortcut for a valid number as it stands.
    static func parseCleaning(text raw: String) -> KeyedValue {
        // `（+86）138 1234 5678`: parentheses around a country or area code are dropped (SPEC 1.5).
        var bytes = CompactBytes.of(raw, removingParentheses: true)
        guard !bytes.isEmpty else { return .absent }
        func malformed(_ reason: Reason) -> KeyedValue { .malformed(reason, received: CellText.clean(raw)) }
        if bytes.contains(UInt8(ascii: "*")) { return .masked(String(decoding: bytes, as: UTF8.self)) }
        if ScientificNotation.matches(bytes) {
            return malformed(.phoneScientific)
        }
        if bytes.starts(with: "+86".utf8) {
            bytes.removeFirst(3)
        } else if bytes.starts(with: "0086".utf8) {
            bytes.removeFirst(4)
        } else if bytes.starts(with: "86".utf8), bytes.count == 13 {
            bytes.removeFirst(2)
        }
        guard bytes.count == 11, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), bytes[0] == UInt8(ascii: "1"),
            bytes[1] >= UInt8(ascii: "3")
        else {
            return malformed(.phoneNotMobile)
        }
        let key = bytes.reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) }
        return .valid(String(decoding: bytes, as: UTF8.self), key: key)
    }

    /// The key of a cell that is a valid mobile number as it stands (11 digits, `1` then `3` to `9`): nearly every
    /// cell of a list, checked on its bytes without the copies the general path makes. Nil for any other cell,
    /// which the general path then decides, with the same result for this one.
    static func validKey(plain text: String) -> Int64? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int64? in
            guard bytes.count == 11, bytes[0] == UInt8(ascii: "1"), bytes[1] >= UInt8(ascii: "3") else { return nil }
            var key: Int64 = 0
            for byte in bytes {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                key = key * 10 + Int64(byte - 0x30)
            }
            return key
        } ?? nil
    }
}
