/// Markdown and CSV renderings of tables of text.
public enum TextFormats {
    public static func markdown(title: String, headings: [String], rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        var lines = ["# \(title)", "", line(headings), "|" + headings.map { _ in " --- |" }.joined()]
        lines += rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }

    /// UTF-8 with BOM and CRLF, so that Excel on Windows opens it with the Chinese intact.
    public static func csv(headings: [String], rows: [[String]]) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        return "\u{FEFF}" + ([headings] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }
}
