import Foundation
import Testing

/// Issue 8: our readers held against calamine, the Rust spreadsheet reader, on its own test files
/// (Fixtures/calamine: real files from its bug reports, MIT, see LICENSE-MIT.md there). For every .xlsx, .xlsm and
/// .xls file that python-calamine reads, `regtracker inspect --json --cells` gives the same first-sheet cells; every file it
/// refuses, regtracker refuses with a clear error (exit 1, a message), within the time limit.
@Suite struct CalamineDifferentialTests {
    /// calamine's test files, copied into the repository beside this test (Fixtures/calamine/README.md).
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/calamine")

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/calamine_cells.py")

    static let timeout: TimeInterval = 20

    static var files: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { ["xlsx", "xlsm", "xls"].contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
    }

    /// Files where the two readers differ on purpose, and why. Each file is still compared, after the listed
    /// adjustment.
    enum Difference: Sendable {
        /// calamine gives a duration (timedelta) for a `[h]:mm:ss` cell; regtracker has no duration type (it reads the
        /// serial as a date-time). Those cells are not compared.
        case durations
        /// calamine trims text that is not marked `xml:space="preserve"`; regtracker keeps the reader's text as is
        /// (normalisation trims every cell later, SPEC 1.5). Text is compared trimmed, whitespace-only cells dropped.
        case whitespace
        /// Cells that differ, by reference (`B3`), with the reason.
        case cells([String], String)
    }

    static let differences: [String: [Difference]] = [
        "date.xls": [.durations], "date.xlsx": [.durations], "date_1904.xls": [.durations],
        "date_1904.xlsx": [.durations],
        "date_iso.xlsx": [
            .cells(["A3"], "a time of day without a date (t=\"d\" 10:10:10): calamine gives a time, we keep the text")
        ],
        "encoded_entities.xlsx": [.whitespace],
        "issue_174.xlsx": [.whitespace],
        "minimal_package.xlsx": [.whitespace],
        "whitespace_trim.xlsx": [.whitespace],
        "sheet_name_parsing.xls": [
            .cells(
                ["A1", "B1", "C1", "D1", "E1", "F1", "G1"],
                "calamine returns these BIFF8 strings with their UTF-16 NUL bytes (T\\0i\\0…); we decode them (Titel)")
        ],
        "biff5-rich-text-string.xls": [
            .cells(
                ["H3"],
                "the file holds an Excel 95 Book stream and an Excel 97 WorkBook stream; we read WorkBook, whose "
                    + "\"ri ■ s g •rM S ’\" is Unicode; calamine's has ? for ■ and lacks • and ’ (the Book stream's 8-bit copy)"
            )
        ],
    ]

    /// python-calamine in a throwaway virtual environment, or nil (with why) when Python or pip is missing.
    static let python: Result<String, SetupProblem> = setUpPython()

    struct SetupProblem: Error, CustomStringConvertible {
        var description: String
        /// True when Python or pip is missing (the test is skipped); false when installing failed (it fails).
        var missingTool: Bool
    }

    static func setUpPython() -> Result<String, SetupProblem> {
        // One throwaway environment per user, reused while it still imports python_calamine: runs do not pile up
        // environments in the temporary folder, and a rerun skips the download.
        let folder = NSTemporaryDirectory() + "regtracker-calamine-venv-\(getuid())"
        if run([folder + "/bin/python", "-c", "import python_calamine"], timeout: 60).status == 0 {
            return .success(folder + "/bin/python")
        }
        try? FileManager.default.removeItem(atPath: folder)
        guard let python3 = which("python3") else {
            return .failure(SetupProblem(description: "python3 is not installed", missingTool: true))
        }
        let venv = run([python3, "-m", "venv", folder], timeout: 120)
        guard venv.status == 0 else {
            return .failure(
                SetupProblem(
                    description: "python3 -m venv failed (venv/pip missing?): \(venv.stderr)", missingTool: true))
        }
        let pip = run([folder + "/bin/python", "-m", "pip", "--version"], timeout: 60)
        guard pip.status == 0 else {
            return .failure(SetupProblem(description: "pip is missing in the venv: \(pip.stderr)", missingTool: true))
        }
        let install = run(
            [
                folder + "/bin/python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                "python-calamine",
            ],
            timeout: 300)
        guard install.status == 0 else {
            return .failure(
                SetupProblem(description: "pip install python-calamine failed: \(install.stderr)", missingTool: false))
        }
        return .success(folder + "/bin/python")
    }

    static var pythonMissing: Bool {
        if case .failure(let problem) = python, problem.missingTool { return true }
        return false
    }

