/// One sheet of a workbook as the workbook lists it: what SPEC 1.6 needs to choose the sheets to read.
public struct SheetInfo: Sendable, Equatable {
    public enum Visibility: String, Sendable, Equatable {
        case visible
        case hidden
        /// Excel's "very hidden": shown by no menu, only by a macro.
        case veryHidden = "very_hidden"
    }

    public var name: String
    public var visibility: Visibility
    /// False for chart and dialog sheets, which hold no cells.
    public var isWorksheet: Bool

    public init(name: String, visibility: Visibility = .visible, isWorksheet: Bool = true) {
        self.name = name
        self.visibility = visibility
        self.isWorksheet = isWorksheet
    }

    /// A sheet read when no `--sheet` names one: a visible worksheet.
    public var isReadByDefault: Bool { visibility == .visible && isWorksheet }
}
