/// How personal numbers appear anywhere a person reads them: reports, messages, logs.
public enum Mask {
    /// `510102********1234`
    public static func idNumber(_ value: String) -> String { masked(value, keepFirst: 6, keepLast: 4) }

    /// `138****5678`
    public static func phone(_ value: String) -> String { masked(value, keepFirst: 3, keepLast: 4) }

    public static func display(_ value: KeyedValue, isPhone: Bool) -> String {
        switch value {
        case .absent, .malformed: ""
        case .valid(let text, _): isPhone ? phone(text) : idNumber(text)
        case .masked(let text): text
        }
    }

    /// Any raw text: long digit runs are masked like ID numbers (15 or more) or phones (8 or more).
    public static func digits(in text: String) -> String {
        // No ASCII digit, no run: the text as it is (most names and township texts).
        guard text.utf8.contains(where: isDigit) else { return text }
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiDigits(in: text) }
        var result = ""
        var run = ""
        func flush() {
            result += run.count >= 15 ? idNumber(run) : run.count >= 8 ? phone(run) : run
            run = ""
        }
        for character in text {
            let continuesRun = character.isASCII && (character.isNumber || (!run.isEmpty && "Xx".contains(character)))
            if continuesRun {
                run.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    /// An ID number or phone cell as received, wrong ones included, so that the clerk sees what to correct: its
    /// digits are counted together whatever stands between them (`5101-0219-8007-2120-20`, `138 0000 1234`) and
    /// masked like an ID number (15 or more) or a phone (8 or more); what separates them stays.
    public static func cell(_ text: String) -> String {
        var bytes = Array(text.utf8)
        // Digits, and an X right after a digit (an ID number's check character).
        var positions: [Int] = []
        for (index, byte) in bytes.enumerated()
        where isDigit(byte) || ((byte == UInt8(ascii: "X") || byte == UInt8(ascii: "x")) && index > 0 && isDigit(bytes[index - 1])) {
            positions.append(index)
        }
        guard let (first, last) = keptEnds(digits: positions.count) else { return text }
        for position in positions[first..<(positions.count - last)] { bytes[position] = UInt8(ascii: "*") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// How many digits a run of `digits` keeps at each end: an ID number's (15 or more), a phone's (8 or more), or
    /// nil for a run too short to mask.
    private static func keptEnds(digits: Int) -> (first: Int, last: Int)? {
        digits >= 15 ? (6, 4) : digits >= 8 ? (3, 4) : nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// `digits(in:)` of ASCII text, on bytes (an ID number or phone as received, the common case: `rejects --out`
    /// masks four cells a row). In ASCII every character is one byte but CR LF, which is neither digit nor X, so
    /// it flushes a run and is copied the same either way.
    private static func asciiDigits(in text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var runStart = 0
        func flush() {
            let run = result.count - runStart
            if let (first, last) = keptEnds(digits: run) {
                for index in (runStart + first)..<(result.count - last) { result[index] = UInt8(ascii: "*") }
            }
            runStart = result.count
        }
        for byte in text.utf8 {
            let continuesRun =
                isDigit(byte) || (result.count > runStart && (byte == UInt8(ascii: "X") || byte == UInt8(ascii: "x")))
            if !continuesRun { flush() }
            result.append(byte)
            if !continuesRun { runStart = result.count }
        }
        flush()
        return String(decoding: result, as: UTF8.self)
    }

    private static func masked(_ value: String, keepFirst: Int, keepLast: Int) -> String {
        let characters = Array(value)
        guard characters.count > keepFirst + keepLast else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(keepFirst)) + String(repeating: "*", count: characters.count - keepFirst - keepLast)
            + String(characters.suffix(keepLast))
    }
}
