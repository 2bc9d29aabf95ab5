import Foundation
import RegTrackerCore
import Testing

@testable import RegTrackerIO

// Fixtures (Tests/RegTrackerIOTests/Fixtures), all data fictional:
// - features.xml: SpreadsheetML 2003 written by hand (Index gaps, MergeAcross, every ss:Type, rich text
//   in the html namespace, a cell comment, two sheets "名单" and "汇总").
// - same-list.xml: LibreOffice 7.4 from same-list.csv:
//   soffice --headless --infilter='CSV:44,34,76,1,1/1/2/1/3/1/4/2/5/2/6/1' \
//     --convert-to 'xml:MS Excel 2003 XML' same-list.csv
//   (the CSV filter options read UTF-8 with columns D and E, ID and phone, as text).
// The hostile files (malformed, billion laughs, XXE, not a spreadsheet) are written by the tests.

/// Shared by the spreadsheet reader tests.
enum ExcelFixtures {
    static var directory: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    static func rows(_ reader: any TableReader) throws(ReadError) -> [SourceRow] {
        var reader = reader
        var rows: [SourceRow] = []
        while let row = try reader.nextRow() { rows.append(row) }
        return rows
    }

    /// One folder for the files the tests write, emptied when a test run first uses it, so that runs
    /// leave at most one behind.
    private static let scratch: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regtracker-io-tests")
        try? FileManager.default.removeItem(at: folder)
        return folder
    }()

    /// Writes `contents` to a new file in a fresh folder and returns its path.
    static func temporaryFile(_ name: String, _ contents: Data) throws -> String {
        let folder = scratch.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url)
        return url.path
    }

    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        try temporaryFile(name, Data(text.utf8))
    }

    /// The registration list every same-list.* fixture holds, blank rows left out.
    static let sameList: [SourceRow] = [
        SourceRow(number: 1, cells: [.text("青石镇国家反诈中心APP注册名单（截至6月30日）")]),
        SourceRow(number: 2, cells: ["序号", "乡镇", "姓名", "身份证号", "手机号码", "截图核验"].map(Cell.text)),
        SourceRow(
            number: 3,
            cells: [.number(1)] + ["青石镇", "张三", "110105199003071239", "13800138000", "有效"].map(Cell.text)),
        SourceRow(
            number: 4,
            cells: [.number(2)] + ["青石镇", "李四", "110101198511124560", "13900139000", "有效"].map(Cell.text)),
        SourceRow(
            number: 5,
            cells: [.number(3)] + ["青石镇", "王五", "110101********1234", "13700137000", "无效"].map(Cell.text)),
        SourceRow(
            number: 7,
            cells: [.number(4), .text("青石镇"), .text("赵六"), .text("33010619880801041X"), .empty, .text("有效")]),
        SourceRow(
            number: 8,
            cells: [.number(5)] + ["青石镇", "钱七", "320583199206153453", "15000150000"].map(Cell.text)),
        SourceRow(
            number: 9,
            cells: [.number(6), .text("青石镇"), .text("孙八"), .empty, .text("18600186000"), .text("有效")]),
    ]

    static let workbookPrefix = """
        <?xml version="1.0"?>
        <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
         xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
        """
}

@Suite struct SpreadsheetMLReaderTests {
    private func read(_ name: String, sheet: ReadOptions.SheetSelector? = nil) throws -> (any TableReader, [SourceRow])
    {
        let reader = try XMLTableReaders.open(path: ExcelFixtures.path(name), options: ReadOptions(sheet: sheet))
        return (reader, try ExcelFixtures.rows(reader))
    }

