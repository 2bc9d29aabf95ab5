import Foundation
import Hummingbird
import HummingbirdTesting
import RegTrackerStore
import RegTrackerWeb
import Testing

/// Issue 20, item 3: clients that send half a request, or a burst of requests, cannot starve another client. Each
/// test is bounded (loopback, a fixed number of connections, a few seconds); the 1 s bounds are the issue's
/// promise, asserted generously, not a benchmark.
@Suite(.serialized) struct StarvationTests {
    static let halfRequest = "GET /api/report HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bear"

    @Test func halfSentRequestsAreClosedAndDoNotHoldOthersBack() async throws {
        let fixture = try DashboardFixture()
        let settings = ServeSettings(requestTimeout: .seconds(1), idleTimeout: .seconds(1))
        let office = fixture.office
        try await serving(fixture.dashboard(settings: settings)) { port in
            try await onOwnThread {
                // A first request pays what a fresh server pays once; the one timed below is an ordinary one.
                let warm = try RawSocket(port: port)
                try warm.sendGet("/api/report", token: office)
                #expect(warm.status(within: 10) == 200)
                let slow = try (0..<100).map { _ in try RawSocket(port: port) }
                for socket in slow { try socket.send(Self.halfRequest) }
                let started = Date()
                let other = try RawSocket(port: port)
                try other.sendGet("/api/report", token: office)
                #expect(other.status(within: 5) == 200)
                #expect(Date().timeIntervalSince(started) < 1)
                // Every half-sent request is closed by the server once its time is up.
                let closed = slow.filter { $0.closedByServer(within: 4) }.count
                #expect(closed == 100)
            }
        }
    }

    @Test func aKeptAliveConnectionIsClosedWhenIdle() async throws {
        let fixture = try DashboardFixture()
        let settings = ServeSettings(requestTimeout: .seconds(5), idleTimeout: .seconds(1))
        let office = fixture.office
        try await serving(fixture.dashboard(settings: settings)) { port in
            try await onOwnThread {
                let socket = try RawSocket(port: port)
                try socket.send(
                    "GET /api/report HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(office)\r\n\r\n")
                // The response arrives and the connection stays open for a next request, then closes when idle.
                #expect(socket.readable(within: 3))
                #expect(socket.closedByServer(within: 4))
            }
        }
    }

    @Test func connectionsBeyondTheCapWaitUntilOthersClose() async throws {
        let fixture = try DashboardFixture()
        let settings = ServeSettings(requestTimeout: .seconds(1), maxConnections: 4)
        let office = fixture.office
        try await serving(fixture.dashboard(settings: settings)) { port in
            try await onOwnThread {
                let held = try (0..<4).map { _ in try RawSocket(port: port) }
                for socket in held { try socket.send(Self.halfRequest) }
                Thread.sleep(forTimeInterval: 0.1)
                let fifth = try RawSocket(port: port)
                try fifth.sendGet("/api/report", token: office)
                // Not taken while four connections are open...
                #expect(!fifth.readable(within: 0.3))
                // ...and answered once the half-sent ones are closed.
                #expect(fifth.status(within: 5) == 200)
                #expect(held.filter { $0.closedByServer(within: 1) }.count == 4)
            }
        }
    }

    /// 60 township pages at once from one token, each read taking 30 ms on a connection that does one read at a
    /// time (as SQLite does): the office's `/api/report` takes its turn among them instead of after them.
    @Test func aBurstFromOneTokenDoesNotStarveTheOffice() async throws {
        let fixture = try DashboardFixture()
        let readers: [any RegistryStore] = (0..<2).map { _ in SlowConnection(fixture.store, readTime: 0.03) }
        let (office, qingshi) = (fixture.office, fixture.qingshi)
        try await serving(fixture.dashboard(settings: ServeSettings(), readers: readers)) { port in
            try await onOwnThread {
                let warm = try RawSocket(port: port)
                try warm.sendGet("/api/report", token: office)
                #expect(warm.status(within: 10) == 200)
                let burst = try (0..<60).map { _ in try RawSocket(port: port) }
                for socket in burst { try socket.sendGet(DashboardFixture.path("青石镇"), token: qingshi) }
                // Let the burst reach the server and queue first.
                Thread.sleep(forTimeInterval: 0.2)
                let started = Date()
                let other = try RawSocket(port: port)
                try other.sendGet("/api/report", token: office)
                #expect(other.status(within: 10) == 200)
                #expect(Date().timeIntervalSince(started) < 1)
                // The burst is served too.
                #expect(burst.filter { $0.status(within: 10) == 200 }.count == 60)
            }
        }
    }
}

/// One database connection that does one read at a time, each taking at least `readTime` (a large database's
/// tally, made small and predictable).
final class SlowConnection: RegistryStore, @unchecked Sendable {
    private let store: any RegistryStore
    private let readTime: TimeInterval
    private let lock = NSLock()

    init(_ store: any RegistryStore, readTime: TimeInterval) {
        self.store = store
        self.readTime = readTime
    }

    func read<T>(_ body: (any RegistryTransaction) throws -> T) throws -> T {
        try lock.withLock {
            Thread.sleep(forTimeInterval: readTime)
            return try store.read(body)
        }
    }

    func write<T>(_ body: (any RegistryTransaction) throws -> T) throws -> T { try store.write(body) }

    func erasePurgedRemains() throws -> Bool { try store.erasePurgedRemains() }
}
