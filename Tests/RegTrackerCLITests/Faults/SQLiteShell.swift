import Foundation

/// The `sqlite3` shell (installed by `make setup`), for what the tool itself does not show: integrity, schema.
enum SQLiteShell {
    /// The output of `sql` run on the database at `path`, trimmed.
    static func run(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `PRAGMA integrity_check`: "ok" for an intact database.
    static func integrity(_ path: String) throws -> String { try run(path, "PRAGMA integrity_check;") }
}
