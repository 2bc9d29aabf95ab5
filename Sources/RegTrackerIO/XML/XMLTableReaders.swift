import RegTrackerCore

/// The readers of spreadsheet XML files (`.xml`): which kind a file is decides which reader reads it.
public enum XMLTableReaders {
    static let spreadsheetMLNamespace: StaticString = "urn:schemas-microsoft-com:office:spreadsheet"
    static let ooxmlMainNamespace: StaticString = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let ooxmlStrictNamespace: StaticString = "http://purl.oclc.org/ooxml/spreadsheetml/main"

    /// Sniffs the root element: SpreadsheetML 2003 `Workbook` in urn:schemas-microsoft-com:office:spreadsheet,
    /// or OOXML `worksheet` in the spreadsheetml main namespace (transitional or strict). Anything else
    /// is rejected.
    public static func open(path: String, options: ReadOptions) throws(ReadError) -> any TableReader {
        let xml = try XMLStreamReader.open(path: path)
        guard try xml.readToElement() else {
            throw ReadError(.notSpreadsheetXML(root: nil, namespace: nil))
        }
        if xml.isNamed("Workbook"), xml.isIn(namespace: spreadsheetMLNamespace) {
            return try SpreadsheetMLReader(xml: xml, options: options)
        }
        if xml.isNamed("worksheet"), isOOXMLMain(xml) {
            return try OOXMLSheetReader(xml: xml, path: path)
        }
        throw ReadError(.notSpreadsheetXML(root: xml.localName, namespace: xml.namespaceURI), at: xml.location())
    }

    /// The worksheets of a SpreadsheetML workbook; nil for an OOXML sheet part, which is one sheet. A pass over the
    /// whole file (Excel writes a sheet's visibility after its rows), with the SAX parser: half the reader's cost.
    static func sheetCatalog(path: String) throws(ReadError) -> [SheetInfo]? {
        let catalog = SpreadsheetMLCatalog()
        let parser = try XMLPushParser(path: path, handler: catalog)
        while try parser.feed() {
            if catalog.isWorkbook == false { return nil }
        }
        return catalog.isWorkbook == true ? catalog.sheets : nil
    }

    static func isOOXMLMain(_ xml: XMLStreamReader) -> Bool {
        xml.isIn(namespace: ooxmlMainNamespace) || xml.isIn(namespace: ooxmlStrictNamespace)
    }
}
