import Testing

@testable import RegTrackerCore

/// SPEC 1.4: the header row below title rows, noisy header cells, two-row headers, required columns.
@Suite("Header detection")
struct HeaderDetectorTests {
    static let title = ["青石镇国家反诈中心APP注册名单（截至6月30日）"]

    func detect(_ rows: [SourceRow], kind: FileKind = .registrations)
        -> Result<(map: ColumnMap, dataStart: Int), HeaderError>
    {
        HeaderDetector.detect(kind: kind, rows: rows)
    }

    func error(_ rows: [SourceRow], kind: FileKind = .registrations) -> HeaderError? {
        guard case .failure(let error) = detect(rows, kind: kind) else { return nil }
        return error
    }

    @Test("the header is found below title rows and blank lines, and the data starts right under it")
    func belowTitleRows() throws {
        // Given a title, a blank line, a subtitle and then the header
        let rows = Given.rows([
            Self.title, [], ["填报单位：青石镇", "", "填报日期：2024-06-30"],
            ["序号", "乡镇", "姓名", "身份证号", "手机号码", "截图核验", "备注"],
            ["1", "青石镇", "张三", "11010519491231002X", "13800138000", "有效", ""],
        ])
        // When the header is detected
        let (map, dataStart) = try detect(rows).get()
        // Then it is row 4 and every field is in its column
        #expect(map.headerRow == 4)
        #expect(map.headerRowCount == 1)
        #expect(dataStart == 4)
        #expect(map.columns == [.township: 1, .name: 2, .idNumber: 3, .phone: 4, .verdict: 5, .remark: 6])
        #expect(map.unmappedColumns == [0])
        #expect(map.cell(.name, in: rows[dataStart]) == .text("张三"))
    }

    @Test(
        "noisy header cells match after normalising",
        arguments: [
            ("*姓名", Field.name), ("**姓名", .name), ("身份证号（18位）", .idNumber), ("身份证号(18位)", .idNumber),
            ("手 机 号", .phone), ("手\u{3000}机\u{3000}号", .phone), (" 联系电话 ", .phone), ("＊手机号码（必填）", .phone),
            ("\u{200B}姓名", .name), ("ID_Number", .idNumber), ("Phone", .phone), ("乡镇（街道）", .township),
            ("镇（街道）", .township), ("村（社区）", .village), ("所属村（社区）", .village), ("注册时间（年月日）", .registeredAt),
            ("截图是否有效", .verdict), ("*备注", .remark), ("身份证号码（18位（含X））", .idNumber),
            ("手机号（选填）（11位）", .phone), ("村（社区）（填全称）", .village),
        ])
    func noisyHeaderCell(text: String, field: Field) {
        #expect(HeaderName.field(for: .text(text), kind: .registrations) == field)
    }

    @Test(
        "every header name of SPEC 1.2 names its field",
        arguments: FileKind.registrations.headerNames.flatMap { field, names in names.map { ($0, field) } })
    func everyRegistrationHeaderName(name: String, field: Field) {
        #expect(HeaderName.field(for: .text(name), kind: .registrations) == field)
    }

    @Test("an invalid list of one column (an ID number or a phone) has that column's name as its header")
    func oneColumnInvalidList() throws {
        let rows = Given.rows([["无效名单（11月）"], ["序号", "身份证号"], ["1", "11010519491231002X"]])
        let (map, dataStart) = try detect(rows, kind: .invalidList).get()
        #expect(map.column(of: .idNumber) == 1)
        #expect(dataStart == 2)
        let phones = try detect(Given.rows([["手机号码"], ["13800138000"]]), kind: .invalidList).get()
        #expect(phones.map.column(of: .phone) == 0 && phones.dataStart == 1)
        // A registration list still needs two known names (SPEC 1.4).
        #expect(error(Given.rows([["身份证号"], ["11010519491231002X"]])) != nil)
        // One name of another field is no invalid list's header.
        #expect(error(Given.rows([["原因"], ["重复"]]), kind: .invalidList) != nil)
    }

    @Test("cells that name no field match nothing", arguments: ["序号", "性别", "联系方式", "", "*", "（备注）", "姓名1"])
    func unknownHeader(text: String) {
        #expect(HeaderName.field(for: .text(text), kind: .registrations) == nil)
    }

    @Test("a numeric cell is never a header name")
    func numericCellIsNotAHeader() {
        #expect(HeaderName.field(for: .number(1), kind: .registrations) == nil)
    }

    @Test("noisy cells in a real header row map their columns")
    func noisyHeaderRow() throws {
        let rows = Given.rows([Self.title, ["序号", "*乡镇", "*姓名", "身份证号（18位）", "手 机 号"]])
        let (map, dataStart) = try detect(rows).get()
        #expect(map.headerRow == 2)
        #expect(dataStart == 2)
        #expect(map.columns == [.township: 1, .name: 2, .idNumber: 3, .phone: 4])
    }

