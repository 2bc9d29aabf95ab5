/// Header cells as SPEC 1.4 matches them: cleaned, no white space, no leading `*`,
/// and a trailing parenthesised note dropped (`身份证号（18位）` → `身份证号`).
public enum HeaderName {
    /// The forms to try, most specific first: the whole name, then the name without its note.
    public static func keys(_ text: String) -> [String] {
        var key = CellText.compact(text).lowercased()
        while key.hasPrefix("*") { key.removeFirst() }
        guard !key.isEmpty else { return [] }
        if key.hasSuffix(")"), let open = key.lastIndex(of: "("), open != key.startIndex {
            return [key, String(key[..<open])]
        }
        return [key]
    }

    /// The field a header cell names in a file of `kind`, if any.
    public static func field(for cell: Cell, kind: FileKind) -> Field? {
        guard case .text(let text) = cell else { return nil }
        let table = lookupTables[kind]!
        return keys(text).lazy.compactMap { table[$0] }.first
    }

    private static let lookupTables: [FileKind: [String: Field]] = {
        var tables: [FileKind: [String: Field]] = [:]
        for kind in FileKind.allCases {
            var table: [String: Field] = [:]
            for (field, names) in kind.headerNames {
                for name in names { table[keys(name)[0]] = field }
            }
            tables[kind] = table
        }
        return tables
    }()
}
