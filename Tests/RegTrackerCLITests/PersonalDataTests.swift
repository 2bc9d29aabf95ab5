import Foundation
import Testing

/// Issue 6: personal data stays in the database. No output of a full demo-like run shows an ID number or phone
/// of the input, the database and its -wal/-shm are mode 0600, and `--help` says where the data is and how to
/// delete it.
@Suite struct PersonalDataTests {
    static let idPattern = #"(?<![0-9.])([0-9]{17}[0-9Xx])(?![0-9])"#
    static let phonePattern = #"(?<![0-9.])(1[3-9][0-9]{9})(?![0-9])"#

    /// The ID numbers and phones of the input files: what must never come out again. Matching the input's own values
    /// keeps digit runs that are not personal (a rate such as 0.0024006903353057199211 in an .xlsx) from alarming.
    static func personalNumbers(in texts: [String]) -> Set<String> {
        var found = Set<String>()
        for text in texts {
            for pattern in [idPattern, phonePattern] {
                for match in Tools.matches(pattern, in: text) { found.insert(match.uppercased()) }
            }
        }
        return found
    }

    /// Every file under `folder` as text; an .xlsx also as the text of each of its parts.
    static func writtenTexts(under folder: String) throws -> [(String, String)] {
        var result: [(String, String)] = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            let path = folder + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                !relative.contains(".sqlite")
            else { continue }
            if path.hasSuffix(".xlsx"), let unzip = Tools.unzip {
                let parts = NSTemporaryDirectory() + "regtracker-privacy-" + UUID().uuidString
                try Tools.run(unzip, ["-q", "-o", path, "-d", parts])
                result += try writtenTexts(under: parts).map { ("\(relative)!\($0.0)", $0.1) }
                try? FileManager.default.removeItem(atPath: parts)
            }
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            result.append((relative, String(decoding: data, as: UTF8.self)))
        }
        return result
    }

    func leaks(_ text: String, of numbers: Set<String>) -> [String] {
        Self.personalNumbers(in: [text]).intersection(numbers).sorted()
    }

    @Test(.enabled(if: Tools.unzip != nil, "unzip is needed to read the .xlsx parts; `make test-setup` installs it"))
    func noOutputOfAFullRunShowsAnIDNumberOrPhoneOfTheInput() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let fixtures = RegTrackerBinary.fixtures
        let inbox = tool.workFolder + "/imports"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures + "/lists") {
            try FileManager.default.copyItem(atPath: "\(fixtures)/lists/\(name)", toPath: "\(inbox)/\(name)")
        }
        // Numbers where they do not belong: in the name, township and remark, with a bad check digit, a phone in the
        // ID column, spaced and prefixed phones, an unknown township, a duplicate.
        try Data(
            """
            姓名,乡镇,身份证号,手机号,备注,截图核验
            13912345678,青石镇,110105194912310070,,,有效
            钱七,青石镇110105194912310089,110105194912310097,,,
            孙八,青石镇,110105194912310099,135 1234 5678,身份证 110105194912310097,待定
            李九,白沙镇,13698765432,+86 136 9876 5433,,
            周十,不存在镇,110105194912310100,18812345678,,
            吴一,青石镇,110105194912310097,13512345679,,无效
            """.utf8
        ).write(to: URL(fileURLWithPath: inbox + "/04-odd.csv"))
        // A file that is rejected whole, with personal numbers where the header should be.
        let rejected = tool.workFolder + "/rejected.csv"
        try Data("张三,110105194912310038,13800138001\n李四,110105194912310046,13800138002\n".utf8)
            .write(to: URL(fileURLWithPath: rejected))

        let inputs =
            try FileManager.default.contentsOfDirectory(atPath: inbox).map {
                String(decoding: try Data(contentsOf: URL(fileURLWithPath: "\(inbox)/\($0)")), as: UTF8.self)
            }
            + [rejected, "\(fixtures)/invalid.csv", "\(fixtures)/roster.csv"].map {
                String(decoding: try Data(contentsOf: URL(fileURLWithPath: $0)), as: UTF8.self)
            }
        let numbers = Self.personalNumbers(in: inputs)
        // The input does hold full numbers, so the scan can find a leak.
        #expect(numbers.count > 20, "\(numbers.count)")

        var outputs: [(String, RegTrackerBinary.Run)] = []
        func step(_ arguments: String..., status: Int32 = 0) throws {
            let run = try tool.run(arguments)
            #expect(run.status == status, "\(arguments): \(run.stderr)")
            outputs.append((arguments.joined(separator: " "), run))
        }
        try step("population", "import", "\(fixtures)/roster.csv")
        try step("invalid", "import", "\(fixtures)/invalid.csv")
        try step("import", inbox)
        try step("import", "--json", inbox)
        try step("import", rejected, status: 1)
        try step("import", "--json", rejected, status: 1)
        try step("report")
        try step("report", "--json")
        try step("report", "--out", "out")
        try step("shortfall")
        try step("shortfall", "--json")
        try step("shortfall", "--out", "out")
        try step("rejects")
        try step("rejects", "青石镇")
        try step("rejects", "--out", "out/rejects")
        try step("rate", "青石镇")
        try step("rate", "白沙镇", "--json")
        try step("rate", "不存在镇", status: 1)
        try step("batches")
        try step("batches", "--json")
        try step("missing", "--since", "2026-12-01", "--out", "out")
        try step("retract", "3")
        try step("--help")
        try step("import", "--help")

        for (command, run) in outputs {
            #expect(leaks(run.stdout, of: numbers).isEmpty, "stdout of \(command): \(leaks(run.stdout, of: numbers))")
            #expect(leaks(run.stderr, of: numbers).isEmpty, "stderr of \(command): \(leaks(run.stderr, of: numbers))")
        }
        let files = try Self.writtenTexts(under: tool.workFolder + "/out")
        #expect(files.count > 10, "\(files.map(\.0))")
        #expect(files.contains { $0.0.hasSuffix(".xlsx!xl/sharedStrings.xml") }, "the workbook's parts were read")
        for (name, text) in files {
            #expect(leaks(text, of: numbers).isEmpty, "\(name): \(leaks(text, of: numbers))")
        }
    }

    func mode(_ path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int(status.st_mode & 0o777)
    }

    @Test func theDatabaseAndItsJournalFilesAreReadableByTheOwnerOnly() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        try tool.run("population", "import", try LargeList.roster(in: tool.workFolder))
        #expect(mode(tool.database) == 0o600)

        // The -wal and -shm files exist while a connection is open: watch them during a long import.
        let list = try LargeList.write(rows: 100_000, to: tool.workFolder + "/list.csv")
        let child = try tool.start("import", list)
        var seen: [String: Int] = [:]
        while child.isRunning {
            for suffix in ["-wal", "-shm", "-journal"] {
                if let mode = mode(tool.database + suffix) { seen[suffix] = mode }
            }
            usleep(5_000)
        }
        #expect(child.terminationStatus == 0)
        #expect(seen["-wal"] != nil, "no -wal file was seen: \(seen)")
        for (suffix, mode) in seen { #expect(mode == 0o600, "\(suffix): \(String(mode, radix: 8))") }
        let files = try FileManager.default.contentsOfDirectory(atPath: tool.workFolder).filter {
            $0.hasPrefix("test.sqlite")
        }
        for name in files { #expect(mode(tool.workFolder + "/" + name) == 0o600, "\(name)") }
    }

    @Test func helpSaysWherePersonalDataIsAndHowToDeleteIt() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let help = try tool.run("--help")
        #expect(help.status == 0)
        let text = help.stdout.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(
            of: " +", with: " ", options: .regularExpression)
        #expect(
            text.contains("Personal data (names, ID numbers, phones) is stored in the SQLite database given by --db"))
        #expect(text.contains("mode 0600"))
        #expect(text.contains("retract N --purge` deletes a batch's rows for good"))
        let retract = try tool.run("retract", "--help")
        #expect(retract.stdout.contains("--purge"))

        // And --purge does delete them: the rows of a purged batch are gone from the database file.
        let fixtures = RegTrackerBinary.fixtures
        #expect(try tool.run("population", "import", "\(fixtures)/roster.csv").status == 0)
        #expect(try tool.run("import", "\(fixtures)/lists/01-青石镇.csv").status == 0)
        #expect(try tool.run("retract", "2", "--purge").status == 0)
        let sqlite = try #require(Tools.find("sqlite3"), "sqlite3 is installed by make setup")
        let dump = try Tools.run(sqlite, [tool.database, ".dump"])
        #expect(!dump.contains("11010519491231002X") && !dump.contains("张三"), "the purged rows are gone")
    }

    /// The same under a Chinese locale, where `--help` is Chinese: where the data is, its mode, the masks, the purge.
    @Test func chineseHelpSaysTheSame() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let help = try tool.run(["--help"], environment: ["LC_ALL": "zh_CN.UTF-8"])
        #expect(help.status == 0)
        let text = help.stdout.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        #expect(text.contains("个人信息（姓名、身份证号、手机号）保存在 --db 指定的 SQLite 数据库中"))
        #expect(text.contains("$REGTRACKER_DB，否则为 ./regtracker.sqlite"))
        #expect(text.contains("权限为 0600"))
        #expect(text.contains("身份证号和手机号均打码显示"))
        #expect(text.contains("`regtracker retract N --purge` 永久删除一个批次的各行"))
        let retract = try tool.run(["retract", "--help"], environment: ["LC_ALL": "zh_CN.UTF-8"])
        #expect(retract.stdout.contains("--purge") && retract.stdout.contains("永久删除该批次保存的各行（个人信息）"))
    }
}
