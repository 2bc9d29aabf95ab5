import Foundation
import Testing

/// The built binary on fixture files in all three CSV encodings (UTF-8, UTF-8 with BOM and tabs, GB18030 with
/// semicolons), with the figures worked out by hand in the comments.
@Suite struct EndToEndTests {
    let fixtures = RegTrackerBinary.fixtures

    /// Roster, invalid list, then the three lists: the state every test below starts from.
    func importedFixtures() throws -> RegTrackerBinary { try RegTrackerBinary.withFixturesImported() }

    func township(_ name: String, in json: [String: Any]) -> [String: Any] {
        let townships = json["townships"] as? [[String: Any]] ?? []
        return townships.first { $0["township"] as? String == name } ?? [:]
    }

    @Test func reportJSONHasEveryFigureOfEveryTownship() throws {
        let tool = try importedFixtures()
        defer { tool.cleanUp() }
        let run = try tool.run("report", "--json")
        #expect(run.status == 0)
        let json = run.json
        #expect(json["target"] as? Double == 0.5)
        #expect(json["unassigned"] as? Int == 1)
        let names = (json["townships"] as? [[String: Any]])?.compactMap { $0["township"] as? String }
        // Rates: 白沙镇 2/8, 龙泉街道 1/6, 青石镇 3/1000; 空白乡 has population 0 and comes last.
        #expect(names == ["白沙镇", "龙泉街道", "青石镇", "空白乡"])
        #expect(run.stderr.contains("空白乡 has population 0"))

        // 青石镇: 张三, 李四 (spaced township), 周八 (alias, spaced phone) valid; 王五 repeats 张三's ID in lower case;
        // 赵六 flagged; 孙七 bad check digit, 吴九 masked ID only, 郑十 unknown verdict; 冯一's township is unknown.
        let qingshi = township("青石镇", in: json)
        #expect(qingshi["rank"] as? Int == 3)
        #expect(qingshi["population"] as? Int == 1000)
        #expect(qingshi["reported"] as? Int == 8)
        #expect(qingshi["invalid"] as? Int == 4)
        #expect(qingshi["invalid_malformed"] as? Int == 3)
        #expect(qingshi["invalid_flagged"] as? Int == 1)
        #expect(qingshi["invalid_listed"] as? Int == 0)
        #expect(qingshi["duplicates"] as? Int == 1)
        #expect(qingshi["valid"] as? Int == 3)
        #expect(qingshi["required"] as? Int == 500)
        #expect(qingshi["shortfall"] as? Int == 497)
        #expect(qingshi["rate"] as? Double == 0.003)
        #expect(qingshi["met"] as? Bool == false)

        // 白沙镇 (55% of 8 → 5 required): 孙三 repeats 钱二's phone (86 prefix), 李四 repeats 张三's phone.
        let baisha = township("白沙镇", in: json)
        #expect(baisha["rank"] as? Int == 1)
        #expect(baisha["reported"] as? Int == 4)
        #expect(baisha["duplicates"] as? Int == 2)
        #expect(baisha["valid"] as? Int == 2)
        #expect(baisha["required"] as? Int == 5)
        #expect(baisha["shortfall"] as? Int == 3)
        #expect(baisha["rate"] as? Double == 0.25)

        // 龙泉街道 (GB18030): 刘五 repeats 李四's ID, 黄六's phone is on the invalid list, 何七 valid.
        let longquan = township("龙泉街道", in: json)
        #expect(longquan["rank"] as? Int == 2)
        #expect(longquan["invalid_listed"] as? Int == 1)
        #expect(longquan["duplicates"] as? Int == 1)
        #expect(longquan["valid"] as? Int == 1)
        #expect(longquan["required"] as? Int == 3)
        #expect(longquan["rate"] as? Double == 0.166667)

        let empty = township("空白乡", in: json)
        #expect(empty["rank"] is NSNull)
        #expect(empty["rate"] is NSNull)
        #expect(empty["met"] is NSNull)

        let totals = json["totals"] as? [String: Any] ?? [:]
        #expect(totals["population"] as? Int == 1014)
        #expect(totals["reported"] as? Int == 15)
        #expect(totals["invalid"] as? Int == 5)
        #expect(totals["duplicates"] as? Int == 4)
        #expect(totals["valid"] as? Int == 6)
    }

