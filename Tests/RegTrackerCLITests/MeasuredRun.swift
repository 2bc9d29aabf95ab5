import Foundation

/// Runs the built binary as its own child with `posix_spawn`, so that `wait4` can give that one child's peak
/// memory (Foundation's `Process` reaps its children itself), and kills it when it runs past a deadline.
struct MeasuredRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The child's peak resident set size in bytes (`ru_maxrss`).
    var peakMemory: Int
    var timedOut: Bool
    var seconds: Double

    var peakMegabytes: Int { peakMemory >> 20 }
}

extension RegTrackerBinary {
    /// `regtracker --db … arguments`, output to files in the work folder, killed after `timeout` seconds. The child
    /// inherits the test's working folder: give absolute paths.
    func measured(_ arguments: [String], timeout: Double = 120) throws -> MeasuredRun {
        let outPath = workFolder + "/measured-\(UUID().uuidString).out"
        let errPath = outPath.replacingOccurrences(of: ".out", with: ".err")
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let argv = [Self.executable.path, "--db", database] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["REGTRACKER_TODAY"] = "2026-11-29"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        let envp = environment.map { "\($0.key)=\($0.value)" }
        let cArgv = argv.map { strdup($0) } + [nil]
        let cEnvp = envp.map { strdup($0) } + [nil]
        defer {
            for pointer in cArgv + cEnvp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArgv, cEnvp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }

        let start = Date()
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        while true {
            let waited = wait4(pid, &status, WNOHANG, &usage)
            if waited == pid { break }
            if waited < 0, errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECHILD) }
            if !timedOut, Date().timeIntervalSince(start) > timeout {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(20_000)
        }
        let exited = status & 0x7F == 0
        return MeasuredRun(
            status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
            stdout: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self),
            peakMemory: Int(usage.ru_maxrss) * 1024, timedOut: timedOut, seconds: Date().timeIntervalSince(start))
    }
}
