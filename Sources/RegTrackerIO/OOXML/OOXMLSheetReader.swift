import Foundation
import RegTrackerCore

/// Reads a bare OOXML worksheet part (`xl/worksheets/sheetN.xml` taken out of an .xlsx), with the
/// `sharedStrings.xml` beside it when the sheet uses shared strings. There is no styles part, so
/// numbers stay numbers.
final class OOXMLSheetReader: TableReader {
    let description = TableDescription(format: .ooxmlSheet)
    private let rows: WorksheetRows

    /// `xml` stands on the root `worksheet` element of the file at `path`.
    init(xml: XMLStreamReader, path: String) throws(ReadError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        // Beside the sheet; or one folder up, where it sits in an unzipped workbook (xl/worksheets/ → xl/).
        let candidates = [
            folder.appendingPathComponent("sharedStrings.xml"),
            folder.deletingLastPathComponent().appendingPathComponent("sharedStrings.xml"),
        ]
        let sharedStrings = SharedStrings { () throws(ReadError) -> XMLStreamReader? in
            guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
                return nil
            }
            return try XMLStreamReader.open(path: url.path, partName: "sharedStrings.xml")
        }
        rows = WorksheetRows(xml: xml, sharedStrings: sharedStrings)
    }

    func nextRow() throws(ReadError) -> SourceRow? {
        try rows.next()
    }
}
