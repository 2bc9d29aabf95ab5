import RegTrackerCore

/// The village table (SPEC 5) for people: the township table's columns and cells (`ReportSheets.cells`), with the
/// columns of `VillageTable`.
extension ReportSheets {
    public static func villages(_ report: VillageReport, date: CivilDate) -> ReportSheet {
        let withTownship = report.township == nil
        let rows = report.villages.map { village in
            var cells = cells(village.figures)
            cells.insert(.text(village.figures.target.percentText), at: 3)
            if withTownship { cells.insert(.text(village.townshipLabel), at: 2) }
            return ReportSheet.Row(cells, style: village.figures.met == false ? .unmet : .normal)
        }
        var notes = [
            "未匹配村（社区）的行（村（社区）栏为空或不在人口底数中，只计入乡镇）：上报 \(report.unmatched.reported) 行，"
                + "有效 \(report.unmatched.valid) 行。"
        ]
        let withoutRate = report.villages.filter { !$0.figures.hasRate }
        if !withoutRate.isEmpty {
            notes.append(withoutRate.map(chartName(withTownship)).joined(separator: "、") + "：实有人口为 0，无注册率，不参与排名。")
        }
        return ReportSheet(
            title: "\(report.townshipLabel ?? "全县")各村（社区）注册率排名（\(date.iso8601Unchecked)，目标 \(report.target.percentText)）",
            headings: VillageTable.headings(withTownship: withTownship), rows: rows, notes: notes)
    }

    /// The bar chart of the village rates with each village's target mark; in the county-wide list each bar is
    /// named `村（乡镇）`.
    public static func villageChart(_ report: VillageReport) -> RateChart {
        let name = chartName(report.township == nil)
        let figures = report.villages.map { village in
            var figures = village.figures
            figures.township = name(village)
            return figures
        }
        return RateChart(report: Report(target: report.target, townships: figures, unassigned: 0))
    }

    private static func chartName(_ withTownship: Bool) -> (VillageStanding) -> String {
        { withTownship ? "\($0.village)（\($0.townshipLabel)）" : $0.village }
    }
}
