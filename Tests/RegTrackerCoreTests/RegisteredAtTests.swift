import Testing

@testable import RegTrackerCore

/// SPEC 1.5, registered_at: the common date spellings, spreadsheet dates and Excel serials; never invalidating.
@Suite("Registration dates")
struct RegisteredAtTests {
    static let june1 = CellDate(year: 2022, month: 6, day: 1)

    @Test(
        "the common date spellings are read as dates",
        arguments: [
            "2022-06-01", "2022/6/1", "2022.6.1", "2022年6月1日", "2022-6-1", "2022/06/01", " 2022年06月01日 ", "２０２２-０６-０１",
        ])
    func dateSpellings(text: String) {
        #expect(RegisteredAt.parse(.text(text)) == .date(Self.june1))
    }

    @Test(
        "a date may carry a time of day",
        arguments: [
            ("2022-06-01 08:30", CellDate(year: 2022, month: 6, day: 1, hour: 8, minute: 30)),
            ("2022/6/1 8:30:15", CellDate(year: 2022, month: 6, day: 1, hour: 8, minute: 30, second: 15)),
            ("2022.6.1 23:59", CellDate(year: 2022, month: 6, day: 1, hour: 23, minute: 59)),
            ("2022年6月1日 8:05", CellDate(year: 2022, month: 6, day: 1, hour: 8, minute: 5)),
            ("2022-06-01T08:30:00", CellDate(year: 2022, month: 6, day: 1, hour: 8, minute: 30)),
        ])
    func withTime(text: String, date: CellDate) {
        #expect(RegisteredAt.parse(.text(text)) == .date(date))
    }

    @Test("a spreadsheet date cell is kept as it is")
    func dateCell() {
        let date = CellDate(year: 2022, month: 6, day: 1, hour: 9, minute: 15)
        #expect(RegisteredAt.parse(.date(date)) == .date(date))
        #expect(RegisteredAt.parse(.date(date)).storedText == "2022-06-01T09:15:00")
    }

    @Test(
        "a numeric cell is an Excel serial in the 1900 date system",
        arguments: [
            (44713.0, CellDate(year: 2022, month: 6, day: 1)),
            (44713.5, CellDate(year: 2022, month: 6, day: 1, hour: 12)),
            (1.0, CellDate(year: 1900, month: 1, day: 1)),
            (59.0, CellDate(year: 1900, month: 2, day: 28)),
            (61.0, CellDate(year: 1900, month: 3, day: 1)),
            (45292.0, CellDate(year: 2024, month: 1, day: 1)),
        ])
    func excelSerial(serial: Double, date: CellDate) {
        #expect(RegisteredAt.parse(.number(serial)) == .date(date))
    }

    @Test(
        "an unparseable value is kept as text",
        arguments: ["6月1日", "上周", "2022-02-30", "2022-13-01", "1899-12-31", "2022-06-01 25:00", "20220601"])
    func keptAsText(text: String) {
        #expect(RegisteredAt.parse(.text(text)) == .text(text))
    }

    @Test("an empty cell is absent and stores nothing", arguments: [Cell.empty, .text(""), .text("\u{3000}")])
    func absent(cell: Cell) {
        #expect(RegisteredAt.parse(cell) == .absent)
        #expect(RegisteredAt.parse(cell).storedText == nil)
    }

    @Test("an unparseable date does not make a registration malformed")
    func neverInvalidates() {
        var registration = Given.registration(township: "青石镇", id: "11010519491231002X")
        registration.registeredAt = RegisteredAt.parse(.text("上周"))
        #expect(registration.problems.isEmpty)
    }

    /// The time as lists write it, from the stored text alone (raw cells equal to it refer to the column).
    @Test func theStoredTimeAsListsWriteIt() {
        #expect(RegisteredAt.asWritten(stored: "2026-03-28T09:42:00") == "2026-03-28 09:42")
        #expect(RegisteredAt.asWritten(stored: "2026-03-28T09:42:15") == "2026-03-28 09:42:15")
        #expect(RegisteredAt.asWritten(stored: "2026-03-28T09:42:10") == "2026-03-28 09:42:10")
        #expect(RegisteredAt.asWritten(stored: "2026-03-28") == "2026-03-28")
        #expect(RegisteredAt.asWritten(stored: "昨天下午") == "昨天下午")
        #expect(RegisteredAt.asWritten(stored: "2026-03-28 09:42:00") == "2026-03-28 09:42:00")
        #expect(RegisteredAt.asWritten(stored: nil) == nil)
        let stored = RegisteredAt.parse(.text("2026-03-28 09:42")).storedText
        #expect(RegisteredAt.asWritten(stored: stored) == "2026-03-28 09:42")
    }
}
