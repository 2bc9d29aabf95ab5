import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RegTrackerKit
import RegTrackerStore
import RegTrackerWeb
import Testing

/// Issue 20, item 8: the login cookie holds a server-side session id (stored hashed), not the token; it expires,
/// logout and revoking the token end it, it is `Secure` over HTTPS; `HEAD` answers like `GET`.
@Suite struct SessionTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Logs in with `token` and returns the Set-Cookie header.
    static func login(_ client: some TestClientProtocol, token: String) async throws -> String {
        let response = try await client.execute(
            uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=\(token)"))
        #expect(response.status == .seeOther)
        return try #require(response.headers[.setCookie])
    }

    /// `regtracker_session=VALUE` of a Set-Cookie header, to send back as a Cookie header.
    static func cookie(_ setCookie: String) -> HTTPFields {
        [.cookie: String(setCookie.prefix { $0 != ";" })]
    }

    static func sessionID(_ setCookie: String) -> String {
        String(setCookie.prefix { $0 != ";" }.dropFirst("regtracker_session=".count))
    }

    @Test func theCookieHoldsASessionIdNotTheTokenStrictHttpOnlyTwelveHours() async throws {
        let fixture = try DashboardFixture()
        try await fixture.application().test(.router) { client in
            let bad = try await client.execute(
                uri: "/login", method: .post, headers: Self.form, body: ByteBuffer(string: "token=rt_nope"))
            #expect(bad.status == .unauthorized)
            #expect(bad.headers[.setCookie] == nil)
            let setCookie = try await Self.login(client, token: fixture.qingshi)
            let id = Self.sessionID(setCookie)
            #expect(id.hasPrefix("rs_") && id.count == 3 + 64)
            #expect(!setCookie.contains(fixture.qingshi))
            for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"] {
                #expect(setCookie.contains(attribute), "\(attribute) in \(setCookie)")
            }
            #expect(!setCookie.contains("Secure"))
            let page = try await client.execute(uri: "/", method: .get, headers: Self.cookie(setCookie))
            #expect(page.status == .ok)
            #expect(page.text.contains("<span class=\"who\">青石镇</span>"))
            // A second login is another session.
            #expect(Self.sessionID(try await Self.login(client, token: fixture.qingshi)) != id)
            // Only the id's SHA-256 is stored.
            let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.folder + "/db.sqlite"))
            let wal = (try? Data(contentsOf: URL(fileURLWithPath: fixture.folder + "/db.sqlite-wal"))) ?? Data()
            for data in [bytes, wal] { #expect(data.range(of: Data(id.utf8)) == nil) }
            let stored = try fixture.store.read { try $0.activeSession(sha256: Self.sha256(id), at: 0) }
            #expect(stored?.token.township == "青石镇")
            #expect(stored.map { $0.session.expiresAt - $0.session.createdAt } == 43200)
        }
    }

    @Test func logoutEndsTheSessionOnTheServer() async throws {
        let fixture = try DashboardFixture()
        try await fixture.application().test(.router) { client in
            let setCookie = try await Self.login(client, token: fixture.office)
            let logout = try await client.execute(uri: "/logout", method: .post, headers: Self.cookie(setCookie))
            #expect(logout.status == .seeOther)
            #expect(logout.headers[.setCookie]?.contains("Max-Age=0") == true)
            // The old cookie, kept by someone, no longer opens anything.
            let page = try await client.execute(uri: "/", method: .get, headers: Self.cookie(setCookie))
            #expect(page.status == .unauthorized)
            #expect(page.text.contains("<form class=\"login\""))
            let api = try await client.execute(uri: "/api/report", method: .get, headers: Self.cookie(setCookie))
            #expect(api.status == .unauthorized)
            #expect(
                try fixture.store.read { try $0.activeSession(sha256: Self.sha256(Self.sessionID(setCookie)), at: 0) }
                    == nil)
            // The bearer token itself still works.
            let bearer = try await client.execute(
                uri: "/api/report", method: .get, headers: DashboardFixture.bearer(fixture.office))
            #expect(bearer.status == .ok)
        }
    }

    @Test func revokingTheTokenEndsItsSessions() async throws {
        let fixture = try DashboardFixture()
        try await fixture.application().test(.router) { client in
            let setCookie = try await Self.login(client, token: fixture.qingshi)
            let office = try await Self.login(client, token: fixture.office)
            let tokens = TokenService(store: fixture.store, clock: .system(environment: [:]))
            let qingshi = try #require(try tokens.list().first { $0.township == "青石镇" }?.id)
            #expect(try tokens.revoke(id: qingshi))
            let page = try await client.execute(uri: "/", method: .get, headers: Self.cookie(setCookie))
            #expect(page.status == .unauthorized)
            #expect(try await client.execute(uri: "/", method: .get, headers: Self.cookie(office)).status == .ok)
            // Its session row is gone, not just refused: nothing is left to clean.
            #expect(try fixture.store.write { try $0.deleteExpiredSessions(at: 0) } == 0)
        }
    }

    @Test func anExpiredSessionIsRefusedAndCleanedAway() async throws {
        let fixture = try DashboardFixture()
        let clock = TestClock(1_000)
        let settings = ServeSettings(sessionLifetime: 60, now: { clock.now })
        try await fixture.application(settings: settings).test(.router) { client in
            let setCookie = try await Self.login(client, token: fixture.office)
            #expect(setCookie.contains("Max-Age=60"))
            clock.now = 1_059
            #expect(try await client.execute(uri: "/", method: .get, headers: Self.cookie(setCookie)).status == .ok)
            clock.now = 1_060
            #expect(
                try await client.execute(uri: "/", method: .get, headers: Self.cookie(setCookie)).status
                    == .unauthorized)
            // The next login removes it.
            clock.now = 1_100
            _ = try await Self.login(client, token: fixture.qingshi)
            #expect(try fixture.store.write { try $0.deleteExpiredSessions(at: 1_100) } == 0)
            #expect(try fixture.store.write { try $0.deleteExpiredSessions(at: 1_160) } == 1)
        }
    }

    @Test func theCookieIsSecureBehindHTTPS() async throws {
        let fixture = try DashboardFixture()
        try await fixture.application(settings: ServeSettings(behindHTTPS: true)).test(.router) { client in
            let setCookie = try await Self.login(client, token: fixture.office)
            #expect(setCookie.contains("; Secure"))
            let logout = try await client.execute(uri: "/logout", method: .post, headers: Self.cookie(setCookie))
            #expect(logout.headers[.setCookie]?.contains("; Secure") == true)
        }
    }

    /// `X-Forwarded-Proto: https` counts only from a trusted proxy's address (here the loopback peer).
    @Test(arguments: [(["127.0.0.1"], true), ([], false), (["10.0.0.1"], false)])
    func forwardedProtoCountsFromATrustedProxyOnly(_ proxies: [String], _ secure: Bool) async throws {
        let fixture = try DashboardFixture()
        try await fixture.application(settings: ServeSettings(trustedProxies: proxies)).test(.live) { client in
            var headers = Self.form
            headers[HTTPField.Name("X-Forwarded-Proto")!] = "https"
            let response = try await client.execute(
                uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: "token=\(fixture.office)"))
            #expect(response.status == .seeOther)
            #expect(response.headers[.setCookie]?.contains("; Secure") == secure)
        }
    }

    @Test(arguments: ["/", "/api/report"])
    func headAnswersLikeGetWithoutTheBody(_ path: String) async throws {
        let fixture = try DashboardFixture()
        try await fixture.application().test(.router) { client in
            let headers = DashboardFixture.bearer(fixture.office)
            let get = try await client.execute(uri: path, method: .get, headers: headers)
            let head = try await client.execute(uri: path, method: .head, headers: headers)
            #expect(get.status == .ok)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentType] == get.headers[.contentType])
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(head.headers[.cacheControl] == "no-store")
            let denied = try await client.execute(uri: path, method: .head)
            #expect(denied.status == .unauthorized)
            #expect(denied.body.readableBytes == 0)
        }
    }

    static func sha256(_ text: String) -> String {
        // The same digest the server stores, computed by the system's sha256sum for independence.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try? process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }
}

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64

    init(_ value: Int64) { self.value = value }

    var now: Int64 {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
