/// Mobile phone numbers, SPEC 1.5.
public enum Phone {
    public static func parse(_ cell: Cell) -> KeyedValue {
        switch cell {
        case .empty: return .absent
        case .number(let value):
            guard value == value.rounded(), value >= 0, value < 1e15 else {
                return .malformed(reason: "phone number stored as a number; digits lost")
            }
            return parse(text: String(Int64(value)))
        case .bool, .date, .error:
            return .malformed(reason: "phone number is not text")
        case .text(let raw):
            return parse(text: raw)
        }
    }

    public static func parse(text raw: String) -> KeyedValue {
        var text = CellText.clean(raw)
        guard !text.isEmpty else { return .absent }
        text.removeAll { $0 == " " || $0 == "-" }
        if text.contains("*") { return .masked(text) }
        if ScientificNotation.matches(text) {
            return .malformed(reason: "phone number in scientific notation; digits lost")
        }
        if text.hasPrefix("+86") {
            text.removeFirst(3)
        } else if text.hasPrefix("0086") {
            text.removeFirst(4)
        } else if text.hasPrefix("86"), text.utf8.count == 13 {
            text.removeFirst(2)
        }
        let bytes = Array(text.utf8)
        guard bytes.count == 11, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), bytes[0] == UInt8(ascii: "1"),
            bytes[1] >= UInt8(ascii: "3")
        else {
            return .malformed(reason: "phone number is not an 11-digit mobile number starting 13–19")
        }
        let key = bytes.reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) }
        return .valid(text, key: key)
    }
}
