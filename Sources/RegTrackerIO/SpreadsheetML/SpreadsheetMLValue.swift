import RegTrackerCore

/// The cell a SpreadsheetML `<Data ss:Type="…">` holds.
enum SpreadsheetMLValue {
    static func cell(type: String, text: String) -> Cell {
        if text.isEmpty { return .empty }
        switch type {
        case "String":
            return .text(text)
        case "Number":
            return Double(text.trimmingASCIISpaces).map(Cell.number) ?? .text(text)
        case "DateTime":
            return ExcelDates.date(isoText: text.trimmingASCIISpaces).map(Cell.date) ?? .text(text)
        case "Boolean":
            switch text.trimmingASCIISpaces.lowercased() {
            case "1", "true": return .bool(true)
            case "0", "false": return .bool(false)
            default: return .text(text)
            }
        case "Error":
            return .error(text)
        default:
            return .text(text)
        }
    }
}
