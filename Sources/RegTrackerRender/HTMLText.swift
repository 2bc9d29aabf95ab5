/// Escaping for text and attribute values in HTML and inline SVG.
public enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as entities: safe in element content and in quoted attributes.
    public static func escape(_ text: String) -> String {
        // Most text has nothing to escape: returned as it is, without a copy scalar by scalar.
        let special: (UInt8) -> Bool = {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"")
                || $0 == UInt8(ascii: "'") || ($0 < 0x20 && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\t"))
        }
        guard text.utf8.contains(where: special) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
