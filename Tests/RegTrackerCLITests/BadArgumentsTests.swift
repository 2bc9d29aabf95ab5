import Foundation
import Testing

/// Issue 6: wrong arguments get a clear message on stderr and the documented exit code (README "Commands":
/// 0 success, 1 a data problem, 64 a usage error), and change nothing.
@Suite struct BadArgumentsTests {
    let fixtures = RegTrackerBinary.fixtures

    func rosterLoaded() throws -> RegTrackerBinary {
        let tool = try RegTrackerBinary()
        #expect(try tool.run("population", "import", "\(fixtures)/roster.csv").status == 0)
        #expect(try tool.run("import", "\(fixtures)/lists").status == 0)
        return tool
    }

    @Test func anUnknownTownshipInRateIsADataProblemWithASuggestion() throws {
        let tool = try rosterLoaded()
        defer { tool.cleanUp() }
        let run = try tool.run("rate", "青石真")
        #expect(run.status == 1)
        #expect(run.stderr.contains("青石真 is not a township of the roster"), "\(run.stderr)")
        #expect(run.stderr.contains("did you mean 青石镇?"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let json = try tool.run("rate", "青石真", "--json")
        #expect(json.status == 1)
        #expect(json.stdout.isEmpty, "no half JSON document on stdout")
    }

