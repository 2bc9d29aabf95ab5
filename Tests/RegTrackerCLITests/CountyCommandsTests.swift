import Foundation
import Testing

/// SPEC 8 through the executable: `import --county`, `report --county NAME` and `report --by county`, with their
/// errors in the reader's language. The roster (fictional) has two counties that each have a 城关镇.
@Suite struct CountyCommandsTests {
    static let roster = """
        县,乡镇,实有人口
        青石县,城关镇,10
        青石县,白沙镇,4
        云岭县,城关镇,20
        云岭县,松林镇,6
        """

    /// The roster, a list with a county column (one row ambiguous), and a list imported with `--county`.
    static func imported() throws -> RegTrackerBinary {
        let tool = try RegTrackerBinary()
        let folder = tool.workFolder
        try Data(roster.utf8).write(to: URL(fileURLWithPath: folder + "/roster.csv"))
        try Data(
            """
            县,乡镇,姓名,手机号码
            青石县,城关镇,张一,13800138000
            云岭县,城关镇,张二,13900139000
            ,城关镇,张三,15000150000
            ,松林镇,张四,18600186000
            """.utf8
        ).write(to: URL(fileURLWithPath: folder + "/名单.csv"))
        try Data("乡镇,姓名,手机号码\n城关镇,李一,17700177000\n".utf8).write(
            to: URL(fileURLWithPath: folder + "/补报.csv"))
        #expect(try tool.run("population", "import", folder + "/roster.csv").status == 0)
        let list = try tool.run("import", folder + "/名单.csv")
        #expect(list.status == 0, "\(list.stderr)")
        let option = try tool.run("import", "--json", "--county", "云岭县", folder + "/补报.csv")
        #expect(option.status == 0, "\(option.stderr)")
        let file = (option.json["files"] as? [[String: Any]])?.first
        #expect(file?["county"] as? String == "云岭县")
        #expect(file?["county_from"] as? String == "option")
        return tool
    }

