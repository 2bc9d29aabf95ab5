import Dispatch
import Hummingbird
import RegTrackerWeb

/// Runs `dashboard.application` exactly as `serve` does, on 127.0.0.1 and a free port, for the length of `body`.
/// (HummingbirdTesting's `.live` rebuilds the configuration and drops the connection cap.) The server runs on
/// threads of its own, as `serve` has its process's: synchronous tests running alongside block threads of the
/// shared concurrency pool, which would otherwise stall the server under test and not what it is tested for.
func serving<T: Sendable>(_ dashboard: Dashboard, _ body: @Sendable (Int) async throws -> T) async throws -> T {
    let (ports, announce) = AsyncStream<Int>.makeStream()
    let app = dashboard.application(host: "127.0.0.1", port: 0) { port in announce.yield(port) }
    let server = Task(executorPreference: ServerThreads.shared) {
        try await app.runService(gracefulShutdownSignals: [])
    }
    defer { server.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw RawSocket.Failure("the server did not start") }
    return try await body(port)
}

/// A task executor on Dispatch threads, for the server under test.
final class ServerThreads: TaskExecutor, @unchecked Sendable {
    static let shared = ServerThreads()
    private let queue = DispatchQueue(label: "server-under-test", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
