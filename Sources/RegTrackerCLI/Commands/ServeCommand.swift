import ArgumentParser
import Dispatch
import RegTrackerCore
import RegTrackerKit
import RegTrackerStore
import RegTrackerWeb

/// The township dashboard: read-only pages and JSON over HTTP, behind tokens (`regtracker tokens`).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: Help.text(.serveAbstract),
        discussion: Help.text(.serveDiscussion))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var targetOption: TargetOption

    @Option(help: Help.argument(.serveHost))
    var host = "127.0.0.1"

    @Option(help: Help.argument(.servePort))
    var port = 8080

    @Flag(name: .customLong("read-only"), help: Help.argument(.serveReadOnly))
    var readOnly = false

    @Option(help: Help.argument(.serveRequestTimeout))
    var requestTimeout = ServeSettings().requestTimeout.seconds

    @Option(help: Help.argument(.serveIdleTimeout))
    var idleTimeout = ServeSettings().idleTimeout.seconds

    @Option(help: Help.argument(.serveMaxConnections))
    var maxConnections = ServeSettings().maxConnections

    @Option(help: Help.argument(.serveReadConnections))
    var readConnections = 2

    @Flag(name: .customLong("behind-https"), help: Help.argument(.serveBehindHTTPS))
    var behindHTTPS = false

    @Option(name: .customLong("trusted-proxy"), help: Help.argument(.serveTrustedProxy))
    var trustedProxies: [String] = []

    func validate() throws {
        for (option, value) in [("--max-connections", maxConnections), ("--read-connections", readConnections)]
        where value < 1 {
            throw ValidationError(Strings.text(ServeText.badCount(option: option, value: value), in: global.language))
        }
        for (option, value) in [("--request-timeout", requestTimeout), ("--idle-timeout", idleTimeout)]
        where !(value > 0 && value < 86_400) {
            throw ValidationError(Strings.text(ServeText.badSeconds(option: option, value: value), in: global.language))
        }
    }

    var settings: ServeSettings {
        ServeSettings(
            requestTimeout: .milliseconds(Int64(requestTimeout * 1000)),
            idleTimeout: .milliseconds(Int64(idleTimeout * 1000)), maxConnections: maxConnections,
            behindHTTPS: behindHTTPS, trustedProxies: trustedProxies, keepsFigures: true)
    }

    func run() throws {
        // Read-only connections for the figures, checked first (an old or missing database stops here, before
        // anything is opened for writing); one writing connection for the login sessions.
        let readers: [any RegistryStore] = try (0..<readConnections).map { _ in try global.openExistingStore() }
        let dashboard = Dashboard(
            store: try global.database.openSessionWriter(), readers: readers,
            target: targetOption.value, environment: global.environment, settings: settings)
        let (host, database, quiet) = (host, global.database.name, global.quiet)
        let app = dashboard.application(host: host, port: port) { port in
            if !quiet {
                Console.out(
                    Strings.text(.serving(url: "http://\(host):\(port)/", database: database), in: global.language))
            }
        }
        // The command line is synchronous; the server runs on the concurrency pool until SIGINT or SIGTERM.
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await app.runService() } catch { failure.set(ServeFailure(error)) }
            done.signal()
        }
        done.wait()
        switch failure.get() {
        case nil: break
        case .portInUse:
            throw CommandFailure(Strings.text(.portInUse(host: host, port: port), in: global.language))
        case .other(let message):
            throw CommandFailure(Strings.text(.serveFailed(message), in: global.language))
        }
    }
}

/// The server's failure, handed from its task to the waiting command.
private final class FailureBox: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var message: ServeFailure?

    func set(_ failure: ServeFailure) {
        lock.wait()
        message = failure
        lock.signal()
    }

    func get() -> ServeFailure? {
        lock.wait()
        defer { lock.signal() }
        return message
    }
}
