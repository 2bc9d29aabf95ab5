import Foundation
import RegTrackerCore
import Testing

@testable import RegTrackerIO

/// A sheet and its shared strings reach the parser a chunk at a time, inflated from the zip or read from the file:
/// however small the chunks, so that they cut tags, cells and the three bytes of a Chinese character, the rows are
/// the same.
@Suite struct XLSXChunkTests {
    @Test(arguments: ["same-list.xlsx", "features.xlsx", "dates-1900.xlsx", "dates-1904.xlsx"])
    func aWorkbookReadInTinyChunksGivesTheSameRows(_ name: String) throws {
        let path = ExcelFixtures.path(name)
        let whole = try ExcelFixtures.rows(XLSXReader(path: path, options: ReadOptions()))
        #expect(!whole.isEmpty)
        for chunkSize in [1, 2, 7] {
            let cut = try ExcelFixtures.rows(XLSXReader(path: path, options: ReadOptions(), chunkSize: chunkSize))
            #expect(cut == whole, "chunks of \(chunkSize) bytes")
        }
    }

    @Test(arguments: ["sheetxml/sheet1.xml", "sheetxml-features/sheet1.xml"])
    func aSheetPartReadInTinyChunksGivesTheSameRows(_ name: String) throws {
        let path = ExcelFixtures.path(name)
        let whole = try ExcelFixtures.rows(OOXMLSheetReader(path: path))
        #expect(!whole.isEmpty)
        for chunkSize in [1, 2, 7] {
            #expect(try ExcelFixtures.rows(OOXMLSheetReader(path: path, chunkSize: chunkSize)) == whole)
        }
    }

    @Test func cellsCutAcrossChunksComeBackWhole() throws {
        let count = 3_000
        let rows = (1...count).map { number in
            #"<row r="\#(number)"><c r="A\#(number)"><v>\#(number).5</v></c>"#
                + #"<c r="C\#(number)" t="inlineStr"><is><r><t>第\#(number)行</t></r><r><t> &amp; 名单</t></r></is></c></row>"#
        }
        let xml =
            #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + rows.joined(separator: "\n") + "</sheetData></worksheet>"
        let path = try ExcelFixtures.temporaryFile("cut-cells.xml", xml)
        // Prime to every tag's and character's length, so that the cuts fall everywhere.
        let read = try ExcelFixtures.rows(OOXMLSheetReader(path: path, chunkSize: 13))
        #expect(read.count == count)
        for (offset, row) in read.enumerated() {
            let number = offset + 1
            let expected = SourceRow(
                number: number, cells: [.number(Double(number) + 0.5), .empty, .text("第\(number)行 & 名单")])
            guard row == expected else {
                Issue.record("row \(number) came back as \(row)")
                return
            }
        }
    }

    @Test func aPartLargerThanItsZipEntryDeclaresStopsAtTheClaimInAnyChunkSize() throws {
        for chunkSize in [1, 64] {
            let error = #expect(throws: ReadError.self) {
                _ = try ExcelFixtures.rows(
                    XLSXReader(path: ExcelFixtures.path("size-lie.xlsx"), options: ReadOptions(), chunkSize: chunkSize))
            }
            #expect(error?.problem == .zipEntryOverflows(entry: "xl/worksheets/sheet1.xml", declared: 20))
        }
    }
}