    @Test func reportCountyRanksOneCountysTownshipsWithEveryFigure() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let run = try tool.run("report", "--county", "云岭县", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.json["county"] as? String == "云岭县")
        let townships = run.json["townships"] as? [[String: Any]] ?? []
        // 松林镇 1 of 6 above 城关镇 2 of 20.
        #expect(townships.map { $0["township"] as? String } == ["松林镇", "城关镇"])
        #expect(townships.map { $0["rank"] as? Int } == [1, 2])
        #expect(townships.map { $0["county"] as? String } == ["云岭县", "云岭县"])
        #expect(townships[1]["valid"] as? Int == 2)
        #expect(townships[1]["required"] as? Int == 10)
        #expect(townships[1]["rate"] as? Double == 0.1)
        let totals = run.json["totals"] as? [String: Any]
        #expect(totals?["population"] as? Int == 26)
        #expect(totals?["valid"] as? Int == 3)
        #expect(run.json["unassigned"] as? Int == 1)
    }

    /// SPEC 1.3 and 8: an entry for 云岭县's 城关镇 leaves 青石县's 城关镇 alone; one naming 城关镇 without a county
    /// applies to both, with a warning that says so.
    @Test func anInvalidListEntryAppliesWithinTheCountyItNames() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let folder = tool.workFolder
        try Data("县,乡镇,手机号码,原因\n云岭县,城关镇,13800138000,外县人员\n".utf8).write(
            to: URL(fileURLWithPath: folder + "/无效.csv"))
        let list = try tool.run("invalid", "import", folder + "/无效.csv")
        #expect(list.status == 0, "\(list.stderr)")
        #expect(!list.stderr.contains("warning"), "\(list.stderr)")
        // 13800138000 is 青石县's 城关镇's row: the entry is for 云岭县's.
        let report = try tool.run("report", "--json")
        let townships = report.json["townships"] as? [[String: Any]] ?? []
        let valid = Dictionary(
            uniqueKeysWithValues: townships.map { ("\($0["township"] ?? "")/\($0["county"] ?? "")", $0["valid"] as? Int) })
        #expect(valid["城关镇/青石县"] == 1)
        #expect(valid["城关镇/云岭县"] == 2)
        #expect(townships.allSatisfy { ($0["invalid_listed"] as? Int) == 0 })
        // A county with no township: every township of 青石县, and no warning about shared names.
        try Data("县,乡镇,手机号码\n青石县,,13800138000\n".utf8).write(to: URL(fileURLWithPath: folder + "/无效县.csv"))
        let county = try tool.run("invalid", "import", folder + "/无效县.csv")
        #expect(county.status == 0 && !county.stderr.contains("warning"), "\(county.stderr)")
        let byCounty = try tool.run("report", "--json").json["townships"] as? [[String: Any]] ?? []
        #expect(byCounty.filter { ($0["invalid_listed"] as? Int) == 1 }.map { $0["county"] as? String } == ["青石县"])
        #expect(try tool.run("retract", "5").status == 0)

        try Data("乡镇,手机号码\n城关镇,13800138000\n城关镇,13900139000\n".utf8).write(
            to: URL(fileURLWithPath: folder + "/无效2.csv"))
        let shared = try tool.run("invalid", "import", folder + "/无效2.csv")
        #expect(shared.status == 0, "\(shared.stderr)")
        #expect(shared.stderr.contains("entries name 城关镇 without a county"), "\(shared.stderr)")
        let after = try tool.run("report", "--json")
        let listed = (after.json["townships"] as? [[String: Any]] ?? []).filter { ($0["invalid_listed"] as? Int) == 1 }
        #expect(listed.map { $0["county"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") } == ["云岭县", "青石县"])
    }

    @Test func theImportSummarySaysTheCountyCameFromTheOption() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let path = tool.workFolder + "/补报2.csv"
        try Data("乡镇,姓名,手机号码\n松林镇,李二,17700177002\n".utf8).write(to: URL(fileURLWithPath: path))
        let told = try tool.run("import", "--county", "云岭县", path)
        #expect(told.stdout.contains("county 云岭县, from the --county option"), "\(told.stdout)")
    }

    @Test func reportByCountyRanksTheCountiesBySumsOfTheirTownships() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let run = try tool.run("report", "--by", "county", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        let counties = run.json["counties"] as? [[String: Any]] ?? []
        // 云岭县 3 of 26 (0.115385) above 青石县 1 of 14 (0.071429).
        #expect(counties.map { $0["county"] as? String } == ["云岭县", "青石县"])
        #expect(counties.map { $0["rank"] as? Int } == [1, 2])
        #expect(counties.map { $0["townships"] as? Int } == [2, 2])
        #expect(counties.map { $0["population"] as? Int } == [26, 14])
        #expect(counties.map { $0["reported"] as? Int } == [3, 1])
        #expect(counties.map { $0["valid"] as? Int } == [3, 1])
        #expect(counties.map { $0["required"] as? Int } == [10 + 3, 5 + 2])
        #expect(counties.map { $0["shortfall"] as? Int } == [8 + 2, 4 + 2])
        #expect(counties.map { $0["rate"] as? Double } == [0.115385, 0.071429])
        #expect(counties.map { $0["met"] as? Bool } == [false, false])
        #expect(run.json["unassigned"] as? Int == 1)
        #expect((run.json["totals"] as? [String: Any])?["valid"] as? Int == 4)

        let text = try tool.run("report", "--by", "county", environment: ["LANG": "zh_CN.UTF-8"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("各县（区）注册率排名"))
        #expect(text.stdout.contains("云岭县"))
    }

    @Test func countyTablesSpeakTheLocalesLanguage() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let cells: (Substring) -> [String] = TerminalTablesLanguageTests.cells
        let counties = try tool.run("report", "--by", "county").stdout.split(separator: "\n")
        #expect(counties[0] == "counties by registration rate (target 50%), 2026-11-29")
        #expect(
            cells(counties[1]) == [
                "rank", "county", "townships", "population", "reported", "invalid", "duplicates", "valid", "rate",
                "required", "shortfall", "met",
            ])
        #expect(cells(counties[2]) == ["1", "云岭县", "2", "26", "3", "0", "0", "3", "11.54%", "13", "10", "no"])
        #expect(cells(counties[4]).first == "total")
        let county = try tool.run("report", "--county", "云岭县").stdout.split(separator: "\n")
        #expect(county[0] == "云岭县: townships by registration rate (target 50%), 2026-11-29")
        #expect(cells(county[1]) == TerminalTablesLanguageTests.englishTownshipHeadings + ["last submission"])
        #expect(cells(county[4]).first == "total")

        let chinese: [String: String?] = ["LANG": "zh_CN.UTF-8"]
        let chineseCounties = try tool.run(["report", "--by", "county"], environment: chinese).stdout
            .split(separator: "\n")
        #expect(chineseCounties[0] == "各县（区）注册率排名（目标 50%，2026-11-29）")
        #expect(
            cells(chineseCounties[1]) == [
                "排名", "县（区）", "乡镇数", "实有人口", "上报数", "无效数", "重复数", "有效数", "注册率", "目标人数", "差额", "是否达标",
            ])
        #expect(cells(chineseCounties[2]).last == "否" && cells(chineseCounties[4]).first == "合计")
        let chineseCounty = try tool.run(["report", "--county", "云岭县"], environment: chinese).stdout
            .split(separator: "\n")
        #expect(chineseCounty[0] == "云岭县注册率排名（目标 50%，2026-11-29）")
        #expect(cells(chineseCounty[1]) == TerminalTablesLanguageTests.chineseTownshipHeadings + ["最近报送"])
    }

    @Test func anUnknownCountyIsRefusedNamingTheCountiesInTheReadersLanguage() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let english = try tool.run("report", "--county", "雾山县", environment: ["LANG": "C", "LC_ALL": nil])
        #expect(english.status == 1)
        #expect(english.stderr.contains("雾山县 is not a county of the roster; give one of: 青石县, 云岭县"))
        let chinese = try tool.run("report", "--county", "雾山县", environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.status == 1)
        #expect(chinese.stderr.contains("雾山县 不是人口底数中的县（区）；请给出以下之一：青石县、云岭县"))
        #expect(!chinese.stderr.contains("county"))
    }

    @Test func aTownshipNameSeveralCountiesShareIsRefusedNamingTheCounties() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let run = try tool.run("rate", "城关镇", environment: ["LANG": "zh_CN.UTF-8"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("城关镇 在多个县（区）都有（青石县、云岭县）"))
        #expect(try tool.run("rate", "松林镇").status == 0, "a name of one county only")
    }

    @Test func aSharedTownshipIsReachedWithItsCountyOrItsLabel() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        // 青石县's 城关镇: 张一 (population 10); 云岭县's: 张二 and 李一 (population 20).
        for (arguments, population, valid) in [
            (["城关镇", "--county", "青石县"], 10, 1), (["城关镇（云岭县）"], 20, 2), (["城关镇(云岭县)"], 20, 2),
        ] {
            let run = try tool.run(["rate"] + arguments + ["--json"])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(run.json["population"] as? Int == population && run.json["valid"] as? Int == valid, "\(arguments)")
        }
        let rejects = try tool.run("rejects", "城关镇", "--county", "云岭县", "--json")
        #expect(rejects.status == 0, "\(rejects.stderr)")
        let trend = try tool.run("trend", "城关镇", "--county", "青石县", "--json")
        #expect((trend.json["townships"] as? [[String: Any]])?.map { $0["valid"] as? Int } == [1], "\(trend.stdout)")
        // The whole trend tells the two 城关镇 apart: by county in JSON, by label in the table.
        let trends = try tool.run("trend", "--json")
        let named = (trends.json["townships"] as? [[String: Any]] ?? []).map {
            "\($0["township"] as? String ?? "")/\($0["county"] as? String ?? "")"
        }
        #expect(named.sorted() == ["城关镇/云岭县", "城关镇/青石县", "松林镇/云岭县", "白沙镇/青石县"].sorted(), "\(named)")
        let table = try tool.run("trend")
        #expect(table.stdout.contains("城关镇（青石县）") && table.stdout.contains("城关镇（云岭县）"), "\(table.stdout)")
        let elsewhere = try tool.run("rate", "松林镇", "--county", "青石县")
        #expect(elsewhere.status == 1)
        #expect(elsewhere.stderr.contains("松林镇 is not a township of 青石县 in the roster"))
        let alone = try tool.run("rate", "城关镇")
        #expect(alone.stderr.contains("name its county: --county 青石县, or write 城关镇（青石县）"), "\(alone.stderr)")
    }

    @Test func villagesOfASharedTownshipNameItsCounty() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let roster = tool.workFolder + "/roster.csv"
        try """
            县,乡镇,村（社区）,实有人口
            青石县,城关镇,东街社区,10
            云岭县,城关镇,东街社区,20
            """.write(toFile: roster, atomically: true, encoding: .utf8)
        #expect(try tool.run("population", "import", roster).status == 0)
        let villages = try tool.run("villages", "城关镇", "--county", "云岭县", "--json")
        #expect(villages.status == 0, "\(villages.stderr)")
        #expect(villages.json["township"] as? String == "城关镇" && villages.json["county"] as? String == "云岭县")
        let text = try tool.run("villages", "城关镇（青石县）")
        #expect(text.stdout.contains("城关镇（青石县）"), "\(text.stdout)")
        let shortfall = try tool.run("shortfall", "--by-village", "城关镇", "--county", "青石县", "--json")
        #expect(shortfall.status == 0, "\(shortfall.stderr)")
        #expect(shortfall.json["county"] as? String == "青石县" && shortfall.json["shortfall"] as? Int == 5)
        let alone = try tool.run("shortfall", "--county", "青石县")
        #expect(alone.status != 0 && alone.status != 1, "a usage error: \(alone.stderr)")
    }

    /// SPEC 4, 8: `report --out` with `--county` writes the county's files beside the whole database's, not over them;
    /// `report --by county --out` writes the county table.
    @Test func countyReportsWriteFilesOfTheirOwn() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let out = tool.workFolder + "/out"
        #expect(try tool.run("report", "--out", out, "--format", "md").status == 0)
        let county = try tool.run("report", "--county", "云岭县", "--out", out, "--format", "md,csv")
        #expect(county.status == 0, "\(county.stderr)")
        let day = try #require(
            try FileManager.default.contentsOfDirectory(atPath: out).first { $0.hasPrefix("报表-云岭县-") }?
                .dropFirst("报表-云岭县-".count).prefix(10))
        let markdown = try String(contentsOfFile: out + "/报表-云岭县-\(day).md", encoding: .utf8)
        #expect(markdown.contains("云岭县国家反诈中心APP注册率排名"))
        #expect(markdown.contains("松林镇") && !markdown.contains("白沙镇"))
        let whole = try String(contentsOfFile: out + "/报表-\(day).md", encoding: .utf8)
        #expect(whole.contains("白沙镇"), "the whole database's report is not overwritten")

        let counties = try tool.run("report", "--by", "county", "--out", out, "--format", "csv,md")
        #expect(counties.status == 0, "\(counties.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "/县（区）排名-\(day).csv"))
        #expect(bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]), "UTF-8 with BOM")
        let table = String(decoding: bytes, as: UTF8.self)
        let lines = table.split(whereSeparator: \.isNewline).map(String.init)
        #expect(lines.contains { $0.hasPrefix("1,云岭县,2,26,3,") }, "\(table)")
        #expect(lines.contains { $0.hasPrefix("2,青石县,2,14,1,") }, "\(table)")
    }

    @Test func byCountyWithoutCountiesInTheRosterIsAClearError() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let run = try tool.run("report", "--by", "county", environment: ["LANG": "zh_CN.UTF-8"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("人口底数没有县（区）列"))
        let bad = try tool.run("report", "--by", "village")
        #expect(bad.status != 0 && bad.status != 1, "a usage error")
    }

    @Test func tokensCreateCountyScopesATokenToOneCountyAndASharedTownshipNeedsItsCounty() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let county = try tool.run("tokens", "create", "--county", "青石县")
        #expect(county.status == 0, "\(county.stderr)")
        #expect(county.stderr.contains("(county 青石县)"))
        let shared = try tool.run("tokens", "create", "--township", "城关镇")
        #expect(shared.status == 1)
        #expect(
            shared.stderr.contains(
                "城关镇 is a township of several counties (青石县, 云岭县); name its county: "
                    + "tokens create --township 城关镇 --county 青石县"))
        #expect(try tool.run("tokens", "create", "--township", "城关镇", "--county", "云岭县").status == 0)
        #expect(try tool.run("tokens", "create", "--township", "松林镇").status == 0, "a name of one county only")
        let elsewhere = try tool.run("tokens", "create", "--township", "松林镇", "--county", "青石县")
        #expect(elsewhere.status == 1)
        #expect(elsewhere.stderr.contains("松林镇 is not a township of 青石县 in the roster"))
        let unknown = try tool.run(
            ["tokens", "create", "--county", "雾山县"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("雾山县 不是人口底数中的县（区）；请给出以下之一：青石县、云岭县"))
        let both = try tool.run("tokens", "create", "--office", "--county", "青石县")
        #expect(both.status != 0 && both.status != 1, "a usage error")

        let listed = try tool.run("tokens", "list")
        #expect(listed.stdout.contains("county 青石县"))
        #expect(listed.stdout.contains("township 城关镇 (云岭县)"))
        #expect(listed.stdout.contains("township 松林镇 (云岭县)"))
        let chinese = try tool.run(["tokens", "list"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.stdout.contains("县（区） 青石县"))
        #expect(chinese.stdout.contains("乡镇 城关镇（云岭县）"))
        let json = try tool.run("tokens", "list", "--json")
        let tokens = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(tokens.map { $0["scope"] as? String } == ["county", "township", "township"])
        #expect(tokens.map { $0["county"] as? String } == ["青石县", "云岭县", "云岭县"])
        #expect(tokens.map { $0["township"] as? String } == [nil, "城关镇", "松林镇"])
    }

    @Test func aCountyTokenReadsItsOwnCountyOnlyFromTheServedDashboard() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let county = try DashboardCommandsTests.token(from: tool.run("tokens", "create", "--county", "青石县"))
        let township = try DashboardCommandsTests.token(
            from: tool.run("tokens", "create", "--township", "城关镇", "--county", "云岭县"))
        let (server, port) = try tool.startServer()
        defer { server.terminate() }
        func path(_ parts: String...) -> String {
            "/api/"
                + parts.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)! }.joined(
                    separator: "/")
        }
        let own = try LoopbackHTTP.get(port: port, path: path("counties", "青石县"), token: county)
        #expect(own.status == 200)
        let report = try JSONSerialization.jsonObject(with: Data(own.body.utf8)) as? [String: Any] ?? [:]
        #expect(
            NSDictionary(dictionary: report)
                == NSDictionary(dictionary: try tool.run("report", "--county", "青石县", "--json").json))
        #expect(try LoopbackHTTP.get(port: port, path: path("counties", "云岭县"), token: county).status == 403)
        #expect(try LoopbackHTTP.get(port: port, path: "/api/report", token: county).status == 403)
        let mine = path("counties", "青石县", "townships", "城关镇")
        #expect(try LoopbackHTTP.get(port: port, path: mine, token: county).status == 200)
        let theirs = path("counties", "云岭县", "townships", "城关镇")
        #expect(try LoopbackHTTP.get(port: port, path: theirs, token: county).status == 403)
        let chengguan = try LoopbackHTTP.get(port: port, path: theirs, token: township)
        #expect(chengguan.status == 200)
        let figures = try JSONSerialization.jsonObject(with: Data(chengguan.body.utf8)) as? [String: Any] ?? [:]
        #expect(figures["population"] as? Int == 20)
        #expect(figures["valid"] as? Int == 2)
        #expect(try LoopbackHTTP.get(port: port, path: mine, token: township).status == 403)
    }

    @Test func theNoticeKeepsEachCountysChengguanApartWithItsOwnRecord() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        // 白沙镇 0 of 4; 城关镇 1 of 10 and 2 of 20, tied at 10%: both named with --bottom 2.
        let november = try tool.run(
            "notice", "2026-11", "--bottom", "2", "--json", environment: ["REGTRACKER_TODAY": "2026-12-01"])
        #expect(november.status == 0, "\(november.stderr)")
        #expect(november.json["named"] as? [String] == ["白沙镇", "城关镇（云岭县）", "城关镇（青石县）"])
        #expect(november.json["not_reported"] as? [String] == ["白沙镇"])
        let townships = november.json["townships"] as? [[String: Any]] ?? []
        let chengguan = townships.filter { $0["township"] as? String == "城关镇" }
        #expect(chengguan.compactMap { $0["county"] as? String }.sorted() == ["云岭县", "青石县"])
        #expect(chengguan.map { $0["times_named"] as? Int } == [1, 1])

        // December: nothing sent, every township listed, a shared name with its county; each 城关镇 named a
        // second time earns its own yellow card.
        let out = tool.workFolder + "/notice"
        let december = try tool.run(
            "notice", "2026-12", "--bottom", "2", "--json", "--out", out,
            environment: ["REGTRACKER_TODAY": "2027-01-04"])
        #expect(december.status == 0, "\(december.stderr)")
        #expect(
            december.json["not_reported"] as? [String] == ["城关镇（青石县）", "白沙镇", "城关镇（云岭县）", "松林镇"])
        let later = (december.json["townships"] as? [[String: Any]] ?? []).filter {
            $0["township"] as? String == "城关镇"
        }
        #expect(later.map { $0["times_named"] as? Int } == [2, 2])
        #expect(later.map { $0["card"] as? String } == ["yellow", "yellow"])
        #expect(later.map { ($0["change"] as? [String: Any])?["valid"] as? Int } == [0, 0])
        let text = try String(contentsOfFile: out + "/通报-2026-12.md", encoding: .utf8)
        #expect(text.contains("全市") && !text.contains("全县"))
        #expect(text.contains("城关镇（青石县）") && text.contains("城关镇（云岭县）"))
    }

    @Test func theWholeDatabaseReportTellsTheTwoChengguanApartByTheirCounties() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let text = try tool.run("report")
        #expect(text.status == 0, "\(text.stderr)")
        // 城关镇 of 云岭县 2 of 20 (10%), of 青石县 1 of 10 (10%): the same rate, ties by name and then county.
        let lines = text.stdout.split(separator: "\n").map(String.init)
        let yunling = try #require(lines.firstIndex { $0.contains("城关镇（云岭县）") })
        let qingshi = try #require(lines.firstIndex { $0.contains("城关镇（青石县）") })
        #expect(lines[yunling].contains("    20 "))
        #expect(lines[qingshi].contains("    10 "))
        #expect(lines[yunling].hasSuffix("2026-11-29"))
        #expect(!lines.contains { $0.range(of: #"\s城关镇\s"#, options: .regularExpression) != nil })

        let json = try tool.run("report", "--json")
        let townships = json.json["townships"] as? [[String: Any]] ?? []
        let chengguan = townships.filter { $0["township"] as? String == "城关镇" }
        #expect(Set(chengguan.compactMap { $0["county"] as? String }) == ["青石县", "云岭县"])

        let out = tool.workFolder + "/out"
        #expect(try tool.run("report", "--out", out, "--format", "csv,md").status == 0)
        let csv = try String(contentsOfFile: out + "/报表-2026-11-29.csv", encoding: .utf8)
        #expect(csv.contains("城关镇（青石县）") && csv.contains("城关镇（云岭县）"))
        let markdown = try String(contentsOfFile: out + "/报表-2026-11-29.md", encoding: .utf8)
        #expect(markdown.contains("城关镇（青石县）") && markdown.contains("城关镇（云岭县）"))

        // Nothing since 2026-12-01: every township is missing, each 城关镇 with its county and its own day.
        let missing = try tool.run("missing", "--since", "2026-12-01")
        #expect(missing.status == 0, "\(missing.stderr)")
        #expect(missing.stdout.contains("城关镇（青石县）") && missing.stdout.contains("城关镇（云岭县）"))
        let missingJSON = try tool.run("missing", "--since", "2026-12-01", "--json")
        let listed = missingJSON.json["townships"] as? [[String: Any]] ?? []
        #expect(listed.map { $0["township"] as? String } == ["城关镇", "白沙镇", "城关镇", "松林镇"])
        #expect(listed.map { $0["county"] as? String } == ["青石县", "青石县", "云岭县", "云岭县"])
        #expect(listed.map { $0["last_submission"] as? String } == ["2026-11-29", nil, "2026-11-29", "2026-11-29"])

        // A duplicate in each 城关镇: each goes back to its own township, in a file named with its county.
        try Data("县,乡镇,姓名,手机号码\n青石县,城关镇,重一,13800138000\n云岭县,城关镇,重二,13900139000\n".utf8).write(
            to: URL(fileURLWithPath: tool.workFolder + "/重复.csv"))
        #expect(try tool.run("import", tool.workFolder + "/重复.csv").status == 0)
        let rejects = tool.workFolder + "/rejects"
        #expect(try tool.run("rejects", "--out", rejects, "--format", "csv").status == 0)
        let qingshiFile = try String(contentsOfFile: rejects + "/退回-城关镇（青石县）-2026-11-29.csv", encoding: .utf8)
        let yunlingFile = try String(contentsOfFile: rejects + "/退回-城关镇（云岭县）-2026-11-29.csv", encoding: .utf8)
        #expect(qingshiFile.contains("重一") && !qingshiFile.contains("重二"))
        #expect(yunlingFile.contains("重二") && !yunlingFile.contains("重一"))
        let rejectsJSON = try tool.run("rejects", "--json").json["rows"] as? [[String: Any]] ?? []
        let duplicates = rejectsJSON.filter { $0["outcome"] as? String == "duplicate" }
        #expect(duplicates.map { $0["county"] as? String } == ["青石县", "云岭县"])
        // Each reason names the earlier row's township with its county.
        #expect(qingshiFile.contains("与城关镇（青石县）的有效行重复"), "\(qingshiFile)")
        #expect(yunlingFile.contains("与城关镇（云岭县）的有效行重复"), "\(yunlingFile)")
        let values = duplicates.map { ($0["values"] as? [String: Any])?["county"] as? String }
        #expect(values == ["青石县", "云岭县"], "\(duplicates)")
    }
}