    @Test(.enabled(if: !pythonMissing, "python3 or pip is missing: the calamine differential test is skipped"))
    func theCorpusIsThere() {
        #expect(
            Self.files.count > 50, "no calamine test files in \(Self.corpus.path): the repository's copy is missing")
    }

    @Test(
        .enabled(if: !pythonMissing, "python3 or pip is missing: the calamine differential test is skipped"),
        arguments: files)
    func firstSheetCellsEqualCalamines(file: String) throws {
        let python: String
        switch Self.python {
        case .success(let path): python = path
        case .failure(let problem):
            Issue.record("\(problem)")
            return
        }
        let path = Self.corpus.appendingPathComponent(file).path
        let listed = Self.differences[file] ?? []
        let theirs = Self.run([python, Self.script.path, path], timeout: 60)
        let ours = Self.run(
            [
                Self.executable.path, "--db", NSTemporaryDirectory() + "none-\(UUID().uuidString).sqlite", "inspect",
                "--json", "--cells", path,
            ],
            timeout: Self.timeout, memoryLimitKB: 2 << 20)
        #expect(!ours.timedOut, "\(file): regtracker took longer than \(Self.timeout) s")
        #expect(
            ours.status == 0 || ours.status == 1, "\(file): regtracker crashed (status \(ours.status)): \(ours.stderr)")

        if theirs.status != 0 {
            // calamine refuses it: so must we, with a message.
            #expect(ours.status == 1, "\(file): calamine refuses it (\(theirs.stderr)) but regtracker read it")
            #expect(
                ours.stderr.contains(file) && ours.stderr.contains("rejected"),
                "\(file): no clear error: \(ours.stderr)")
            return
        }
        let theirCells = try Self.cells(theirs.stdout)
        var ourCells = try Self.cells(ours.stdout)
        var expected = theirCells
        // python-calamine returns error cells (#DIV/0!, #N/A) as empty strings: it cannot show them, so ours are
        // not compared.
        ourCells = ourCells.filter { $0.value.type != "e" }
        if listed.contains(where: { if case .durations = $0 { true } else { false } }) {
            for (reference, cell) in expected where cell.type == "duration" {
                expected[reference] = nil
                ourCells[reference] = nil
            }
        }
        if listed.contains(where: { if case .whitespace = $0 { true } else { false } }) {
            expected = Self.trimmed(expected)
            ourCells = Self.trimmed(ourCells)
        }
        for case .cells(let references, _) in listed {
            for reference in references {
                expected[reference] = nil
                ourCells[reference] = nil
            }
        }
        let missing = expected.filter { ourCells[$0.key] != $0.value }.sorted { $0.key < $1.key }
        let extra = ourCells.filter { expected[$0.key] == nil }.sorted { $0.key < $1.key }
        #expect(
            missing.isEmpty && extra.isEmpty,
            """
            \(file): cells differ from calamine's
              calamine has (ours differs or lacks): \(missing.prefix(10).map { "\($0.key)=\($0.value) ours \(ourCells[$0.key].map { "\($0)" } ?? "none")" })
              only ours: \(extra.prefix(10).map { "\($0.key)=\($0.value)" })
            """)
    }

    /// Text cells trimmed of white space, whitespace-only ones dropped.
    static func trimmed(_ cells: [String: Cell]) -> [String: Cell] {
        cells.compactMapValues { cell in
            guard cell.type == "s" else { return cell }
            let text = cell.value.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : Cell(type: "s", value: text)
        }
    }

    struct Cell: Equatable, CustomStringConvertible {
        var type: String
        var value: String
        var description: String { "\(type):\(value)" }
    }

    /// `{"rows": [{"r", "cells": [{"c", "t", "v"}]}]}` as a map from `R3C2`-style keys.
    static func cells(_ json: String) throws -> [String: Cell] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var cells: [String: Cell] = [:]
        for row in document["rows"] as? [[String: Any]] ?? [] {
            let r = row["r"] as? Int ?? 0
            for cell in row["cells"] as? [[String: Any]] ?? [] {
                let c = cell["c"] as? Int ?? 0
                cells[reference(row: r, column: c)] = Cell(
                    type: cell["t"] as? String ?? "", value: cell["v"] as? String ?? "")
            }
        }
        return cells
    }

    /// `B3` for row 3, column 2.
    static func reference(row: Int, column: Int) -> String {
        var number = column
        var letters = ""
        while number > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + letters
            number = (number - 1) / 26
        }
        return letters + String(row)
    }

    static var executable: URL { RegTrackerBinary.executable }

    static func which(_ tool: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    /// Runs a program, killing it after `timeout` seconds; `memoryLimitKB` caps its address space (ulimit -v).
    static func run(_ arguments: [String], timeout: TimeInterval, memoryLimitKB: Int? = nil) -> Run {
        let process = Process()
        if let memoryLimitKB {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -v \(memoryLimitKB); exec \"$@\"", "sh"] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: arguments[0])
            process.arguments = Array(arguments.dropFirst())
        }
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["REGTRACKER_TODAY"] = "2026-11-29"
        process.environment = environment
        // Output goes to files, not pipes: a child with a lot to say cannot block while it is being waited for.
        let base = NSTemporaryDirectory() + "regtracker-run-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: base + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: base + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: base + ".out")
            try? FileManager.default.removeItem(atPath: base + ".err")
        }
        guard let out = FileHandle(forWritingAtPath: base + ".out"),
            let err = FileHandle(forWritingAtPath: base + ".err")
        else { return Run(status: -1, stdout: "", stderr: "cannot create output files", timedOut: false) }
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return Run(status: -1, stdout: "", stderr: "\(error)", timedOut: false) }
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let stdout = FileManager.default.contents(atPath: base + ".out") ?? Data()
        let stderr = FileManager.default.contents(atPath: base + ".err") ?? Data()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self), timedOut: timedOut)
    }
}
