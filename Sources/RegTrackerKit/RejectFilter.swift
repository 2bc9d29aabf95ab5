import RegTrackerCore
import RegTrackerStore

/// Which rows that did not count `rejects` lists: a township's, the unassigned ones or all, narrowed to one batch
/// and one outcome — what a township clerk asks for.
public struct RejectFilter: Sendable, Equatable {
    public enum Rows: Sendable, Equatable {
        /// Every township's and the unassigned rows.
        case all
        /// One roster township's rows (its database id).
        case township(Int64)
        /// Rows whose township is not in the roster (未匹配乡镇).
        case unassigned
    }

    public var rows: Rows
    public var batch: Int64?
    public var outcome: OutcomeKind?

    public init(rows: Rows = .all, batch: Int64? = nil, outcome: OutcomeKind? = nil) {
        self.rows = rows
        self.batch = batch
        self.outcome = outcome
    }

    /// Whether a township name given on the command line means the unassigned rows: the group's own name, as the
    /// report and the rejects files call it, or `unassigned`.
    public static func namesUnassigned(_ text: String) -> Bool {
        let key = Roster.key(text)
        return key == Roster.key(RejectSheets.unassignedGroup) || key.lowercased() == "unassigned"
    }
}

extension ReportService {
    /// The rows that did not count, as the filter asks, in sequence order.
    public func rejects(_ filter: RejectFilter) throws -> [RejectRecord] {
        let rows = try store.read { transaction -> [RejectRecord] in
            switch filter.rows {
            case .all: try transaction.rejects(township: nil, all: true)
            case .township(let id): try transaction.rejects(township: id, all: false)
            case .unassigned: try transaction.rejects(township: nil, all: false)
            }
        }
        return rows.filter { row in
            (filter.batch.map { row.batch == $0 } ?? true) && (filter.outcome.map { row.outcome == $0 } ?? true)
        }
    }

    /// Whether batch `number` exists (retracted and purged ones included).
    public func batchExists(_ number: Int64) throws -> Bool {
        try store.read { try $0.batch(id: number) != nil }
    }
}
