import Foundation

/// Every worksheet of a SpreadsheetML workbook with its visibility (`<x:Visible>SheetHidden</x:Visible>` in its
/// WorksheetOptions, which Excel writes after the rows), gathered from the events of one SAX pass.
final class SpreadsheetMLCatalog: XMLPushHandler {
    private static let namespace = XMLTableReaders.spreadsheetMLNamespace

    /// Whether the root element is a SpreadsheetML `Workbook`; nil until the root has been seen.
    private(set) var isWorkbook: Bool?
    private(set) var sheets: [SheetInfo] = []
    /// The text of the `Visible` element being read, if one is open.
    private var visibility: [UInt8]?

    func startElement(_ element: XMLPushParser.Element, depth: Int) throws(XMLPushParser.Stop) {
        switch depth {
        case 0:
            isWorkbook = element.isNamed("Workbook") && element.isIn(namespace: Self.namespace)
            // An OOXML sheet part is one sheet: nothing to list, nothing more to read.
            if isWorkbook == false { throw .finished }
        case 1 where element.isNamed("Worksheet") && element.isIn(namespace: Self.namespace):
            sheets.append(SheetInfo(name: element.attribute("Name") ?? "Sheet\(sheets.count + 1)"))
        case 3 where element.isNamed("Visible") && !sheets.isEmpty: visibility = []
        default: break
        }
    }

    func endElement(depth: Int) {
        guard depth == 3, let text = visibility else { return }
        visibility = nil
        switch String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) {
        case "SheetHidden": sheets[sheets.count - 1].visibility = .hidden
        case "SheetVeryHidden": sheets[sheets.count - 1].visibility = .veryHidden
        default: break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        visibility?.append(contentsOf: bytes)
    }
}
