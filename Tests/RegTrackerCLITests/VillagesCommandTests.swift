import Foundation
import Testing

/// SPEC 5 end to end, on Fixtures/villages (fictional): a roster whose 白沙镇 has its own row (100 people, 40%) and
/// four villages (河坝村 10; 石桥社区 8 at 60%, alias 桥头; 柳林村 10; 新村 0), whose 云溪镇 has village rows only
/// (上坝村 20, 下坝村 30, and a 合计 row skipped), and 青石镇 with none. 白沙镇's list names villages with and
/// without suffixes: 河坝 ×3 (河坝, 河坝村委会, 河 坝 村), 石桥社区 ×2 (桥头, 石桥居委会), 柳林村 3 valid + 1 duplicate
/// + 1 flagged, and 2 valid rows matching no village (河坝村3组 and an empty cell).
@Suite struct VillagesCommandTests {
    static let folder = RegTrackerBinary.fixtures + "/villages"

    static func imported() throws -> RegTrackerBinary {
        let tool = try RegTrackerBinary()
        let roster = try tool.run("population", "import", "\(folder)/roster-villages.csv")
        #expect(roster.status == 0, "\(roster.stderr)")
        let lists = try tool.run("import", "\(folder)/01-白沙镇-分村.csv", "\(folder)/02-云溪镇-分村.csv")
        #expect(lists.status == 0, "\(lists.stderr)")
        return tool
    }

    func villages(_ json: [String: Any]) -> [[String: Any]] { json["villages"] as? [[String: Any]] ?? [] }

