import Foundation
import RegTrackerCore
import RegTrackerIO
import RegTrackerRender
import Testing

@testable import RegTrackerKit

/// Lists as township clerks make them (SPEC 1.2, 1.4, 1.5, 1.6), in every format: no township column (the title
/// names it), a verdict headed 是否截图, a signature line whose labels stand in several columns, an ID typed with
/// Excel's text marker, a phone with (+86); workbooks with a hidden dropdown sheet first, a second village sheet
/// and a sheet of invalid screenshots that must not be read.
@Suite struct ClerkFilesTests {
    let ids = TestInbox.ids
    let phones = TestInbox.phones

    enum Format: String, CaseIterable, CustomStringConvertible {
        /// `et`: the .xls under WPS's name for it, the same format (SPEC 1).
        case utf8CSV, gbkCSV, xlsx, spreadsheetML, xls, et
        var description: String { rawValue }
        var isWorkbook: Bool { self != .utf8CSV && self != .gbkCSV }
    }

    var listRows: [[String]] {
        [
            ["白沙镇国家反诈中心APP注册名单（截至11月30日）"],
            ["序号", "姓名", "身份证号码", "联系电话", "是否截图"],
            ["1", "张三", "'" + ids[0], "（+86）138 0013 8000", "是"],
            ["2", "李四", ids[1], "", "否"],
            ["3", "王五", ids[2], "", ""],
            ["填报人：李四", "", "审核人：王五", "", ""],
        ]
    }

    var sheets: [SampleSheet] {
        [
            SampleSheet(name: "下拉", rows: [["是否截图", "姓名"], ["是", "无"]], hidden: true),
            SampleSheet(name: "名单", rows: listRows, mergedTitle: true),
            SampleSheet(
                name: "河坝村",
                rows: [["白沙镇河坝村注册名单"], ["序号", "姓名", "身份证号码", "联系电话", "是否截图"], ["1", "赵六", ids[3], "", "是"]]),
            SampleSheet(
                name: "无效截图", rows: [["序号", "姓名", "身份证号码", "联系电话", "是否截图"], ["1", "钱七", ids[4], "", "否"]]),
        ]
    }

    /// The list saved as `format` under a name that names no township; nil when the tool to make it is missing.
    func write(_ format: Format, into inbox: TestInbox) throws -> String? {
        let csv = listRows.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        switch format {
        case .utf8CSV:
            return try inbox.file("名单-11月.csv", csv)
        case .gbkCSV:
            return try inbox.file("名单-11月.csv", bytes: try TextDecoding.gb18030(csv))
        case .spreadsheetML:
            return try inbox.file("名单-11月.xml", SampleSheets.spreadsheetML(sheets))
        case .xlsx, .xls, .et:
            let path = inbox.folder + "/名单-11月.xlsx"
            try SampleSheets.writeXLSX(sheets, to: path)
            if format == .xlsx { return path }
            guard let xls = try LibreOffice.convert(path, to: "xls", in: inbox.folder) else { return nil }
            if format == .xls { return xls }
            let et = inbox.folder + "/名单-11月.et"
            try FileManager.default.moveItem(atPath: xls, toPath: et)
            return et
        }
    }

