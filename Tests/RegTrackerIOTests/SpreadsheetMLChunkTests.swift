import Foundation
import RegTrackerCore
import Testing

@testable import RegTrackerIO

/// The SpreadsheetML reader parses 256 KiB at a time: rows, cells and texts cut by a chunk's end come back whole,
/// and a problem far into the file is reported at its own line, after the rows before it.
@Suite struct SpreadsheetMLChunkTests {
    /// A workbook of one worksheet "a" with `rows` in its table, one a line: row n on line 4 + n.
    private func workbook(_ rows: [String], after: String = "") -> String {
        ExcelFixtures.workbookPrefix + "\n<Worksheet ss:Name=\"a\"><Table>\n" + rows.joined(separator: "\n")
            + "\n</Table></Worksheet>" + after + "</Workbook>"
    }

    private func numberedRow(_ number: Int) -> String {
        #"<Row><Cell><Data ss:Type="Number">\#(number)</Data></Cell>"#
            + #"<Cell ss:Index="3"><Data ss:Type="String">第\#(number)行 &amp; 名单</Data></Cell></Row>"#
    }

    @Test func everyRowComesBackWhenTheFileIsManyChunks() throws {
        let count = 40_000
        // A text longer than a chunk, in three-byte characters: its pieces are joined before it is decoded.
        let long = String(repeating: "名", count: 300_000)
        let rows = (1...count).map(numberedRow) + [#"<Row><Cell><Data ss:Type="String">\#(long)</Data></Cell></Row>"#]
        let path = try ExcelFixtures.temporaryFile("many.xml", workbook(rows))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int > 8 * 256 * 1024)

        let read = try ExcelFixtures.rows(XMLTableReaders.open(path: path, options: ReadOptions()))
        #expect(read.count == count + 1)
        for (offset, row) in read.prefix(count).enumerated() {
            let number = offset + 1
            guard row == SourceRow(number: number, cells: [.number(Double(number)), .empty, .text("第\(number)行 & 名单")])
            else {
                Issue.record("row \(number) came back as \(row)")
                return
            }
        }
        #expect(read.last == SourceRow(number: count + 1, cells: [.text(long)]))
    }

    @Test func aBadIndexPastTheFirstChunkIsReportedAtItsLineAfterTheRowsBeforeIt() throws {
        let count = 10_000
        let rows =
            (1...count).map(numberedRow) + [#"<Row ss:Index="0"><Cell><Data ss:Type="String">x</Data></Cell></Row>"#]
        let path = try ExcelFixtures.temporaryFile("bad-index.xml", workbook(rows))
        var reader = try XMLTableReaders.open(path: path, options: ReadOptions())
        var read = 0
        let error = #expect(throws: ReadError.self) {
            while try reader.nextRow() != nil { read += 1 }
        }
        #expect(read == count)
        #expect(error == ReadError(.badIndex(element: .row, value: "0"), at: .line(4 + count + 1)))
    }

    @Test func aCellBeyondTheLastColumnIsReportedAtItsLine() throws {
        let rows =
            (1...9_000).map(numberedRow) + [
                #"<Row><Cell ss:Index="16384"><Data ss:Type="String">XFD</Data></Cell>"#,
                #"<Cell><Data ss:Type="String">beyond</Data></Cell></Row>"#,
            ]
        let path = try ExcelFixtures.temporaryFile("too-wide.xml", workbook(rows))
        let error = #expect(throws: ReadError.self) {
            _ = try ExcelFixtures.rows(XMLTableReaders.open(path: path, options: ReadOptions()))
        }
        #expect(error == ReadError(.columnBeyondLimit(column: 16_385, maximum: 16_384), at: .line(4 + 9_001 + 1)))
    }

    @Test func malformedXMLPastTheFirstChunkIsReportedAtItsLine() throws {
        let rows = (1...9_000).map(numberedRow) + [#"<Row><Cell><Data ss:Type="String">y</Cell></Row>"#]
        let path = try ExcelFixtures.temporaryFile("broken-late.xml", workbook(rows))
        let error = #expect(throws: ReadError.self) {
            _ = try ExcelFixtures.rows(XMLTableReaders.open(path: path, options: ReadOptions()))
        }
        #expect(error?.location == .line(4 + 9_001))
        guard case .malformedXML = error?.problem else {
            Issue.record("expected malformed XML, got \(String(describing: error))")
            return
        }
    }

    @Test func theWorksheetsAfterTheChosenOneAreNotRead() throws {
        let path = try ExcelFixtures.temporaryFile(
            "broken-second-sheet.xml",
            workbook([numberedRow(1)], after: "\n<Worksheet ss:Name=\"b\"><Table><Row></Cell></Row>"))
        let reader = try XMLTableReaders.open(path: path, options: ReadOptions())
        #expect(try ExcelFixtures.rows(reader).map(\.number) == [1])
        #expect(reader.description.sheets == ["a"])
    }
}
