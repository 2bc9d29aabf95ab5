/// The township a list names in its title or file name (SPEC 1.2): the roster name or alias that occurs in the
/// text after normalisation and removing white space; when several occur, the longest; two different townships
/// of that same length, or none, name nothing.
public enum TownshipInText {
    public enum Match: Sendable, Equatable {
        /// The roster name of the township found.
        case township(String)
        /// Different townships whose names are equally long; the roster names, in roster order.
        case ambiguous([String])
        case none
    }

    public static func find(in text: String, roster: Roster) -> Match {
        let key = Roster.key(text)
        guard !key.isEmpty else { return .none }
        var longest = 0
        var found: [String] = []
        for township in roster.townships {
            let length = ([township.name] + township.aliases).map(Roster.key).filter { !$0.isEmpty && key.contains($0) }
                .map(\.count).max()
            guard let length, length >= longest else { continue }
            if length > longest {
                longest = length
                found = []
            }
            // Counties may share a township name (SPEC 8): one name is one match; the row's county decides.
            if !found.contains(township.name) { found.append(township.name) }
        }
        switch found.count {
        case 0: return .none
        case 1: return .township(found[0])
        default: return .ambiguous(found)
        }
    }
}

/// The county a list names in its title or file name (SPEC 8, as 1.2 for the township): the roster county name
/// that occurs in the text after normalisation and removing white space; when several occur, the longest; two of
/// that same length, or none, name nothing (a county is optional: its townships are then matched across the roster).
public enum CountyInText {
    public static func find(in text: String, roster: Roster) -> String? {
        let key = Roster.key(text)
        guard !key.isEmpty else { return nil }
        let found = roster.counties.filter { !Roster.key($0).isEmpty && key.contains(Roster.key($0)) }
        guard let longest = found.map({ Roster.key($0).count }).max() else { return nil }
        let longestFound = found.filter { Roster.key($0).count == longest }
        return longestFound.count == 1 ? longestFound[0] : nil
    }
}
