/// One spreadsheet or CSV cell as the reader saw it, before any normalisation.
///
/// The type matters to the rules: an ID number that arrived as a number has lost digits,
/// a Boolean cell is a verdict, a numeric cell in a date column is an Excel serial.
public enum Cell: Sendable, Equatable {
    case empty
    case text(String)
    case number(Double)
    case bool(Bool)
    case date(CellDate)
    /// A spreadsheet error value such as `#DIV/0!`.
    case error(String)

    /// The cell as a person would read it, used for raw storage and messages.
    public var displayText: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(let value): NumberText.shortest(value)
        case .bool(let value): value ? "true" : "false"
        case .date(let date): date.iso8601
        case .error(let code): code
        }
    }

    public var isBlank: Bool {
        switch self {
        case .empty: true
        case .text(let text): CellText.isBlank(text)
        default: false
        }
    }
}

/// A calendar date with an optional time of day, as spreadsheets store them.
public struct CellDate: Sendable, Equatable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    public var hasTime: Bool { hour != 0 || minute != 0 || second != 0 }

    /// `2022-06-01`, or `2022-06-01T08:30:00` when there is a time of day.
    public var iso8601: String {
        // Written on the stack: every dated row of an import stores one.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { bytes in
            var count = 0
            func append(_ byte: UInt8) {
                bytes[count] = byte
                count += 1
            }
            func append(_ value: Int, digits: Int) {
                var divisor = 1
                for _ in 1..<digits { divisor *= 10 }
                if value >= divisor * 10 {
                    for byte in String(value).utf8 { append(byte) }
                    return
                }
                while divisor > 0 {
                    append(UInt8(0x30 + (value / divisor) % 10))
                    divisor /= 10
                }
            }
            append(year, digits: 4)
            append(UInt8(ascii: "-"))
            append(month, digits: 2)
            append(UInt8(ascii: "-"))
            append(day, digits: 2)
            if hasTime {
                append(UInt8(ascii: "T"))
                append(hour, digits: 2)
                append(UInt8(ascii: ":"))
                append(minute, digits: 2)
                append(UInt8(ascii: ":"))
                append(second, digits: 2)
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<count]), as: UTF8.self)
        }
    }
}