    @Test func readsTheFirstWorksheetWithTypesGapsAndMerges() throws {
        let (reader, rows) = try read("features.xml")
        #expect(reader.description.format == .spreadsheetML)
        #expect(reader.description.sheet == "名单")
        #expect(rows.map(\.number) == [1, 2, 3, 5, 6])

        // MergeAcross="3": the title stays in A, the next cell lands in E.
        #expect(rows[0].cells == [.text("白沙镇注册名单"), .empty, .empty, .empty, .text("第5列")])
        #expect(rows[1].cells.count == 6)

        let zhang = rows[2]
        #expect(zhang[0] == .text("张三"))
        #expect(zhang[1] == .text("110105199003071239"))
        #expect(zhang[2] == .number(13_800_138_000))
        #expect(zhang[3] == .date(CellDate(year: 2022, month: 6, day: 1, hour: 8, minute: 30)))
        #expect(zhang[4] == .bool(true))
        // <ss:Data> in the html namespace with <B> and <Font> children: plain text.
        #expect(zhang[5] == .text("重点人员"))

        // <Row ss:Index="5"> after row 3; <Cell ss:Index="3"> leaves B empty; the comment is not the value.
        let li = rows[3]
        #expect(li.number == 5)
        #expect(li.cells[0] == .text("李四"))
        #expect(li.cells[1] == .empty)
        #expect(li.cells[2] == .number(13_900_139_000))
        #expect(li.cells[3] == .date(CellDate(year: 1900, month: 3, day: 1)))
        #expect(li.cells[4] == .bool(false))
        #expect(li.cells[5] == .error("#DIV/0!"))

        // A row without ss:Index follows the previous one.
        #expect(rows[4].number == 6)
        #expect(rows[4].cells == [.text("王五"), .number(2.5)])
    }

    @Test(arguments: [ReadOptions.SheetSelector.name("汇总"), .position(2)])
    func choosesTheSheetByNameOrPosition(_ selector: ReadOptions.SheetSelector) throws {
        let (reader, rows) = try read("features.xml", sheet: selector)
        #expect(reader.description.sheet == "汇总")
        #expect(reader.description.sheets == ["名单", "汇总"])
        #expect(rows == [SourceRow(number: 1, cells: [.text("合计"), .number(2)])])
    }

    @Test func anUnknownSheetIsRejectedListingTheSheets() throws {
        let error = #expect(throws: ReadError.self) { try read("features.xml", sheet: .name("三月")) }
        #expect(error == ReadError(.sheetNotFound(.name("三月"), sheets: ["名单", "汇总"])))
        let byPosition = #expect(throws: ReadError.self) { try read("features.xml", sheet: .position(3)) }
        #expect(byPosition == ReadError(.sheetNotFound(.position(3), sheets: ["名单", "汇总"])))
    }

    @Test func readsTheListLibreOfficeWrote() throws {
        let (_, rows) = try read("same-list.xml")
        #expect(rows.filter { !$0.isBlank } == ExcelFixtures.sameList)
    }

