import RegTrackerCore

/// The tables people read (SPEC 4), built once from the figures and rendered by every format alike.
public enum ReportSheets {
    /// The ranked table's headings: SPEC 2's Chinese names and the last submission date.
    public static let rankedHeadings = ReportTable.headings + [lastSubmissionHeading]
    public static let lastSubmissionHeading = "最近报送"
    /// Shown in 最近报送 for a township with no registration rows in any active batch.
    public static let neverSubmitted = "未报送"

    /// `国家反诈中心APP注册率排名（2026-11-29，目标 50%）`
    /// `county`: the county whose townships the report ranks (SPEC 8), named first.
    public static func rankedTitle(_ report: Report, date: CivilDate, county: String? = nil) -> String {
        "\(county ?? "")国家反诈中心APP注册率排名（\(date.iso8601Unchecked)，目标 \(report.target.percentText)）"
    }

    /// The ranked table of every township with the totals row; townships below target are marked.
    public static func ranked(
        _ report: Report, lastSubmission: [String: String], date: CivilDate, county: String? = nil
    ) -> ReportSheet {
        let rows = report.townships.map { figures in
            ReportSheet.Row(
                cells(figures) + [.text(lastSubmission[figures.label] ?? neverSubmitted)],
                style: figures.met == false ? .unmet : .normal)
        }
        let totals = ReportSheet.Row(
            totalsCells(report.townships, population: report.totalPopulation) + [.text("")], style: .totals)
        return ReportSheet(
            title: rankedTitle(report, date: date, county: county), headings: rankedHeadings, rows: rows + [totals],
            notes: notes(report))
    }

    /// Townships below target, worst rate first, with the totals of what they still need.
    public static func shortfall(_ report: Report, date: CivilDate) -> ReportSheet {
        let below = report.shortfall
        let rows = below.map { ReportSheet.Row(cells($0), style: .unmet) }
        let population = below.reduce(0) { $0 + $1.population }
        let totals = below.isEmpty ? [] : [ReportSheet.Row(totalsCells(below, population: population), style: .totals)]
        var notes = ["共 \(report.townships.filter(\.hasRate).count) 个乡镇参与排名，未达标 \(below.count) 个。"]
        if below.isEmpty { notes.append("所有乡镇均已达标。") }
        return ReportSheet(
            title: "未达标乡镇（\(date.iso8601Unchecked)，目标 \(report.target.percentText)）",
            headings: ReportTable.headings, rows: rows + totals, notes: notes)
    }

    /// 未报送名单: townships with no registration batch since `since`, with their last submission if any.
    public static func missing(
        _ townships: [(township: String, lastSubmission: String?)], since: CivilDate, date: CivilDate
    )
        -> ReportSheet
    {
        ReportSheet(
            title: "未报送名单（\(since.iso8601Unchecked) 以来无报送，截至 \(date.iso8601Unchecked)）",
            headings: ["序号", "乡镇", lastSubmissionHeading],
            rows: townships.enumerated().map { position, township in
                ReportSheet.Row([
                    .integer(Int64(position + 1)), .text(township.township),
                    .text(township.lastSubmission ?? neverSubmitted),
                ])
            })
    }

    /// One township's cells under `ReportTable.headings`.
    public static func cells(_ figures: TownshipFigures, words: TableWords = .chinese) -> [ReportSheet.Cell] {
        let counts = figures.counts
        return [
            figures.rank.map { .integer(Int64($0)) } ?? .text("—"), .text(figures.label),
            .integer(figures.population),
            .integer(counts.reported), .integer(counts.invalid), .integer(counts.duplicates), .integer(counts.valid),
            figures.hasRate ? .rate(numerator: counts.valid, denominator: figures.population) : .text("—"),
            .integer(figures.required), .integer(figures.shortfall), .text(words.met(figures.met)),
        ]
    }

    /// The 合计 row over `townships` under `ReportTable.headings`.
    public static func totalsCells(
        _ townships: [TownshipFigures], population: Int64, words: TableWords = .chinese
    ) -> [ReportSheet.Cell] {
        let totals = townships.reduce(into: OutcomeCounts()) { sum, township in
            sum.malformed += township.counts.malformed
            sum.flagged += township.counts.flagged
            sum.listed += township.counts.listed
            sum.duplicates += township.counts.duplicates
            sum.valid += township.counts.valid
        }
        return [
            .text(""), .text(words.total), .integer(population), .integer(totals.reported), .integer(totals.invalid),
            .integer(totals.duplicates), .integer(totals.valid),
            population > 0 ? .rate(numerator: totals.valid, denominator: population) : .text("—"),
            .integer(townships.reduce(0) { $0 + $1.required }), .integer(townships.reduce(0) { $0 + $1.shortfall }),
            .text(""),
        ]
    }

    /// What the table alone does not say: rows matching no township, townships that cannot be ranked.
    public static func notes(_ report: Report) -> [String] {
        var notes: [String] = []
        if report.unassigned > 0 {
            notes.append("另有 \(report.unassigned) 行的乡镇不在人口底数中（未匹配乡镇），不计入任何乡镇，见退回名单。")
        }
        for township in report.townshipsWithoutPopulation {
            notes.append("\(township.label)：实有人口为 0，无注册率、无排名，不画条形。")
        }
        return notes
    }
}
