import Foundation
import RegTrackerCore
import Testing

@testable import RegTrackerIO

// Fixtures:
// - same-list.xlsx: LibreOffice 7.4 from same-list.csv (written by hand, fictional people, ID numbers with
//   valid GB 11643 check characters):
//   soffice --headless --infilter='CSV:44,34,76,1,1/1/2/1/3/1/4/2/5/2/6/1' --convert-to xlsx same-list.csv
//   The infilter reads UTF-8 and imports columns D (ID) and E (phone) as text; checked by unzipping:
//   the IDs are shared strings, 序号 is numeric.
// - features.xlsx: LibreOffice 7.4 from the hand-written features.xml:
//   soffice --headless --infilter="MS Excel 2003 XML" --convert-to xlsx features.xml
//   (LibreOffice drops the Row ss:Index gap, the 08:30 time and the Boolean type on import: it writes
//   李四 in row 4, the date 44713 with format yyyy-mm-dd hh:mm, and 1/0 as numbers.)
// - dates-1900.xlsx, dates-1904.xlsx, no-sheets.xlsx, bomb-claim.xlsx, size-lie.xlsx: written by the
//   Python scripts in Fixtures/tools (zipfile; bomb-claim and size-lie have the sheet's uncompressed size
//   patched to 200,000,000 and to 20 bytes). LibreOffice opens the two date files.
// - Truncated and encrypted files are made by the tests: a prefix of same-list.xlsx, and an OLE compound
//   file header holding an "EncryptedPackage" directory name (LibreOffice 7.4 cannot save with a password
//   from the command line).

@Suite struct XLSXReaderTests {
    private func read(_ name: String, sheet: ReadOptions.SheetSelector? = nil) throws -> (XLSXReader, [SourceRow]) {
        let reader = try XLSXReader(path: ExcelFixtures.path(name), options: ReadOptions(sheet: sheet))
        return (reader, try ExcelFixtures.rows(reader))
    }

    @Test func readsTheListLibreOfficeWrote() throws {
        let (reader, rows) = try read("same-list.xlsx")
        #expect(reader.description == TableDescription(format: .xlsx, sheets: ["same-list"], sheet: "same-list"))
        #expect(rows == ExcelFixtures.sameList)
    }

    @Test func readsStyledDatesMergesAndErrors() throws {
        let (reader, rows) = try read("features.xlsx")
        #expect(reader.description.sheets == ["名单", "汇总"])
        #expect(rows.map(\.number) == [1, 2, 3, 4, 5])
        #expect(rows[0].cells == [.text("白沙镇注册名单"), .empty, .empty, .empty, .text("第5列")])
        // A number in a cell styled yyyy-mm-dd hh:mm is a date; rich text is joined.
        #expect(rows[2][3] == .date(CellDate(year: 2022, month: 6, day: 1)))
        #expect(rows[2][5] == .text("重点人员"))
        #expect(rows[2][2] == .number(13_800_138_000))
        #expect(rows[3][1] == .empty)
        #expect(rows[3][3] == .date(CellDate(year: 1900, month: 3, day: 1)))  // serial 61
        #expect(rows[3][5] == .error("#DIV/0!"))
        #expect(rows[4].cells == [.text("王五"), .number(2.5)])
    }