    @Test func aTownshipsVillagesAreRankedWithEveryFigureOfSpec5() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let run = try tool.run("villages", "白沙镇", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.json["township"] as? String == "白沙镇")
        #expect(run.json["target"] as? Double == 0.4)
        let list = villages(run.json)
        // 柳林村 and 河坝村 both 3 of 10: rank 1 each, by name (柳 U+67F3 before 河 U+6CB3); 石桥社区 2 of 8 third.
        #expect(list.map { $0["village"] as? String } == ["柳林村", "河坝村", "石桥社区", "新村"])
        #expect(list.map { $0["rank"] as? Int } == [1, 1, 3, nil])
        let liulin = list[0]
        #expect(liulin["population"] as? Int == 10)
        #expect(liulin["target"] as? Double == 0.4)
        #expect(liulin["reported"] as? Int == 5)
        #expect(liulin["invalid"] as? Int == 1)
        #expect(liulin["invalid_flagged"] as? Int == 1)
        #expect(liulin["invalid_malformed"] as? Int == 0)
        #expect(liulin["invalid_listed"] as? Int == 0)
        #expect(liulin["duplicates"] as? Int == 1)
        #expect(liulin["valid"] as? Int == 3)
        #expect(liulin["required"] as? Int == 4)
        #expect(liulin["shortfall"] as? Int == 1)
        #expect(liulin["rate"] as? Double == 0.3)
        #expect(liulin["met"] as? Bool == false)
        // 河坝, 河坝村委会 and 河 坝 村 are one village.
        #expect(list[1]["reported"] as? Int == 3)
        // 桥头 (an alias) and 石桥居委会; the village's own 60%: ⌈8 × 0.6⌉ = 5.
        #expect(list[2]["valid"] as? Int == 2)
        #expect(list[2]["target"] as? Double == 0.6)
        #expect(list[2]["required"] as? Int == 5)
        #expect(list[2]["shortfall"] as? Int == 3)
        #expect(list[2]["rate"] as? Double == 0.25)
        // Population 0: no rank, rate or met.
        #expect(list[3]["rate"] is NSNull)
        #expect(list[3]["met"] is NSNull)
        let unmatched = run.json["unmatched_village"] as? [String: Any]
        #expect(unmatched?["reported"] as? Int == 2)
        #expect(unmatched?["valid"] as? Int == 2)
        // The township still counts every row: 10 valid of 12.
        let rate = try tool.run("rate", "白沙镇", "--json")
        #expect(rate.json["valid"] as? Int == 10)
        #expect(rate.json["reported"] as? Int == 12)
        #expect(rate.json["population"] as? Int == 100)
    }

    @Test func aTownshipWithVillageRowsOnlyHasTheirSumAsPopulation() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let rate = try tool.run("rate", "云溪镇", "--json")
        #expect(rate.json["population"] as? Int == 50)
        #expect(rate.json["target"] as? Double == 0.5)
        let list = villages(rate.json)
        #expect(list.map { $0["village"] as? String } == ["上坝村", "下坝村"])
        #expect(list.map { $0["valid"] as? Int } == [1, 1])
    }

    @Test func everyVillageOfTheCountyIsRankedWithItsTownship() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let run = try tool.run("villages", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.json["township"] == nil)
        let list = villages(run.json)
        #expect(list.map { $0["village"] as? String } == ["柳林村", "河坝村", "石桥社区", "上坝村", "下坝村", "新村"])
        #expect(list.map { $0["township"] as? String } == ["白沙镇", "白沙镇", "白沙镇", "云溪镇", "云溪镇", "白沙镇"])
        #expect(list.map { $0["rank"] as? Int } == [1, 1, 3, 4, 5, nil])
        let text = try tool.run("villages")
        #expect(text.stdout.contains("5 of 6 ranked"))
        #expect(text.stderr.contains("新村 has population 0"))
    }

    @Test func rateShowsTheVillageTableUnderTheTownshipsFigures() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let run = try tool.run("rate", "白沙镇")
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let title = try #require(lines.firstIndex { $0.contains("villages by registration rate") })
        #expect(lines[title + 1].hasPrefix("rank  village"))
        #expect(lines[title + 2].contains("柳林村") && lines[title + 2].contains("30.00%"))
        #expect(
            run.stdout.contains(
                "rows matching no village (village cell empty or not in the roster): 2 reported, 2 valid"))
        let chinese = try tool.run("rate", "白沙镇", environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.stdout.contains("白沙镇各村（社区）注册率排名（目标 40%）"))
    }

    @Test func shortfallByVillageListsTheVillagesBelowTargetWorstFirst() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        let run = try tool.run("shortfall", "--by-village", "白沙镇", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        let list = villages(run.json)
        #expect(list.map { $0["village"] as? String } == ["石桥社区", "柳林村", "河坝村"])
        #expect(list.map { $0["shortfall"] as? Int } == [3, 1, 1])
        #expect(run.json["shortfall"] as? Int == 5)
        let text = try tool.run("shortfall", "--by-village", "白沙镇")
        #expect(text.stdout.contains("白沙镇: 3 of 3 ranked villages below target, worst rate first"))
        // --out writes them; with --json stdout still holds the document alone.
        let written = try tool.run("shortfall", "--by-village", "白沙镇", "--out", "out", "--format", "md", "--json")
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.json["shortfall"] as? Int == 5)
        let markdown = try String(
            contentsOfFile: tool.workFolder + "/out/未达标村（社区）-白沙镇-2026-11-29.md", encoding: .utf8)
        #expect(markdown.contains("白沙镇未达标村（社区）") && markdown.contains("共尚差 5 人"), "\(markdown)")
        #expect(markdown.contains("石桥社区") && !markdown.contains("新村"))
    }

    @Test func aRosterWithoutVillagesMakesVillagesSaySoAndExitOne() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let run = try tool.run("villages")
        #expect(run.status == 1)
        #expect(run.stderr.contains("the roster has no villages"))
        let unknown = try Self.imported()
        defer { unknown.cleanUp() }
        let missing = try unknown.run("villages", "白莎镇")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("白沙镇"))
    }

    @Test func aRosterNamingOneVillageTwiceIsRefusedNamingBothRows() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let path = tool.workFolder + "/两个河坝.csv"
        try "乡镇,村,实有人口\n白沙镇,河坝村,10\n白沙镇,河坝社区,8\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try tool.run("population", "import", path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("两个河坝.csv"))
        #expect(run.stderr.contains("row 3"))
        #expect(run.stderr.contains("河坝村 (row 2)"))
    }

    @Test func aNewRosterPrintsVillageChangesAndWarnsAboutRowsNoLongerMatched() throws {
        let tool = try Self.imported()
        defer { tool.cleanUp() }
        // 柳林村 renamed 柳林社区 without an alias: its 5 rows (3 valid) match no village now; 河坝村 grows to 12.
        let path = tool.workFolder + "/人口底数-新.csv"
        let roster = try String(contentsOfFile: "\(Self.folder)/roster-villages.csv", encoding: .utf8)
            .replacingOccurrences(of: "白沙镇,柳林村,10", with: "白沙镇,柳林湾,10")
            .replacingOccurrences(of: "白沙镇,河坝村,10", with: "白沙镇,河坝村,12")
        try roster.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try tool.run("population", "import", path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("villages added 白沙镇 柳林湾"))
        #expect(run.stdout.contains("villages dropped 白沙镇 柳林村"))
        #expect(run.stdout.contains("village population 白沙镇 河坝村 10 → 12"))
        // A warning: on stderr.
        #expect(run.stderr.contains("rows no longer matched to a village"))
        #expect(run.stderr.contains("白沙镇 柳林村 5 rows (3 valid)"))
        let after = try tool.run("villages", "白沙镇", "--json")
        let unmatched = after.json["unmatched_village"] as? [String: Any]
        #expect(unmatched?["reported"] as? Int == 7)
        #expect(unmatched?["valid"] as? Int == 5)
    }
}

