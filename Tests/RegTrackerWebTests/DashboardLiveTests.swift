import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegTrackerWeb
import Testing

/// The dashboard on a real socket (127.0.0.1, an ephemeral port), and its pages in headless Chromium.
@Suite struct DashboardLiveTests {
    @Test func aLiveServerAnswersOnALoopbackPort() async throws {
        let fixture = try DashboardFixture()
        try await fixture.application().test(.live) { client in
            #expect(client.port != nil && client.port != 0)
            let denied = try await client.execute(uri: "/api/report", method: .get)
            #expect(denied.status == .unauthorized)
            // The JSON's error is Chinese, as the pages are (SPEC 7).
            #expect(denied.text.contains("\"error\": \"需要令牌"), "\(denied.text)")
            let other = try await client.execute(
                uri: "/api" + DashboardFixture.path("白沙镇"), method: .get, headers: DashboardFixture.bearer(fixture.qingshi))
            #expect(other.status == .forbidden && other.text.contains("此令牌只能查看"), "\(other.text)")
            // An API path that does not exist answers in JSON too.
            let missing = try await client.execute(
                uri: "/api/nothing", method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(missing.status == .notFound && missing.text.contains("\"error\": \"页面不存在"), "\(missing.text)")
            let page = try await client.execute(uri: "/", method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(page.status == .ok)
            #expect(page.text.contains("<table>"))
            let forbidden = try await client.execute(
                uri: DashboardFixture.path("白沙镇"), method: .get, headers: DashboardFixture.bearer(fixture.qingshi))
            #expect(forbidden.status == .forbidden)
        }
    }

    /// Chromium renders the pages as the router served them (saved to files: a token never goes in a URL).
    @Test(.enabled(if: Chromium.path != nil, "chromium is not installed"))
    func chromiumRendersTheRankingAndATownshipPage() async throws {
        let fixture = try DashboardFixture()
        let (ranking, township) = try await fixture.application().test(.router) { client in
            let headers = DashboardFixture.bearer(fixture.office)
            let ranking = try await client.execute(uri: "/", method: .get, headers: headers).text
            let township = try await client.execute(uri: DashboardFixture.path("青石镇"), method: .get, headers: headers).text
            return (ranking, township)
        }
        let rankingDOM = try Chromium.dumpDOM(html: ranking, in: fixture.folder, name: "ranking.html")
        #expect(rankingDOM.components(separatedBy: "<tr class=\"row").count - 1 == 2)
        #expect(rankingDOM.components(separatedBy: "<rect class=\"bar ").count - 1 == 2)
        #expect(rankingDOM.contains("<polyline class=\"line\""))
        #expect(rankingDOM.contains("20.00%"))
        let townshipDOM = try Chromium.dumpDOM(html: township, in: fixture.folder, name: "township.html")
        #expect(townshipDOM.contains("<dt>注册率</dt><dd>20.00%</dd>"))
        #expect(townshipDOM.contains("<dt>排名</dt><dd>第 2 名 / 共 2</dd>"))
        #expect(townshipDOM.contains("<path class=\"valid\""))
        #expect(townshipDOM.contains("东村"))
        #expect(townshipDOM.contains("138****8000"))
    }
}

/// Debian's headless Chromium, run on a saved file.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static func dumpDOM(html: String, in folder: String, name: String) throws -> String {
        let file = try DashboardFixture.write(folder, name, html)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(folder)/chromium",
            "--dump-dom", "file://\(file)",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
