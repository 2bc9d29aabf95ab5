import Foundation
import RegTrackerCore
import RegTrackerRender

/// How a row's reasons are kept in one TEXT column (`registration.malformed_reason`, `registration.reason`): a JSON
/// array of objects, each a `code` and the reason's values by name, all strings —
/// `[{"code":"id_length","characters":"17"},{"code":"phone_not_mobile"}]`. NULL when there is none. Never text for
/// people: the words are rendered from the code in the reader's language (SPEC 7).
public enum StoredReasons {
    public static func encode(_ reasons: [Reason]) -> String? {
        guard !reasons.isEmpty else { return nil }
        var text = "["
        for (position, reason) in reasons.enumerated() {
            if position > 0 { text += "," }
            text += "{\"code\":" + quoted(reason.code)
            for (name, value) in reason.values { text += "," + quoted(name) + ":" + quoted(value) }
            text += "}"
        }
        return text + "]"
    }

    /// The reasons of a stored column; a value that is not this encoding is kept whole as `legacy`.
    public static func decode(_ text: String?) -> [Reason] {
        guard let text, !text.isEmpty else { return [] }
        guard let objects = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: String]] else {
            return [.legacy(text)]
        }
        return objects.map { object in
            object["code"].flatMap { Reason(code: $0, values: object) } ?? .legacy(text)
        }
    }

    /// A JSON string, escaped as every JSON this tool writes.
    private static func quoted(_ value: String) -> String { String(JSONValue.string(value).rendered().dropLast()) }
}
