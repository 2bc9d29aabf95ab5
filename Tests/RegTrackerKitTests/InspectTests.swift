import Foundation
import RegTrackerCore
import RegTrackerIO
import RegTrackerKit
import RegTrackerRender
import Testing

/// Issue 8: `inspect` says what import would make of a file, and stores nothing.
@Suite struct InspectTests {
    static let list = """
        青石镇国家反诈中心APP注册名单
        填报单位：青石镇
        序号,姓名,身份证号,手机号码,截图核验,乡镇,性别
        1,张三,11010519491231002X,13800138000,有效,青石镇,男
        2,李四,123,,,青石镇,女
        3,王五,,13900139000,无效,青石镇,男
        4,赵六,,13700137000,,白石镇,女

        ,合计：4人
        填报人：钱七 13600136000

        """

    func inspect(_ inbox: TestInbox, _ text: String = list, withStore: Bool = false, rows: Int = 20) throws
        -> Inspection
    {
        let path = try inbox.file("青石镇.csv", text)
        return try FileInspector(store: withStore ? inbox.store : nil, today: inbox.clock.today)
            .inspect(path: path, options: ReadOptions(), township: nil, rows: rows)
    }

    @Test func aListWithTitlesAndFootersShowsHeaderMappingAndSkippedRowsWithTheirNumbers() throws {
        let inbox = try TestInbox()
        let inspection = try inspect(inbox)

        #expect(inspection.description.format == .csv)
        #expect(inspection.description.encoding == "utf-8")
        #expect(inspection.description.delimiter == ",")
        #expect(inspection.lineEndings == .lf)
        #expect(inspection.headerRow == 3)
        #expect(
            inspection.mapping.map { "\($0.field!.rawValue)←\($0.letter) \($0.header)" } == [
                "name←B 姓名", "id_number←C 身份证号", "phone←D 手机号码", "verdict←E 截图核验", "township←F 乡镇",
            ])
        #expect(inspection.unmapped.map { "\($0.letter) \($0.header)" } == ["A 序号", "G 性别"])
        #expect(inspection.titleRows.map(\.number) == [1, 2])
        #expect(inspection.titleRows[1].text == "填报单位:青石镇")
        // Row 8 is blank, 9 the totals, 10 the signature (its phone masked).
        #expect(inspection.skippedBelow == 3)
        #expect(inspection.footerRows.map(\.number) == [9, 10])
        #expect(inspection.footerRows[1].text == "填报人:钱七 136****6000")
        #expect(inspection.dataRows == 4)
    }

    @Test func dataRowsAreNormalisedMaskedAndCheckedOnTheirOwn() throws {
        let inbox = try TestInbox()
        let inspection = try inspect(inbox, rows: 3)

        #expect(inspection.rows.map(\.number) == [4, 5, 6])
        let first = Dictionary(uniqueKeysWithValues: inspection.rows[0].fields.map { ($0.field, $0.value) })
        #expect(first[.idNumber] == "110105********002X")
        #expect(first[.phone] == "138****8000")
        #expect(first[.name] == "张三")
        #expect(inspection.rows[0].check == .passes)
        #expect(inspection.rows[1].check.kind == .malformed)
        #expect(ReasonText.text(inspection.rows[1].check.reasons, in: .english).contains("ID number"))
        #expect(inspection.rows[2].check == .flagged)
        // Without a database the townships are not checked: 白石镇 passes here.
        #expect(!inspection.rosterChecked)
        #expect(inspection.checkCounts == [.passes: 2, .malformed: 1, .flagged: 1])
    }

    @Test func withARosterAnUnknownTownshipIsUnassignedWithASuggestion() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let inspection = try inspect(inbox, withStore: true)

        #expect(inspection.rosterChecked)
        #expect(inspection.rows[3].check.kind == .unassigned)
        #expect(ReasonText.text(inspection.rows[3].check.reasons, in: .english).contains("白石镇"))
        #expect(inspection.rows[0].check == .passes)
        #expect(try inbox.batchCount() == 1, "inspect stores nothing")
    }

    @Test func aRejectedFileThrowsTheErrorImportGives() throws {
        let inbox = try TestInbox()
        let text = "标题\n序号,乡镇,手机号码\n1,青石镇,13800138000\n"
        let imported = try inbox.register("青石镇.csv", text)
        guard case .rejected(let importError) = imported else {
            Issue.record("import did not reject the file")
            return
        }
        #expect(throws: ImportError.self) { try self.inspect(inbox, text) }
        do {
            _ = try inspect(inbox, text)
        } catch let error as ImportError {
            #expect(error.description == importError.description)
        }
    }

    @Test(arguments: [
        ("a\r\nb\r\n", LineEndings.crlf), ("a\nb\n", .lf), ("a\rb\rc", .cr), ("a\r\nb\n", .mixed), ("abc", .none),
        ("\"x\ny\"\r\nz\r\n", .crlf),
    ])
    func lineEndingsAreDetectedOutsideQuotes(text: String, expected: LineEndings) throws {
        let inbox = try TestInbox()
        #expect(try LineEndings.detect(path: try inbox.file("x.csv", text)) == expected)
    }

    /// Excel's Unicode text: `\n` (0x0A) as the low byte of 上 (U+4E0A) is part of a character, not a line feed.
    @Test(arguments: [false, true])
    func lineEndingsOfUTF16AreCountedByCodeUnit(bigEndian: Bool) throws {
        let units = Array("上海\t青石镇\r\n上\t镇\r\n".utf16)
        let bytes = units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let inbox = try TestInbox()
        let path = try inbox.file("u.txt", "")
        try Data((bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + bytes).write(to: URL(fileURLWithPath: path))
        #expect(try LineEndings.detect(path: path) == .crlf)
    }

    @Test func theCellGridIsTheReadersViewWithTypesAndShortestNumbers() throws {
        let inbox = try TestInbox()
        let path = try inbox.file("grid.csv", "标题\n\n姓名,,\"\"\n1,0.1\n")
        let grid = try CellGrid.read(path: path, options: ReadOptions())
        #expect(grid.rows.map(\.number) == [1, 3, 4])
        #expect(CellGrid.entries(grid.rows[1]).map(\.column) == [0], "empty and quoted-empty cells are left out")
        let numbers = SourceRow(number: 1, cells: [.number(13_800_138_000), .number(0.1), .bool(true), .error("#N/A")])
        #expect(
            CellGrid.entries(numbers).map { "\($0.type):\($0.value)" } == [
                "n:13800138000", "n:0.1", "b:true", "e:#N/A",
            ])
        let date = SourceRow(number: 1, cells: [.date(CellDate(year: 2022, month: 6, day: 1, hour: 8, minute: 30))])
        #expect(CellGrid.entries(date).map(\.value) == ["2022-06-01T08:30:00"])
    }
}
