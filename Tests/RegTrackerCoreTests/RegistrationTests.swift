import Testing

@testable import RegTrackerCore

/// A registration row read through its column map (SPEC 1.2, 1.4).
@Suite("Registration rows")
struct RegistrationTests {
    static let columns = ColumnMap(
        headerRow: 1, headerRowCount: 1,
        columns: [
            .township: 0, .name: 1, .idNumber: 2, .phone: 3, .verdict: 4, .village: 5, .registeredAt: 6, .remark: 7,
        ],
        headers: ["乡镇", "姓名", "身份证号", "手机号码", "截图核验", "村", "注册时间", "备注"])

    func registration(_ cells: [Cell], township: String? = nil) -> Registration {
        Registration(
            row: SourceRow(number: 3, cells: cells), columns: Self.columns, townshipOverride: township,
            today: Given.today)
    }

    @Test("every field is read and normalised from its column")
    func readsEveryField() {
        let cells: [Cell] = [
            .text(" 青石 镇 "), .text("张三\u{200B}"), .text("11010519491231002x"), .number(13_800_138_000), .bool(true),
            .text("石桥村"), .number(44713), .text("本人"),
        ]
        let registration = registration(cells)
        #expect(registration.township == "青石 镇")
        #expect(registration.townshipKey == "青石镇")
        #expect(registration.name == "张三")
        #expect(registration.idNumber == .valid("11010519491231002X", key: Given.idKey("11010519491231002X")))
        #expect(registration.phone == .valid("13800138000", key: 13_800_138_000))
        #expect(registration.verdict == .valid)
        #expect(registration.village == "石桥村")
        #expect(registration.registeredAt == .date(CellDate(year: 2022, month: 6, day: 1)))
        #expect(registration.problems.isEmpty)
    }

    @Test("--township fills a missing or empty township cell", arguments: [[Cell](), [.empty], [.text("  ")]])
    func townshipOverrideFillsEmpty(township: [Cell]) {
        let cells = (township.isEmpty ? [Cell.empty] : township) + [.text("张三"), .text("11010519491231002X")]
        #expect(registration(cells, township: "青石镇").township == "青石镇")
    }

    @Test("--township leaves a non-empty township cell as it is")
    func townshipOverrideKeepsCell() {
        let cells: [Cell] = [.text("城关镇"), .text("张三"), .text("11010519491231002X")]
        #expect(registration(cells, township: "青石镇").township == "城关镇")
    }

    @Test("without --township an empty cell stays empty")
    func noOverride() {
        #expect(registration([.empty, .text("张三"), .text("11010519491231002X")]).township == "")
    }

    @Test(
        "rows below the header that are not registrations are skipped, with why (SPEC 1.4)",
        arguments: [
            ([Cell.text("青石镇"), .empty, .empty, .empty, .text("有效")], SkippedRowReason.blank),
            ([Cell](), .blank),
            ([Cell.empty, .text("合计"), .empty, .empty], .nameMarker),
            ([Cell.empty, .text("合 计：60人"), .empty, .empty], .nameMarker),
            ([Cell.empty, .text("填 报 人：李四"), .empty, .empty], .nameMarker),
            ([Cell.empty, .text("注：截图另附"), .empty, .empty], .nameMarker),
            ([Cell.empty, .text("联系人：张三"), .empty, .text("13800138000")], .nameMarker),
            // A signature line whose labels stand in other columns than the name's.
            ([Cell.text("填报人：李四"), .empty, .text("审核人：王五")], .markers),
            ([Cell.text("填报人:李四"), .empty, .empty, .text("联系电话：13800138000")], .markers),
            ([Cell.number(12), .empty, .text("填表人：李四"), .text("日期：2024-06-30")], .markers),
            ([Cell.empty, .empty, .text("合计：35人"), .text("小计")], .markers),
            ([Cell.text("合计"), .text("35人"), .text("12")], .totals),
            ([Cell.text("总计"), .text("张三"), .empty, .text("138"), .empty], .totals),
        ])
    func skippedRows(cells: [Cell], reason: SkippedRowReason) {
        #expect(
            Registration.skipReason(SourceRow(number: 9, cells: cells), columns: Self.columns, today: Given.today)
                == reason)
    }

    @Test(
        "rows with a person's data are registrations, even beside a totals word",
        arguments: [
            [Cell.empty, .text("张三")],
            [Cell.empty, .empty, .text("510102********1234")],
            [Cell.empty, .empty, .empty, .text("13800138000")],
            [Cell.text("合计"), .text("张三"), .empty, .text("13800138000")],
            [Cell.text("青石镇"), .text("注意"), .text("11010519491231002X")],
            [Cell.text("青石镇"), .text("单位"), .text("bad id")],
        ])
    func registrations(cells: [Cell]) {
        #expect(
            Registration.skipReason(SourceRow(number: 9, cells: cells), columns: Self.columns, today: Given.today)
                == nil)
    }

    @Test("digits alone are a row number only in the 序号 column or the first column")
    func rowNumbers() {
        let columns = ColumnMap(
            headerRow: 1, headerRowCount: 1, columns: [.name: 2, .idNumber: 3, .phone: 4],
            headers: ["乡镇", "序号", "姓名", "身份证号", "手机号码"])
        func reason(_ cells: [Cell]) -> SkippedRowReason? {
            Registration.skipReason(SourceRow(number: 5, cells: cells), columns: columns, today: Given.today)
        }
        #expect(reason([.text("7"), .number(7), .empty, .text("制表：王五")]) == .markers)
        #expect(reason([.empty, .empty, .empty, .text("制表：王五"), .text("42")]) == nil)
    }

    @Test("an ID number or phone from the wrong kind of cell makes the row malformed")
    func wrongCellKind() {
        let registration = registration([
            .text("青石镇"), .text("张三"), .number(510_102_199_001_011_264), .text("13800138000"),
        ])
        #expect(registration.problems == [.idStoredAsNumber])
    }
}
