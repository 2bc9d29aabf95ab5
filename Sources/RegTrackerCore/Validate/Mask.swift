/// How personal numbers appear anywhere a person reads them: reports, messages, logs.
public enum Mask {
    /// `510102********1234`
    public static func idNumber(_ value: String) -> String { masked(value, keepFirst: 6, keepLast: 4) }

    /// `138****5678`
    public static func phone(_ value: String) -> String { masked(value, keepFirst: 3, keepLast: 4) }

    public static func display(_ value: KeyedValue, isPhone: Bool) -> String {
        switch value {
        case .absent, .malformed: ""
        case .valid(let text, _): isPhone ? phone(text) : idNumber(text)
        case .masked(let text): text
        }
    }

    /// Any raw text: long digit runs are masked like ID numbers (15 or more) or phones (8 or more).
    public static func digits(in text: String) -> String {
        var result = ""
        var run = ""
        func flush() {
            result += run.count >= 15 ? idNumber(run) : run.count >= 8 ? phone(run) : run
            run = ""
        }
        for character in text {
            let continuesRun = character.isASCII && (character.isNumber || (!run.isEmpty && "Xx".contains(character)))
            if continuesRun {
                run.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }

    private static func masked(_ value: String, keepFirst: Int, keepLast: Int) -> String {
        let characters = Array(value)
        guard characters.count > keepFirst + keepLast else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(keepFirst)) + String(repeating: "*", count: characters.count - keepFirst - keepLast)
            + String(characters.suffix(keepLast))
    }
}
