import RegTrackerCore

/// One self-contained HTML file: inline CSS and SVG, no script, no font or image from the network. Readable on a
/// phone (each row becomes a card below 700 px) and printable on A4.
public enum HTMLPage {
    /// A report page: title, summary lines, the chart when there is one, the table and its notes.
    public static func render(_ sheet: ReportSheet, summary: [String] = [], chart: RateChart? = nil, footer: String)
        -> String
    {
        var body = ["<main>", "<h1>\(HTMLText.escape(sheet.title))</h1>"]
        body += summary.map { "<p class=\"summary\">\(HTMLText.escape($0))</p>" }
        if let chart {
            body.append("<section class=\"chart\">")
            body.append("<h2>注册率</h2>")
            body.append(
                "<p class=\"legend\"><span class=\"swatch met\"></span>已达标 <span class=\"swatch unmet\"></span>未达标 "
                    + "<span class=\"swatch target\"></span>目标 \(HTMLText.escape(chart.target.percentText))"
                    + (chart.bars.contains { $0.target != chart.target } ? "（短竖线为乡镇自己的目标）" : "") + "</p>")
            body.append(chart.bars.isEmpty ? "<p class=\"note\">没有可排名的乡镇。</p>" : chart.svg())
            for township in chart.withoutBar {
                body.append("<p class=\"note\">\(HTMLText.escape(township))：实有人口为 0，无注册率，未画条形。</p>")
            }
            body.append("</section>")
            body.append("<section class=\"ranking\">")
            body.append("<h2>排名表</h2>")
        } else {
            body.append("<section class=\"ranking\">")
        }
        body.append(table(sheet))
        if !sheet.notes.isEmpty { body.append(notes(sheet.notes)) }
        body.append("</section>")
        body.append("<footer>\(HTMLText.escape(footer))</footer>")
        body.append("</main>")
        return document(title: sheet.title, style: style, body: body)
    }

    /// A whole page: the head with its title, any further `head` lines and the inline style, then the body's lines.
    /// The report files and the dashboard's pages alike.
    public static func document(title: String, style: String, head: [String] = [], body: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        \(head.map { $0 + "\n" }.joined())<title>\(HTMLText.escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    /// A table's notes as a list.
    static func notes(_ notes: [String]) -> String {
        "<ul class=\"notes\">" + notes.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>"
    }

    /// The table: a heading row, one row a township (`township`, `unmet`) and the totals row in `tfoot`.
    static func table(_ sheet: ReportSheet) -> String {
        let labels = sheet.headings.map(HTMLText.escape)
        var lines = ["<div class=\"table-wrap\">", "<table>"]
        lines.append("<thead><tr>" + labels.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead>")
        func row(_ row: ReportSheet.Row) -> String {
            let style =
                switch row.style {
                case .normal: "row"
                case .unmet: "row unmet"
                case .totals: "totals"
                }
            // One string a row, appended to: a string a cell, then joined, cost more than the escaping (a rejects
            // page can have thousands of rows).
            var line = "<tr class=\"\(style)\">"
            for (column, cell) in row.cells.enumerated() {
                line += cell.isNumber ? "<td class=\"num\" data-label=\"" : "<td data-label=\""
                if column < labels.count { line += labels[column] }
                line += "\">"
                line += HTMLText.escape(cell.text)
                line += "</td>"
            }
            line += "</tr>"
            return line
        }
        let body = sheet.rows.filter { $0.style != .totals }
        let totals = sheet.rows.filter { $0.style == .totals }
        lines.append("<tbody>")
        lines += body.map(row)
        lines.append("</tbody>")
        if !totals.isEmpty { lines.append("<tfoot>" + totals.map(row).joined() + "</tfoot>") }
        lines += ["</table>", "</div>"]
        return lines.joined(separator: "\n")
    }

    /// What the report page and the dashboard share: the page basics, the tables, and the tables as cards on a
    /// narrow screen (inside `@media (max-width: 700px)`).
    public static let baseStyle = """
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; color: #1d2125; background: #fff; line-height: 1.5;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
        """
    public static let tableStyle = """
        .table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        th, td { padding: .35rem .5rem; border-bottom: 1px solid #dee2e6; white-space: nowrap; }
        th { background: #f1f3f5; font-weight: 600; text-align: center; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.unmet td { background: #fff4e6; }
        tr.totals td { font-weight: 700; border-top: 2px solid #868e96; }
        """
    public static let phoneTableStyle = """
          table, thead, tbody, tfoot, tr, td { display: block; }
          thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          tr { display: grid; grid-template-columns: 1fr 1fr; column-gap: .75rem; border: 1px solid #dee2e6;
            border-radius: 6px; margin-bottom: .6rem; padding: .3rem 0; }
          td { display: flex; justify-content: space-between; gap: .5rem; border: 0; white-space: normal; padding: .1rem .6rem; }
          td::before { content: attr(data-label); color: #868e96; }
        """

    static let style = """
        @page { size: A4; margin: 12mm; }
        \(baseStyle)
        main { max-width: 1000px; margin: 0 auto; padding: 16px; }
        h1 { font-size: 1.35rem; margin: 0 0 .5rem; }
        h2 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
        .summary { margin: 0 0 .25rem; color: #343a40; }
        .legend { margin: 0 0 .25rem; font-size: .9rem; color: #495057; }
        .swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em; margin-left: .5em; }
        .swatch.met { background: #1c64c4; }
        .swatch.unmet { background: #e8590c; }
        .swatch.target { width: 0; border-left: 2px dashed #212529; }
        .note, .notes { color: #495057; font-size: .9rem; }
        .rate-chart { display: block; width: 100%; max-width: 680px; height: auto; font-size: 14px; }
        .rate-chart .grid { stroke: #e9ecef; stroke-width: 1; }
        .rate-chart .tick { fill: #868e96; font-size: 11px; }
        .rate-chart .name { fill: #212529; }
        .rate-chart .value { fill: #343a40; font-size: 13px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
        .rate-chart .bar.met { fill: #1c64c4; }
        .rate-chart .bar.unmet { fill: #e8590c; }
        .rate-chart .target { stroke: #212529; stroke-width: 2; stroke-dasharray: 6 4; }
        .rate-chart .own-target { stroke: #212529; stroke-width: 2; }
        .rate-chart .target-label { fill: #212529; font-size: 12px; }
        \(tableStyle)
        footer { margin-top: 1.5rem; color: #868e96; font-size: .8rem; }
        @media (max-width: 700px) {
          main { padding: 10px; }
          h1 { font-size: 1.15rem; }
        \(phoneTableStyle)
          td.num { text-align: right; }
        }
        @media print {
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { font-size: 9pt; }
          main { max-width: none; padding: 0; }
          h1 { font-size: 13pt; }
          h2 { font-size: 11pt; }
          .chart { break-inside: avoid; }
          .rate-chart { max-height: 120mm; }
          .table-wrap { overflow: visible; }
          table { font-size: 8pt; }
          th, td { padding: 2px 4px; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
        }
        """
}
