import CXlsxWriter
import Foundation
import RegTrackerCore

/// Sample lists as the spreadsheet files townships send: every cell text, as a list typed into Excel.
enum SampleSheets {
    /// Excel's "XML Spreadsheet 2003".
    static func spreadsheetML(_ rows: [[String]]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <?mso-application progid="Excel.Sheet"?>
            <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" \
            xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
             <Worksheet ss:Name="注册名单">
              <Table>

            """
        for row in rows {
            xml += "   <Row>"
            for (column, text) in row.enumerated() where !text.isEmpty {
                xml += "<Cell ss:Index=\"\(column + 1)\"><Data ss:Type=\"String\">\(HTMLText.escape(text))</Data></Cell>"
            }
            xml += "</Row>\n"
        }
        return xml + "  </Table>\n </Worksheet>\n</Workbook>\n"
    }

    /// An .xlsx written with libxlsxwriter.
    static func writeXLSX(_ rows: [[String]], to path: String) throws {
        guard let workbook = workbook_new(path), let sheet = workbook_add_worksheet(workbook, "注册名单") else {
            throw CocoaError(.fileWriteUnknown)
        }
        // A fixed creation time, so that the same seed writes the same bytes.
        var properties = lxw_doc_properties()
        properties.created = 1_764_374_400
        workbook_set_properties(workbook, &properties)
        for (rowIndex, row) in rows.enumerated() {
            for (column, text) in row.enumerated() where !text.isEmpty {
                worksheet_write_string(sheet, lxw_row_t(rowIndex), lxw_col_t(column), text, nil)
            }
        }
        guard workbook_close(workbook) == LXW_NO_ERROR else { throw CocoaError(.fileWriteUnknown) }
    }
}
