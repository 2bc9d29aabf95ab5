import Foundation

/// SPEC 1.5, applied to every cell: NFKC, zero-width characters removed, white space trimmed.
public enum CellText {
    /// The cleaned text of a cell. ASCII text is already NFKC, so it skips the Unicode work.
    public static func clean(_ text: String) -> String {
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        var result = isASCII ? text : text.precomposedStringWithCompatibilityMapping
        if !isASCII, result.unicodeScalars.contains(where: isZeroWidth) {
            result.unicodeScalars.removeAll(where: isZeroWidth)
        }
        return trimmed(result)
    }

    /// The cleaned text with every white-space character removed (`城关 镇` → `城关镇`).
    public static func compact(_ text: String) -> String {
        var result = clean(text)
        if result.unicodeScalars.contains(where: isWhitespace) {
            result.unicodeScalars.removeAll(where: isWhitespace)
        }
        return result
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200D, 0x2060, 0xFEFF: true
        default: false
        }
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.value == 0x3000
    }

    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }),
            let last = scalars.lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }
}
