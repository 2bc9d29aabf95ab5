/// An id_number or phone cell after normalisation (SPEC 1.5).
public enum KeyedValue: Sendable, Equatable {
    /// The cell was empty.
    case absent
    /// A valid value and its compact integer key for de-duplication.
    case valid(String, key: Int64)
    /// Contains `*`: accepted as given, never used as a key.
    case masked(String)
    /// Present but neither valid nor masked: why, and the text received (shown back to the township, masked).
    case malformed(Reason, received: String)

    public var key: Int64? {
        if case .valid(_, let key) = self { key } else { nil }
    }

    public var isPresent: Bool { self != .absent }

    /// Valid or masked: a value that stands for a person (SPEC 1.4's totals rule).
    public var isUsable: Bool {
        switch self {
        case .valid, .masked: true
        case .absent, .malformed: false
        }
    }

    public var malformedReason: Reason? {
        if case .malformed(let reason, _) = self { reason } else { nil }
    }

    /// The text a store keeps: none for a valid value, whose key gives its text back (`IDNumber.text(stored:key:)`,
    /// `Phone.text(stored:key:)`), which spares every valid row's ID number and phone a column of text.
    public var storedText: String? { key == nil ? text : nil }

    /// What the cell held, as normalised (valid or masked) or as received (malformed); nil when empty.
    public var text: String? {
        switch self {
        case .valid(let text, _), .masked(let text), .malformed(_, let text): text
        case .absent: nil
        }
    }
}
