import RegTrackerCore

/// Dates as spreadsheets store them: Excel serial numbers and ISO-like text.
enum ExcelDates {
    /// The date of an Excel serial day number (`ExcelSerial`: 1900 system with its fictitious
    /// 1900-02-29 at serial 60, or 1904), or nil when it names no real date.
    static func date(serial: Double, date1904: Bool) -> CellDate? {
        ExcelSerial.date(serial, uses1904: date1904)
    }

    /// `2022-06-01`, `2022-06-01T08:30:00.000`, `2022-06-01 08:30:00` (SpreadsheetML, `t="d"`).
    static func date(isoText text: String) -> CellDate? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == 45, bytes[7] == 45,
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            isValid(year: year, month: month, day: day)
        else { return nil }
        var date = CellDate(year: year, month: month, day: day)
        if bytes.count > 10 {
            guard bytes[10] == 84 || bytes[10] == 32, bytes.count >= 16, bytes[13] == 58,  // 'T' or ' ', ':'
                let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60
            else { return nil }
            date.hour = hour
            date.minute = minute
            if bytes.count >= 19, bytes[16] == 58, let second = number(17..<19), second < 60 {
                date.second = second
            }
        }
        return date
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard year >= 1, month >= 1, month <= 12, day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
