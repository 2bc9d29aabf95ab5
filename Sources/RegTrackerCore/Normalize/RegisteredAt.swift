/// The registration date (registered_at), SPEC 1.5. It never invalidates a row.
public enum RegisteredAt: Sendable, Equatable {
    case absent
    case date(CellDate)
    /// Present but not a date we understand: kept as given.
    case text(String)

    /// ISO 8601 for dates, the cleaned text otherwise, nil when absent.
    public var storedText: String? {
        switch self {
        case .absent: nil
        case .date(let date): date.iso8601
        case .text(let text): text
        }
    }

    /// The stored time as lists write it: `2026-03-28T09:42:00` → `2026-03-28 09:42`, `…T09:42:15` →
    /// `2026-03-28 09:42:15`; any other stored text as it is. A function of the stored text alone, so that a raw
    /// cell equal to it can be stored as a reference to the column and read back exactly (`StoredRaw`).
    public static func asWritten(stored: String?) -> String? {
        guard var stored, stored.utf8.count == 19 else { return stored }
        let written = stored.withUTF8 { bytes -> String? in
            guard bytes[10] == UInt8(ascii: "T"), bytes[4] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: ":"),
                bytes[16] == UInt8(ascii: ":")
            else { return nil }
            let keepsSeconds = bytes[17] != UInt8(ascii: "0") || bytes[18] != UInt8(ascii: "0")
            return String(unsafeUninitializedCapacity: keepsSeconds ? 19 : 16) { text in
                for index in 0..<text.count { text[index] = bytes[index] }
                text[10] = UInt8(ascii: " ")
                return text.count
            }
        }
        return written ?? stored
    }

    public static func parse(_ cell: Cell) -> RegisteredAt {
        switch cell {
        case .empty: return .absent
        case .date(let date): return .date(date)
        case .number(let serial): return ExcelSerial.date(serial).map(RegisteredAt.date) ?? .text(cell.displayText)
        case .bool, .error: return .text(cell.displayText)
        case .text(let raw):
            let text = CellText.clean(raw)
            if text.isEmpty { return .absent }
            return parse(text: text).map(RegisteredAt.date) ?? .text(text)
        }
    }

    /// `2022-06-01`, `2022/6/1`, `2022.6.1`, `2022年6月1日`, each optionally followed by a time `8:30[:15]`.
    static func parse(text: String) -> CellDate? {
        // At most six numbers, kept inline: this runs for every row of a list.
        var numbers = InlineArray<6, Int>(repeating: 0)
        var count = 0
        var current: Int?
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                current = (current ?? 0) * 10 + Int(scalar.value - 0x30)
                if current! > 9999 { return nil }
            } else {
                guard isSeparator(scalar) else { return nil }
                if let value = current {
                    guard count < 6 else { return nil }
                    numbers[count] = value
                    count += 1
                }
                current = nil
            }
        }
        if let value = current {
            guard count < 6 else { return nil }
            numbers[count] = value
            count += 1
        }
        guard count == 3 || count == 5 || count == 6, numbers[0] >= 1900 else { return nil }
        let date = CivilDate(year: numbers[0], month: numbers[1], day: numbers[2])
        guard date.isValid else { return nil }
        var result = CellDate(year: date.year, month: date.month, day: date.day)
        if count >= 5 {
            guard numbers[3] < 24, numbers[4] < 60, count == 5 || numbers[5] < 60 else { return nil }
            result.hour = numbers[3]
            result.minute = numbers[4]
            result.second = count == 6 ? numbers[5] : 0
        }
        return result
    }

    /// `-` `/` `.` `年` `月` `日`, a space, `:` or `T`.
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "/", ".", "年", "月", "日", " ", ":", "T": true
        default: false
        }
    }
}