    @Test("a two-row header takes the names under a group cell and starts the data below both rows")
    func twoRowHeader() throws {
        // Given a group cell 联系方式 over 手机号码, and a second row that leaves known columns empty
        let rows = Given.rows([
            Self.title,
            ["序号", "乡镇", "姓名", "身份证号", "联系方式", ""],
            ["", "", "", "", "手机号码", "备注"],
            ["1", "青石镇", "张三", "11010519491231002X", "13800138000", "本人"],
        ])
        // When the header is detected
        let (map, dataStart) = try detect(rows).get()
        // Then both rows make the header and the phone and remark come from the second
        #expect(map.headerRow == 2)
        #expect(map.headerRowCount == 2)
        #expect(dataStart == 3)
        #expect(map.columns == [.township: 1, .name: 2, .idNumber: 3, .phone: 4, .remark: 5])
        #expect(map.headers == ["序号", "乡镇", "姓名", "身份证号", "联系方式/手机号码", "备注"])
        #expect(map.cell(.phone, in: rows[dataStart]) == .text("13800138000"))
    }

    @Test("a required column found only in the second header row is enough")
    func requiredColumnInSecondRow() throws {
        let rows = Given.rows([["乡镇", "姓名", "联系方式", ""], ["", "", "身份证号", "手机号码"]])
        let (map, dataStart) = try detect(rows).get()
        #expect(map.columns == [.township: 0, .name: 1, .idNumber: 2, .phone: 3])
        #expect(dataStart == 2)
    }

    @Test("a data row under a one-row header is not taken for a second header row")
    func oneRowHeaderFollowedByData() throws {
        let rows = Given.rows([
            ["乡镇", "姓名", "身份证号", "手机号码"],
            ["青石镇", "张三", "11010519491231002X", "13800138000"],
        ])
        let (map, dataStart) = try detect(rows).get()
        #expect(map.headerRowCount == 1)
        #expect(dataStart == 1)
    }

    @Test("the header may be the 20th non-blank row; blank rows do not count")
    func twentiethNonBlankRow() throws {
        // Given 19 title rows with blank lines between them, then the header
        var texts: [[String]] = []
        for line in 1...19 { texts += [["标题 \(line)"], []] }
        texts.append(["乡镇", "姓名", "身份证号"])
        let (map, _) = try detect(Given.rows(texts)).get()
        #expect(map.headerRow == 39)
    }

    @Test("a header below the first 20 non-blank rows is not found")
    func headerTooLow() {
        let texts = (1...20).map { ["标题 \($0)"] } + [["乡镇", "姓名", "身份证号"]]
        guard case .failure(.noHeader(let firstRow, _)) = detect(Given.rows(texts)) else {
            Issue.record("expected noHeader")
            return
        }
        #expect(firstRow == ["标题 1"])
    }

    @Test("a file without any header row is rejected, showing its first row")
    func noHeader() {
        let rows = Given.rows([[], ["张三", "11010519491231002X", "13800138000"], ["李四", "110105199003071239", ""]])
        #expect(error(rows) == .noHeader(firstRowCells: ["张三", "11010519491231002X", "13800138000"]))
    }

    @Test("an empty file has no header")
    func emptyFile() {
        #expect(error([]) == .noHeader(firstRowCells: []))
        #expect(error(Given.rows([[], [""]])) == .noHeader(firstRowCells: []))
    }

    @Test("a row with a single known name is not a header")
    func oneMatchIsNotEnough() {
        let rows = Given.rows([["姓名"], ["张三"]])
        #expect(error(rows) == .noHeader(firstRowCells: ["姓名"]))
    }

    @Test("a missing name column rejects the file, listing the columns that were found")
    func missingName() {
        let rows = Given.rows([Self.title, ["序号", "乡镇", "身份证号", "手机号码"]])
        #expect(error(rows) == .missingColumns([.name], headerRow: 2, found: ["序号", "乡镇", "身份证号", "手机号码"]))
    }

    @Test("a file with neither ID number nor phone column is rejected naming both")
    func missingIDAndPhone() {
        let rows = Given.rows([["乡镇", "姓名", "村"]])
        #expect(error(rows) == .missingColumns([.idNumber, .phone], headerRow: 1, found: ["乡镇", "姓名", "村"]))
    }

    @Test("one of ID number and phone is enough", arguments: ["身份证号", "手机号码"])
    func eitherIDOrPhone(column: String) throws {
        let (map, _) = try detect(Given.rows([["乡镇", "姓名", column]])).get()
        #expect(map.columns.count == 3)
    }

    @Test("a list without a township column has a header: the township may come from the title or file name")
    func townshipColumnOptional() throws {
        // Given a list without a township column
        let rows = Given.rows([["姓名", "身份证号", "手机号码"]])
        // Then its header is found, with no township column
        let (map, dataStart) = try detect(rows).get()
        #expect(map.columns[.township] == nil)
        #expect(dataStart == 1)
    }

    @Test("a roster header uses the roster vocabulary")
    func rosterHeader() throws {
        let rows = Given.rows([["2024年人口底数"], ["序号", "乡镇（街道）", "实有人口", "目标", "别名"]])
        let (map, dataStart) = try detect(rows, kind: .roster).get()
        #expect(map.columns == [.township: 1, .population: 2, .target: 3, .aliases: 4])
        #expect(dataStart == 2)
    }

    @Test("a roster without a population column is rejected")
    func rosterWithoutPopulation() {
        let rows = Given.rows([["乡镇", "目标"]])
        #expect(error(rows, kind: .roster) == .missingColumns([.population], headerRow: 1, found: ["乡镇", "目标"]))
    }

    @Test("an invalid list needs only an ID number or phone column")
    func invalidListHeader() throws {
        let rows = Given.rows([["身份证号", "原因"]])
        let (map, _) = try detect(rows, kind: .invalidList).get()
        #expect(map.columns == [.idNumber: 0, .reason: 1])
    }
}
