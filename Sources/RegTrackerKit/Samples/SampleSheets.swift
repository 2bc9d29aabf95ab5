import CXlsxWriter
import Foundation
import RegTrackerCore
import RegTrackerRender

/// One sheet of a sample workbook.
struct SampleSheet {
    var name: String
    var rows: [[String]]
    var hidden = false
    /// The first row is a title merged across the columns of the header, as clerks lay lists out.
    var mergedTitle = false
}

/// Sample lists as the spreadsheet files townships send: every cell text, as a list typed into Excel.
enum SampleSheets {
    /// Excel's "XML Spreadsheet 2003".
    static func spreadsheetML(_ rows: [[String]]) -> String {
        spreadsheetML([SampleSheet(name: "注册名单", rows: rows)])
    }

    /// A workbook of several sheets, hidden ones marked in their WorksheetOptions as Excel writes them.
    static func spreadsheetML(_ sheets: [SampleSheet]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <?mso-application progid="Excel.Sheet"?>
            <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" \
            xmlns:x="urn:schemas-microsoft-com:office:excel" \
            xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">

            """
        for sheet in sheets {
            xml += " <Worksheet ss:Name=\"\(HTMLText.escape(sheet.name))\">\n  <Table>\n"
            let width = sheet.rows.dropFirst().map(\.count).max() ?? 1
            for (index, row) in sheet.rows.enumerated() {
                xml += "   <Row>"
                for (column, text) in row.enumerated() where !text.isEmpty {
                    let merge = sheet.mergedTitle && index == 0 && width > 1 ? " ss:MergeAcross=\"\(width - 1)\"" : ""
                    xml +=
                        "<Cell ss:Index=\"\(column + 1)\"\(merge)><Data ss:Type=\"String\">\(HTMLText.escape(text))</Data></Cell>"
                }
                xml += "</Row>\n"
            }
            xml += "  </Table>\n"
            if sheet.hidden {
                xml += "  <WorksheetOptions xmlns=\"urn:schemas-microsoft-com:office:excel\">\n"
                xml += "   <Visible>SheetHidden</Visible>\n  </WorksheetOptions>\n"
            }
            xml += " </Worksheet>\n"
        }
        return xml + "</Workbook>\n"
    }

    /// An .xlsx written with libxlsxwriter.
    static func writeXLSX(_ rows: [[String]], to path: String) throws {
        try writeXLSX([SampleSheet(name: "注册名单", rows: rows)], to: path)
    }

    /// A workbook of several sheets; the first visible one is the active sheet, as Excel requires.
    static func writeXLSX(_ sheets: [SampleSheet], to path: String) throws {
        guard let workbook = workbook_new(path) else { throw CocoaError(.fileWriteUnknown) }
        // A fixed creation time, so that the same seed writes the same bytes.
        var properties = lxw_doc_properties()
        properties.created = 1_764_374_400
        workbook_set_properties(workbook, &properties)
        var firstVisible: UnsafeMutablePointer<lxw_worksheet>?
        var hidden: [UnsafeMutablePointer<lxw_worksheet>] = []
        for sheet in sheets {
            guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let width = sheet.rows.dropFirst().map(\.count).max() ?? 1
            for (rowIndex, row) in sheet.rows.enumerated() {
                if rowIndex == 0, sheet.mergedTitle, width > 1, let title = row.first {
                    worksheet_merge_range(worksheet, 0, 0, 0, lxw_col_t(width - 1), title, nil)
                    continue
                }
                for (column, text) in row.enumerated() where !text.isEmpty {
                    worksheet_write_string(worksheet, lxw_row_t(rowIndex), lxw_col_t(column), text, nil)
                }
            }
            if sheet.hidden {
                hidden.append(worksheet)
            } else if firstVisible == nil {
                firstVisible = worksheet
            }
        }
        if let firstVisible {
            worksheet_activate(firstVisible)
            worksheet_set_first_sheet(firstVisible)
        }
        hidden.forEach { worksheet_hide($0) }
        guard workbook_close(workbook) == LXW_NO_ERROR else { throw CocoaError(.fileWriteUnknown) }
    }
}
