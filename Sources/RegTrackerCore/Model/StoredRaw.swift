/// A row's cells as received, in the form they are stored with the row (SPEC 3: every row keeps its raw values).
///
/// The cells are joined by U+001F. A cell that arrived exactly as one of the row's own columns stores it (a name,
/// township, village or county cell that was already clean; a valid ID number or phone already in normal form; a
/// registration time written as `2026-03-28 09:42`, the way lists write it) is
/// written as U+001E and that column's letter: its text is then in the database once, not twice, which is a third
/// of a list's row. A cell that itself begins with U+001E is written with one more U+001E in front.
public enum StoredRaw {
    /// The columns a cell may refer to, by their letter.
    public enum Column: UInt8, Sendable, CaseIterable {
        case name = 0x4E  // N
        case township = 0x54  // T
        case village = 0x56  // V
        case county = 0x43  // C
        case idNumber = 0x49  // I
        case phone = 0x50  // P
        /// Compared with the stored time as lists write it (`RegisteredAt.asWritten`), not the ISO text.
        case registeredAt = 0x52  // R

        /// The field read into this column.
        public var field: Field {
            switch self {
            case .name: .name
            case .township: .township
            case .village: .village
            case .county: .county
            case .idNumber: .idNumber
            case .phone: .phone
            case .registeredAt: .registeredAt
            }
        }

        /// How a cell that refers to this column is stored.
        var reference: String {
            switch self {
            case .name: "\u{1E}N"
            case .township: "\u{1E}T"
            case .village: "\u{1E}V"
            case .county: "\u{1E}C"
            case .idNumber: "\u{1E}I"
            case .phone: "\u{1E}P"
            case .registeredAt: "\u{1E}R"
            }
        }
    }

    static let separator: UInt8 = 0x1F
    static let mark: UInt8 = 0x1E

    /// `cells` as stored. `column(i)`: the column cell `i` was read into, if it is one a cell may refer to;
    /// `value(c)`: what the row stores in column `c` (nil when it stores nothing there).
    public static func encode(
        _ cells: [Cell], column: (Int) -> Column?, value: (Column) -> String?
    ) -> String {
        var stored = ""
        stored.reserveCapacity(
            cells.reduce(cells.count) { total, cell in
                if case .text(let text) = cell { total + text.utf8.count + 1 } else { total + 24 }
            })
        for (index, cell) in cells.enumerated() {
            if index > 0 { stored.append("\u{1F}") }
            var text: String
            if case .text(let cellText) = cell { text = cellText } else { text = cell.displayText }
            if !text.isEmpty, let referred = column(index), var kept = value(referred), sameBytes(&text, &kept) {
                stored.append(referred.reference)
                continue
            }
            if text.utf8.first == mark { stored.append("\u{1E}") }
            stored.append(text)
        }
        // As in every cleaned cell (CellText): a NUL is nothing to keep, and PostgreSQL text cannot hold it.
        if stored.utf8.contains(0) { stored.unicodeScalars.removeAll { $0.value == 0 } }
        return stored
    }

    /// Byte for byte, not as Unicode compares (where `é` precomposed equals `e` and an accent).
    private static func sameBytes(_ a: inout String, _ b: inout String) -> Bool {
        a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && x.elementsEqual(y) } }
    }

    /// The cells of a stored row as received; `value(c)` gives what the row stores in column `c`.
    public static func cells(_ stored: String, value: (Column) -> String?) -> [String] {
        stored.utf8.split(separator: separator, omittingEmptySubsequences: false).map { field in
            guard field.first == mark else { return String(Substring(field)) }
            let rest = field.dropFirst()
            if rest.first == mark { return String(Substring(rest)) }
            if rest.count == 1, let referred = Column(rawValue: rest.first!), let kept = value(referred) { return kept }
            return String(Substring(field))
        }
    }
}
