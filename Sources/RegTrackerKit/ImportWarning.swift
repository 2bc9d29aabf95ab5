import RegTrackerCore

/// Something worth telling about an imported file that does not reject it. The CLI words it in the user's language.
public enum ImportWarning: Sendable, Equatable {
    /// Every row is unassigned until a roster is imported.
    case noRoster
    /// SPEC 3: a file with no data rows.
    case noDataRows
    /// SPEC 3: at least half of the data rows are invalid for one and the same reason (all IDs stored as numbers).
    /// `reason`: one problem of malformed rows, or `.flagged`.
    case mostlyInvalid(rows: Int, of: Int, reason: Reason)
    /// SPEC 1.2: an unused column whose header mentions 截图, 核验 or 审核.
    case unreadVerdictColumn(header: String, sheet: String?)
    /// SPEC 3: `--replace` found no active batch of that file name; the file was imported at the end.
    case nothingReplaced
    /// `--township` names no township of the roster (or of the list's county): rows without a township of their own
    /// are unassigned, as a row naming it would be (SPEC 2), with the nearest name.
    case unknownTownshipOption(String, suggestion: String?)
    /// `--township` names a township several counties have, and the list names no county (SPEC 8).
    case townshipOptionInSeveralCounties(String, counties: [String])
    /// Invalid lists: entries with no valid ID number or phone, which can match no row.
    case unusableEntries(Int)
    /// Invalid lists: townships not in the roster.
    case unknownTownships([String])
    /// Invalid lists: townships several counties share, named without a county (SPEC 8): the entries apply to each.
    case townshipsOfSeveralCounties([String])

    /// Whole-file warnings (SPEC 3) are printed even under `--quiet`, so that cron mails them.
    public var isWholeFile: Bool {
        switch self {
        case .noDataRows, .mostlyInvalid: true
        default: false
        }
    }
}

/// Counts the reasons of a file's invalid rows as they are stored, and says whether one of them is most of the file.
/// A row is counted under each of its problems: a row with no name and a bad phone is invalid for want of a name
/// too, so a file whose names are all missing is warned about whatever else some of its rows lack.
struct InvalidReasonCounter {
    private var counts: [Reason: Int] = [:]
    /// Each reason in the order it was first met: of two as common, the first is named.
    private var order: [Reason] = []
    private(set) var rows = 0

    mutating func add(_ facts: RowFacts) {
        rows += 1
        if !facts.problems.isEmpty {
            // In the row's order, so that a tie names the same reason every time.
            for (index, problem) in facts.problems.enumerated() where !facts.problems[..<index].contains(problem) {
                count(problem)
            }
        } else if facts.isFlagged {
            count(.flagged)
        }
    }

    private mutating func count(_ reason: Reason) {
        if counts[reason] == nil { order.append(reason) }
        counts[reason, default: 0] += 1
    }

    /// SPEC 3's whole-file warnings.
    var warnings: [ImportWarning] {
        guard rows > 0 else { return [.noDataRows] }
        var most: (reason: Reason, count: Int)?
        for reason in order where counts[reason, default: 0] > most?.count ?? 0 {
            most = (reason, counts[reason, default: 0])
        }
        guard let most, most.count * 2 >= rows else { return [] }
        return [.mostlyInvalid(rows: most.count, of: rows, reason: most.reason)]
    }
}
