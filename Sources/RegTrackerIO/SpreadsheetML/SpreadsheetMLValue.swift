import RegTrackerCore

/// The cell a SpreadsheetML `<Data ss:Type="…">` holds.
enum SpreadsheetMLValue {
    /// `ss:Type`, told from the attribute's bytes without making a String; an unknown type reads as text.
    enum DataType {
        case string, number, dateTime, boolean, error

        init(_ bytes: UnsafeBufferPointer<UInt8>?) {
            guard let bytes else {
                self = .string
                return
            }
            self =
                if bytes.elementsEqual("Number".utf8) {
                    .number
                } else if bytes.elementsEqual("DateTime".utf8) {
                    .dateTime
                } else if bytes.elementsEqual("Boolean".utf8) {
                    .boolean
                } else if bytes.elementsEqual("Error".utf8) {
                    .error
                } else {
                    .string
                }
        }
    }

    static func cell(type: DataType, text: String) -> Cell {
        if text.isEmpty { return .empty }
        switch type {
        case .string:
            return .text(text)
        case .number:
            return Double(text.trimmingASCIISpaces).map(Cell.number) ?? .text(text)
        case .dateTime:
            return ExcelDates.date(isoText: text.trimmingASCIISpaces).map(Cell.date) ?? .text(text)
        case .boolean:
            switch text.trimmingASCIISpaces.lowercased() {
            case "1", "true": return .bool(true)
            case "0", "false": return .bool(false)
            default: return .text(text)
            }
        case .error:
            return .error(text)
        }
    }
}