    @Test func serialDatesFollowTheExcel1900System() throws {
        let (_, rows) = try read("dates-1900.xlsx")
        // 59 is 1900-02-28; 60 would be Excel's 1900-02-29, which never existed, so it stays a number;
        // 61 is 1900-03-01; 1 is 1900-01-01.
        #expect(
            rows[0].cells == [
                .date(CellDate(year: 1900, month: 2, day: 28)), .number(60),
                .date(CellDate(year: 1900, month: 3, day: 1)), .date(CellDate(year: 1900, month: 1, day: 1)),
            ])
        #expect(
            rows[1].cells == [
                .date(CellDate(year: 2022, month: 6, day: 1, hour: 8, minute: 30)),  // built-in 22, with time
                .date(CellDate(year: 2022, month: 6, day: 1)),  // custom [$-804]yyyy"年"m"月"d"日"
                .number(44_713),  // custom 0.0"h": the h is quoted, not a date
                .date(CellDate(year: 2022, month: 6, day: 1)),  // built-in 31, a Chinese date format
                .number(44_713),  // General
            ])
        #expect(rows[2].cells == [.bool(true), .bool(false), .error("#N/A"), .text("内联")])
    }

    @Test func serialDatesFollowThe1904SystemWhenTheWorkbookSaysSo() throws {
        let (_, rows) = try read("dates-1904.xlsx")
        #expect(
            rows[0].cells == [
                .date(CellDate(year: 1904, month: 1, day: 1)), .date(CellDate(year: 2022, month: 6, day: 1)),
            ])
    }

    @Test(arguments: [ReadOptions.SheetSelector.name("汇总"), .position(2)])
    func choosesTheSheetByNameOrPosition(_ selector: ReadOptions.SheetSelector) throws {
        let (reader, rows) = try read("features.xlsx", sheet: selector)
        #expect(reader.description.sheet == "汇总")
        #expect(rows == [SourceRow(number: 1, cells: [.text("合计"), .number(2)])])
    }

    @Test func anUnknownSheetIsRejectedListingTheSheets() throws {
        let error = #expect(throws: ReadError.self) { try read("features.xlsx", sheet: .name("Sheet9")) }
        #expect(error?.problem == .sheetNotFound(.name("Sheet9"), sheets: ["名单", "汇总"]))
    }

    @Test func aWorkbookWithoutWorksheetsIsRejected() throws {
        let error = #expect(throws: ReadError.self) { try read("no-sheets.xlsx") }
        #expect(error == ReadError(.noWorksheet))
    }

    @Test func aTruncatedZipIsRejected() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: ExcelFixtures.path("same-list.xlsx")))
        let path = try ExcelFixtures.temporaryFile("cut.xlsx", whole.prefix(whole.count / 2))
        let error = #expect(throws: ReadError.self) { try XLSXReader(path: path, options: ReadOptions()) }
        #expect(error?.problem == .zipDamaged)
    }

    /// The sheet inflates cleanly but its checksum, wherever the zip states it, is not its bytes'.
    @Test func aSheetWhoseChecksumDiffersIsRefused() throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: ExcelFixtures.path("same-list.xlsx"))))
        func number(at offset: Int, bytes count: Int) -> Int {
            (0..<count).reduce(0) { value, index in value | Int(bytes[offset + index]) << (8 * index) }
        }
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        // Its central directory header (signature 50 4B 01 02): flags at 8, CRC-32 at 16, compressed size at 20,
        // name length at 28, the local header's offset at 42, the name at 46.
        let central = try #require(
            bytes.indices.dropLast(46 + name.count).first { at in
                bytes[at..<at + 4] == [0x50, 0x4B, 0x01, 0x02] && number(at: at + 28, bytes: 2) == name.count
                    && Array(bytes[at + 46..<at + 46 + name.count]) == name
            })
        let local = number(at: central + 42, bytes: 4)
        var checksums = [central + 16, local + 14]
        // A data descriptor after the data (flag bit 3), with or without its signature 50 4B 07 08.
        if number(at: central + 8, bytes: 2) & 8 != 0 {
            let end = local + 30 + number(at: local + 26, bytes: 2) + number(at: local + 28, bytes: 2)
                + number(at: central + 20, bytes: 4)
            checksums.append(bytes[end..<end + 4] == [0x50, 0x4B, 0x07, 0x08] ? end + 4 : end)
        }
        // The part read to its end, as a sheet's rows are (a reader that stops at its last row is not told).
        func readToTheEnd(_ bytes: [UInt8]) throws -> Int {
            let path = try ExcelFixtures.temporaryFile("checksum.xlsx", Data(bytes))
            let sheet = "xl/worksheets/sheet1.xml"
            let part = XLSXPartStream(
                url: URL(fileURLWithPath: path), entryPath: sheet, name: sheet, declared: 1 << 20, chunkSize: 512)
            var total = 0
            var last = -1
            while last != 0 {
                try part.withNextChunk { chunk in last = chunk.count }
                total += last
            }
            return total
        }
        #expect(try readToTheEnd(bytes) > 1024)
        for offset in checksums { bytes[offset] ^= 0x01 }
        let error = #expect(throws: ReadError.self) { try readToTheEnd(bytes) }
        #expect(error?.problem == .zipDamaged)
        #expect(error?.location == .part("xl/worksheets/sheet1.xml"))
    }

    @Test func aZipEntryClaimingAnAbsurdSizeIsRefused() throws {
        let error = #expect(throws: ReadError.self) { try read("bomb-claim.xlsx") }
        guard case .zipBomb(let entry, let declared, _) = error?.problem else {
            Issue.record("expected a zip bomb, got \(String(describing: error))")
            return
        }
        #expect(entry == "xl/worksheets/sheet1.xml" && declared == 200_000_000)
        #expect(error?.location == .part("xl/worksheets/sheet1.xml"))
    }

    @Test func aZipEntryInflatingBeyondItsClaimIsRefused() throws {
        let error = #expect(throws: ReadError.self) { try read("size-lie.xlsx") }
        #expect(error?.problem == .zipEntryOverflows(entry: "xl/worksheets/sheet1.xml", declared: 20))
    }

    @Test func anEncryptedWorkbookIsRecognised() throws {
        let path = try ExcelFixtures.temporaryFile("locked.xlsx", XLSXReaderTests.encryptedCompoundFile)
        let error = #expect(throws: ReadError.self) { try XLSXReader(path: path, options: ReadOptions()) }
        #expect(error == ReadError(.encrypted))
    }

    @Test func anXLSUnderAnXLSXNameIsReadAsXLS() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: ExcelFixtures.path("same-list.xls")))
        let path = try ExcelFixtures.temporaryFile("renamed.xlsx", data)
        let reader = try XLSXReader(path: path, options: ReadOptions())
        #expect(reader.description.format == .xls)
        #expect(try ExcelFixtures.rows(reader) == ExcelFixtures.sameList)
    }

    /// The same registration list, saved by LibreOffice in every spreadsheet format, reads as the same rows.
    @Test(arguments: ["same-list.xml", "sheetxml/sheet1.xml", "same-list.xlsx", "same-list.xls"])
    func theSameListReadsTheSameInEveryFormat(_ name: String) throws {
        let path = ExcelFixtures.path(name)
        let reader: any TableReader =
            switch name.split(separator: ".").last {
            case "xlsx": try XLSXReader(path: path, options: ReadOptions())
            case "xls": try XLSReader(path: path, options: ReadOptions())
            default: try XMLTableReaders.open(path: path, options: ReadOptions())
            }
        #expect(try ExcelFixtures.rows(reader).filter { !$0.isBlank } == ExcelFixtures.sameList)
    }

    /// An OLE compound file header and a directory entry named EncryptedPackage, as in an .xlsx that
    /// Excel saved with a password; the rest of the file is left empty.
    static var encryptedCompoundFile: Data {
        var data = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        data.append(Data(count: 1024 - data.count))
        data.append(Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        data.append(Data(count: 2048 - data.count))
        return data
    }
}
