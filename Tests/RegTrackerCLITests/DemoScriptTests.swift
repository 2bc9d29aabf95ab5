import Foundation
import Testing

/// `make demo` (Scripts/demo.sh), the README's first command, on a copy of the sample inbox: every step succeeds
/// and the reports are written (it broke once, unnoticed, when a second roster joined `imports/roster/`).
@Suite struct DemoScriptTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theDemoRunsOnTheSampleInbox() throws {
        let folder = NSTemporaryDirectory() + "regtracker-demo-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(
            atPath: Self.repository.appendingPathComponent("imports").path, toPath: folder + "/imports")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            Self.repository.appendingPathComponent("Scripts/demo.sh").path, RegTrackerBinary.executable.path,
            folder + "/demo.sqlite",
        ]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let failure = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0, "\(failure)")
        #expect(printed.contains("Reports written to reports/"), "\(printed)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: folder + "/reports")
        #expect(reports.count == 1)
        let written = try FileManager.default.subpathsOfDirectory(atPath: folder + "/reports/" + (reports.first ?? ""))
        #expect(written.contains { $0.hasSuffix(".xlsx") })
        #expect(written.contains { $0.hasPrefix("rejects/") })
        #expect(written.contains { $0.hasSuffix(".docx") })
    }
}
