import Foundation
import Testing

/// SPEC 7: `--help` speaks the CLI's language like everything else it prints. The abstracts, discussions and option
/// help come from one catalogue (Strings+Help.swift): Chinese under a Chinese locale, English, as before, otherwise.
/// The headings argument-parser prints itself (USAGE:, OPTIONS:) and its own lines stay as the library words them.
@Suite struct HelpLanguageTests {
    static let chinese: [String: String?] = ["LC_ALL": "zh_CN.UTF-8"]
    static let english: [String: String?] = ["LC_ALL": "C.UTF-8"]

    /// `regtracker --help`: the top abstract and discussion, and the abstract of each subcommand.
    static let topEnglish = [
        "Track township registrations on the National Anti-Fraud Center app against the population target.",
        "Personal data (names, ID numbers, phones) is stored in the SQLite database given by --db",
        "The population roster (人口底数).",
        "Import registration lists: files, or folders (their .csv .txt .xml .xlsx .xls .et files, in name order).",
        "Invalid lists (无效名单).",
        "One township's figures, its rank, what it still needs and why rows did not count.",
        "The ranked table of every township.",
        "Townships below target, worst rate first, with how many they still need.",
        "Rows that do not count, with outcome and reason, for the township to fix.",
        "Townships with no registration batch since a date (未报送名单).",
        "List imported batches.",
        "Retract a batch: its rows stop counting at once.",
        "Write reproducible, fictional sample files (roster, township lists, an invalid list).",
        "Show how a registration list will be read, without importing it (no database needed).",
        "Each township's valid registrations over time, recent gain, and projection against the deadline.",
        "Serve the township dashboard (read-only) over HTTP; tokens from `regtracker tokens create`.",
        "Access tokens for the dashboard (regtracker serve).",
        "Bring the database up to this version's schema (the read-only commands never do it themselves).",
        "Issue the periodic notice (通报) of a month, week or day, or list them.",
        "Village (村/社区) figures: a township's villages ranked, or every village of the county.",
        "Copy the database consistently (safe while an import runs), keeping the newest copies.",
        "Replace the database with a backup copy, after checking it; the old database is kept beside it.",
        "Check the database file, that the kept figures equal the figures recomputed from the rows, and the index",
    ]
    static let topChinese = [
        "按乡镇跟踪国家反诈中心APP的注册情况，对照人口底数计算注册率，看是否达到目标。",
        "个人信息（姓名、身份证号、手机号）保存在 --db 指定的 SQLite 数据库中",
        "人口底数。",
        "导入注册名单：文件，或文件夹（其中的 .csv .txt .xml .xlsx .xls .et 文件，按文件名顺序）。",
        "一个乡镇的数据、排名、距目标的差额，以及未计入的行及其原因。",
        "全部乡镇的注册率排名表。",
        "未达标乡镇，注册率最低的在前，附各自的差额。",
        "未报送名单：某日期以来没有报送注册名单的乡镇。",
        "列出已导入的批次。",
        "撤回一个批次：其各行立即不再计入。",
        "看板（regtracker serve）的访问令牌。",
        "印发某月、某周或某日的通报，或列出已印发的通报。",
        "村/社区数据：一个乡镇各村/社区的排名，或全县所有村/社区。",
    ]

    /// `regtracker rate --help`: its abstract, its own option and argument and those of the shared option groups.
    static let rateEnglish = [
        "One township's figures, its rank, what it still needs and why rows did not count.",
        "Print the figures as JSON on stdout.",
        "The township (its roster name or an alias).",
        "Also list valid and reported rows by village (村/社区).",
        "The database file, or postgres://USER@HOST/DB (default: $REGTRACKER_DB, else ./regtracker.sqlite).",
        "Print nothing but errors (for cron).",
        "Global registration target: 50%, 0.5 or 50 (default 50%).",
        "The township's county, where several counties of the roster share its name.",
    ]
    static let rateChinese = [
        "一个乡镇的数据、排名、距目标的差额，以及未计入的行及其原因。",
        "以 JSON 格式在标准输出打印本乡镇的数据。",
        "乡镇（人口底数中的名称或别名）。",
        "同时按村/社区列出有效数和上报数。",
        "数据库文件，或 postgres://USER@HOST/DB（默认：$REGTRACKER_DB，否则为 ./regtracker.sqlite）。",
        "只打印错误（供 cron 定时任务用）。",
        "全局注册率目标：50%、0.5 或 50（默认 50%）。",
        "乡镇所属的县（区），人口底数中多个县（区）有同名乡镇时用。",
    ]

