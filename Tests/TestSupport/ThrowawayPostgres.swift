import Foundation

/// A PostgreSQL server of the tests' own (issue 19), started on first use by `Scripts/postgres/throwaway.sh` in a
/// folder under /tmp, on a Unix socket only, and stopped when the test process ends. Each test takes a database of
/// its own from it. A second one (`tls`) also listens on 127.0.0.1, with TLS only, for the TLS tests.
public final class ThrowawayPostgres: Sendable {
    /// Whether PostgreSQL's server programs are installed; suites are skipped, with that said, when they are not.
    public static let isInstalled: Bool = {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        return versions.contains {
            FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb")
        }
    }()

    /// The one server of this test process.
    public static let shared: Result<ThrowawayPostgres, ThrowawayPostgres.Failure> = Result { try ThrowawayPostgres() }
        .mapError { $0 as? Failure ?? Failure(message: "\($0)") }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }

        public init(message: String) { self.message = message }
    }

    /// The server on 127.0.0.1 whose connections must use TLS, with a certificate for `localhost` signed by
    /// `certificateAuthority`; its database `regtracker` belongs to the role `regtracker`.
    public static let tls: Result<ThrowawayPostgres, ThrowawayPostgres.Failure> = Result {
        try ThrowawayPostgres(action: "tls")
    }.mapError { $0 as? Failure ?? Failure(message: "\($0)") }

    private let folder: String
    /// The TLS server's TCP port (nil: the server has none).
    public let port: Int?

    /// The CA file (PEM) of the TLS server's certificate.
    public var certificateAuthority: String { folder + "/tls/ca.pem" }

    private init(action: String = "start") throws {
        // Directly under /tmp: the server runs as `postgres` when the tests run as root, and must reach the folder.
        folder = "/tmp/regtracker-pg-" + UUID().uuidString.prefix(8).lowercased()
        ThrowawayFolder.stopAtExit(folder)
        let printed = try Self.script([action, folder])
        port = action == "tls" ? Int(printed) : nil
    }

    /// A new, empty database on the server, as a `postgres://` URL.
    public func newDatabase() throws -> String {
        try Self.script(["database", folder, "t_" + UUID().uuidString.prefix(12).lowercased()])
    }

    /// Runs the script and returns what it printed, trimmed. `posix_spawn` with the output in files and every
    /// other descriptor closed, not Foundation's `Process` with pipes: the server the script starts must not
    /// inherit a pipe this process waits on.
    static func script(_ arguments: [String]) throws -> String {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/postgres/throwaway.sh").path
        let output = NSTemporaryDirectory() + "regtracker-pg-\(UUID().uuidString)"
        defer {
            try? FileManager.default.removeItem(atPath: output + ".out")
            try? FileManager.default.removeItem(atPath: output + ".err")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, output + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // Nor any other descriptor: a test running meanwhile may have a pipe open to a child it reads to the end,
        // and a server holding that pipe would keep the read from ever ending.
        addCloseFrom(&actions, 3)
        let argv = ["/bin/sh", script] + arguments
        let cArgv = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArgv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArgv, environ)
        guard spawned == 0 else { throw Failure(message: "cannot start throwaway.sh: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        func read(_ suffix: String) -> String {
            let data = (try? Data(contentsOf: URL(fileURLWithPath: output + suffix))) ?? Data()
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard status == 0 else {
            throw Failure(message: "throwaway.sh \(arguments.joined(separator: " ")) failed: \(read(".err"))")
        }
        return read(".out")
    }
}

/// The folders `atexit` stops a server in (a C function pointer captures nothing).
private enum ThrowawayFolder {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var folders: [String] = []

    static func stopAtExit(_ folder: String) {
        lock.withLock {
            if folders.isEmpty {
                atexit {
                    for folder in ThrowawayFolder.lock.withLock({ ThrowawayFolder.folders }) {
                        _ = try? ThrowawayPostgres.script(["stop", folder])
                        try? FileManager.default.removeItem(atPath: folder)
                    }
                }
            }
            folders.append(folder)
        }
    }
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which its Swift module does not export.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32
