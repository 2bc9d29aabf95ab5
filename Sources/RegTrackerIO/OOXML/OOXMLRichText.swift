/// The plain text of OOXML rich text (a shared string's `<si>`, an inline string's `<is>`) gathered from SAX events:
/// the `<t>` of the element and of its `<r>` runs joined, phonetic `<rPh>` runs left out.
struct OOXMLRichText {
    /// The UTF-8 so far, `_xHHHH_` escapes not yet decoded.
    private(set) var utf8: [UInt8] = []
    private var textDepth: Int?
    private var phoneticDepth: Int?

    /// Starts over, for the next `<si>` or `<is>`.
    mutating func reset() {
        utf8.removeAll(keepingCapacity: true)
        textDepth = nil
        phoneticDepth = nil
    }

    /// An element inside the rich text's own element starts.
    mutating func startElement(_ element: XMLPushParser.Element, depth: Int) {
        guard phoneticDepth == nil else { return }
        if element.isNamed("rPh") {
            phoneticDepth = depth
        } else if element.isNamed("t") {
            textDepth = depth
        }
    }

    /// An element inside the rich text's own element ends.
    mutating func endElement(depth: Int) {
        if depth == phoneticDepth {
            phoneticDepth = nil
        } else if depth == textDepth {
            textDepth = nil
        }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard textDepth != nil, phoneticDepth == nil else { return }
        utf8.append(contentsOf: bytes)
    }

    /// The text, escapes decoded.
    var text: String { OOXMLText.decode(utf8: utf8) }
}