    @Test func rateAndShortfallShowTheSameFigures() throws {
        let tool = try importedFixtures()
        defer { tool.cleanUp() }
        let rate = try tool.run("rate", "青石", "--json")
        #expect(rate.status == 0)
        #expect(rate.json["township"] as? String == "青石镇")
        #expect(rate.json["rank"] as? Int == 3)
        #expect(rate.json["of"] as? Int == 3)
        #expect(rate.json["shortfall"] as? Int == 497)

        let shortfall = try tool.run("shortfall", "--json")
        let names = (shortfall.json["townships"] as? [[String: Any]])?.compactMap { $0["township"] as? String }
        #expect(names == ["青石镇", "龙泉街道", "白沙镇"])

        let unknown = try tool.run("rate", "青实镇")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean 青石镇"))
    }

    @Test func reimportIsANoOpAndSucceeds() throws {
        let tool = try importedFixtures()
        defer { tool.cleanUp() }
        let again = try tool.run("import", "\(fixtures)/lists")
        #expect(again.status == 0)
        #expect(again.stdout.contains("01-青石镇.csv: already imported as batch 3"))
        let batches = try tool.run("batches", "--json")
        #expect((batches.json["batches"] as? [Any])?.count == 5)
    }

    @Test func rejectedFilesLeaveNothingAndExitOne() throws {
        let tool = try importedFixtures()
        defer { tool.cleanUp() }
        let before = try tool.run("report", "--json").stdout

        let noHeader = try tool.run("import", "\(fixtures)/bad/no-header.csv")
        #expect(noHeader.status == 1)
        #expect(noHeader.stderr.contains("no-header.csv: rejected: no header row"))

        let noName = try tool.run("import", "\(fixtures)/bad/missing-name.csv")
        #expect(noName.status == 1)
        #expect(noName.stderr.contains("has no 姓名 (name) column"))
        #expect(noName.stderr.contains("found columns: 乡镇, 身份证号, 手机号"))

        #expect(try tool.run("report", "--json").stdout == before)
        #expect((try tool.run("batches", "--json").json["batches"] as? [Any])?.count == 5)
    }

    @Test func aGB18030FileForcedToUTF8IsRejectedNamingTheLine() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        try tool.run("population", "import", "\(fixtures)/roster.csv")
        let run = try tool.run("import", "--encoding", "utf-8", "\(fixtures)/lists/03-龙泉街道.csv")
        #expect(run.status == 1)
        #expect(run.stderr.contains("03-龙泉街道.csv: rejected: line 1: not valid UTF-8"))
        #expect(run.stderr.contains("--encoding gb18030"))
        #expect((try tool.run("batches", "--json").json["batches"] as? [Any])?.count == 1)
        // Detected automatically, the same file imports.
        #expect(try tool.run("import", "\(fixtures)/lists/03-龙泉街道.csv").status == 0)
    }

    @Test func replaceAndRetractChangeCountsAtOnce() throws {
        let tool = try importedFixtures()
        defer { tool.cleanUp() }
        // Retracting 青石镇's list frees 张三's phone and 李四's ID: 白沙镇's 李四 and 龙泉街道's 刘五 become valid.
        #expect(try tool.run("retract", "3").status == 0)
        let report = try tool.run("report", "--json").json
        #expect(township("青石镇", in: report)["reported"] as? Int == 0)
        #expect(township("白沙镇", in: report)["valid"] as? Int == 3)
        #expect(township("龙泉街道", in: report)["valid"] as? Int == 2)
        #expect(try tool.run("retract", "99").status == 1)
    }

    @Test func quietPrintsNothingOnSuccess() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let run = try tool.run("--quiet", "population", "import", "\(fixtures)/roster.csv")
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty && run.stderr.isEmpty)
    }

    @Test func databaseIsPrivateToItsOwner() throws {
        let tool = try importedFixtures()
        defer { tool.cleanUp() }
        let attributes = try FileManager.default.attributesOfItem(atPath: tool.database)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
