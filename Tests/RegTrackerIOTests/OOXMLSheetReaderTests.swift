import Foundation
import RegTrackerCore
import Testing

@testable import RegTrackerIO

// Fixtures:
// - sheetxml/sheet1.xml and sheetxml/sharedStrings.xml: unzipped unchanged from same-list.xlsx (made by
//   LibreOffice 7.4 from same-list.csv, see XLSXReaderTests.swift); the title's shared string is rich text.
// - sheetxml-features/sheet1.xml and sharedStrings.xml: written by hand (reference gaps, rows and cells
//   without r, every t=, phonetic runs, _xHHHH_ escapes, a cell at XFD).
// - sheetxml-nosst/sheet1.xml: written by hand, uses t="s" with no sharedStrings.xml beside it.

@Suite struct OOXMLSheetReaderTests {
    private func rows(_ name: String) throws -> [SourceRow] {
        let reader = try XMLTableReaders.open(path: ExcelFixtures.path(name), options: ReadOptions())
        #expect(reader.description.format == .ooxmlSheet)
        return try ExcelFixtures.rows(reader)
    }

    @Test func readsTheSheetLibreOfficeWroteWithItsSharedStrings() throws {
        // Rich-text runs of the title are joined; the blank row 6 is not in the file.
        #expect(try rows("sheetxml/sheet1.xml") == ExcelFixtures.sameList)
    }

    @Test func referencesMakeGapsAndRowsWithoutReferencesFollowOn() throws {
        let rows = try rows("sheetxml-features/sheet1.xml")
        #expect(rows.map(\.number) == [2, 3, 7, 9])
        // B2 then E2: A, C and D are empty.
        #expect(rows[0].cells == [.empty, .text("合并标题"), .empty, .empty, .text("张三")])
    }

    @Test(
        "a row number Excel cannot write is refused, as a column past XFD is",
        arguments: [["0"], ["-5"], ["1048577"], ["3", "2"], ["2", "2"], ["x"]])
    func impossibleRowNumbersAreRefused(numbers: [String]) throws {
        let rows = numbers.map { #"<row r="\#($0)"><c t="inlineStr"><is><t>a</t></is></c></row>"# }.joined()
        let xml =
            #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + rows + "</sheetData></worksheet>"
        let path = NSTemporaryDirectory() + "rows-\(UUID().uuidString).xml"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: ReadError.self) {
            _ = try ExcelFixtures.rows(try XMLTableReaders.open(path: path, options: ReadOptions()))
        }
        guard case .badRowNumber = error?.problem else {
            Issue.record("expected a bad row number, got \(String(describing: error))")
            return
        }
    }

    @Test func readsEveryCellType() throws {
        let row = try rows("sheetxml-features/sheet1.xml")[1]
        #expect(row.number == 3)  // no r: the row after row 2
        #expect(
            row.cells == [
                .text("内联 富文本"),  // t="inlineStr" with runs
                .text("公式结果"),  // t="str": the formula's cached string, not the formula
                .bool(true), .bool(false),  // t="b"
                .error("#DIV/0!"),  // t="e"
            ])
    }

    @Test func sharedStringsDropPhoneticRunsAndDecodeEscapes() throws {
        let row = try rows("sheetxml-features/sheet1.xml")[2]
        #expect(row.number == 7)
        #expect(row[0] == .number(13_800_138_000))
        // No styles.xml beside a bare sheet: a date-styled number stays a number.
        #expect(row[1] == .number(44_713))
        #expect(row[2] == .text("第一行\r\n第二行"))
        #expect(row[3] == .empty)  // styled but without a value
        #expect(row[4] == .text("字面_x000D_"))
        #expect(row[0] != .text("张三ちょう"))
    }

    @Test func aCellAtTheLastColumnIsRead() throws {
        let row = try rows("sheetxml-features/sheet1.xml")[3]
        #expect(row.cells.count == 16_384)
        #expect(row[16_383] == .text("最后一列"))
    }

    @Test func aReferenceBeyondTheLastColumnIsRejected() throws {
        let path = try ExcelFixtures.temporaryFile(
            "sheet1.xml",
            """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>
            """)
        let error = #expect(throws: ReadError.self) {
            _ = try ExcelFixtures.rows(XMLTableReaders.open(path: path, options: ReadOptions()))
        }
        #expect(error == ReadError(.columnBeyondXFD(reference: "XFE1", position: 1), at: .line(2)))
    }

    @Test func missingSharedStringsAreAClearError() throws {
        let error = #expect(throws: ReadError.self) { try rows("sheetxml-nosst/sheet1.xml") }
        #expect(error == ReadError(.sharedStringsMissing, at: .line(5)))
    }

    @Test func theStrictNamespaceIsAccepted() throws {
        let path = try ExcelFixtures.temporaryFile(
            "strict.xml",
            """
            <worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheetData>
            <row r="4"><c r="B4"><v>7</v></c></row></sheetData></worksheet>
            """)
        let rows = try ExcelFixtures.rows(XMLTableReaders.open(path: path, options: ReadOptions()))
        #expect(rows == [SourceRow(number: 4, cells: [.empty, .number(7)])])
    }

    @Test func malformedSheetXMLIsRejectedWithItsLine() throws {
        let path = try ExcelFixtures.temporaryFile(
            "sheet1.xml",
            """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1"><v>1</v></c></row>
            <row r="2"><c r="A2"><v>2</v></row>
            </sheetData></worksheet>
            """)
        let error = #expect(throws: ReadError.self) {
            _ = try ExcelFixtures.rows(XMLTableReaders.open(path: path, options: ReadOptions()))
        }
        #expect(error?.location == .line(3))
        guard case .malformedXML = error?.problem else {
            Issue.record("expected malformed XML, got \(String(describing: error))")
            return
        }
    }
}
