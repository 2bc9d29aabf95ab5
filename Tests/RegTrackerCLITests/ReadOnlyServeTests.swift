import Foundation
import Testing

/// Issue 18: the packaged dashboard runs `serve --read-only`: SQLite opens the database read-only.
@Suite struct ReadOnlyServeTests {
    @Test func aReadOnlyServerServesTheFiguresAndSeesLaterImports() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        #expect(try tool.run("population", "import", "\(RegTrackerBinary.fixtures)/roster.csv").status == 0)
        let office = try DashboardCommandsTests.token(from: tool.run("tokens", "create", "--office"))

        let (server, port) = try tool.startServer("--read-only")
        defer { server.terminate() }
        let empty = try LoopbackHTTP.get(port: port, path: "/api/report", token: office)
        #expect(empty.status == 200)
        #expect(try tool.run("import", "\(RegTrackerBinary.fixtures)/lists").status == 0)
        let report = try LoopbackHTTP.get(port: port, path: "/api/report", token: office)
        let served = try JSONSerialization.jsonObject(with: Data(report.body.utf8)) as? [String: Any] ?? [:]
        #expect(NSDictionary(dictionary: served) == NSDictionary(dictionary: try tool.run("report", "--json").json))
        #expect(report.body != empty.body)
    }

    @Test func aReadOnlyServerNeverCreatesADatabase() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let run = try tool.run("serve", "--read-only", "--port", "0")
        #expect(run.status == 1)
        #expect(run.stderr.contains("no database at \(tool.database)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tool.database))
    }
}