    /// SPEC 7: argument-parser's usage errors in Chinese under a Chinese locale, still exit 64.
    @Test func usageErrorsSpeakTheLocalesLanguage() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let chinese = ["LC_ALL": "zh_CN.UTF-8"]
        let missing = try tool.run(["rate"], environment: chinese)
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("错误：缺少参数 <township>"), "\(missing.stderr)")
        #expect(missing.stderr.contains("用法：regtracker rate"))
        #expect(missing.stderr.contains("详见 regtracker rate --help。"))
        let unknown = try tool.run(["report", "--foo"], environment: chinese)
        #expect(unknown.stderr.hasPrefix("错误：未知选项 --foo"), "\(unknown.stderr)")
        let value = try tool.run(["notice", "2026-11", "--bottom", "x"], environment: chinese)
        #expect(value.stderr.hasPrefix("错误：“x”不是 --bottom <bottom> 的有效取值"), "\(value.stderr)")
        let extra = try tool.run(["report", "extra"], environment: chinese)
        #expect(extra.status == 64 && extra.stderr.hasPrefix("错误：多余的参数 extra"), "\(extra.stderr)")
        // English as the library words it; help still prints and succeeds.
        let english = try tool.run(["rate"], environment: ["LC_ALL": "C.UTF-8"])
        #expect(english.stderr.hasPrefix("Error: Missing expected argument '<township>'"), "\(english.stderr)")
        #expect(try tool.run(["rate", "--help"], environment: chinese).status == 0)
        // A mistyped command is named as one, with the command meant.
        let typo = try tool.run(["reprot"], environment: chinese)
        #expect(typo.status == 64 && typo.stderr.hasPrefix("错误：未知命令 reprot；是否应为 report？"), "\(typo.stderr)")
        let typoEnglish = try tool.run(["improt", "a.csv"], environment: ["LC_ALL": "C.UTF-8"])
        #expect(typoEnglish.stderr.contains("Did you mean 'import'?"), "\(typoEnglish.stderr)")
        let notATypo = try tool.run(["report", "extra"], environment: ["LC_ALL": "C.UTF-8"])
        #expect(!notATypo.stderr.contains("Did you mean"), "\(notATypo.stderr)")
        // A command that fails after saying why (a rejected file) adds nothing after its own message.
        let rejected = try tool.run(["import", "\(fixtures)/roster.csv"], environment: chinese)
        #expect(rejected.status == 1 && !rejected.stderr.hasSuffix("\n\n"), "\(rejected.stderr)")
    }

    @Test func aMissingFileIsNamedAndTheOtherFilesStillImport() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        #expect(try tool.run("population", "import", "\(fixtures)/roster.csv").status == 0)
        let missing = tool.workFolder + "/不存在的名单.csv"
        let run = try tool.run("import", missing, "\(fixtures)/lists/01-青石镇.csv")
        #expect(run.status == 1)
        #expect(run.stderr.contains("不存在的名单.csv: no such file or folder"), "\(run.stderr)")
        let batches = try tool.run("batches", "--json").json["batches"] as? [[String: Any]] ?? []
        #expect(batches.count == 2, "the roster and the list that exists")

        for command in [["population", "import", missing], ["invalid", "import", missing]] {
            let other = try tool.run(command)
            #expect(other.status == 1, "\(command)")
            #expect(other.stderr.contains("不存在的名单.csv"), "\(command): \(other.stderr)")
        }
        #expect((try tool.run("batches", "--json").json["batches"] as? [[String: Any]])?.count == 2)
    }

    /// README "Where the spec left room": a folder with nothing to import is reported on stderr and is not an
    /// error (an empty inbox is normal for cron).
    @Test func aFolderWithNothingToImportIsReportedButIsNotAnError() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let inbox = tool.workFolder + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox + "/sub", withIntermediateDirectories: true)
        for name in ["说明.docx", ".hidden.csv", "~$lock.xlsx", "sub/nested.csv"] {
            try Data("姓名,乡镇,手机号\n张三,青石镇,13700137000\n".utf8).write(to: URL(fileURLWithPath: inbox + "/" + name))
        }
        let run = try tool.run("import", inbox)
        #expect(run.status == 0)
        #expect(run.stderr.contains("inbox: no .csv, .txt, .xml, .xlsx, .xls or .et files to import"), "\(run.stderr)")
        #expect(try tool.run("import", "--quiet", inbox).stderr.isEmpty)
        let json = try tool.run("import", "--json", inbox)
        #expect(json.status == 0)
        #expect((json.json["files"] as? [Any])?.isEmpty == true, "\(json.stdout)")
        #expect((try tool.run("batches", "--json").json["batches"] as? [Any])?.isEmpty == true)
    }

    @Test(arguments: [["report"], ["rate", "青石镇"], ["shortfall"]])
    func aTargetAbove100PercentIsAUsageError(command: [String]) throws {
        let tool = try rosterLoaded()
        defer { tool.cleanUp() }
        for target in ["150%", "0", "-5%", "abc"] {
            let run = try tool.run(command + ["--target=\(target)"])
            #expect(run.status == 64, "\(command) --target \(target): \(run.status)")
            #expect(
                run.stderr.contains("--target \(target) is not a target above 0% and at most 100%"), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func aNegativePopulationRejectsTheRosterNamingTheRow() throws {
        let tool = try rosterLoaded()
        defer { tool.cleanUp() }
        let before = try tool.run("report", "--json").stdout
        let roster = tool.workFolder + "/负数底数.csv"
        try Data("乡镇,实有人口\n青石镇,1000\n白沙镇,-8\n".utf8).write(to: URL(fileURLWithPath: roster))
        let run = try tool.run("population", "import", roster)
        #expect(run.status == 1)
        #expect(run.stderr.contains("负数底数.csv"), "\(run.stderr)")
        #expect(run.stderr.contains("row 3"), "\(run.stderr)")
        #expect(run.stderr.contains("-8"), "\(run.stderr)")
        // The previous roster stands.
        #expect(try tool.run("report", "--json").stdout == before)
    }

    @Test func retractingABatchThatDoesNotExistIsADataProblem() throws {
        let tool = try rosterLoaded()
        defer { tool.cleanUp() }
        let before = try tool.run("batches", "--json").stdout
        for arguments in [["retract", "99"], ["retract", "99", "--purge"]] {
            let run = try tool.run(arguments)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("there is no batch 99"), "\(run.stderr)")
        }
        #expect(try tool.run("retract", "abc").status == 64)
        #expect(try tool.run("batches", "--json").stdout == before)
    }

    @Test func anUnknownReportFormatIsAUsageError() throws {
        let tool = try rosterLoaded()
        defer { tool.cleanUp() }
        let run = try tool.run("report", "--out", "out", "--format", "md,pdf")
        #expect(run.status == 64)
        #expect(run.stderr.contains("unknown format pdf"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tool.workFolder + "/out"), "nothing written")
    }

    /// A report folder that cannot be made (a file stands at its place) is an error in the locale's language, naming
    /// the folder and what to do; nothing is written.
    @Test func aReportFolderThatCannotBeMadeIsAnErrorInTheLocalesLanguage() throws {
        let tool = try rosterLoaded()
        defer { tool.cleanUp() }
        let blocker = tool.workFolder + "/taken"
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let folder = blocker + "/reports"
        let inEnglish = try tool.run(["report", "--out", folder], environment: ["LC_ALL": "C.UTF-8"])
        #expect(inEnglish.status == 1)
        #expect(inEnglish.stderr.contains("\(folder): could not create the folder"), "\(inEnglish.stderr)")
        #expect(inEnglish.stderr.contains("is writable"), "\(inEnglish.stderr)")
        let inChinese = try tool.run(["report", "--out", folder], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(inChinese.status == 1)
        #expect(inChinese.stderr.contains("\(folder): 无法创建文件夹"), "\(inChinese.stderr)")
        #expect(inChinese.stderr.contains("然后重新运行命令"), "\(inChinese.stderr)")
        #expect(try String(contentsOfFile: blocker, encoding: .utf8) == "x")
    }

    /// Dates, targets, formats, periods and cards are parsed once, as ArgumentParser reads them; a text that is
    /// none is a usage error worded by the catalogue in the locale's language, and nothing is opened or created.
    @Test(arguments: [
        (["report", "--target", "abc"], "--target abc is not a target above 0%", "--target abc 不是有效目标"),
        (["report", "--as-of", "2026-02-30"], "--as-of 2026-02-30 is not a date", "--as-of 2026-02-30 不是 YYYY-MM-DD"),
        (["report", "--out", "out", "--format", "md,pdf"], "unknown format pdf", "未知格式 pdf"),
        (["missing", "--since", "soon"], "--since soon is not a date", "--since soon 不是 YYYY-MM-DD"),
        (["trend", "--deadline", "soon"], "--deadline soon is not a date", "--deadline soon 不是 YYYY-MM-DD"),
        (["notice", "2026-13"], "2026-13 is not a period", "2026-13 不是有效的期次"),
        (["notice", "2026-11", "--cards", "3,2,1"], "--cards 3,2,1: give three", "--cards 3,2,1：请给出三个整数"),
        (
            ["import", "--encoding", "latin1", "x.csv"], "--encoding latin1: give one of utf-8, gb18030",
            "--encoding latin1：请给出 utf-8、gb18030 之一"
        ),
        (
            ["rejects", "--outcome", "lost"], "--outcome lost: give one of duplicate,",
            "--outcome lost：请给出 duplicate、malformed"
        ),
        (["trend", "--by", "month"], "--by month: give one of day, week", "--by month：请给出 day、week 之一"),
    ])
    func aValueThatIsNoneIsAUsageErrorInTheLocalesLanguage(arguments: [String], english: String, chinese: String)
        throws
    {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let inEnglish = try tool.run(arguments, environment: ["LC_ALL": "C.UTF-8"])
        #expect(inEnglish.status == 64, "\(arguments): \(inEnglish.status)")
        #expect(inEnglish.stderr.contains(english), "\(inEnglish.stderr)")
        let inChinese = try tool.run(arguments, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(inChinese.status == 64, "\(arguments): \(inChinese.status)")
        #expect(inChinese.stderr.contains(chinese), "\(inChinese.stderr)")
        #expect(!inChinese.stderr.contains("is invalid for"), "\(inChinese.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tool.database))
    }

    @Test func anUnknownCommandOrOptionIsAUsageError() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        #expect(try tool.run("frobnicate").status == 64)
        #expect(try tool.run("report", "--no-such-option").status == 64)
        #expect(try tool.run("import").status == 64, "import needs a path")
        #expect(try tool.run("import", "--encoding", "latin1", "x.csv").status == 64)
        // None of these created a database.
        #expect(!FileManager.default.fileExists(atPath: tool.database))
    }
}
