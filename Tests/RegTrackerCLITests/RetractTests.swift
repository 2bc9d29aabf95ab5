import Foundation
import Testing

/// `retract` and `batches` (SPEC 3, issue 12): what a retraction changed, counted row by row, and a purged batch
/// that stays on the record of what was received.
@Suite struct RetractTests {
    func batch(_ number: Int, of tool: RegTrackerBinary) throws -> [String: Any] {
        let batches = try tool.run("batches", "--json").json["batches"] as? [[String: Any]] ?? []
        return batches.first { $0["batch"] as? Int == number } ?? [:]
    }

    @Test func retractSaysHowManyRowsStoppedOrStartedCountingByOutcome() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        // Batch 3 is 01-青石镇.csv: 3 valid, 1 duplicate, 1 flagged, 3 malformed and 1 unassigned row. Without it,
        // 白沙镇's 李四 (张三's phone) and 龙泉街道's 刘五 (李四's ID) are no longer duplicates: both count.
        let run = try tool.run("retract", "3")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout
                == "batch 3 (01-青石镇.csv) retracted: 9 rows no longer count "
                + "(3 valid, 1 duplicate, 1 flagged, 3 malformed, 1 unassigned); "
                + "2 rows of other batches changed outcome (2 duplicate → valid)\n", "\(run.stdout)")
        let report = try tool.run("report", "--json").json
        let townships = report["townships"] as? [[String: Any]] ?? []
        #expect(townships.first { $0["township"] as? String == "白沙镇" }?["valid"] as? Int == 3)
        #expect(townships.first { $0["township"] as? String == "龙泉街道" }?["valid"] as? Int == 2)
    }

    @Test func retractingTheInvalidListSaysWhichRowsStartedCounting() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        // Batch 2 is the invalid list: 黄六's phone is on it. The list has no rows that count themselves.
        let run = try tool.run(["retract", "2"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout
                == "已撤回第 2 批（invalid.csv）：0 行不再计入；其他批次 1 行的结果随之改变（无效（列入无效名单） → 有效 1）\n",
            "\(run.stdout)")
    }

    @Test func aPurgedBatchStaysListedWithItsRecordButWithoutItsRows() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let before = try batch(3, of: tool)
        #expect(before["state"] as? String == "active")
        let run = try tool.run("retract", "3", "--purge")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.hasPrefix("batch 3 (01-青石镇.csv) retracted and its rows deleted for good: 9 rows no longer count")
        )

        let batches = try tool.run("batches", "--json").json["batches"] as? [[String: Any]] ?? []
        #expect(batches.count == 5, "the purged batch is still listed")
        let after = try batch(3, of: tool)
        #expect(after["state"] as? String == "purged")
        #expect((after["purged_at"] as? String)?.hasPrefix("2026-11-29") == true)
        #expect(after["retracted_at"] is String)
        for key in ["file", "sha256", "imported_at", "rows", "kind", "format"] {
            #expect(
                (after[key] as? NSObject)?.isEqual(before[key]) == true, "\(key): \(String(describing: after[key]))")
        }
        #expect(after["rows"] as? Int == 9)
        // Its rows are gone: none of them is among the rows that did not count, and the database holds none.
        #expect(!(try tool.run("rejects").stdout.contains("01-青石镇.csv")))
        let sqlite = try #require(Tools.find("sqlite3"), "sqlite3 is installed by make setup")
        #expect(
            try Tools.run(sqlite, [tool.database, "SELECT COUNT(*) FROM registration WHERE batch_id = 3"]) == "0\n")

        let table = try tool.run(["batches"], environment: ["LANG": "zh_CN.UTF-8"]).stdout
        let line = try #require(
            table.split(separator: "\n").first { $0.drop { $0 == " " }.hasPrefix("3 ") }, "\(table)")
        #expect(line.contains("01-青石镇.csv") && line.contains("注册名单") && line.contains("已永久删除"), "\(line)")
        #expect(try tool.run("batches").stdout.contains("purged"))

        // Purging again says so; the same file can be imported again as a new batch.
        #expect(try tool.run("retract", "3", "--purge").stdout.contains("was already purged"))
        let again = try tool.run("import", "\(RegTrackerBinary.fixtures)/lists/01-青石镇.csv")
        #expect(again.status == 0)
        #expect(again.stdout.contains("batch 6"), "\(again.stdout)")
    }

    @Test func theChineseBatchesTableNamesKindsAndStatesInChinese() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        #expect(try tool.run("retract", "4").status == 0)
        let table = try tool.run(["batches"], environment: ["LANG": "zh_CN.UTF-8"]).stdout
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.count == 6, "\(table)")
        #expect(lines[1].contains("人口底数") && lines[1].contains("有效"), "\(lines[1])")
        #expect(lines[2].contains("无效名单"), "\(lines[2])")
        #expect(lines[3].contains("注册名单"), "\(lines[3])")
        #expect(lines[4].contains("已撤回 2026-11-29"), "\(lines[4])")
        // (roster.csv and invalid.csv are file names.)
        for english in [" roster ", "registrations", "invalid list", "active", "retracted"] {
            #expect(!table.contains(english))
        }
        let englishTable = try tool.run("batches").stdout
        #expect(englishTable.contains("roster") && englishTable.contains("registrations"))

        // Purging the batch retracted earlier deletes its rows and says so; it stays listed.
        let purge = try tool.run("retract", "4", "--purge")
        #expect(
            purge.stdout.hasPrefix("batch 4 (02-白沙镇.csv), retracted at 2026-11-29")
                && purge.stdout.contains("its rows are deleted for good"), "\(purge.stdout)")
        #expect(try batch(4, of: tool)["state"] as? String == "purged")
    }
}
