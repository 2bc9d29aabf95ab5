import Foundation
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// The frame of every dashboard page: inline CSS only, no script, readable on a phone.
enum PageLayout {
    static func render(title: String, access: Access?, body: [String]) -> String {
        var header = ["<header class=\"top\"><a class=\"home\" href=\"/\">注册率看板</a>"]
        if let access {
            let who =
                switch access {
                case .office: "联席办"
                case .township(let name, let county): TownshipFigures.label(name, county: county)
                case .county(let county): county
                }
            header.append(
                "<form class=\"logout\" method=\"post\" action=\"/logout\"><span class=\"who\">\(HTMLText.escape(who))</span>"
                    + "<button type=\"submit\">退出</button></form>")
        }
        header.append("</header>")
        return HTMLPage.document(
            title: title, style: style, head: ["<meta name=\"referrer\" content=\"no-referrer\">"],
            body: [header.joined(), "<main>"] + body + ["</main>"])
    }

    /// `/townships/青石镇`, percent-encoded; a township of a roster with counties is reached through its county,
    /// `/counties/青石县/townships/城关镇`, since two counties may each have a 城关镇 (issue 19).
    static func townshipPath(_ name: String, county: String? = nil) -> String {
        (county.map { countyPath($0) } ?? "") + "/townships/" + segment(name)
    }

    /// `/counties/青石县`, percent-encoded (issue 19).
    static func countyPath(_ county: String) -> String { "/counties/" + segment(county) }

    private static func segment(_ text: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#%")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// A column of a page's table: its heading, and whether it holds numbers (right-aligned).
    struct Column {
        var heading: String
        var numeric: Bool

        static func text(_ heading: String) -> Column { Column(heading: heading, numeric: false) }
        static func number(_ heading: String) -> Column { Column(heading: heading, numeric: true) }

        /// The columns of `sheet`: a column holds numbers when its first row's cell does.
        static func of(_ sheet: ReportSheet) -> [Column] {
            sheet.headings.enumerated().map { index, heading in
                let first = sheet.rows.first?.cells
                return Column(heading: heading, numeric: first.map { index < $0.count && $0[index].isNumber } ?? false)
            }
        }
    }

    /// A table from its columns and rows of cells already escaped, one cell a column.
    static func table(columns: [Column], rows: [(cells: [String], classes: String)], footer: [String]? = nil) -> String
    {
        let labels = columns.map { HTMLText.escape($0.heading) }
        func row(_ cells: [String], _ classes: String) -> String {
            let tds = cells.enumerated().map { column, cell in
                let kind = column < columns.count && columns[column].numeric ? " class=\"num\"" : ""
                return "<td\(kind) data-label=\"\(column < labels.count ? labels[column] : "")\">\(cell)</td>"
            }
            return "<tr class=\"\(classes)\">" + tds.joined() + "</tr>"
        }
        var lines = ["<div class=\"table-wrap\"><table>"]
        lines.append("<thead><tr>" + labels.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead>")
        lines.append("<tbody>" + rows.map { row($0.cells, $0.classes) }.joined(separator: "\n") + "</tbody>")
        if let footer { lines.append("<tfoot>" + row(footer, "totals") + "</tfoot>") }
        lines.append("</table></div>")
        return lines.joined(separator: "\n")
    }

    static let style = """
        \(HTMLPage.baseStyle)
        header.top { display: flex; justify-content: space-between; align-items: center; gap: .5rem;
          padding: .5rem 16px; background: #1c64c4; color: #fff; }
        header.top a.home { color: #fff; font-weight: 700; text-decoration: none; }
        header.top .who { margin-right: .5rem; }
        header.top button { font: inherit; border: 1px solid #fff; background: transparent; color: #fff;
          border-radius: 4px; padding: .1rem .6rem; }
        main { max-width: 1280px; margin: 0 auto; padding: 16px; }
        h1 { font-size: 1.35rem; margin: 0 0 .5rem; }
        h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
        a { color: #1c64c4; }
        .summary { margin: 0 0 .25rem; color: #343a40; }
        .note, .notes { color: #495057; font-size: .9rem; }
        .legend { margin: 0 0 .25rem; font-size: .9rem; color: #495057; }
        .swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em; margin-left: .5em; }
        .swatch.met { background: #1c64c4; }
        .swatch.unmet { background: #e8590c; }
        .swatch.target { width: 0; border-left: 2px dashed #212529; }
        .status { font-weight: 600; white-space: normal; display: inline-block; min-width: 9em; }
        .status.behind, .status.stalled, .status.missed { color: #c2410c; }
        .status.on_pace, .status.met { color: #1c64c4; }
        .rate-chart, .trend-chart { display: block; width: 100%; max-width: 680px; height: auto; font-size: 14px; }
        .rate-chart .grid, .trend-chart .grid { stroke: #e9ecef; stroke-width: 1; }
        .rate-chart .tick, .trend-chart .tick { fill: #868e96; font-size: 11px; }
        .rate-chart .name { fill: #212529; }
        .rate-chart .value { fill: #343a40; font-size: 13px; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
        .rate-chart .bar.met { fill: #1c64c4; }
        .rate-chart .bar.unmet { fill: #e8590c; }
        .rate-chart .target, .trend-chart .target { stroke: #212529; stroke-width: 2; stroke-dasharray: 6 4; }
        .rate-chart .own-target { stroke: #212529; stroke-width: 2; }
        .rate-chart .target-label, .trend-chart .label { fill: #212529; font-size: 12px; }
        .trend-chart .valid { fill: none; stroke: #1c64c4; stroke-width: 2.5; }
        .trend-chart .area { fill: #1c64c4; fill-opacity: .08; }
        .trend-chart .projection { fill: none; stroke: #e8590c; stroke-width: 2; stroke-dasharray: 5 4; }
        .trend-chart .deadline { stroke: #c2410c; stroke-width: 1.5; }
        .spark { width: 120px; height: 30px; vertical-align: middle; }
        .spark .line { fill: none; stroke: #1c64c4; stroke-width: 1.5; }
        .spark .target { stroke: #868e96; stroke-width: 1; stroke-dasharray: 3 2; }
        .spark .end { fill: #1c64c4; }
        .spark.unmet .line { stroke: #e8590c; }
        .spark.unmet .end { fill: #e8590c; }
        dl.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: .5rem;
          margin: .5rem 0; }
        dl.figures div { border: 1px solid #dee2e6; border-radius: 6px; padding: .4rem .6rem; }
        dl.figures dt { color: #868e96; font-size: .8rem; }
        dl.figures dd { margin: 0; font-size: 1.15rem; font-weight: 600; font-variant-numeric: tabular-nums; }
        .vbar { display: inline-block; height: .7em; background: #1c64c4; border-radius: 2px; vertical-align: middle; }
        .vtarget { display: inline-block; width: 0; color: #e8590c; font-weight: bold; vertical-align: middle; }
        \(HTMLPage.tableStyle)
        form.login { display: grid; gap: .5rem; max-width: 420px; }
        form.login input { font: inherit; padding: .5rem; border: 1px solid #adb5bd; border-radius: 4px; }
        form.login button { font: inherit; padding: .5rem; border: 0; border-radius: 4px; background: #1c64c4; color: #fff; }
        .error { color: #c2410c; font-weight: 600; }
        footer { margin-top: 1.5rem; color: #868e96; font-size: .8rem; }
        @media (max-width: 700px) {
          main { padding: 10px; }
          h1 { font-size: 1.15rem; }
        \(HTMLPage.phoneTableStyle)
        }
        """
}
