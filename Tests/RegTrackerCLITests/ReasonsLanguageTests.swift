import Foundation
import TestSupport
import Testing

/// SPEC 7: reasons stored as codes (a database of the last release migrates to them), `rejects --json` with
/// `reason_code`, `reason` and values, the CLI in its locale's language, and no English in the files for the county.
@Suite("Reasons as codes, in the reader's language")
struct ReasonsLanguageTests {
    static let chinese: [String: String?] = ["LANG": "zh_CN.UTF-8"]
    static let english: [String: String?] = ["LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"]

    /// A copy of the fixture database the release before codes made (see Fixtures/release-db/README.md).
    static func releaseDatabase() throws -> RegTrackerBinary {
        let tool = try RegTrackerBinary()
        try FileManager.default.copyItem(
            atPath: "\(RegTrackerBinary.fixtures)/release-db/release-500d6e1.sqlite", toPath: tool.database)
        return tool
    }

    static func rows(_ run: RegTrackerBinary.Run) -> [[String: Any]] { run.json["rows"] as? [[String: Any]] ?? [] }

    @Test func aDatabaseOfTheLastReleaseMigratesWithTheSameReportAndEveryReasonFromACode() throws {
        let tool = try Self.releaseDatabase()
        defer { tool.cleanUp() }
        let migrate = try tool.run("migrate")
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stdout.contains("v9: reasons as codes"), "\(migrate.stdout)")

