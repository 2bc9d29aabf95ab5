import RegTrackerCore

/// The shared-strings table of a workbook (`sharedStrings.xml`), loaded on first use into a
/// `SharedStringTable` (on a scratch file, not in memory).
final class SharedStrings {
    /// A parser of the part handing its events to `handler`, or nil when the workbook has none.
    typealias Opener = (any XMLPushHandler) throws(ReadError) -> XMLPushParser?

    private let open: Opener
    private var strings: SharedStringTable?

    init(open: @escaping Opener) {
        self.open = open
    }

    /// The string at `index`, asked for by a sheet's cell while its part is parsed: a missing table or index is the
    /// cell's problem (reported at its line), a table that cannot be read is reported where it went wrong.
    func string(at index: Int) throws(XMLPushParser.Stop) -> String {
        let table: SharedStringTable?
        do {
            table = try loaded()
        } catch {
            throw .failedElsewhere(error)
        }
        guard let strings = table else { throw .failed(.sharedStringsMissing) }
        guard index >= 0, index < strings.count else {
            throw .failed(.noSuchSharedString(index: index, count: strings.count))
        }
        do {
            return try strings.string(at: index)
        } catch {
            throw .failedElsewhere(error)
        }
    }

    private func loaded() throws(ReadError) -> SharedStringTable? {
        if let strings { return strings }
        let builder = try SharedStringsBuilder()
        guard let parser = try open(builder) else { return nil }
        try parser.parseToEnd()
        try builder.table.flush()
        strings = builder.table
        return builder.table
    }
}

/// Appends every `<si>` of `<sst>` to a `SharedStringTable`, in order, from SAX events.
private final class SharedStringsBuilder: XMLPushHandler {
    let table: SharedStringTable
    private var text = OOXMLRichText()
    private var inString = false

    init() throws(ReadError) {
        table = try SharedStringTable()
    }

    func startElement(_ element: XMLPushParser.Element, depth: Int) {
        if depth == 1 {
            inString = element.isNamed("si")
            text.reset()
        } else if inString {
            text.startElement(element, depth: depth)
        }
    }

    func endElement(depth: Int) throws(XMLPushParser.Stop) {
        guard inString else { return }
        guard depth == 1 else {
            text.endElement(depth: depth)
            return
        }
        inString = false
        do {
            try table.append(utf8: OOXMLText.decodedUTF8(text.utf8))
        } catch {
            throw .failedElsewhere(error)
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inString { text.characters(bytes) }
    }
}
