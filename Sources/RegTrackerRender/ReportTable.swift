import RegTrackerCore

/// The ranked table as rows of text with the Chinese headings of SPEC 2, shared by every text format. The terminal
/// takes the rows in the CLI's language (`words`) under the CLI's own headings.
public enum ReportTable {
    /// The columns of SPEC 2, in order.
    public enum Column: CaseIterable, Sendable {
        case rank, township, population, reported, invalid, duplicates, valid, rate, required, shortfall, met

        public var heading: String {
            switch self {
            case .rank: "排名"
            case .township: "乡镇"
            case .population: "实有人口"
            case .reported: "上报数"
            case .invalid: "无效数"
            case .duplicates: "重复数"
            case .valid: "有效数"
            case .rate: "注册率"
            case .required: "目标人数"
            case .shortfall: "差额"
            case .met: "是否达标"
            }
        }
    }

    public static let headings = Column.allCases.map(\.heading)

    public static func row(_ figures: TownshipFigures, words: TableWords = .chinese) -> [String] {
        ReportSheets.cells(figures, words: words).map(\.text)
    }

    public static func totalsRow(_ report: Report, words: TableWords = .chinese) -> [String] {
        ReportSheets.totalsCells(report.townships, population: report.totalPopulation, words: words).map(\.text)
    }

    /// Columns padded to their display width (CJK characters count two), for terminals.
    public static func aligned(_ rows: [[String]]) -> String {
        let widths = rows.reduce(into: [Int]()) { widths, row in
            for (column, cell) in row.enumerated() {
                if column >= widths.count { widths.append(0) }
                widths[column] = max(widths[column], displayWidth(cell))
            }
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - displayWidth(cell))
                return column == 1 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                width + 2
            default: width + 1
            }
        }
    }
}
