import Foundation
import RegTrackerCore
import RegTrackerKit
import RegTrackerRender

/// Progress of a long import on stderr, only when stderr is a terminal (never in cron mail or a pipe) and not
/// `--quiet`: a transient line while a file is read, then `[i/n] file: rows in s (rows/s)` when it is done.
struct ImportProgress {
    let enabled: Bool
    let count: Int
    let language: Language
    private var index = 0
    private var file = ""
    private var started = Date()

    init(files count: Int, quiet: Bool, language: Language, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.count = count
        self.language = language
        enabled = isTerminal && !quiet
    }

    mutating func start(_ path: String) {
        index += 1
        file = PrintableName.escaped((path as NSString).lastPathComponent)
        started = Date()
        status(Strings.text(.progressStart(index: index, count: count, file: file), in: language))
    }

    /// While a file is read (called by `RegistrationImport` every 10 000 rows): rows so far and speed.
    func rows(_ count: Int) {
        let seconds = Date().timeIntervalSince(started)
        status(Strings.text(.progressRows(index: index, count: self.count, file: file, rows: count, seconds: seconds), in: language))
    }

    /// After the file: its rows and speed, kept on screen.
    func finish(_ result: ImportResult) {
        guard enabled else { return }
        clear()
        guard case .imported(let summary) = result else { return }
        let seconds = Date().timeIntervalSince(started)
        FileHandle.standardError.write(
            Data(
                (Strings.text(
                    .progressDone(index: index, count: count, file: file, rows: summary.rows, seconds: seconds), in: language)
                    + "\n").utf8))
    }

    private func status(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    private func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
