/// Text as OOXML stores it in `<t>` and `<v>`.
enum OOXMLText {
    /// Decodes `_xHHHH_` escapes (`_x000D_` is a carriage return; `_x005F_` escapes a literal underscore,
    /// so `_x005F_x000D_` reads as the text `_x000D_`).
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(95) else { return text }  // '_'
        let bytes = Array(text.utf8)
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
        return String(decoding: output, as: UTF8.self)
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

    /// Reads rich text up to the end of the current element (`<si>` or `<is>`): the `<t>` of the element
    /// and of its `<r>` runs joined, phonetic `<rPh>` runs left out. Escapes are not yet decoded.
    static func readRichText(_ xml: XMLStreamReader) throws(ReadError) -> String {
        guard !xml.isEmptyElement else { return "" }
        let top = xml.depth
        var text = ""
        var textDepth: Int?
        var phoneticDepth: Int?
        while try xml.read() {
            switch xml.kind {
            case .endElement:
                let depth = xml.depth
                if depth == top { return text }
                if depth == phoneticDepth { phoneticDepth = nil } else if depth == textDepth { textDepth = nil }
            case .element:
                guard phoneticDepth == nil, !xml.isEmptyElement else { break }
                if xml.isNamed("rPh") {
                    phoneticDepth = xml.depth
                } else if xml.isNamed("t") {
                    textDepth = xml.depth
                }
            case .text:
                if textDepth != nil, phoneticDepth == nil { xml.appendValue(to: &text) }
            case .other:
                break
            }
        }
        return text
    }

    /// The text of the current element up to its end (for `<v>`).
    static func readElementText(_ xml: XMLStreamReader) throws(ReadError) -> String {
        guard !xml.isEmptyElement else { return "" }
        let top = xml.depth
        var text = ""
        while try xml.read() {
            if xml.kind == .endElement, xml.depth == top { break }
            if xml.kind == .text { xml.appendValue(to: &text) }
        }
        return text
    }
}
