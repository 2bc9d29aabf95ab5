import Foundation
import Testing

/// Runs the built `regtracker` executable, as a user or cron would.
struct RegTrackerBinary {
    let database: String
    let workFolder: String

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:]
        }
    }

    /// `database`: what `--db` names (a PostgreSQL URL); nil: test.sqlite in the tool's own folder.
    init(database: String? = nil) throws {
        workFolder = NSTemporaryDirectory() + "regtracker-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: workFolder, withIntermediateDirectories: true)
        self.database = database ?? workFolder + "/test.sqlite"
    }

    /// The executable beside the test bundle (`swift build` puts every product in one folder).
    static let executable: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("regtracker")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/regtracker")
    }()

    /// A tool with the fixture roster, invalid list and three lists imported (figures worked out in EndToEndTests).
    static func withFixturesImported() throws -> RegTrackerBinary {
        let tool = try RegTrackerBinary()
        #expect(try tool.run("population", "import", "\(fixtures)/roster.csv").status == 0)
        #expect(try tool.run("invalid", "import", "\(fixtures)/invalid.csv").status == 0)
        let run = try tool.run("import", "--json", "\(fixtures)/lists")
        #expect(run.status == 0, "\(run.stderr)")
        return tool
    }

    static var fixtures: String { Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.path }

    @discardableResult
    func run(_ arguments: String..., environment: [String: String?] = [:]) throws -> Run {
        try run(arguments, environment: environment)
    }

    /// Runs the tool without `--db` and without `$REGTRACKER_DB`: the default ./regtracker.sqlite of its folder.
    func runWithoutDatabase(_ arguments: String...) throws -> Run {
        try run(arguments, environment: ["REGTRACKER_DB": nil], naming: false)
    }

    /// Starts the tool without waiting, its output discarded (for kill and concurrency tests).
    func start(_ arguments: String...) throws -> Process {
        let process = makeProcess(arguments, environment: [:])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Starts `serve --port 0` (and `options`) and waits for the line that names the address it listens on.
    func startServer(_ options: String...) throws -> (process: Process, port: Int) {
        let process = makeProcess(["serve", "--port", "0"] + options, environment: [:])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var printed = ""
        while !printed.contains("\n") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            printed += String(decoding: data, as: UTF8.self)
        }
        guard let range = printed.range(of: #"127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
            let port = Int(printed[range].split(separator: ":")[1])
        else {
            process.terminate()
            throw LoopbackHTTP.Failure("serve printed no address: \(printed)")
        }
        return (process, port)
    }

    /// The tool's environment is ours with the date and language pinned (LANG decides, so LC_ALL and LC_MESSAGES
    /// are removed), then `environment` on top: a nil value removes the variable.
    private func makeProcess(_ arguments: [String], environment: [String: String?], naming: Bool = true) -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = (naming ? ["--db", database] : []) + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: workFolder)
        var env = ProcessInfo.processInfo.environment
        env["REGTRACKER_TODAY"] = "2026-11-29"
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = nil
        env["LC_MESSAGES"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        return process
    }

    @discardableResult
    func run(_ arguments: [String], environment: [String: String?] = [:], naming: Bool = true) throws -> Run {
        let process = makeProcess(arguments, environment: environment, naming: naming)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let run = Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
        if run.status == 0, let command = arguments.first, Self.writingCommands.contains(command),
            !arguments.contains("--help")
        {
            try expectConsistent(after: arguments, environment: environment, naming: naming)
        }
        return run
    }

    /// The commands that change the rows or the figures; after each, `check` must find the kept figures equal to
    /// the rows (issue 13).
    static let writingCommands: Set = ["import", "population", "invalid", "retract", "restore", "migrate"]

    private func expectConsistent(after arguments: [String], environment: [String: String?], naming: Bool) throws {
        let database = arguments.firstIndex(of: "--db").map { ["--db", arguments[$0 + 1]] } ?? []
        // Not under the fault-injection shim of IOFaultTests: the check's own calls must not count or fail.
        let plain = environment.filter { key, _ in key != "LD_PRELOAD" && !key.hasPrefix("FAILING_IO_") }
        let check = try run(["check"] + database, environment: plain, naming: naming)
        #expect(check.status == 0, "check after \(arguments.joined(separator: " ")): \(check.stderr)")
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: workFolder) }
}
