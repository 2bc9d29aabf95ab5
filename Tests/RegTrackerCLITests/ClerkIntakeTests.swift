import Foundation
import Testing

/// What the office hears about files as clerks make them (SPEC 1.1, 1.2, 1.6, 3), through the built binary on the
/// sample inbox (`generate-samples`): the list named by its title only, the workbook with a hidden first sheet and
/// village sheets, whole-file warnings under `--quiet` and in `--json`, and a roster with a typo.
@Suite struct ClerkIntakeTests {
    func sampleInbox() throws -> RegTrackerBinary {
        let tool = try RegTrackerBinary()
        #expect(try tool.run("generate-samples", "--out", "inbox", "--seed", "2026").status == 0)
        #expect(try tool.run("population", "import", "inbox/roster/人口底数.csv").status == 0)
        return tool
    }

    @Test func importJSONSaysWhereTheTownshipCameFromAndWhichSheetsWereRead() throws {
        let tool = try sampleInbox()
        defer { tool.cleanUp() }
        let run = try tool.run("import", "--json", "inbox/06-补报名单-11月.csv", "inbox/07-白沙镇-分村名单.xlsx")
        #expect(run.status == 0, "\(run.stderr)")
        let files = run.json["files"] as? [[String: Any]] ?? []
        #expect(files.count == 2)
        #expect(files.first?["township"] as? String == "云溪镇")
        #expect(files.first?["township_from"] as? String == "title")
        // The totals line (合计：16人 in the 序号 column) and the signature line are skipped as markers.
        #expect((files.first?["skipped"] as? [String: Any])?["markers"] as? Int == 2)
        let sheets = files.last?["sheets"] as? [[String: Any]] ?? []
        #expect(sheets.map { $0["name"] as? String } == ["下拉选项", "白沙社区", "河坝村", "无效截图"])
        #expect(sheets.map { $0["read"] as? Bool } == [false, true, true, false])
        #expect(sheets.map { $0["skipped_because"] as? String } == ["hidden", nil, nil, "excluded_name"])
        #expect(sheets.compactMap { $0["rows"] as? Int } == [8, 8])
        // "有" and "无" are verdict words: 14 valid, 2 flagged, nothing malformed.
        let outcomes = files.last?["outcomes"] as? [String: Any] ?? [:]
        #expect(outcomes["valid"] as? Int == 14)
        #expect(outcomes["invalid_flagged"] as? Int == 2)
        #expect((files.last?["warnings"] as? [Any])?.isEmpty == true)
    }

    /// SPEC 1.2, 1.6: a list with a township column gets its townships from it, `--township` filling only empty
    /// cells, and every format's summary says so; a `--township` that is not in the roster is warned about; a
    /// workbook's one sheet without a header is named in the rejection.
    @Test func theSummarySaysWhereTownshipsCameFromInEveryFormat() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let folder = tool.workFolder
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        try write("roster.csv", "乡镇,实有人口\n青石镇,10\n城关镇,20\n")
        try write("list.csv", "乡镇,姓名,手机号码\n青石镇,张一,13800138000\n,张二,13900139000\n")
        func workbook(_ rows: [[String]]) -> String {
            let cells = rows.map { row in
                "<Row>" + row.map { "<Cell><Data ss:Type=\"String\">\($0)</Data></Cell>" }.joined() + "</Row>"
            }
            return """
                <?xml version="1.0"?>
                <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" \
                xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
                <Worksheet ss:Name="名单"><Table>\(cells.joined())</Table></Worksheet></Workbook>
                """
        }
        try write("book.xml", workbook([["乡镇", "姓名", "手机号码"], ["城关镇", "李一", "15000150000"]]))
        try write("noheader.xml", workbook([["李二", "15100151000"]]))
        #expect(try tool.run("population", "import", folder + "/roster.csv").status == 0)

        let option = try tool.run("import", "--json", "--township", "城关镇", folder + "/list.csv")
        let file = (option.json["files"] as? [[String: Any]])?.first
        #expect(file?["township_from"] as? String == "column", "\(option.stdout)")
        let report = try tool.run("report", "--json")
        let valid = (report.json["townships"] as? [[String: Any]] ?? []).map { $0["valid"] as? Int }
        #expect(valid == [1, 1], "青石镇 1 of 10, 城关镇 1 of 20: \(report.stdout)")

        let book = try tool.run("import", folder + "/book.xml")
        #expect(book.stdout.contains("sheet “名单”: 1 row, townships from the township column"), "\(book.stdout)")

