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
        case .text(let text): CellText.clean(text).isEmpty
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
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        guard hasTime else { return date }
        return "\(date)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
