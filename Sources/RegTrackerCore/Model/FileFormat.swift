/// The format a file was read as; its raw value is what a batch stores (`batch.format`).
public enum FileFormat: String, Sendable, Equatable, Codable, CaseIterable {
    case csv
    case spreadsheetML = "spreadsheetml"
    case ooxmlSheet = "ooxml-sheet"
    case xlsx
    case xls
}
