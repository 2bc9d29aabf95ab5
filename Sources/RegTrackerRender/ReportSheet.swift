import RegTrackerCore

/// A table for people, with typed cells so that each format renders them its own way: text in Markdown, CSV and
/// HTML; numbers with a number format in XLSX (a rate stays a number there, never text).
public struct ReportSheet: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case integer(Int64)
        /// An exact fraction, shown as a percentage with two decimals (`51.63%`).
        case rate(numerator: Int64, denominator: Int64)

        /// What Markdown, CSV, HTML and the terminal show.
        public var text: String {
            switch self {
            case .text(let text): text
            case .integer(let value): String(value)
            case .rate(let numerator, let denominator): Decimal6.percent(numerator: numerator, denominator: denominator)
            }
        }

        /// Numbers are right-aligned in every format.
        public var isNumber: Bool {
            if case .text = self { false } else { true }
        }
    }

    /// How a row stands out: a township below target, or the totals.
    public enum RowStyle: Sendable, Hashable {
        case normal
        case unmet
        case totals
    }

    public struct Row: Sendable, Equatable {
        public var cells: [Cell]
        public var style: RowStyle

        public init(_ cells: [Cell], style: RowStyle = .normal) {
            self.cells = cells
            self.style = style
        }
    }

    public var title: String
    public var headings: [String]
    public var rows: [Row]
    /// Sentences below the table: rows that match no township, townships without population.
    public var notes: [String]

    public init(title: String, headings: [String], rows: [Row], notes: [String] = []) {
        self.title = title
        self.headings = headings
        self.rows = rows
        self.notes = notes
    }

    /// The index of the column headed `heading`, if the sheet has one.
    public func column(headed heading: String) -> Int? { headings.firstIndex(of: heading) }

    /// Every row as text, as Markdown and CSV write it.
    public var textRows: [[String]] { rows.map { $0.cells.map(\.text) } }
}
