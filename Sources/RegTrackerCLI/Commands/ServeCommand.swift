import ArgumentParser
import Dispatch
import RegTrackerCore
import RegTrackerKit
import RegTrackerWeb

/// The township dashboard: read-only pages and JSON over HTTP, behind tokens (`regtracker tokens`).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the township dashboard (read-only) over HTTP; tokens from `regtracker tokens create`.",
        discussion: """
            Pages: / (ranking), /townships/NAME; JSON: /api/report, /api/townships/NAME, /api/trend. \
            Every request needs a token: `Authorization: Bearer TOKEN`, or the login form at /login (a cookie). \
            It reads the database while imports run; serve it behind HTTPS when it leaves this machine.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var targetOption: TargetOption

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Flag(
        name: .customLong("read-only"),
        help: "The database is always opened read-only (it must exist and be up to date); kept for the systemd unit.")
    var readOnly = false

    func run() throws {
        let dashboard = Dashboard(
            store: try global.openExistingStore(), target: targetOption.value, environment: global.environment)
        let (host, database, quiet) = (host, global.databasePath, global.quiet)
        let app = dashboard.application(host: host, port: port) { port in
            if !quiet { Console.out(Strings.text(.serving(url: "http://\(host):\(port)/", database: database), in: global.language)) }
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
            Console.error(Strings.text(.portInUse(host: host, port: port), in: global.language))
            throw ExitCode(1)
        case .other(let message):
            Console.error(Strings.text(.serveFailed(message), in: global.language))
            throw ExitCode(1)
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
