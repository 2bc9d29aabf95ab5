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
        #expect(lines[title + 1].contains("村（社区）"))
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
        #expect(run.stdout.contains("rows no longer matched to a village"))
        #expect(run.stdout.contains("白沙镇 柳林村 5 rows (3 valid)"))
        let after = try tool.run("villages", "白沙镇", "--json")
        let unmatched = after.json["unmatched_village"] as? [String: Any]
        #expect(unmatched?["reported"] as? Int == 7)
        #expect(unmatched?["valid"] as? Int == 5)
    }
}