        let report = try tool.run("report", "--json")
        let before = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: "\(RegTrackerBinary.fixtures)/release-db/report.json")))
        #expect(NSDictionary(dictionary: report.json) == NSDictionary(dictionary: before as? [String: Any] ?? [:]))

        let english = Self.rows(try tool.run(["rejects", "--json"], environment: Self.english))
        let chinese = Self.rows(try tool.run(["rejects", "--json"], environment: Self.chinese))
        #expect(english.count == 22)
        #expect(chinese.count == english.count)
        let codes = english.compactMap { $0["reason_code"] as? String }
        #expect(!codes.contains { $0.contains("legacy") }, "\(codes)")
        #expect(
            Set(codes.flatMap { $0.split(separator: "+").map(String.init) }) == [
                "name_missing", "id_check_digit", "id_length", "id_characters", "id_birth_date", "id_15_not_digits",
                "id_stored_as_number", "phone_not_mobile", "phone_scientific", "verdict_unrecognised",
                "no_id_or_phone", "flagged", "duplicate", "township_missing", "township_not_in_roster", "listed",
            ])
        // The English words are those the release stored; the Chinese ones are Chinese.
        let englishReasons = english.compactMap { $0["reason"] as? String }
        #expect(englishReasons.contains("ID number check digit is wrong"))
        #expect(englishReasons.contains("duplicate of a valid row of 青石镇 (11-青石镇-原因样例.csv, row 3)"))
        #expect(englishReasons.contains("township \"白沙\" is not in the roster; did you mean \"白沙镇\"?"))
        for row in chinese {
            let reason = row["reason"] as? String ?? ""
            #expect(!reason.isEmpty && EnglishWords.in(reason).isEmpty, "\(row)")
        }
        let listed = try #require(chinese.first { ($0["reason_code"] as? String) == "listed" })
        #expect(
            listed["values"] as? [String: String] == ["file": "无效名单-原因样例.csv", "row": "2", "list_reason": "截图重复使用"])
    }

    @Test func rowsGivenBackShowWhatWasReceivedMaskedAndAskForTheWholeListAgain() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let list = "\(tool.workFolder)/09-青石镇-补报.csv"
        try """
        姓名,身份证号,手机号码,乡镇
        甲,110105198001010025,13900139001,青石镇
        乙,110105198001010016,12345,青石镇
        """.write(toFile: list, atomically: true, encoding: .utf8)
        #expect(try tool.run("import", list).status == 0)
        let rows = Self.rows(try tool.run(["rejects", "青石镇", "--json"], environment: Self.chinese))
        let wrongID = try #require(rows.first { ($0["name"] as? String) == "甲" })
        #expect(wrongID["reason_code"] as? String == "id_check_digit")
        #expect(wrongID["id_number"] as? String == "110105********0025")
        #expect(wrongID["reason"] as? String == "身份证号校验位不符")
        let wrongPhone = try #require(rows.first { ($0["name"] as? String) == "乙" })
        #expect(wrongPhone["reason_code"] as? String == "phone_not_mobile")
        #expect(wrongPhone["phone"] as? String == "12345")

        let out = "\(tool.workFolder)/out"
        #expect(try tool.run("rejects", "青石镇", "--out", out, "--format", "md").status == 0)
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: out).first { $0.hasSuffix(".md") })
        let markdown = try String(contentsOfFile: "\(out)/\(file)", encoding: .utf8)
        #expect(markdown.contains("110105********0025"))
        #expect(markdown.contains("改正后重新报送整份名单"))
        #expect(!markdown.contains("--replace"))
    }

    @Test func theCLISpeaksItsLocalesLanguageAboutAProblemInsideAFile() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let noHeader = "\(RegTrackerBinary.fixtures)/bad/no-header.csv"
        let english = try tool.run(["import", noHeader], environment: Self.english)
        #expect(english.stderr.contains("rejected: no header row"), "\(english.stderr)")
        let chinese = try tool.run(["import", noHeader], environment: Self.chinese)
        #expect(chinese.stderr.contains("整份未导入：前"), "\(chinese.stderr)")
        #expect(chinese.stderr.contains("没有表头行"), "\(chinese.stderr)")
        #expect(EnglishWords.in(chinese.stderr).isEmpty, "\(chinese.stderr)")

        let rejectsEnglish = try tool.run(["rejects", "青石镇"], environment: Self.english)
        #expect(rejectsEnglish.stdout.contains("township"), "\(rejectsEnglish.stdout)")
        #expect(rejectsEnglish.stdout.contains("duplicate of a valid row"), "\(rejectsEnglish.stdout)")
        let rejectsChinese = try tool.run(["rejects", "青石镇"], environment: Self.chinese)
        #expect(rejectsChinese.stdout.contains("与青石镇的有效行重复") || rejectsChinese.stdout.contains("有效行重复"))
        #expect(!rejectsChinese.stdout.contains("duplicate of"), "\(rejectsChinese.stdout)")
    }

    @Test func aFileThatCannotBeReadIsRejectedInTheLocalesLanguageNamingTheFileAndTheLine() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        try tool.run("population", "import", "\(RegTrackerBinary.fixtures)/roster.csv")
        let csv = "\(tool.workFolder)/青石镇-坏名单.csv"
        try Data("乡镇,姓名,身份证号\n青石镇,张三,1\n青石镇,\"李四,2\n".utf8).write(to: URL(fileURLWithPath: csv))
        let zip = "\(tool.workFolder)/白沙镇-截断.xlsx"
        try Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0x41, count: 60)).write(to: URL(fileURLWithPath: zip))

        let chinese = try tool.run(["import", csv, zip], environment: Self.chinese)
        #expect(chinese.status == 1)
        #expect(
            chinese.stderr.contains("青石镇-坏名单.csv：整份未导入：第 3 行：此处开始的带引号字段没有闭合；"),
            "\(chinese.stderr)")
        #expect(chinese.stderr.contains("白沙镇-截断.xlsx：整份未导入：无法读取的 .xlsx（zip 压缩包已损坏或不完整）；请用 Excel 重新保存"))
        for english in ["rejected", "line", "quoted", "never closed", "damaged"] {
            #expect(!chinese.stderr.contains(english), "\(chinese.stderr)")
        }

        let english = try tool.run(["import", csv, zip], environment: Self.english)
        #expect(english.status == 1)
        #expect(
            english.stderr.contains("青石镇-坏名单.csv: rejected: line 3: a quoted field opened here is never closed; "),
            "\(english.stderr)")
        #expect(english.stderr.contains("白沙镇-截断.xlsx: rejected: not a readable .xlsx"), "\(english.stderr)")
        #expect((try tool.run("batches", "--json").json["batches"] as? [Any])?.count == 1)
    }

    @Test func filesAndPagesForTheCountyHaveNoEnglishWord() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let out = "\(tool.workFolder)/out"
        for command in [["rejects", "--out", out], ["report", "--out", out], ["shortfall", "--out", out]] {
            let run = try tool.run(command, environment: Self.english)
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
        var scanned = 0
        for file in try FileManager.default.subpathsOfDirectory(atPath: out)
        where [".md", ".csv", ".html"].contains(where: file.hasSuffix) {
            let text = try String(contentsOfFile: "\(out)/\(file)", encoding: .utf8)
            #expect(
                EnglishWords.in(Self.visibleText(text)).isEmpty, "\(file): \(EnglishWords.in(Self.visibleText(text)))")
            scanned += 1
        }
        #expect(scanned >= 9)

        let token = try DashboardCommandsTests.token(from: tool.run("tokens", "create", "--office"))
        let (server, port) = try tool.startServer()
        defer { server.terminate() }
        let path = "/townships/" + "青石镇".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
        let page = try LoopbackHTTP.get(port: port, path: path, token: token)
        #expect(page.status == 200)
        #expect(page.body.contains("未计入的行"))
        #expect(EnglishWords.in(Self.visibleText(page.body)).isEmpty, "\(EnglishWords.in(Self.visibleText(page.body)))")
    }

    /// What a reader sees of an HTML page (tags, styles and scripts removed); other text as it is.
    static func visibleText(_ text: String) -> String {
        var visible = text
        for pattern in [
            #"<style[\s\S]*?</style>"#, #"<script[\s\S]*?</script>"#, #"<svg[\s\S]*?</svg>"#, #"<[^>]*>"#,
            #"&[a-z]+;|&#[0-9]+;"#,
        ] {
            visible = visible.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return visible
    }
}
