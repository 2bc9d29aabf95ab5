import RegTrackerCore

/// The counties ranked (SPEC 8: `report --by county`) as rows of text with Chinese headings, as `ReportTable`; the
/// terminal passes `words` in the CLI's language.
public enum CountyTable {
    public static let headings = [
        "排名", "县（区）", "乡镇数", "实有人口", "上报数", "无效数", "重复数", "有效数", "注册率", "目标人数", "差额", "是否达标",
    ]

    public static func row(_ figures: CountyFigures, words: TableWords = .chinese) -> [String] {
        let counts = figures.counts
        let cells: [ReportSheet.Cell] = [
            figures.rank.map { .integer(Int64($0)) } ?? .text("—"), .text(figures.county),
            .integer(Int64(figures.townships)), .integer(figures.population), .integer(counts.reported),
            .integer(counts.invalid), .integer(counts.duplicates), .integer(counts.valid),
            figures.hasRate ? .rate(numerator: counts.valid, denominator: figures.population) : .text("—"),
            .integer(figures.required), .integer(figures.shortfall), .text(words.met(figures.met)),
        ]
        return cells.map(\.text)
    }

    public static func totalsRow(_ report: CountyReport, words: TableWords = .chinese) -> [String] {
        let totals = report.totals
        let population = report.totalPopulation
        let cells: [ReportSheet.Cell] = [
            .text(""), .text(words.total), .integer(Int64(report.counties.reduce(0) { $0 + $1.townships })),
            .integer(population), .integer(totals.reported), .integer(totals.invalid), .integer(totals.duplicates),
            .integer(totals.valid),
            population > 0 ? .rate(numerator: totals.valid, denominator: population) : .text("—"),
            .integer(report.counties.reduce(0) { $0 + $1.required }),
            .integer(report.counties.reduce(0) { $0 + $1.shortfall }), .text(""),
        ]
        return cells.map(\.text)
    }
}
