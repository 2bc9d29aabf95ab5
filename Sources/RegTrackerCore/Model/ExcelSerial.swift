/// Excel's serial day numbers (1900 date system unless told otherwise).
public enum ExcelSerial {
    /// The date and time a serial stands for. Serial 60 is Excel's fictitious 1900-02-29 and has no date.
    public static func date(_ serial: Double, uses1904: Bool = false) -> CellDate? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 {
            days += 1
            seconds -= 86_400
        }
        let epochDays: Int
        if uses1904 {
            epochDays = CivilDate(year: 1904, month: 1, day: 1).daysSinceEpoch + days
        } else {
            guard days >= 1, days != 60 else { return nil }
            // Excel counts 1900-02-29, which never was: serials from 61 on are one day ahead.
            epochDays = CivilDate(year: 1899, month: 12, day: 31).daysSinceEpoch + (days > 60 ? days - 1 : days)
        }
        let civil = CivilDate(daysSinceEpoch: epochDays)
        return CellDate(
            year: civil.year, month: civil.month, day: civil.day,
            hour: seconds / 3600, minute: seconds / 60 % 60, second: seconds % 60)
    }
}
