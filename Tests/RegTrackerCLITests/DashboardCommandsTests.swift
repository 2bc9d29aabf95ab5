import Foundation
import Testing

/// The commands around the dashboard, as the built binary on the fixture files (imported on 2026-11-29, the pinned
/// date, with no registration dates: every valid row counts from that day).
@Suite struct DashboardCommandsTests {
    func township(_ json: [String: Any], _ index: Int = 0) -> [String: Any] {
        (json["townships"] as? [[String: Any]])?[index] ?? [:]
    }

    @Test func trendShowsGainPaceAndProjection() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let run = try tool.run("trend", "--json", "青石镇")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.json["as_of"] as? String == "2026-11-29")
        #expect(run.json["deadline"] is NSNull)
        let qingshi = township(run.json)
        // 3 valid of 500 required, all gained today: 3 in 30 days is 0.1 a day, 497 more take 4,970 days.
        #expect(qingshi["valid"] as? Int == 3)
        #expect(qingshi["remaining"] as? Int == 497)
        #expect(qingshi["gain_7_days"] as? Int == 3)
        #expect(qingshi["gain_30_days"] as? Int == 3)
        #expect(qingshi["projected_date"] as? String == "2040-07-08")
        #expect(qingshi["status"] as? String == "projected")
        let series = qingshi["series"] as? [[String: Any]] ?? []
        #expect(series.count == 1)
        #expect(series.first?["date"] as? String == "2026-11-29")
        #expect(series.first?["added"] as? Int == 3)
    }

    @Test func aDeadlineIsStoredUntilRemoved() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        // 白沙镇: 2 valid, 5 required (its own 55% of 8); 3 more in the 32 days to 2026-12-31 is 1 a day, and at
        // 2 in 30 days it gets there on 2027-01-13: behind.
        let set = try tool.run("trend", "--json", "--deadline", "2026-12-31", "白沙镇")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.json["days_left"] as? Int == 32)
        #expect(township(set.json)["needed_per_day"] as? Int == 1)
        #expect(township(set.json)["projected_date"] as? String == "2027-01-13")
        #expect(township(set.json)["status"] as? String == "behind")
        #expect(try tool.run("trend", "--json").json["deadline"] as? String == "2026-12-31")
        #expect(try tool.run("trend", "--deadline", "none").status == 0)
        #expect(try tool.run("trend", "--json").json["deadline"] is NSNull)
    }

    @Test func reportAsOfADayShowsTheFiguresOfThatDay() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let before = try tool.run("report", "--json", "--as-of", "2026-11-28")
        #expect(before.status == 0, "\(before.stderr)")
        let townships = before.json["townships"] as? [[String: Any]] ?? []
        #expect(townships.count == 4)
        #expect(townships.allSatisfy { $0["reported"] as? Int == 0 && $0["valid"] as? Int == 0 })
        let today = try tool.run("report", "--json", "--as-of", "2026-11-29")
        #expect(NSDictionary(dictionary: today.json) == NSDictionary(dictionary: try tool.run("report", "--json").json))
        #expect(township(today.json)["valid"] as? Int == 2)
    }

    @Test func rateByVillageCountsRowsWithNoVillageUnderTheirOwnLine() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let run = try tool.run("rate", "白沙镇", "--by-village")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("by village:"))
        #expect(run.stdout.range(of: #"未填村（社区）\s+2\s+4\n"#, options: .regularExpression) != nil, "\(run.stdout)")
    }

    @Test func tokensGuardTheServedDashboard() throws {
        let tool = try RegTrackerBinary.withFixturesImported()
        defer { tool.cleanUp() }
        let office = try Self.token(from: tool.run("tokens", "create", "--office"))
        let baisha = try Self.token(from: tool.run("tokens", "create", "--township", "白沙镇"))
        let listed = try tool.run("tokens", "list").stdout
        #expect(!listed.contains(office) && !listed.contains(baisha))
        #expect(listed.components(separatedBy: "active").count - 1 == 2)

        let (server, port) = try tool.startServer()
        defer { server.terminate() }
        let report = try LoopbackHTTP.get(port: port, path: "/api/report", token: office)
        #expect(report.status == 200)
        let served = try JSONSerialization.jsonObject(with: Data(report.body.utf8)) as? [String: Any] ?? [:]
        #expect(NSDictionary(dictionary: served) == NSDictionary(dictionary: try tool.run("report", "--json").json))
        #expect(try LoopbackHTTP.get(port: port, path: "/api/report", token: nil).status == 401)
        let qingshi = "/api/townships/" + "青石镇".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
        #expect(try LoopbackHTTP.get(port: port, path: qingshi, token: baisha).status == 403)
        #expect(try LoopbackHTTP.get(port: port, path: qingshi, token: office).status == 200)

        #expect(try tool.run("tokens", "revoke", "1").status == 0)
        #expect(try LoopbackHTTP.get(port: port, path: "/api/report", token: office).status == 401)
        #expect(try tool.run("tokens", "list").stdout.contains("revoked 2026-11-29"))
    }

    static func token(from run: RegTrackerBinary.Run) throws -> String {
        let range = try #require(run.stdout.range(of: "rt_[0-9a-f]{64}", options: .regularExpression), "\(run.stdout)")
        return String(run.stdout[range])
    }
}