    @Test func aFileNameIsAPathNotAURI() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: ExcelFixtures.path("same-list.xml")))
        let path = try ExcelFixtures.temporaryFile("青石镇 名单%41.xml", data)
        let rows = try ExcelFixtures.rows(XMLTableReaders.open(path: path, options: ReadOptions()))
        #expect(rows.filter { !$0.isBlank } == ExcelFixtures.sameList)
    }

    @Test func malformedXMLIsRejectedWithItsLine() throws {
        let path = try ExcelFixtures.temporaryFile(
            "broken.xml",
            ExcelFixtures.workbookPrefix + """

                <Worksheet ss:Name="a"><Table>
                <Row><Cell><Data ss:Type="String">x</Data></Cell></Row>
                <Row><Cell><Data ss:Type="String">y</Cell></Row>
                </Table></Worksheet></Workbook>
                """)
        let error = #expect(throws: ReadError.self) {
            _ = try ExcelFixtures.rows(XMLTableReaders.open(path: path, options: ReadOptions()))
        }
        #expect(error?.location == .line(6))
        guard case .malformedXML(let parserMessage, let fault) = error?.problem else {
            Issue.record("expected malformed XML, got \(String(describing: error))")
            return
        }
        #expect(parserMessage?.contains("Data") == true)
        // A common fault, told by libxml2's code, so that it can be worded in Chinese too.
        #expect(fault == .tagMismatch)
    }

    /// The sheet list comes from one SAX pass: names (an `&` included), and the visibility Excel writes after the
    /// rows, in `WorksheetOptions`.
    @Test func theCatalogueListsEveryWorksheetWithItsVisibility() throws {
        let path = try ExcelFixtures.temporaryFile(
            "catalogue.xml",
            ExcelFixtures.workbookPrefix + """

                 <Worksheet ss:Name="下拉&amp;选项"><Table><Row><Cell><Data ss:Type="String">有</Data></Cell></Row></Table>
                  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible>
                  </WorksheetOptions></Worksheet>
                 <Worksheet ss:Name="名单 &lt;1&gt;"><Table><Row><Cell><Data ss:Type="String">Visible</Data></Cell></Row>
                  </Table></Worksheet>
                 <Worksheet><Table/><WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">
                  <Visible> SheetVeryHidden </Visible></WorksheetOptions></Worksheet>
                 <Worksheet ss:Name="A&amp;#38;B"/>
                </Workbook>
                """)
        #expect(
            try XMLTableReaders.sheetCatalog(path: path) == [
                SheetInfo(name: "下拉&选项", visibility: .hidden), SheetInfo(name: "名单 <1>"),
                SheetInfo(name: "Sheet3", visibility: .veryHidden), SheetInfo(name: "A&#38;B"),
            ])
        let sheetPart = try ExcelFixtures.temporaryFile(
            "sheet1.xml",
            """
            <?xml version="1.0"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>
            """)
        #expect(try XMLTableReaders.sheetCatalog(path: sheetPart) == nil)
    }

    @Test func theCatalogueRefusesADoctypeAndNamesTheLineOfBrokenXML() throws {
        let doctype = try ExcelFixtures.temporaryFile(
            "doctype.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE Workbook [<!ENTITY a \"b\">]>\n"
                + ExcelFixtures.workbookPrefix.replacingOccurrences(of: "<?xml version=\"1.0\"?>\n", with: "")
                + "</Workbook>")
        #expect(throws: ReadError(.documentType, at: .line(2))) { try XMLTableReaders.sheetCatalog(path: doctype) }
        let broken = try ExcelFixtures.temporaryFile(
            "broken-catalogue.xml",
            ExcelFixtures.workbookPrefix
                + "\n<Worksheet ss:Name=\"a\"><Table>\n<Row></Cell></Row>\n</Table></Worksheet></Workbook>")
        let error = #expect(throws: ReadError.self) { try XMLTableReaders.sheetCatalog(path: broken) }
        #expect(error?.location == .line(5))
    }

    @Test func xmlThatIsNotASpreadsheetIsRejected() throws {
        let path = try ExcelFixtures.temporaryFile("page.xml", "<?xml version=\"1.0\"?>\n<html><body/></html>")
        let error = #expect(throws: ReadError.self) { try XMLTableReaders.open(path: path, options: ReadOptions()) }
        #expect(error == ReadError(.notSpreadsheetXML(root: "html", namespace: nil), at: .line(2)))
    }

    @Test func aWorkbookWithoutWorksheetsIsRejected() throws {
        let path = try ExcelFixtures.temporaryFile("empty.xml", ExcelFixtures.workbookPrefix + "</Workbook>")
        let error = #expect(throws: ReadError.self) { try XMLTableReaders.open(path: path, options: ReadOptions()) }
        #expect(error == ReadError(.noWorksheet))
    }

    @Test func billionLaughsIsNotExpanded() throws {
        var declarations = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            let body = String(repeating: "&lol\(level - 1);", count: 10)
            declarations += "<!ENTITY lol\(level) \"\(body)\">\n"
        }
        let path = try ExcelFixtures.temporaryFile(
            "laughs.xml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE Workbook [
            \(declarations)]>
            <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
             xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="a"><Table>
            <Row><Cell><Data ss:Type="String">&lol9;</Data></Cell></Row>
            </Table></Worksheet></Workbook>
            """)
        let start = ContinuousClock.now
        let outcome = Result { () throws(ReadError) in
            try ExcelFixtures.rows(XMLTableReaders.open(path: path, options: ReadOptions()))
        }
        #expect(ContinuousClock.now - start < .seconds(2))
        if case .success(let rows) = outcome {
            // Read without expansion: the reference is not replaced by a billion "lol"s.
            #expect(rows.allSatisfy { $0.cells.allSatisfy { $0.displayText.utf8.count < 1_000 } })
        }
    }

    @Test func externalEntitiesDoNotReadLocalFiles() throws {
        let path = try ExcelFixtures.temporaryFile(
            "xxe.xml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE Workbook [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
             xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="a"><Table>
            <Row><Cell><Data ss:Type="String">before&secret;after</Data></Cell></Row>
            </Table></Worksheet></Workbook>
            """)
        let outcome = Result { () throws(ReadError) in
            try ExcelFixtures.rows(XMLTableReaders.open(path: path, options: ReadOptions()))
        }
        switch outcome {
        case .success(let rows):
            #expect(rows.count == 1)
            #expect(!(rows.first?[0].displayText.contains("root:") ?? false))
        case .failure(let error):
            #expect(!error.description.contains("root:"))
        }
    }
}
