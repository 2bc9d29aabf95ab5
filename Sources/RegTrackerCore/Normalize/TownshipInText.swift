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
            found.append(township.name)
        }
        switch found.count {
        case 0: return .none
        case 1: return .township(found[0])
        default: return .ambiguous(found)
        }
    }
}
