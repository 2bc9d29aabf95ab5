import RegTrackerCore

/// 较上期 as the ranked report shows it: three columns of the table, a note, and `change` in the JSON.
extension ReportChange {
    public static let headings = ["较上期有效数", "较上期注册率（百分点）", "名次变化"]

    /// The three cells of a township: `+100`, `+10.00`, `+1`, or `—` where there is nothing to compare.
    public static func cells(_ figures: TownshipFigures, since notice: Notice) -> [ReportSheet.Cell] {
        let change = NoticeRules.change(figures, against: notice)
        return [
            .text(change.map { NoticeDocument.signed($0.valid) } ?? "—"),
            .text(change.map { NoticeDocument.signedPoints($0.rateMillionths) } ?? "—"),
            .text(change.map { NoticeDocument.signed(Int64($0.rank)) } ?? "—"),
        ]
    }

    /// The ranked sheet with the three columns appended (the totals row gets empty cells) and a note naming the
    /// notice compared with.
    public static func sheet(_ sheet: ReportSheet, report: Report, since notice: Notice) -> ReportSheet {
        var sheet = sheet
        sheet.headings += headings
        sheet.rows = sheet.rows.enumerated().map { index, row in
            var row = row
            row.cells +=
                index < report.townships.count
                ? cells(report.townships[index], since: notice) : headings.map { _ in .text("") }
            return row
        }
        sheet.notes.append(note(notice))
        return sheet
    }

    public static func note(_ notice: Notice) -> String {
        "较上期：与 \(notice.period.description) 通报（截至\(ChineseDates.day(notice.period.end))，"
            + "\(ChineseDates.day(notice.issued))印发）比较；名次变化为正表示上升。"
    }

    /// `report --json` with each township's `change` and the notice compared with (`since_notice`).
    public static func json(_ report: Report, since notice: Notice) -> JSONValue {
        guard case .object(var members) = ReportJSON.report(report) else { return .null }
        members = members.map { key, value in
            guard key == "townships", case .array(let townships) = value else { return (key, value) }
            return (
                key,
                .array(
                    zip(townships, report.townships).map { json, figures in
                        guard case .object(var fields) = json else { return json }
                        fields.append(
                            ("change", NoticeRules.change(figures, against: notice).map(NoticeJSON.change) ?? .null))
                        return .object(fields)
                    })
            )
        }
        members.append(("since_notice", .string(notice.period.description)))
        return .object(members)
    }
}
