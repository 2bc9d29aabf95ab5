/// Markdown and CSV renderings of tables of text.
public enum TextFormats {
    public static func markdown(title: String, headings: [String], rows: [[String]], notes: [String] = []) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map(cell).joined(separator: " | ") + " |"
        }
        var lines = ["# \(title)", "", line(headings), "|" + headings.map { _ in " --- |" }.joined()]
        lines += rows.map(line)
        if !notes.isEmpty { lines += [""] + notes.map { "- \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A report sheet as Markdown: title, table, notes.
    public static func markdown(_ sheet: ReportSheet) -> String {
        markdown(title: sheet.title, headings: sheet.headings, rows: sheet.textRows, notes: sheet.notes)
    }

    /// UTF-8 with BOM and CRLF, so that Excel on Windows opens it with the Chinese intact.
    public static func csv(headings: [String], rows: [[String]]) -> String {
        func field(_ text: String) -> String {
            // Most cells hold none of these bytes: a look at the bytes spares the walk over the characters.
            guard text.utf8.contains(where: { $0 == comma || $0 == quote || $0 == lineFeed || $0 == carriageReturn })
            else { return text }
            return text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        return "\u{FEFF}" + ([headings] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A report sheet as CSV: the heading row and the rows only, so that the file is one clean table.
    public static func csv(_ sheet: ReportSheet) -> String {
        csv(headings: sheet.headings, rows: sheet.rows.map { $0.cells.map(spreadsheetSafe) })
    }

    /// Text that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`) gets a leading `'`: a name cell of an
    /// imported list must never run as a formula when the office opens the CSV in Excel.
    static func spreadsheetSafe(_ cell: ReportSheet.Cell) -> String {
        guard case .text(let text) = cell, let first = text.unicodeScalars.first,
            "=+-@\t\r".unicodeScalars.contains(first)
        else { return cell.text }
        return "'" + text
    }

    /// A Markdown table cell: a pipe would end the cell, a line break the row, and `<` could open HTML that a
    /// Markdown viewer renders (a name typed `<i>尖</i>镇` is shown as typed).
    private static func cell(_ text: String) -> String {
        // Nearly every cell has nothing to replace; Foundation's replacing copies it four times regardless (45% of
        // `rejects --out` on a million rows).
        guard text.utf8.contains(where: { $0 == pipe || $0 == lineFeed || $0 == carriageReturn || $0 == lessThan })
        else { return text }
        return text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
}

private let (comma, quote, pipe, lessThan) = (UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "|"), UInt8(ascii: "<"))
private let (lineFeed, carriageReturn) = (UInt8(ascii: "\n"), UInt8(ascii: "\r"))