    /// Every command with a help of its own.
    static let commands: [[String]] = [
        [], ["population"], ["population", "import"], ["import"], ["invalid"], ["invalid", "import"], ["rate"],
        ["report"], ["shortfall"], ["rejects"], ["missing"], ["batches"], ["retract"], ["generate-samples"],
        ["inspect"], ["trend"], ["serve"], ["tokens"], ["tokens", "create"], ["tokens", "list"],
        ["tokens", "revoke"], ["migrate"], ["notice"], ["villages"], ["backup"], ["restore"], ["check"],
    ]

    /// The lines argument-parser writes itself, in English whatever the locale (patterns).
    static let libraryLines = [
        #"See 'regtracker help [^']*' for detailed help\."#, #"Show help information\."#, #"Show the version\."#,
    ]

    /// Help as one line: argument-parser wraps long texts at spaces and indents the rest, so every run of spaces and
    /// line breaks becomes one space again.
    static func flattened(_ text: String) -> String {
        text.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
    }

    /// Three English words in a row outside the usage line, the library's own lines and what is quoted as typed
    /// (`regtracker tokens create`): a sentence left untranslated.
    static func englishSentences(in help: String) -> [String] {
        var text = help
        if let usage = text.range(of: #"USAGE:[\s\S]*?\n\n"#, options: .regularExpression) {
            text.removeSubrange(usage)
        }
        text = flattened(text).replacingOccurrences(of: "`[^`]*`", with: "", options: .regularExpression)
        for line in libraryLines { text = text.replacingOccurrences(of: line, with: "", options: .regularExpression) }
        return Tools.matches(#"([A-Za-z]{2,}(?: [A-Za-z]{2,}){2,})"#, in: text)
    }

    func help(_ command: [String], _ environment: [String: String?]) throws -> String {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let run = try tool.run(command + ["--help"], environment: environment)
        #expect(run.status == 0, "\(command): \(run.stderr)")
        return Self.flattened(run.stdout)
    }

    @Test func topHelpIsChineseUnderAChineseLocale() throws {
        let text = try help([], Self.chinese)
        for sentence in Self.topChinese { #expect(text.contains(sentence), "\(sentence) in \(text)") }
        for sentence in Self.topEnglish { #expect(!text.contains(sentence), "\(sentence)") }
        // The library's own headings stay as it prints them.
        #expect(text.contains("USAGE:") && text.contains("OPTIONS:") && text.contains("SUBCOMMANDS:"))
    }

    @Test func rateHelpIsChineseUnderAChineseLocale() throws {
        let text = try help(["rate"], Self.chinese)
        for sentence in Self.rateChinese { #expect(text.contains(sentence), "\(sentence) in \(text)") }
        for sentence in Self.rateEnglish { #expect(!text.contains(sentence), "\(sentence)") }
        // Option names, value names and format words stay as they are typed.
        #expect(text.contains("--json") && text.contains("--by-village") && text.contains("<township>"))
    }

    @Test func helpIsEnglishAsBeforeOtherwise() throws {
        let top = try help([], Self.english)
        for sentence in Self.topEnglish { #expect(top.contains(sentence), "\(sentence) in \(top)") }
        for sentence in Self.topChinese { #expect(!top.contains(sentence), "\(sentence)") }
        let rate = try help(["rate"], Self.english)
        for sentence in Self.rateEnglish { #expect(rate.contains(sentence), "\(sentence) in \(rate)") }
        for sentence in Self.rateChinese { #expect(!rate.contains(sentence), "\(sentence)") }
    }

    /// LANG decides when LC_ALL is unset, as for every other text (ReportStringsTests.lcAllWinsOverLang).
    @Test func langAloneChoosesChineseToo() throws {
        let text = try help(["rate"], ["LANG": "zh_CN.UTF-8"])
        #expect(text.contains("以 JSON 格式在标准输出打印本乡镇的数据。"))
    }

    @Test(arguments: commands)
    func noCommandsHelpKeepsAnEnglishSentenceUnderAChineseLocale(command: [String]) throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let run = try tool.run(command + ["--help"], environment: Self.chinese)
        #expect(run.status == 0)
        #expect(Self.englishSentences(in: run.stdout) == [], "\(command): \(run.stdout)")
        let english = try tool.run(command + ["--help"], environment: Self.english)
        #expect(english.stdout != run.stdout, "\(command) has help of its own")
    }
}
