import RegTrackerCore

/// Something worth telling about an imported file that does not reject it. The CLI words it in the user's language.
public enum ImportWarning: Sendable, Equatable {
    /// Every row is unassigned until a roster is imported.
    case noRoster
    /// SPEC 3: a file with no data rows.
    case noDataRows
    /// SPEC 3: at least half of the data rows are invalid for one and the same reason (all IDs stored as numbers).
    /// `reasons`: a malformed row's problems, or `[.flagged]`.
    case mostlyInvalid(rows: Int, of: Int, reasons: [Reason])
    /// SPEC 1.2: an unused column whose header mentions 截图, 核验 or 审核.
    case unreadVerdictColumn(header: String, sheet: String?)
    /// SPEC 3: `--replace` found no active batch of that file name; the file was imported at the end.
    case nothingReplaced
    /// Invalid lists: entries with no valid ID number or phone, which can match no row.
    case unusableEntries(Int)
    /// Invalid lists: townships not in the roster.
    case unknownTownships([String])

    /// Whole-file warnings (SPEC 3) are printed even under `--quiet`, so that cron mails them.
    public var isWholeFile: Bool {
        switch self {
        case .noDataRows, .mostlyInvalid: true
        default: false
        }
    }
}

/// Counts the reasons of a file's invalid rows as they are stored, and says whether one of them is most of the file.
struct InvalidReasonCounter {
    private var counts: [[Reason]: Int] = [:]
    private(set) var rows = 0

    mutating func add(_ facts: RowFacts) {
        rows += 1
        if !facts.problems.isEmpty {
            counts[facts.problems, default: 0] += 1
        } else if facts.isFlagged {
            counts[[.flagged], default: 0] += 1
        }
    }

    /// SPEC 3's whole-file warnings.
    var warnings: [ImportWarning] {
        guard rows > 0 else { return [.noDataRows] }
        guard let (reason, count) = counts.max(by: { $0.value < $1.value }), count * 2 >= rows else { return [] }
        return [.mostlyInvalid(rows: count, of: rows, reasons: reason)]
    }
}
