import Testing

@testable import RegTrackerCore
@testable import RegTrackerRender

/// SPEC 7: the table cells that are words — 是否达标 and the 合计 label — are Chinese unless a caller (the CLI, for
/// the terminal) passes its own; files never pass any.
@Suite struct TableWordsTests {
    static let english = TableWords(yes: "yes", no: "no", total: "total")
    static let report = Report(
        target: .default,
        townships: [
            Given.figures("青石镇", population: 10, valid: 6), Given.figures("白沙镇", population: 10, valid: 1),
            Given.figures("新区", population: 0, valid: 0),
        ],
        unassigned: 0)

    @Test func cellsAreChineseByDefault() {
        #expect(Self.report.townships.map { ReportTable.row($0).last } == ["是", "否", "—"])
        #expect(ReportTable.totalsRow(Self.report)[1] == "合计")
        let sheet = ReportSheets.ranked(
            Self.report, lastSubmission: [:], date: CivilDate(year: 2026, month: 11, day: 29))
        #expect(sheet.textRows.last?[1] == "合计")
        #expect(sheet.textRows.first?[10] == "是")
    }

    @Test func theWordsGivenReplaceOnlyTheWords() {
        let rows = Self.report.townships.map { ReportTable.row($0, words: Self.english) }
        #expect(rows.map(\.last) == ["yes", "no", "—"])
        #expect(
            rows.map { Array($0.dropLast()) } == Self.report.townships.map { Array(ReportTable.row($0).dropLast()) })
        #expect(ReportTable.totalsRow(Self.report, words: Self.english)[1] == "total")
    }
}
