/// Latin words in a text meant to be Chinese: runs of two or more ASCII letters, except those of file names (a
/// run directly after a dot) and the ones SPEC uses as they are.
enum EnglishWords {
    static let allowed: Set<String> = ["ID", "X", "csv", "xlsx", "xls", "xml", "html", "md", "txt", "et", "SVG", "PNG"]

    static func `in`(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var previous: Character = " "
        var afterDot = false
        for character in text + " " {
            if character.isASCII, character.isLetter {
                if word.isEmpty { afterDot = previous == "." }
                word.append(character)
            } else {
                if word.count >= 2, !afterDot, !allowed.contains(word) { words.append(word) }
                word = ""
            }
            previous = character
        }
        return words
    }
}
