import RegTrackerCore

/// The shared-strings table of a workbook (`sharedStrings.xml`), loaded on first use into a
/// `SharedStringTable` (on a scratch file, not in memory).
final class SharedStrings {
    /// Opens the part, or returns nil when the workbook has none.
    typealias Opener = () throws(ReadError) -> XMLStreamReader?

    private let open: Opener
    private var strings: SharedStringTable?

    init(open: @escaping Opener) {
        self.open = open
    }

    /// The string at `index`; `location` names the cell that asked, for errors.
    func string(at index: Int, location: @autoclosure () -> ReadError.Location) throws(ReadError) -> String {
        let strings = try loaded(location: location())
        guard index >= 0, index < strings.count else {
            throw ReadError(.noSuchSharedString(index: index, count: strings.count), at: location())
        }
        return try strings.string(at: index)
    }

    private func loaded(location: ReadError.Location) throws(ReadError) -> SharedStringTable {
        if let strings { return strings }
        guard let xml = try open() else {
            throw ReadError(.sharedStringsMissing, at: location)
        }
        let strings = try Self.parse(xml)
        self.strings = strings
        return strings
    }

    /// Every `<si>` of `<sst>` in order.
    static func parse(_ xml: XMLStreamReader) throws(ReadError) -> SharedStringTable {
        let strings = try SharedStringTable()
        while try xml.readToElement() {
            if xml.depth == 1, xml.isNamed("si") {
                try strings.append(OOXMLText.decode(try OOXMLText.readRichText(xml)))
            }
        }
        try strings.flush()
        return strings
    }
}
