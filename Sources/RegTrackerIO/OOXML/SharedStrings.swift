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
    func string(at index: Int, location: @autoclosure () -> String) throws(ReadError) -> String {
        let strings = try loaded(location: location())
        guard index >= 0, index < strings.count else {
            throw ReadError(
                "shared string \(index) does not exist (the table has \(strings.count))", location: location(),
                hint: "the workbook is damaged; save it again from Excel")
        }
        return try strings.string(at: index)
    }

    private func loaded(location: String) throws(ReadError) -> SharedStringTable {
        if let strings { return strings }
        guard let xml = try open() else {
            throw ReadError(
                "shared strings missing: the sheet uses shared strings but no sharedStrings.xml is beside it",
                location: location,
                hint: "put the workbook's xl/sharedStrings.xml next to the sheet, or import the .xlsx itself")
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
