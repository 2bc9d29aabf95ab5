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
        // The SpreadsheetML reader's push parser sniffs the root, and reads on when it is a `Workbook`.
        do {
            return try SpreadsheetMLReader(path: path, options: options)
        } catch {
            guard case .notSpreadsheetXML(root: "worksheet", let namespace?) = error.problem,
                [ooxmlMainNamespace.description, ooxmlStrictNamespace.description].contains(namespace)
            else { throw error }
        }
        return try OOXMLSheetReader(path: path)
    }

    /// The worksheets of a SpreadsheetML workbook; nil for an OOXML sheet part, which is one sheet. A pass over the
    /// whole file (Excel writes a sheet's visibility after its rows), with the SAX parser: half the reader's cost.
    static func sheetCatalog(path: String) throws(ReadError) -> [SheetInfo]? {
        let catalog = SpreadsheetMLCatalog()
        try XMLPushParser(path: path, handler: catalog).parseToEnd()
        return catalog.isWorkbook == true ? catalog.sheets : nil
    }
}
