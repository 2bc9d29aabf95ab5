import RegTrackerIO

/// What every reader target does with a file: open it and read every row. A `ReadError` is a fine answer;
/// anything else (a trap, a sanitizer report, a hang) is a finding.
enum FuzzRead {
    static func all(path: String, options: ReadOptions) {
        do {
            var reader = try TableOpener.open(path: path, options: options)
            var rows = 0
            while let row = try reader.nextRow() {
                rows += 1
                precondition(row.number >= 1, "row numbers count from 1")
            }
        } catch {
            _ = error.description
        }
    }
}
