import Foundation
import RegTrackerCore
import Testing

@testable import RegTrackerIO

// Fixtures, written by LibreOffice 7.4 with its "MS Excel 97" filter:
// - same-list.xls:
//   soffice --headless --infilter='CSV:44,34,76,1,1/1/2/1/3/1/4/2/5/2/6/1' --convert-to 'xls:MS Excel 97' same-list.csv
// - features.xls:
//   soffice --headless --infilter="MS Excel 2003 XML" --convert-to 'xls:MS Excel 97' features.xml
// The encrypted file is made by the test (see XLSXReaderTests.encryptedCompoundFile).

@Suite struct XLSReaderTests {
    private func read(_ name: String, sheet: ReadOptions.SheetSelector? = nil) throws -> (XLSReader, [SourceRow]) {
        let reader = try XLSReader(path: ExcelFixtures.path(name), options: ReadOptions(sheet: sheet))
        return (reader, try ExcelFixtures.rows(reader))
    }

    @Test func readsTheListLibreOfficeWrote() throws {
        let (reader, rows) = try read("same-list.xls")
        #expect(reader.description == TableDescription(format: .xls, sheets: ["same-list"], sheet: "same-list"))
        // The blank row 6 is skipped; the numbers of the others are the sheet's.
        #expect(rows == ExcelFixtures.sameList)
    }

    @Test func readsTypesAndDates() throws {
        let (reader, rows) = try read("features.xls")
        #expect(reader.description.sheets == ["名单", "汇总"])
        #expect(reader.description.sheet == "名单")
        #expect(rows.map(\.number) == [1, 2, 3, 4, 5])
        #expect(rows[0].cells == [.text("白沙镇注册名单"), .empty, .empty, .empty, .text("第5列")])
        #expect(rows[2][1] == .text("110105199003071239"))
        #expect(rows[2][2] == .number(13_800_138_000))
        #expect(rows[2][3] == .date(CellDate(year: 2022, month: 6, day: 1)))
        #expect(rows[2][5] == .text("重点人员"))
        #expect(rows[3][3] == .date(CellDate(year: 1900, month: 3, day: 1)))
        #expect(rows[4].cells == [.text("王五"), .number(2.5)])
    }

    @Test(arguments: [ReadOptions.SheetSelector.name("汇总"), .position(2)])
    func choosesTheSheetByNameOrPosition(_ selector: ReadOptions.SheetSelector) throws {
        let (reader, rows) = try read("features.xls", sheet: selector)
        #expect(reader.description.sheet == "汇总")
        #expect(rows == [SourceRow(number: 1, cells: [.text("合计"), .number(2)])])
    }

    @Test func anUnknownSheetIsRejectedListingTheSheets() throws {
        let error = #expect(throws: ReadError.self) { try read("features.xls", sheet: .position(5)) }
        #expect(error?.message.contains("no sheet at position 5") == true)
        #expect(error?.message.contains("\"名单\", \"汇总\"") == true)
    }

    @Test func anEncryptedWorkbookIsRecognised() throws {
        let path = try ExcelFixtures.temporaryFile("locked.xls", XLSXReaderTests.encryptedCompoundFile)
        let error = #expect(throws: ReadError.self) { try XLSReader(path: path, options: ReadOptions()) }
        #expect(error?.message.hasPrefix("encrypted workbook") == true)
        #expect(error?.hint == "open it in Excel, remove the password and save as .xlsx")
    }

    @Test func aFileThatIsNoWorkbookIsRejected() throws {
        let path = try ExcelFixtures.temporaryFile("notes.xls", Data("序号,姓名\n1,张三\n".utf8))
        let error = #expect(throws: ReadError.self) { try XLSReader(path: path, options: ReadOptions()) }
        #expect(error?.message.hasPrefix("not a readable .xls workbook") == true)
        #expect(error?.hint != nil)
    }

    /// libfreexl 1.0.6 would read a directory entry's name for as many bytes as the entry claims, past its stack
    /// buffer (a fuzzing finding, kept in Tests/Fuzz/regressions/xls): such a file is refused before it is opened.
    @Test func aDirectoryEntryClaimingALongNameIsRefused() throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: ExcelFixtures.path("same-list.xls"))))
        let directoryStart = Int(bytes[0x30]) | Int(bytes[0x31]) << 8 | Int(bytes[0x32]) << 16 | Int(bytes[0x33]) << 24
        let nameSize = (directoryStart + 1) * 512 + 64
        #expect(bytes[nameSize] == 22 && bytes[nameSize + 1] == 0)  // "Root Entry" and its terminator, in UTF-16
        bytes[nameSize] = 0x00
        bytes[nameSize + 1] = 0x16  // 5,632 bytes
        let path = try ExcelFixtures.temporaryFile("long-name.xls", Data(bytes))
        let error = #expect(throws: ReadError.self) { try XLSReader(path: path, options: ReadOptions()) }
        #expect(error?.message == "not a readable .xls workbook (its directory is damaged)")
    }

    @Test func anXLSXOrSpreadsheetMLUnderAnXLSNameIsReadForWhatItIs() throws {
        for (source, format) in [("same-list.xlsx", FileFormat.xlsx), ("same-list.xml", .spreadsheetML)] {
            let data = try Data(contentsOf: URL(fileURLWithPath: ExcelFixtures.path(source)))
            let path = try ExcelFixtures.temporaryFile("export.xls", data)
            let reader = try XLSReader(path: path, options: ReadOptions())
            #expect(reader.description.format == format)
            #expect(try ExcelFixtures.rows(reader).filter { !$0.isBlank } == ExcelFixtures.sameList)
        }
    }
}