        try write("list2.csv", "乡镇,姓名,手机号码\n,张三,18600186000\n")
        let typo = try tool.run("import", "--township", "青石真", folder + "/list2.csv")
        #expect(typo.status == 0)
        #expect(typo.stderr.contains("--township 青石真 is not in the roster"), "\(typo.stderr)")
        #expect(typo.stderr.contains("did you mean 青石镇?"), "\(typo.stderr)")

        let bare = try tool.run("import", folder + "/noheader.xml")
        #expect(bare.status == 1)
        #expect(bare.stderr.contains("noheader.xml: rejected: sheet “名单”: no header row"), "\(bare.stderr)")
    }

    @Test func wholeFileWarningsReachCronUnderQuietAndJSONCarriesThem() throws {
        let tool = try sampleInbox()
        defer { tool.cleanUp() }
        let rows = (1...4).map { "青石镇,人\($0),5.13921E+17" }.joined(separator: "\n")
        try Data("乡镇,姓名,身份证号\n\(rows)\n".utf8).write(to: URL(fileURLWithPath: tool.workFolder + "/numbers.csv"))
        let quiet = try tool.run("import", "--quiet", "numbers.csv", environment: ["LANG": "zh_CN.UTF-8"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty)
        #expect(quiet.stderr.contains("numbers.csv：4 行中有 4 行因同一原因无效"))
        try Data("乡镇,姓名,身份证号\n".utf8).write(to: URL(fileURLWithPath: tool.workFolder + "/empty.csv"))
        let json = try tool.run("import", "--json", "empty.csv")
        let warnings = (json.json["files"] as? [[String: Any]])?.first?["warnings"] as? [String]
        #expect(warnings == ["empty.csv: the file has no data rows"])
        #expect(json.stderr.contains("empty.csv: the file has no data rows"))
        // Without --quiet the summary line is on stdout and the warning on stderr; the JSON's texts are in the CLI's
        // language.
        try Data("乡镇,姓名,身份证号\n青石镇,,5.13921E+17\n".utf8).write(to: URL(fileURLWithPath: tool.workFolder + "/a.csv"))
        let plain = try tool.run("import", "a.csv")
        #expect(plain.stdout.contains("a.csv: batch"), "\(plain.stdout)")
        #expect(!plain.stdout.contains("invalid for one reason"), "\(plain.stdout)")
        #expect(plain.stderr.contains("a.csv: 1 of 1 rows are invalid for one reason"), "\(plain.stderr)")
        try Data("乡镇,姓名,身份证号\n白沙镇,,12345\n".utf8).write(to: URL(fileURLWithPath: tool.workFolder + "/b.csv"))
        let chinese = try tool.run("import", "--json", "b.csv", environment: ["LANG": "zh_CN.UTF-8"])
        let chineseWarnings = (chinese.json["files"] as? [[String: Any]])?.first?["warnings"] as? [String]
        #expect(chineseWarnings?.first?.hasPrefix("b.csv：1 行中有 1 行因同一原因无效") == true, "\(chinese.stdout)")
    }

    @Test func aRosterWithATypoIsRefusedUnlessForcedAndEveryRosterSaysWhatChanged() throws {
        let tool = try sampleInbox()
        defer { tool.cleanUp() }
        #expect(try tool.run("import", "--quiet", "inbox/02-白沙镇-注册名单.csv").status == 0)
        let roster = try String(contentsOfFile: tool.workFolder + "/inbox/roster/人口底数.csv", encoding: .utf8)
        try Data(roster.replacingOccurrences(of: "白沙镇", with: "白莎镇").utf8)
            .write(to: URL(fileURLWithPath: tool.workFolder + "/typo.csv"))
        let refused = try tool.run("population", "import", "typo.csv", environment: ["LANG": "zh_CN.UTF-8"])
        #expect(refused.status == 1)
        // In the CLI's language, as every problem found inside a file (SPEC 7).
        #expect(refused.stderr.contains("白沙镇 58 行（有效 49 行）"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--force"))
        // The roster in force still stands: 白沙镇 keeps its rows.
        let names = (try tool.run("report", "--json").json["townships"] as? [[String: Any]])?.compactMap {
            $0["township"] as? String
        }
        #expect(names?.contains("白沙镇") == true)
        let forced = try tool.run("population", "import", "--force", "typo.csv")
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("roster changes: added 白莎镇; dropped 白沙镇"))
        #expect(forced.stderr.contains("白沙镇 58 rows"), "\(forced.stderr)")
        #expect(try tool.run("report", "--json").json["unassigned"] as? Int == 58)
    }
}
