import Foundation

/// SPEC 1.5, applied to every cell: NFKC, zero-width characters removed, white space trimmed. A NUL character counts
/// as zero-width: it shows as nothing, and no PostgreSQL text can hold it (a cell with one would fail its file there).
public enum CellText {
    /// The cleaned text of a cell. Text made only of printable ASCII and CJK unified ideographs is already NFKC
    /// and has no zero-width characters, so it skips the Unicode work (nearly every cell of a list).
    public static func clean(_ text: String) -> String {
        switch plainness(text) {
        case .plainTrimmed: return text
        case .plain: return trimmed(text)
        case .other:
            // NUL goes before Foundation's normalisation sees the text, so that it is never handed one.
            var source = text
            if source.utf8.contains(0) { source.unicodeScalars.removeAll { $0.value == 0 } }
            var result = source.precomposedStringWithCompatibilityMapping
            if result.unicodeScalars.contains(where: isZeroWidth) {
                result.unicodeScalars.removeAll(where: isZeroWidth)
            }
            return trimmed(result)
        }
    }

    /// Whether the cleaned text is empty, decided without cleaning it: it holds only white space and zero-width
    /// characters (NFKC maps no other character to white space alone). Every cell of every row is asked this.
    public static func isBlank(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            // ASCII and CJK ideographs are decided without a look-up of Unicode properties.
            case 0x00, 0x09...0x0D, 0x20: continue
            case 0x01...0x7F, 0x4E00...0x9FFF: return false
            default: if !isWhitespace(scalar) && !isZeroWidth(scalar) { return false }
            }
        }
        return true
    }

    enum Plainness {
        /// Printable ASCII and CJK ideographs, no white space at either end.
        case plainTrimmed
        /// The same, but with white space to trim.
        case plain
        /// Anything else: needs NFKC.
        case other
    }

    /// One pass over the UTF-8 bytes: ASCII, or 3-byte sequences of U+4E00–U+9FFF (lead byte E4 with second byte
    /// from B8, or lead bytes E5–E9), which NFKC leaves unchanged.
    static func plainness(_ text: String) -> Plainness {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Plainness in
            let count = bytes.count
            if count == 0 { return .plainTrimmed }
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte == 0 {
                    return .other
                } else if byte < 0x80 {
                    index += 1
                } else if (byte >= 0xE5 && byte <= 0xE9) || (byte == 0xE4 && index + 1 < count && bytes[index + 1] >= 0xB8) {
                    index += 3
                } else {
                    return .other
                }
            }
            return isASCIIWhitespace(bytes[0]) || isASCIIWhitespace(bytes[count - 1]) ? .plain : .plainTrimmed
        } ?? .other
    }

    /// The cleaned text with every white-space character removed (`城关 镇` → `城关镇`).
    public static func compact(_ text: String) -> String {
        var result = clean(text)
        if plainness(result) != .other {
            // Printable ASCII and CJK ideographs: the only white space there is ASCII's, seen on bytes (every row's
            // township and county go through here).
            guard result.utf8.contains(where: isASCIIWhitespace) else { return result }
            return String(decoding: result.utf8.filter { !isASCIIWhitespace($0) }, as: UTF8.self)
        }
        if result.unicodeScalars.contains(where: isWhitespace) {
            result.unicodeScalars.removeAll(where: isWhitespace)
        }
        return result
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0000, 0x200B...0x200D, 0x2060, 0xFEFF: true
        default: false
        }
    }

    /// Unicode's White_Space below U+0080: tab, line feed, vertical tab, form feed, carriage return and space.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
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