    @Test("a clerk's list counts as a careful reader counts it", arguments: Format.allCases)
    func clerkList(format: Format) throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        guard let path = try write(format, into: inbox) else { return }
        let summary = try #require(inbox.register(path: path).summary, "\(format)")
        // 张三 (text-marked ID, +86 phone) and 王五 count; 李四's screenshot is marked 否; the signature is skipped.
        #expect(summary.township == "白沙镇")
        #expect(summary.townshipFrom == .title)
        #expect(summary.skippedByReason[.markers] == 1)
        if format.isWorkbook {
            #expect(summary.rows == 4)
            #expect(summary.outcomes == [.valid: 3, .flagged: 1])
            #expect(summary.sheets.map(\.name) == ["下拉", "名单", "河坝村", "无效截图"])
            #expect(summary.sheets.map(\.skip) == [.hidden, nil, nil, .excludedName(word: "无效")])
            #expect(summary.sheets.map(\.rows) == [0, 3, 1, 0])
        } else {
            #expect(summary.rows == 3)
            #expect(summary.outcomes == [.valid: 2, .flagged: 1])
            #expect(summary.sheets.isEmpty)
        }
        let figures = try inbox.figures("白沙镇")
        #expect(figures.counts.flagged == 1)
        #expect(figures.counts.valid == (format.isWorkbook ? 3 : 2))
    }

    @Test(
        "inspect says where the township came from, which sheets it reads and which rows it skips",
        arguments: [Format.xlsx, .spreadsheetML])
    func inspectClerkWorkbook(format: Format) throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let path = try #require(try write(format, into: inbox))
        let inspection = try FileInspector(store: inbox.store, today: inbox.clock.today)
            .inspect(path: path, options: ReadOptions(), township: nil, rows: 10)
        #expect(inspection.township == "白沙镇")
        #expect(inspection.townshipFrom == .title)
        #expect(inspection.sheets.map(\.skip) == [.hidden, nil, nil, .excludedName(word: "无效")])
        #expect(inspection.footerRows.map(\.skipReason) == [.markers])
        #expect(inspection.footerRows.map(\.sheet) == ["名单"])
        #expect(inspection.rows.map(\.sheet) == ["名单", "名单", "名单", "河坝村"])
        #expect(inspection.checkCounts == [.passes: 3, .flagged: 1])
        guard case .object(let members) = inspection.json(warningText: { "\($0)" }) else { return }
        #expect(members.first { $0.0 == "sheets" }?.1 == .array(["下拉", "名单", "河坝村", "无效截图"].map(JSONValue.string)))
    }

    @Test("inspect on a database without a roster refuses a list without a township column, as import does")
    func inspectWithoutRoster() throws {
        let inbox = try TestInbox()
        let path = try inbox.file("白沙镇-11月.csv", "姓名,身份证号\n张三,\(ids[0])\n")
        let inspected = #expect(throws: ImportError.self) {
            _ = try FileInspector(store: inbox.store, today: inbox.clock.today)
                .inspect(path: path, options: ReadOptions(), township: nil, rows: 10)
        }
        guard case .noTownshipColumn(.noRoster) = inspected?.problem else {
            Issue.record("expected no township column and no roster, got \(String(describing: inspected))")
            return
        }
        guard case .rejected(let error) = inbox.register(path: path), case .noTownshipColumn(.noRoster) = error.problem
        else {
            Issue.record("import should reject it the same way")
            return
        }
    }

    @Test("with no township column the file name names the township when the title does not")
    func townshipFromFileName() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let summary = try #require(try inbox.register("白沙镇-11月.csv", "姓名,身份证号\n张三,\(ids[0])\n").summary)
        #expect(summary.township == "白沙镇")
        #expect(summary.townshipFrom == .fileName)
        #expect(try inbox.figures("白沙镇").counts.valid == 1)
    }

    @Test("a list naming no township, or two alike, is rejected asking for --township; nothing is stored")
    func townshipUnknownOrAmbiguous() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let none = try #require(try inbox.register("11月名单.csv", "注册名单\n姓名,身份证号\n张三,\(ids[0])\n").rejection)
        #expect(none.message.contains("--township"))
        let both = try #require(
            try inbox.register("名单.csv", "青石镇、白沙镇联合注册名单\n姓名,身份证号\n张三,\(ids[0])\n").rejection)
        #expect(both.message.contains("青石镇 and 白沙镇"))
        #expect(both.message.contains("--township"))
        #expect(try inbox.batchCount() == 1)
        // --township settles it.
        let given = try #require(
            try inbox.register("名单2.csv", "青石镇、白沙镇联合注册名单\n姓名,身份证号\n张三,\(ids[0])\n", township: "白沙镇").summary)
        #expect(given.townshipFrom == .option)
    }

    @Test("without a roster a list without a township column is rejected")
    func townshipNeedsRoster() throws {
        let inbox = try TestInbox()
        let error = try #require(try inbox.register("白沙镇.csv", "姓名,身份证号\n张三,\(ids[0])\n").rejection)
        #expect(error.message.contains("roster"))
    }

    @Test("a corrected resubmission keeps its place: its people still count for it, not for a later township")
    func replacementKeepsItsPlace() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        _ = try inbox.register("青石镇.csv", "乡镇,姓名,身份证号\n青石镇,张三,\(ids[0])\n青石镇,李四,\(ids[1])\n")
        _ = try inbox.register("白沙镇.csv", "乡镇,姓名,身份证号\n白沙镇,张三,\(ids[0])\n白沙镇,李四,\(ids[1])\n")
        #expect(try inbox.figures("白沙镇").counts.duplicates == 2)
        // 青石镇 corrects a name and sends the whole list again.
        let summary = try #require(
            try inbox.register(
                "青石镇.csv", "乡镇,姓名,身份证号\n青石镇,张三,\(ids[0])\n青石镇,李肆,\(ids[1])\n", replace: true
            ).summary)
        #expect(summary.replaced == [2])
        #expect(summary.outcomes == [.valid: 2])
        #expect(summary.reevaluated == 0)
        #expect(try inbox.figures("青石镇").counts.valid == 2)
        #expect(try inbox.figures("白沙镇").counts.duplicates == 2)
        #expect(summary.warnings.isEmpty)
    }

    @Test("--replace with no batch of that name imports at the end and warns")
    func replaceWithNothingToReplace() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let summary = try #require(
            try inbox.register("新名单.csv", "乡镇,姓名,身份证号\n青石镇,张三,\(ids[0])\n", replace: true).summary)
        #expect(summary.replaced.isEmpty)
        #expect(summary.warnings.contains(.nothingReplaced))
    }

    @Test("a roster that would orphan rows is refused, listing what it would lose; --force imports it")
    func rosterTypoRefused() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        _ = try inbox.register(
            "白沙镇.csv", "乡镇,姓名,身份证号,截图核验\n白沙镇,张三,\(ids[0]),\n白沙镇,李四,\(ids[1]),否\n")
        let typo = "乡镇名称,实有人口\n青石镇,10\n白莎镇,4\n"
        let refused = try #require(try inbox.roster(named: "typo.csv", typo).rejection)
        #expect(refused.message.contains("白沙镇: 2 rows (1 valid)"))
        #expect(refused.message.contains("--force"))
        #expect(try inbox.figures("白沙镇").counts.valid == 1)
        let forced = try #require(try inbox.roster(named: "typo.csv", typo, force: true).summary)
        #expect(forced.rowsLost == [RowsLost(township: "白沙镇", rows: 2, valid: 1)])
        #expect(forced.rosterChanges?.added == ["白莎镇"])
        #expect(forced.rosterChanges?.dropped == ["白沙镇"])
        #expect(try inbox.report().unassigned == 2)
    }

    @Test("a roster that keeps the old name as an alias is a rename, not a loss")
    func rosterRenameByAlias() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        _ = try inbox.register("白沙镇.csv", "乡镇,姓名,身份证号\n白沙镇,张三,\(ids[0])\n")
        let summary = try #require(
            try inbox.roster(named: "new.csv", "镇街,实有人口,别名\n青石镇,12,青石\n白沙街道,4,白沙镇\n").summary)
        #expect(summary.rosterChanges?.renamed.map(\.to) == ["白沙街道"])
        #expect(summary.rosterChanges?.populations.map(\.to) == [12])
        #expect(summary.rowsLost.isEmpty)
        // The same township under its new name: no row changed outcome.
        #expect(summary.reevaluated == 0)
        #expect(try inbox.figures("白沙街道").counts.valid == 1)
    }

    @Test("a roster that changes only populations changes no outcome, and says so")
    func populationOnlyRoster() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        _ = try inbox.register("a.csv", "乡镇,姓名,身份证号\n青石镇,张三,\(ids[0])\n白沙镇,李四,\(ids[1])\n")
        let summary = try #require(try inbox.roster(named: "new.csv", "乡镇,实有人口,别名\n青石镇,20,青石\n白沙镇,8,\n").summary)
        #expect(summary.reevaluated == 0)
        #expect(summary.rosterChanges?.populations.map(\.to) == [20, 8])
    }

    @Test(
        "a workbook of one sheet names it too, its rows placed by row alone as a table's",
        arguments: [Format.xlsx, .spreadsheetML])
    func oneSheetWorkbook(format: Format) throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let sheet = SampleSheet(name: "名单", rows: listRows)
        let path: String
        if format == .xlsx {
            path = inbox.folder + "/名单-11月.xlsx"
            try SampleSheets.writeXLSX([sheet], to: path)
        } else {
            path = try inbox.file("名单-11月.xml", SampleSheets.spreadsheetML([sheet]))
        }
        let summary = try #require(inbox.register(path: path).summary)
        #expect(summary.sheets.map(\.name) == ["名单"])
        #expect(summary.sheets.map(\.rows) == [3])
        #expect(summary.sheets.map(\.township) == ["白沙镇"])
        let rejects = try ReportService(store: inbox.store).rejects(township: nil)
        #expect(!rejects.isEmpty && rejects.allSatisfy { !$0.fileName.contains("›") })
    }

    @Test("a roster workbook names the sheets it read and skipped, as a registration list does (SPEC 1.6)")
    func rosterSheets() throws {
        let inbox = try TestInbox()
        let path = inbox.folder + "/人口底数.xml"
        try Data(
            SampleSheets.spreadsheetML([
                SampleSheet(name: "说明", rows: [["本表由联席办下发"]]),
                SampleSheet(name: "乡镇", rows: [["乡镇", "实有人口"], ["青石镇", "10"], ["白沙镇", "4"]]),
                SampleSheet(name: "旧表", rows: [["乡镇", "实有人口"], ["旧镇", "1"]], hidden: true),
            ]).utf8
        ).write(to: URL(fileURLWithPath: path))
        let summary = try #require(
            RosterImport(store: inbox.store, clock: inbox.clock).run(path: path, options: ReadOptions()).summary)
        #expect(summary.sheets.map(\.name) == ["说明", "乡镇", "旧表"])
        #expect(summary.sheets.map(\.skip) == [.noHeader, nil, .hidden])
        #expect(summary.sheets.map(\.rows) == [0, 2, 0])
    }

    @Test("an earlier roster imported again stands again; the roster in force imported again is a no-op")
    func earlierRosterAgain() throws {
        let inbox = try TestInbox()
        let first = "乡镇,实有人口\n青石镇,10\n白沙镇,4\n"
        let firstBatch = try #require(try inbox.roster(named: "a.csv", first).summary?.batch)
        _ = try #require(try inbox.roster(named: "b.csv", "乡镇,实有人口\n青石镇,20\n白沙镇,8\n").summary)
        let again = try #require(try inbox.roster(named: "a.csv", first).summary)
        #expect(again.batch > firstBatch)
        #expect(again.rosterChanges?.populations.map(\.to) == [10, 4])
        #expect(try inbox.figures("青石镇").population == 10)
        guard case .alreadyImported(_, let batch) = try inbox.roster(named: "a.csv", first) else {
            Issue.record("the roster in force imported again should be a no-op")
            return
        }
        #expect(batch == again.batch)
    }

    @Test("a file whose IDs all lost their digits, or with no data rows, imports with a whole-file warning")
    func wholeFileWarnings() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let numbers = (0..<4).map { "青石镇,人\($0),5.13921E+17" }.joined(separator: "\n")
        let summary = try #require(try inbox.register("numbers.csv", "乡镇,姓名,身份证号\n\(numbers)\n").summary)
        #expect(summary.warnings == [.mostlyInvalid(rows: 4, of: 4, reason: .idStoredAsNumber)])
        let empty = try #require(try inbox.register("empty.csv", "乡镇,姓名,身份证号\n").summary)
        #expect(empty.warnings == [.noDataRows])
        #expect(empty.warnings.allSatisfy { $0.isWholeFile })
    }

    @Test("a row is counted under each of its problems: names missing from most rows warn, whatever else they lack")
    func wholeFileWarningAmongOtherProblems() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let rows = [
            "青石镇,,\(ids[0]),", "青石镇,,\(ids[1]),", "青石镇,,\(ids[2]),12345", "青石镇,,\(ids[3]),23456",
            "青石镇,,5.13921E+17,", "青石镇,张三,,\(phones[0])",
        ]
        let summary = try #require(
            try inbox.register("names.csv", "乡镇,姓名,身份证号,手机号\n" + rows.joined(separator: "\n") + "\n").summary)
        #expect(summary.warnings == [.mostlyInvalid(rows: 5, of: 6, reason: .nameMissing)])
        let fewer = try #require(
            try inbox.register(
                "fewer.csv", "乡镇,姓名,身份证号,手机号\n青石镇,,\(ids[4]),\n青石镇,王五,,12345\n青石镇,赵六,,\(phones[1])\n"
            ).summary)
        #expect(fewer.warnings.isEmpty)
    }

    @Test("an unused column that mentions 截图 is warned about")
    func unreadVerdictColumn() throws {
        let inbox = try TestInbox()
        _ = try inbox.roster()
        let summary = try #require(
            try inbox.register("a.csv", "乡镇,姓名,身份证号,截图时间\n青石镇,张三,\(ids[0]),11-30\n").summary)
        #expect(summary.warnings == [.unreadVerdictColumn(header: "截图时间", sheet: nil)])
    }
}

/// LibreOffice, for .xls fixtures made from .xlsx files (`make test-setup` installs it).
enum LibreOffice {
    static let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Converts `path` to `format` in `folder`; nil (with a note on stderr) when LibreOffice is missing.
    static func convert(_ path: String, to format: String, in folder: String) throws -> String? {
        guard let soffice else {
            FileHandle.standardError.write(Data("LibreOffice is not installed: the .\(format) case is skipped\n".utf8))
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = [
            "-env:UserInstallation=file://\(folder)/lo-profile", "--headless", "--convert-to", format, "--outdir",
            folder + "/converted", path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension + "." + format
        let converted = folder + "/converted/" + name
        guard FileManager.default.fileExists(atPath: converted) else { throw CocoaError(.fileNoSuchFile) }
        return converted
    }
}
