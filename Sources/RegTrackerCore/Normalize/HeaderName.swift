/// Header cells as SPEC 1.4 matches them: cleaned, no white space, no leading `*`,
/// and a trailing parenthesised note dropped (`身份证号（18位）` → `身份证号`), notes within it
/// (`身份证号码（18位（含X））`) and one after another (`手机号（选填）（11位）`) included.
public enum HeaderName {
    /// The forms to try, most specific first: the whole name, then the name without each trailing note in turn.
    public static func keys(_ text: String) -> [String] {
        var key = CellText.compact(text).lowercased()
        while key.hasPrefix("*") { key.removeFirst() }
        guard !key.isEmpty else { return [] }
        var keys = [key]
        while let open = noteStart(key), open != key.startIndex {
            key = String(key[..<open])
            keys.append(key)
        }
        return keys
    }

    /// Where the parenthesised note that ends `key` opens (full-width parentheses are ASCII after cleaning); nil
    /// when `key` does not end with one or its parentheses do not balance.
    private static func noteStart(_ key: String) -> String.Index? {
        guard key.last == ")" else { return nil }
        var depth = 0
        var index = key.endIndex
        while index > key.startIndex {
            index = key.index(before: index)
            if key[index] == ")" { depth += 1 }
            if key[index] == "(" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
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