/// `villages --out DIR`: the village table as files for people, like `report`.
@Suite struct VillageFilesTests {
    @Test func villagesOutWritesTheTableInEveryFormat() throws {
        let tool = try VillagesCommandTests.imported()
        defer { tool.cleanUp() }
        let out = tool.workFolder + "/reports"
        let run = try tool.run("villages", "白沙镇", "--out", out)
        #expect(run.status == 0, "\(run.stderr)")
        let name = out + "/村（社区）排名-白沙镇-2026-11-29"
        for format in ["md", "csv", "html", "xlsx"] {
            #expect(FileManager.default.fileExists(atPath: "\(name).\(format)"), "\(format)")
        }
        let csv = try Data(contentsOf: URL(fileURLWithPath: "\(name).csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
        #expect(text.contains("排名,村（社区）,实有人口,目标,上报数,无效数,重复数,有效数,注册率,目标人数,差额,是否达标"))
        #expect(text.contains("1,柳林村,10,40%,5,1,1,3,30.00%,4,1,否"))
        #expect(text.contains("3,石桥社区,8,60%,2,0,0,2,25.00%,5,3,否"))
        let markdown = try String(contentsOfFile: "\(name).md", encoding: .utf8)
        #expect(markdown.contains("上报 2 行，有效 2 行"))
        let html = try String(contentsOfFile: "\(name).html", encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(html.contains("石桥社区"))
        let county = try tool.run("villages", "--out", out, "--format", "csv")
        #expect(county.status == 0, "\(county.stderr)")
        let all = try String(contentsOfFile: out + "/村（社区）排名-全县-2026-11-29.csv", encoding: .utf8)
        #expect(all.contains("4,上坝村,云溪镇,20,50%,1,0,0,1,5.00%,10,9,否"))
    }
}

/// Village figures are kept like township figures: `check` compares them with the rows, village included.
@Suite struct VillageKeptFiguresTests {
    @Test func checkFindsAVillageGroupThatDiffersFromTheRowsAndRepairMendsIt() throws {
        let tool = try VillagesCommandTests.imported()
        defer { tool.cleanUp() }
        #expect(try SQLiteShell.run(tool.database, "SELECT COUNT(*) FROM figure WHERE village_id IS NOT NULL") != "0")
        // The township's figures stay the same; only the rows' village in the kept figures is lost.
        _ = try SQLiteShell.run(tool.database, "UPDATE figure SET village_id = NULL WHERE village_id IS NOT NULL")
        let check = try tool.run("check")
        #expect(check.status == 1)
        #expect(check.stderr.contains("differ from the rows"))
        #expect(check.stderr.contains("township 白沙镇, village 柳林村, valid, registered -: kept 0, rows 3"))
        let repair = try tool.run("check", "--repair")
        #expect(repair.status == 0, "\(repair.stderr)")
        let villages = try tool.run("villages", "白沙镇", "--json")
        let unmatched = villages.json["unmatched_village"] as? [String: Any]
        #expect(unmatched?["reported"] as? Int == 2)
    }
}
