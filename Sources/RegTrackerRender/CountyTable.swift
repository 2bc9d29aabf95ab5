import RegTrackerCore

/// The counties ranked (SPEC 8: `report --by county`) as rows of text with Chinese headings, as `ReportTable`; the
/// terminal passes `words` in the CLI's language.
public enum CountyTable {
    public static let headings = [
        "排名", "县（区）", "乡镇数", "实有人口", "上报数", "无效数", "重复数", "有效数", "注册率", "目标人数", "差额", "是否达标",
    ]

    public static func row(_ figures: CountyFigures, words: TableWords = .chinese) -> [String] {
        cells(figures, words: words).map(\.text)
    }

    public static func totalsRow(_ report: CountyReport, words: TableWords = .chinese) -> [String] {
        totalsCells(report, words: words).map(\.text)
    }

    /// One county's row, typed for the files (a rate stays a number in the workbook).
    static func cells(_ figures: CountyFigures, words: TableWords = .chinese) -> [ReportSheet.Cell] {
        let counts = figures.counts
        return [
            figures.rank.map { .integer(Int64($0)) } ?? .text("—"), .text(figures.county),
            .integer(Int64(figures.townships)), .integer(figures.population), .integer(counts.reported),
            .integer(counts.invalid), .integer(counts.duplicates), .integer(counts.valid),
            figures.hasRate ? .rate(numerator: counts.valid, denominator: figures.population) : .text("—"),
            .integer(figures.required), .integer(figures.shortfall), .text(words.met(figures.met)),
        ]
    }

    static func totalsCells(_ report: CountyReport, words: TableWords = .chinese) -> [ReportSheet.Cell] {
        let totals = report.totals
        let population = report.totalPopulation
        return [
            .text(""), .text(words.total), .integer(Int64(report.counties.reduce(0) { $0 + $1.townships })),
            .integer(population), .integer(totals.reported), .integer(totals.invalid), .integer(totals.duplicates),
            .integer(totals.valid),
            population > 0 ? .rate(numerator: totals.valid, denominator: population) : .text("—"),
            .integer(report.counties.reduce(0) { $0 + $1.required }),
            .integer(report.counties.reduce(0) { $0 + $1.shortfall }), .text(""),
        ]
    }

    /// `report --by county --out`: the counties ranked, counties below target marked, with the totals row.
    public static func sheet(_ report: CountyReport, date: CivilDate) -> ReportSheet {
        let rows = report.counties.map { ReportSheet.Row(cells($0), style: $0.met == false ? .unmet : .normal) }
        return ReportSheet(
            title: "各县（区）国家反诈中心APP注册率排名（\(date.iso8601Unchecked)，目标 \(report.target.percentText)）",
            headings: headings, rows: rows + [ReportSheet.Row(totalsCells(report), style: .totals)],
            notes: ["县（区）的各项数字为其各乡镇之和；注册率 = 有效数 ÷ 实有人口；差额为其各乡镇差额之和。"])
    }
}
