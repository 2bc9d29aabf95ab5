import Hummingbird
import RegTrackerWeb

/// Runs `dashboard.application` exactly as `serve` does, on 127.0.0.1 and a free port, for the length of `body`.
/// (HummingbirdTesting's `.live` rebuilds the configuration and drops the connection cap.)
func serving<T: Sendable>(_ dashboard: Dashboard, _ body: @Sendable (Int) async throws -> T) async throws -> T {
    let (ports, announce) = AsyncStream<Int>.makeStream()
    let app = dashboard.application(host: "127.0.0.1", port: 0) { port in announce.yield(port) }
    let server = Task { try await app.runService(gracefulShutdownSignals: []) }
    defer { server.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw RawSocket.Failure("the server did not start") }
    return try await body(port)
}
