import Foundation
import RegTrackerCore
import Testing

@testable import RegTrackerIO

// Fixtures, written by LibreOffice 7.4 with its "MS Excel 97" filter:
// - same-list.xls:
//   soffice --headless --infilter='CSV:44,34,76,1,1/1/2/1/3/1/4/2/5/2/6/1' --convert-to 'xls:MS Excel 97' same-list.csv
// - features.xls:
//   soffice --headless --infilter="MS Excel 2003 XML" --convert-to 'xls:MS Excel 97' features.xml
// - formulas.xls (BIFF8): python3 tools/make_formulas_xlsx.py formulas.xlsx, then
//   soffice --headless --convert-to 'xls:MS Excel 97' formulas.xlsx
//   a hidden first sheet 旧名单, then 名单 with formulas (string, number, date, Boolean, error and empty-string results)
//   and 汇总. formulas.et is the same file under WPS's extension.
// - gbk-biff5.xls (BIFF5, Excel 95, code page 936): tools/make_biff5_xls.py gbk-biff5.xls (LibreOffice 7 no longer
//   writes BIFF5; the script's docstring lists the records).
// The encrypted file is made by the test (see XLSXReaderTests.encryptedCompoundFile); damaged compound files and
// BIFF records are built in memory (CompoundFileTests).

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
        #expect(error == ReadError(.sheetNotFound(.position(5), sheets: ["名单", "汇总"])))
    }

    @Test func anEncryptedWorkbookIsRecognised() throws {
        let path = try ExcelFixtures.temporaryFile("locked.xls", XLSXReaderTests.encryptedCompoundFile)
        let error = #expect(throws: ReadError.self) { try XLSReader(path: path, options: ReadOptions()) }
        #expect(error == ReadError(.encrypted))
    }

    @Test func aFileThatIsNoWorkbookIsRejected() throws {
        let path = try ExcelFixtures.temporaryFile("notes.xls", Data("序号,姓名\n1,张三\n".utf8))
        let error = #expect(throws: ReadError.self) { try XLSReader(path: path, options: ReadOptions()) }
        guard case .xlsDamaged = error?.problem else {
            Issue.record("expected a damaged .xls, got \(String(describing: error))")
            return
        }
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

    @Test func readsTheCachedResultsOfFormulas() throws {
        let (reader, rows) = try read("formulas.xls")
        #expect(reader.description == TableDescription(format: .xls, sheets: ["旧名单", "名单", "汇总"], sheet: "名单"))
        #expect(rows.map(\.number) == [1, 2, 3])
        #expect(rows[0].cells == ["姓名", "身份证号", "人数", "注册日期", "有效", "比例"].map(Cell.text))
        #expect(
            rows[1].cells == [
                .text("张三"), .text("110105199003071239"), .number(3), .date(CellDate(year: 2022, month: 6, day: 1)),
                .bool(true), .error("#DIV/0!"),
            ])
        // An empty-string result is an empty cell.
        #expect(
            rows[2].cells == [
                .text("李四"), .text("110105199003071"), .number(7.5), .date(CellDate(year: 2022, month: 7, day: 1)),
                .empty, .number(0.25),
            ])
    }

    /// `TableFile` reads a binary workbook once for its sheet list and every sheet: what it gives, sheet by sheet and
    /// error by error, is what the path-based opener gives (an .et has no sheet list there either; other formats and
    /// files it cannot read go to the opener).
    @Test(arguments: [
        "formulas.xls", "formulas.et", "features.xls", "gbk-biff5.xls", "same-list.xls", "features.xlsx",
        "same-list.csv",
    ])
    func aTableFileGivesWhatTheOpenerGives(_ name: String) throws {
        try expectTableFileMatchesOpener(ExcelFixtures.path(name))
    }

    @Test func aTableFileLeavesAFileItCannotReadToTheOpener() throws {
        let junk = FileSignature.compoundFile + [UInt8](repeating: 0xAB, count: 1024)
        try expectTableFileMatchesOpener(ExcelFixtures.temporaryFile("junk.xls", Data(junk)))
        try expectTableFileMatchesOpener(ExcelFixtures.temporaryFile("junk.et", Data(junk)))
        try expectTableFileMatchesOpener(ExcelFixtures.temporaryFile("empty.xls", Data()))
    }

    private func expectTableFileMatchesOpener(_ path: String) throws {
        let file = TableFile(path: path)
        let catalog = Result { () throws(ReadError) in try TableOpener.sheetCatalog(path: path) }
        #expect(Result { () throws(ReadError) in try file.sheetCatalog() } == catalog)
        var choices: [ReadOptions] = [ReadOptions()]
        let count = (try? catalog.get())?.count ?? 0
        if count > 0 { choices += (1...count + 1).map { ReadOptions(sheet: .position($0)) } }
        for options in choices {
            let viaFile = Result { () throws(ReadError) in try ExcelFixtures.rows(file.open(options: options)) }
            let byPath = Result { () throws(ReadError) in
                try ExcelFixtures.rows(TableOpener.open(path: path, options: options))
            }
            #expect(viaFile == byPath, "\(path) \(options)")
            #expect(
                (try? file.open(options: options))?.description
                    == (try? TableOpener.open(path: path, options: options))?.description)
        }
    }

    @Test func theCatalogListsEverySheetWithItsVisibility() throws {
        #expect(
            try XLSReader.sheetCatalog(path: ExcelFixtures.path("formulas.xls")) == [
                SheetInfo(name: "旧名单", visibility: .hidden), SheetInfo(name: "名单"), SheetInfo(name: "汇总"),
            ])
        #expect(
            try XLSReader.sheetCatalog(path: ExcelFixtures.path("gbk-biff5.xls")) == [
                SheetInfo(name: "白沙镇"), SheetInfo(name: "旧表", visibility: .hidden),
            ])
        #expect(try XLSReader.sheetCatalog(path: ExcelFixtures.path("features.xls")).map(\.name) == ["名单", "汇总"])
    }

    @Test(arguments: [ReadOptions.SheetSelector.position(1), .name("旧名单")])
    func aHiddenSheetIsReadWhenChosen(_ selector: ReadOptions.SheetSelector) throws {
        let (reader, rows) = try read("formulas.xls", sheet: selector)
        #expect(reader.description.sheet == "旧名单")
        #expect(rows == [SourceRow(number: 1, cells: [.text("隐藏的旧表")])])
    }

    @Test func aFormulaInAnotherSheetKeepsItsResult() throws {
        let (_, rows) = try read("formulas.xls", sheet: .position(3))
        #expect(rows == [SourceRow(number: 1, cells: [.text("合计"), .number(2)])])
    }

    @Test func readsAnExcel95WorkbookInItsCodePage() throws {
        let (reader, rows) = try read("gbk-biff5.xls")
        #expect(reader.description == TableDescription(format: .xls, sheets: ["白沙镇", "旧表"], sheet: "白沙镇"))
        #expect(
            rows == [
                SourceRow(number: 1, cells: ["姓名", "身份证号", "注册时间", "备注"].map(Cell.text)),
                SourceRow(
                    number: 2,
                    cells: [
                        .text("张三"), .text("110105199003071239"), .date(CellDate(year: 2022, month: 6, day: 1)),
                        .text("重点人员"),
                    ]),
                SourceRow(number: 3, cells: [.text("欧阳娜娜"), .number(13_800_138_000), .number(2), .bool(false)]),
                SourceRow(
                    number: 5,
                    cells: [
                        .number(2.5), .date(CellDate(year: 2022, month: 6, day: 1, hour: 12)), .error("#DIV/0!"),
                        .number(42),
                    ]),
            ])
        let (_, hidden) = try read("gbk-biff5.xls", sheet: .name("旧表"))
        #expect(hidden == [SourceRow(number: 1, cells: [.text("隐藏的旧表")])])
    }

    @Test func anETFileIsReadAsTheWorkbookItIs() throws {
        #expect(TableOpener.extensions.contains("et"))
        let reader = try TableOpener.open(path: ExcelFixtures.path("formulas.et"), options: ReadOptions())
        #expect(reader.description.format == .xls)
        #expect(reader.description.sheet == "名单")
        #expect(try ExcelFixtures.rows(reader) == (try read("formulas.xls").1))
        #expect(XLSReader.isWorkbook(path: ExcelFixtures.path("formulas.et")))
        #expect(!XLSReader.isWorkbook(path: ExcelFixtures.path("same-list.xlsx")))
    }

    @Test func aChartSheetIsNotReadAsAWorksheet() throws {
        // BOUNDSHEET type 2 (chart) for the only sheet: no worksheet to read by default.
        var stream = TestWorkbook.biff8(cells: [TestWorkbook.number(0, 0, 1)])
        let boundSheet = 20 + 4 + 5  // after the BOF record and the BOUNDSHEET header: its sheet type byte
        stream[boundSheet] = 2
        let path = try ExcelFixtures.temporaryFile("chart.xls", Data(TestWorkbook.compoundFile(stream)))
        #expect(try XLSReader.sheetCatalog(path: path) == [SheetInfo(name: "名单", isWorksheet: false)])
        let error = #expect(throws: ReadError.self) { try XLSReader(path: path, options: ReadOptions()) }
        #expect(error == ReadError(.noVisibleWorksheet([SheetInfo(name: "名单", isWorksheet: false)])))
        let chosen = #expect(throws: ReadError.self) {
            try XLSReader(path: path, options: ReadOptions(sheet: .position(1)))
        }
        #expect(chosen == ReadError(.notAWorksheet(sheet: "名单")))
    }

    @Test func aVeryHiddenSheetIsReportedAndNotReadByDefault() throws {
        var stream = TestWorkbook.biff8(cells: [TestWorkbook.number(0, 0, 1)])
        stream[20 + 4 + 4] = 2  // the BOUNDSHEET's hidden state: 2 is "very hidden"
        let path = try ExcelFixtures.temporaryFile("very-hidden.xls", Data(TestWorkbook.compoundFile(stream)))
        #expect(try XLSReader.sheetCatalog(path: path) == [SheetInfo(name: "名单", visibility: .veryHidden)])
        #expect(throws: ReadError.self) { try XLSReader(path: path, options: ReadOptions()) }
        let reader = try XLSReader(path: path, options: ReadOptions(sheet: .name("名单")))
        #expect(try ExcelFixtures.rows(reader) == [SourceRow(number: 1, cells: [.number(1)])])
    }
}
