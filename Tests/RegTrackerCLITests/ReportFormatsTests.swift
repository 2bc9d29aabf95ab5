import Foundation
import Testing

/// `report --out` writes Markdown, CSV, HTML and XLSX; each is read back and compared with `report --json`.
@Suite struct ReportFormatsTests {
    let fixtures = RegTrackerBinary.fixtures

    func importedFixtures() throws -> RegTrackerBinary {
        let tool = try RegTrackerBinary()
        #expect(try tool.run("population", "import", "\(fixtures)/roster.csv").status == 0)
        #expect(try tool.run("invalid", "import", "\(fixtures)/invalid.csv").status == 0)
        let run = try tool.run("import", "\(fixtures)/lists")
        #expect(run.status == 0, "\(run.stderr)")
        return tool
    }

    /// The ranked rows as `report --json` has them, one dictionary a township, in rank order.
    func townships(_ tool: RegTrackerBinary) throws -> [[String: Any]] {
        try tool.run("report", "--json").json["townships"] as? [[String: Any]] ?? []
    }

    /// Compares one written row (the SPEC 2 columns) with the JSON figures. `rate` is how the format spells it.
    func expectRow(
        _ cells: [String], matches township: [String: Any], rateTolerance: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let name = township["township"] as? String ?? "?"
        guard cells.count >= 11 else {
            Issue.record("\(name): only \(cells.count) cells: \(cells)", sourceLocation: sourceLocation)
            return
        }
        let rank = (township["rank"] as? Int).map(String.init) ?? "—"
        #expect(cells[0] == rank, "\(name) rank", sourceLocation: sourceLocation)
        #expect(cells[1] == name, sourceLocation: sourceLocation)
        for (column, key) in [
            (2, "population"), (3, "reported"), (4, "invalid"), (5, "duplicates"), (6, "valid"), (8, "required"),
            (9, "shortfall"),
        ] {
            #expect(
                Int(cells[column]) == township[key] as? Int, "\(name) \(key): \(cells[column])",
                sourceLocation: sourceLocation)
        }
        if let rate = township["rate"] as? Double {
            let shown = Double(cells[7].replacingOccurrences(of: "%", with: "")).map { $0 / 100 }
            #expect(
                shown.map { abs($0 - rate) <= rateTolerance } == true, "\(name) rate \(cells[7]) vs \(rate)",
                sourceLocation: sourceLocation)
            #expect(cells[10] == ((township["met"] as? Bool) == true ? "是" : "否"), sourceLocation: sourceLocation)
        } else {
            #expect(cells[7] == "—" && cells[10] == "—", "\(name) has no rate", sourceLocation: sourceLocation)
        }
    }

    @Test func markdownAndCSVReadBackToTheJSONFigures() throws {
        let tool = try importedFixtures()
        defer { tool.cleanUp() }
        let run = try tool.run("report", "--out", "out", "--format", "md,csv")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("wrote out/报表-2026-11-29.md"))
        #expect(!FileManager.default.fileExists(atPath: tool.workFolder + "/out/报表-2026-11-29.html"))
        let expected = try townships(tool)

        let markdown = try String(contentsOfFile: tool.workFolder + "/out/报表-2026-11-29.md", encoding: .utf8)
        let tableLines = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }.dropFirst(2)
        let mdRows = tableLines.map { line in
            line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(mdRows.count == expected.count + 1, "one row a township and the totals")
        for (row, township) in zip(mdRows, expected) { expectRow(row, matches: township, rateTolerance: 0.00005) }
        #expect(mdRows.last?[1] == "合计")

        let bytes = try Data(contentsOf: URL(fileURLWithPath: tool.workFolder + "/out/报表-2026-11-29.csv"))
        #expect(bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]), "UTF-8 BOM")
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(csv.hasSuffix("\r\n"))
        let csvRows = csv.components(separatedBy: "\r\n").dropLast().map { $0.components(separatedBy: ",") }
        #expect(csvRows.first?.last == "最近报送")
        for (row, township) in zip(csvRows.dropFirst(), expected) {
            expectRow(row, matches: township, rateTolerance: 0.00005)
            #expect(row[11] == ((township["reported"] as? Int ?? 0) > 0 ? "2026-11-29" : "未报送"))
        }
        let totals = try tool.run("report", "--json").json["totals"] as? [String: Any] ?? [:]
        let csvTotals = try #require(csvRows.last)
        #expect(csvTotals[1] == "合计")
        #expect(Int(csvTotals[2]) == totals["population"] as? Int)
        #expect(Int(csvTotals[6]) == totals["valid"] as? Int)
    }

    @Test(.enabled(if: Tools.chromium != nil, "chromium is not installed; `make test-setup` installs it"))
    func htmlInHeadlessChromiumHasOneRowAndOneBarATownship() throws {
        let tool = try importedFixtures()
        defer { tool.cleanUp() }
        #expect(try tool.run("report", "--out", "out", "--format", "html").status == 0)
        let expected = try townships(tool)
        let dom = try Tools.run(
            Tools.chromium!,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                "file://" + tool.workFolder + "/out/报表-2026-11-29.html",
            ])
        #expect(dom.contains("<svg"), "the page rendered: \(dom.prefix(200))")
        let rows = Tools.matches(#"<tr class="row[^"]*">(.*?)</tr>"#, in: dom)
        #expect(rows.count == expected.count, "one table row a township")
        for (row, township) in zip(rows, expected) {
            let cells = Tools.matches(#"<td[^>]*>(.*?)</td>"#, in: row)
            expectRow(cells, matches: township, rateTolerance: 0.00005)
        }
        let ranked = expected.filter { $0["rate"] is Double }
        let bars = Tools.matches(#"<rect class="bar (?:met|unmet)"[^>]*data-township="([^"]*)""#, in: dom)
        #expect(
            bars == ranked.compactMap { $0["township"] as? String }, "one bar a township with a rate, in rank order")
        let unmetBars = Tools.matches(#"<rect class="bar (unmet)""#, in: dom).count
        #expect(unmetBars == ranked.filter { $0["met"] as? Bool == false }.count)
        #expect(dom.contains("class=\"target\""))
        #expect(dom.contains("空白乡：实有人口为 0，无注册率，未画条形。"))
    }

    @Test(
        .enabled(
            if: Tools.soffice != nil,
            "LibreOffice (soffice) is not installed; `make test-setup` installs libreoffice-calc-nogui"))
    func xlsxOpensInLibreOfficeWithTheJSONFigures() throws {
        let tool = try importedFixtures()
        defer { tool.cleanUp() }
        #expect(try tool.run("report", "--out", "out", "--format", "xlsx").status == 0)
        let expected = try townships(tool)
        let converted = tool.workFolder + "/lo"
        // Raw values (not as shown) of every sheet, one CSV a sheet: `报表-2026-11-29-排名.csv`, …
        _ = try Tools.run(
            Tools.soffice!,
            [
                "-env:UserInstallation=file://" + tool.workFolder + "/lo-profile", "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", converted,
                tool.workFolder + "/out/报表-2026-11-29.xlsx",
            ])
        func sheet(_ name: String) throws -> [[String]] {
            let text = try String(contentsOfFile: converted + "/报表-2026-11-29-\(name).csv", encoding: .utf8)
            return text.split(whereSeparator: \.isNewline).map { $0.components(separatedBy: ",") }
        }
        let ranking = try sheet("排名")
        #expect(ranking[0][0].hasPrefix("国家反诈中心APP注册率排名（2026-11-29，目标 50%）"))
        #expect(
            ranking[1].prefix(12) == [
                "排名", "乡镇", "实有人口", "上报数", "无效数", "重复数", "有效数", "注册率", "目标人数", "差额", "是否达标", "最近报送",
            ])
        for (row, township) in zip(ranking.dropFirst(2), expected) {
            // A rate is a percent-formatted number: raw export shows all its digits and the % of the format.
            expectRow(row, matches: township, rateTolerance: 0.000001)
        }
        // Rates are percent-formatted numbers: the raw export shows every digit (text would keep its two decimals).
        #expect(ranking.contains { $0[7] == "16.6666666666667%" }, "龙泉街道's 1/6")
        #expect(ranking[2 + expected.count][1] == "合计")
        let shortfall = try sheet("未达标")
        let below = try tool.run("shortfall", "--json").json["townships"] as? [[String: Any]] ?? []
        for (row, township) in zip(shortfall.dropFirst(2), below) {
            expectRow(row, matches: township, rateTolerance: 0.000001)
        }
        #expect(FileManager.default.fileExists(atPath: converted + "/报表-2026-11-29-图表.csv"))
    }

    @Test func everyFormatIsWrittenByDefaultAndShortfallAndRejectsToo() throws {
        let tool = try importedFixtures()
        defer { tool.cleanUp() }
        #expect(try tool.run("report", "--out", "out").status == 0)
        #expect(try tool.run("shortfall", "--out", "out").status == 0)
        #expect(try tool.run("rejects", "--out", "out/rejects").status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: tool.workFolder + "/out").sorted()
        for name in ["报表", "未达标"] {
            for format in ["md", "csv", "html", "xlsx"] { #expect(files.contains("\(name)-2026-11-29.\(format)")) }
        }
        let rejects = try FileManager.default.contentsOfDirectory(atPath: tool.workFolder + "/out/rejects")
        // Every township with rows that did not count, and the unassigned rows (冯一's unknown township).
        for township in ["青石镇", "白沙镇", "龙泉街道", "未匹配乡镇"] {
            #expect(rejects.contains("退回-\(township)-2026-11-29.csv"), "\(township)")
        }
        let qingshi = try String(contentsOfFile: tool.workFolder + "/out/rejects/退回-青石镇-2026-11-29.md", encoding: .utf8)
        #expect(qingshi.contains("| 乡镇（原文） | 文件 | 批次 | 行号 | 姓名 | 身份证号 | 手机号码 | 结果 | 原因 |"))
        #expect(qingshi.contains("重复"))
        #expect(try tool.run("report", "--out", "out", "--format", "pdf").status != 0)
    }

    @Test func withoutOutNothingIsWritten() throws {
        let tool = try importedFixtures()
        defer { tool.cleanUp() }
        #expect(try tool.run("report").status == 0)
        #expect(try tool.run("shortfall").status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: tool.workFolder)
        #expect(files.filter { !$0.hasPrefix("test.sqlite") }.isEmpty, "\(files)")
    }
}

/// External programs the format tests use, when installed.
enum Tools {
    static func find(_ names: String...) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in names {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    static let chromium = find("chromium", "chromium-browser", "google-chrome")
    static let soffice = find("soffice", "libreoffice")
    static let unzip = find("unzip")
    static let script = find("script")

    /// Runs a program and returns its stdout (stderr is discarded: browsers are chatty).
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> String
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The first capture group of every match.
    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
