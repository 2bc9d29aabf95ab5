import Foundation
import Testing

/// Issue 20, item 8, through the real `serve --read-only`: the figures on read-only connections, the login session
/// written through its one writing connection; logout ends it. And the limits' options refuse nonsense.
@Suite struct ServeSessionTests {
    @Test func aLoginSessionWorksOnAReadOnlyServerAndLogoutEndsIt() throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        #expect(try tool.run("population", "import", "\(RegTrackerBinary.fixtures)/roster.csv").status == 0)
        let office = try DashboardCommandsTests.token(from: tool.run("tokens", "create", "--office"))
        let (server, port) = try tool.startServer("--read-only")
        defer { server.terminate() }

        let login = try Self.exchange(
            port: port,
            "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: \(6 + office.utf8.count)\r\nConnection: close\r\n\r\ntoken=\(office)")
        #expect(login.hasPrefix("HTTP/1.1 303"), "\(login.prefix(300))")
        let range = try #require(login.range(of: "regtracker_session=rs_[0-9a-f]{64}", options: .regularExpression))
        let cookie = String(login[range])
        #expect(!login.contains(office))

        let page = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \(cookie)\r\nConnection: close\r\n\r\n"
        #expect(try Self.exchange(port: port, page).hasPrefix("HTTP/1.1 200"))
        let logout = try Self.exchange(
            port: port,
            "POST /logout HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \(cookie)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )
        #expect(logout.hasPrefix("HTTP/1.1 303"))
        #expect(try Self.exchange(port: port, page).hasPrefix("HTTP/1.1 401"))
        // Bearer access is unchanged.
        #expect(try LoopbackHTTP.get(port: port, path: "/api/report", token: office).status == 200)
    }

    @Test(arguments: [
        ["--max-connections", "0"], ["--read-connections", "0"], ["--request-timeout", "0"], ["--idle-timeout", "-1"],
    ])
    func aLimitBelowOneIsAUsageError(_ option: [String]) throws {
        let tool = try RegTrackerBinary()
        defer { tool.cleanUp() }
        let run = try tool.run("serve", "--port", "0", option[0], option[1])
        #expect(run.status == 64)
        #expect(run.stderr.contains(option[0]), "\(run.stderr)")
    }

    /// Sends `request` as it is and returns everything the server answers until it closes the connection.
    static func exchange(port: Int, _ request: String) throws -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw LoopbackHTTP.Failure("connect to port \(port): \(errno)") }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
