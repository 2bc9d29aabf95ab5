import Foundation
import RegTrackerCore

/// Reads a bare OOXML worksheet part (`xl/worksheets/sheetN.xml` taken out of an .xlsx), with the
/// `sharedStrings.xml` beside it when the sheet uses shared strings. There is no styles part, so
/// numbers stay numbers.
final class OOXMLSheetReader: TableReader {
    let description = TableDescription(format: .ooxmlSheet)
    private let rows: XMLPushedRows<WorksheetRowBuilder>

    /// `path` is a sheet part whose root is an OOXML `worksheet` (`XMLTableReaders` has seen it). `chunkSize`: how
    /// much is parsed at a time (small in tests, to cut cells and characters).
    init(path: String, chunkSize: Int = XMLFileChunks.defaultChunkSize) throws(ReadError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        // Beside the sheet; or one folder up, where it sits in an unzipped workbook (xl/worksheets/ → xl/).
        let candidates = [
            folder.appendingPathComponent("sharedStrings.xml"),
            folder.deletingLastPathComponent().appendingPathComponent("sharedStrings.xml"),
        ]
        let sharedStrings = SharedStrings { (handler) throws(ReadError) -> XMLPushParser? in
            guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
                return nil
            }
            return try XMLPushParser(path: url.path, handler: handler, partName: "sharedStrings.xml")
        }
        let builder = WorksheetRowBuilder(sharedStrings: sharedStrings)
        let parser = try XMLPushParser(source: XMLFileChunks(path: path, chunkSize: chunkSize), handler: builder)
        rows = XMLPushedRows(parser: parser, builder: builder)
    }

    func nextRow() throws(ReadError) -> SourceRow? {
        try rows.next()
    }
}
