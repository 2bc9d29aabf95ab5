import Foundation
import Testing

/// Untuned clock and locale (issue 20): the tool run as cron or a bare shell runs it, without `REGTRACKER_TODAY` and
/// under a locale that is not UTF-8 (`LC_ALL=C`; `LANG=zh_CN.GB18030`, installed or not). A roster, the fixture lists,
/// the report, the rejects and the batch list come out whole: messages in the locale's language, Chinese names
/// intact as UTF-8, and today's date where a date is stamped.
@Suite struct UntunedEnvironmentTests {
    /// The local date as `YYYY-MM-DD`, as the tool stamps a batch.
    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    @Test(
        arguments: [
            (["LC_ALL": "C"], false), (["LC_ALL": nil, "LANG": "C"], false),
            (["LC_ALL": nil, "LANG": "zh_CN.GB18030"], true), (["LC_ALL": "zh_CN.GB18030"], true),
        ] as [([String: String?], Bool)])
    func aRunWithoutAPinnedDateUnderANonUTF8LocaleSaysSensibleThings(locale: [String: String?], chinese: Bool) throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let environment = locale.merging(["REGTRACKER_TODAY": nil, "LC_MESSAGES": nil]) { first, _ in first }
        let fixtures = RegTrackerBinary.fixtures
        let dayBefore = Self.today()

        let roster = try tool.run(["population", "import", "\(fixtures)/roster.csv"], environment: environment)
        #expect(roster.status == 0, "\(roster.stderr)")
        #expect(roster.stdout.contains(chinese ? "roster.csv：第 1 批" : "roster.csv: batch 1, "), "\(roster.stdout)")
        let lists = try tool.run(["import", "\(fixtures)/lists"], environment: environment)
        #expect(lists.status == 0, "\(lists.stderr)")
        #expect(lists.stdout.contains(chinese ? "01-青石镇.csv：第 2 批" : "01-青石镇.csv: batch 2, "), "\(lists.stdout)")

        let report = try tool.run(["report"], environment: environment)
        #expect(report.status == 0, "\(report.stderr)")
        for township in ["青石镇", "白沙镇", "龙泉街道"] { #expect(report.stdout.contains(township)) }
        let json = try tool.run(["report", "--json"], environment: environment)
        let townships = json.json["townships"] as? [[String: Any]] ?? []
        #expect(townships.count == 4)
        #expect(townships.reduce(0) { $0 + (($1["valid"] as? Int) ?? 0) } > 0)

        let rejects = try tool.run(["rejects"], environment: environment)
        #expect(rejects.status == 0, "\(rejects.stderr)")
        #expect(rejects.stdout.contains("青石镇"), "\(rejects.stdout)")

        // Each batch is stamped with today's local date, not a pinned or UTC one.
        let dayAfter = Self.today()
        let batches =
            try tool.run(["batches", "--json"], environment: environment).json["batches"] as? [[String: Any]] ?? []
        #expect(batches.count == 4)
        for batch in batches {
            let stamped = String((batch["imported_at"] as? String ?? "").prefix(10))
            #expect(stamped == dayBefore || stamped == dayAfter, "\(batch)")
        }
        for run in [roster, lists, report, rejects] { #expect(!run.stderr.contains("regtracker: error")) }
    }
}
