/// The one outcome every registration row gets (SPEC 2), in the order the rules are applied.
public enum OutcomeKind: Int, Sendable, CaseIterable, Comparable {
    case unassigned = 0
    case malformed = 1
    case flagged = 2
    case listed = 3
    case duplicate = 4
    case valid = 5

    public static func < (lhs: OutcomeKind, rhs: OutcomeKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The JSON and database spelling.
    public var name: String {
        switch self {
        case .unassigned: "unassigned"
        case .malformed: "invalid_malformed"
        case .flagged: "invalid_flagged"
        case .listed: "invalid_listed"
        case .duplicate: "duplicate"
        case .valid: "valid"
        }
    }
}

/// A decided outcome with what the reason needs.
public struct Outcome: Sendable, Equatable {
    public var kind: OutcomeKind
    /// The roster index of the row's township; nil when unassigned.
    public var township: Int?
    /// duplicate: the earlier valid row; listed: the invalid-list entry.
    public var reference: Int64?
    /// unassigned and malformed: why (a malformed row may have several problems); empty for the others, whose
    /// reason follows from the kind and the reference.
    public var reasons: [Reason]

    public init(kind: OutcomeKind, township: Int?, reference: Int64? = nil, reasons: [Reason] = []) {
        self.kind = kind
        self.township = township
        self.reference = reference
        self.reasons = reasons
    }
}

/// What the outcome rules need of one row; computed once at import (see `Registration`).
public struct RowFacts: Sendable, Equatable {
    public var townshipKey: String
    /// The row's own problems (`Registration.problems`); empty when it has none.
    public var problems: [Reason]
    public var isFlagged: Bool
    public var idKey: Int64?
    public var phoneKey: Int64?
    /// The county the row names (SPEC 8), compacted as `Roster.key`; empty when it names none.
    public var countyKey: String
    /// The township the keys name in the roster the row is decided against, when it was looked up already (by the
    /// import's reading thread, which has time to spare); nil to look it up when deciding.
    public var township: TownshipMatch?

    public init(
        townshipKey: String, problems: [Reason], isFlagged: Bool, idKey: Int64?, phoneKey: Int64?,
        countyKey: String = ""
    ) {
        self.townshipKey = townshipKey
        self.countyKey = countyKey
        self.problems = problems
        self.isFlagged = isFlagged
        self.idKey = idKey
        self.phoneKey = phoneKey
    }

    public init(_ registration: Registration) {
        self.init(
            townshipKey: registration.townshipKey, problems: registration.problems,
            isFlagged: registration.isFlagged, idKey: registration.idNumber.key, phoneKey: registration.phone.key,
            countyKey: Roster.key(registration.county))
    }
}

/// An entry of an invalid list (SPEC 1.3), with its township key and county key (SPEC 8) when it names them.
public struct InvalidEntry: Sendable, Equatable {
    public var id: Int64
    public var townshipKey: String?
    public var idKey: Int64?
    public var phoneKey: Int64?
    public var countyKey: String?

    public init(id: Int64, townshipKey: String?, idKey: Int64?, phoneKey: Int64?, countyKey: String? = nil) {
        self.id = id
        self.townshipKey = townshipKey
        self.idKey = idKey
        self.phoneKey = phoneKey
        self.countyKey = countyKey
    }
}
