import Foundation
import RegTrackerCore
import RegTrackerRender

/// Reads back the English reason text that releases before "v9: reasons as codes" stored, for that migration.
/// Text it cannot read whole stays as one `legacy` reason, shown as it was.
enum LegacyReasonText {
    /// The reasons of a stored `malformed_reason` or `reason` text: one township reason, or problems joined by `; `.
    static func parse(_ text: String) -> [Reason] {
        if let reason = townshipReason(text) { return [reason] }
        var rest = Substring(text)
        var reasons: [Reason] = []
        while !rest.isEmpty {
            guard let (reason, length) = problem(at: rest) else { return [.legacy(text)] }
            reasons.append(reason)
            rest = rest.dropFirst(length)
            if rest.hasPrefix("; ") {
                rest = rest.dropFirst(2)
            } else if !rest.isEmpty {
                return [.legacy(text)]
            }
        }
        return reasons.isEmpty ? [.legacy(text)] : reasons
    }

    /// The reasons without values: their English text is the one that release wrote.
    private static let fixed: [Reason] = [
        .nameMissing, .idStoredAsNumber, .idNotText, .idFifteenNotDigits, .idCharacters, .idCheckDigit,
        .phoneStoredAsNumber, .phoneNotText, .phoneScientific, .phoneNotMobile, .verdictUnrecognised, .noIDOrPhone,
    ]

    /// The problem `text` starts with and the number of characters it takes.
    private static func problem(at text: Substring) -> (Reason, Int)? {
        for reason in fixed {
            let words = ReasonText.text(reason, in: .english)
            if text.hasPrefix(words) { return (reason, words.count) }
        }
        if let match = firstMatch(#"^ID number has (\d+) characters; expected 18"#, in: text), let count = Int(match.groups[0]) {
            return (.idLength(characters: count), match.length)
        }
        if let match = firstMatch(#"^ID number birth date (\S+) is not a real date up to today"#, in: text) {
            return (.idBirthDate(match.groups[0]), match.length)
        }
        return nil
    }

    private static func townshipReason(_ text: String) -> Reason? {
        if text == ReasonText.text(.townshipMissing, in: .english) { return .townshipMissing }
        guard let match = firstMatch(#"^township "(.*?)" is not in the roster(?:; did you mean "(.*)"\?)?$"#, in: Substring(text))
        else { return nil }
        return .townshipNotInRoster(township: match.groups[0], suggestion: match.groups[1].isEmpty ? nil : match.groups[1])
    }

    /// The groups of a match at the start (empty for a group that took no part) and its length in characters.
    private static func firstMatch(_ pattern: String, in text: Substring) -> (groups: [String], length: Int)? {
        let string = String(text)
        let expression = try! NSRegularExpression(pattern: pattern)
        guard let match = expression.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) else {
            return nil
        }
        let groups = (1..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: string).map { String(string[$0]) } ?? ""
        }
        return (groups, string[Range(match.range, in: string)!].count)
    }
}
