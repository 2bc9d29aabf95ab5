/// Text as OOXML stores it in `<t>` and `<v>`.
enum OOXMLText {
    /// Decodes `_xHHHH_` escapes (`_x000D_` is a carriage return; `_x005F_` escapes a literal underscore,
    /// so `_x005F_x000D_` reads as the text `_x000D_`).
    static func decode(_ text: String) -> String {
        String(decoding: decodedUTF8(Array(text.utf8)), as: UTF8.self)
    }

    /// `decode` on UTF-8 as the parser hands it on, without a String in between.
    static func decode(utf8 bytes: [UInt8]) -> String {
        String(decoding: decodedUTF8(bytes), as: UTF8.self)
    }

    /// The UTF-8 of the text with its escapes decoded: `bytes` itself when it has none.
    static func decodedUTF8(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(95) else { return bytes }  // '_'
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 95, index + 6 < bytes.count, bytes[index + 1] == 120, bytes[index + 6] == 95,
                let scalar = hexScalar(bytes[(index + 2)..<(index + 6)])
            {
                output.append(contentsOf: String(Character(scalar)).utf8)
                index += 7
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    private static func hexScalar(_ digits: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var value: UInt32 = 0
        for digit in digits {
            let nibble: UInt32
            switch digit {
            case 48...57: nibble = UInt32(digit - 48)
            case 65...70: nibble = UInt32(digit - 55)
            case 97...102: nibble = UInt32(digit - 87)
            default: return nil
            }
            value = value << 4 | nibble
        }
        return Unicode.Scalar(value)
    }
}
