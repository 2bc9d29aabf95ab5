/// Latin words in a text meant to be Chinese: runs of two or more ASCII letters, except in file names (a token of
/// letters, digits, `-` and `_` next to a dot) and the names SPEC uses as they are: the program, the app (国家反诈中心APP),
/// `ID`.
public enum EnglishWords {
    public static let allowed: Set<String> = ["ID", "APP", "regtracker"]

    public static func `in`(_ text: String) -> [String] {
        var words: [String] = []
        let characters = Array(text)
        func isTokenCharacter(_ character: Character) -> Bool {
            character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
        }
        var index = 0
        while index < characters.count {
            guard isTokenCharacter(characters[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < characters.count, isTokenCharacter(characters[index]) { index += 1 }
            let isFileName = (start > 0 && characters[start - 1] == ".") || (index < characters.count && characters[index] == ".")
            if isFileName { continue }
            var word = ""
            for character in characters[start..<index] + ["-"] {
                if character.isLetter {
                    word.append(character)
                } else {
                    if word.count >= 2, !allowed.contains(word) { words.append(word) }
                    word = ""
                }
            }
        }
        return words
    }
}
