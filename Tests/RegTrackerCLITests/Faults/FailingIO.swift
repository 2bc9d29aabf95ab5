import Foundation

/// The fault-injecting shim of Scripts/faults/failing_io.c, compiled once per test run with `cc`, and the
/// environment that makes one write or sync of a `regtracker` run fail.
enum FailingIO {
    /// The C compiler, if the machine has one (the tests that need it are skipped, with this reason, when not).
    static let compiler: String? = ["/usr/bin/cc", "/usr/local/bin/cc", "/usr/bin/gcc", "/usr/bin/clang"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static let missingCompiler = "cc is missing: the I/O fault tests build an LD_PRELOAD shim with it"

    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Scripts/faults/failing_io.c").standardized.path

    /// The shared library, built on first use.
    static let library: Result<String, Failure> = {
        guard let compiler else { return .failure(Failure(missingCompiler)) }
        let output = NSTemporaryDirectory() + "regtracker-failing-io-\(getpid()).so"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: compiler)
        process.arguments = ["-shared", "-fPIC", "-O1", "-o", output, source, "-ldl"]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return .failure(Failure("cannot run \(compiler): \(error)"))
        }
        guard process.terminationStatus == 0 else { return .failure(Failure("\(compiler) could not build \(source)")) }
        return .success(output)
    }()

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Which calls are counted, and how the counted one fails.
    enum Operations: String { case write, sync, all }
    enum Code: String {
        case eio = "EIO"
        case enospc = "ENOSPC"
    }

    /// The environment of a run whose `call`-th counted call fails (and, `sticky`, every one after it: a full disk).
    static func failing(
        call: Int, of operations: Operations, with code: Code, sticky: Bool = false
    ) throws -> [String: String?] {
        [
            "LD_PRELOAD": try library.get(), "FAILING_IO_CALL": String(call), "FAILING_IO_OPS": operations.rawValue,
            "FAILING_IO_ERRNO": code.rawValue, "FAILING_IO_STICKY": sticky ? "1" : "0",
        ]
    }

    /// The environment of a run in which nothing fails and the counted calls are written to `countFile`.
    static func counting(_ operations: Operations, into countFile: String) throws -> [String: String?] {
        ["LD_PRELOAD": try library.get(), "FAILING_IO_OPS": operations.rawValue, "FAILING_IO_COUNT": countFile]
    }
}
