import CXlsxWriter
import Foundation
import RegTrackerCore
import RegTrackerRender

/// Report sheets written through libxlsxwriter: typed cells, a bold frozen heading row, unmet rows highlighted,
/// column widths from the content, A4 print setup, and native bar charts. Written to a temporary file and renamed,
/// so that a failed write leaves no half file.
final class XLSXReportWriter {
    /// Where each sheet's rows landed, for chart ranges.
    struct Placement {
        var sheet: String
        var headings: [String]
        /// Zero-based row of the first data row.
        var firstRow: Int
        var rowCount: Int
    }

    private let path: String
    private let temporaryPath: String
    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private var formats: [CellFormat: UnsafeMutablePointer<lxw_format>] = [:]
    private var closed = false

    init(path: String) throws {
        self.path = path
        temporaryPath = path + ".partial"
        guard let workbook = workbook_new(temporaryPath) else {
            throw ReportFileError(path: path, step: .startWorkbook)
        }
        self.workbook = workbook
    }

    deinit {
        if !closed {
            // Frees the workbook; the partial file is removed below.
            _ = workbook_close(workbook)
            try? FileManager.default.removeItem(atPath: temporaryPath)
        }
    }

    /// Writes the title (row 1), the headings (row 2, bold, frozen with `frozenColumns`), the rows, then the notes.
    @discardableResult
    func addTable(_ sheet: ReportSheet, name: String, frozenColumns: Int = 0) throws -> Placement {
        let worksheet = try addWorksheet(name)
        let columns = max(sheet.headings.count, 1)
        try check(worksheet_write_string(worksheet, 0, 0, sheet.title, format(.title)), .title)
        worksheet_set_row(worksheet, 0, 24, nil)
        for (column, heading) in sheet.headings.enumerated() {
            try check(worksheet_write_string(worksheet, 1, lxw_col_t(column), heading, format(.heading)), .heading)
        }
        for (index, row) in sheet.rows.enumerated() {
            let rowNumber = lxw_row_t(index + 2)
            for (column, cell) in row.cells.enumerated() {
                let col = lxw_col_t(column)
                let result =
                    switch cell {
                    case .text(let text):
                        worksheet_write_string(worksheet, rowNumber, col, text, format(.cell(row.style, .text)))
                    case .integer(let value):
                        worksheet_write_number(
                            worksheet, rowNumber, col, Double(value), format(.cell(row.style, .integer)))
                    case .rate(let numerator, let denominator):
                        worksheet_write_number(
                            worksheet, rowNumber, col, Double(numerator) / Double(denominator),
                            format(.cell(row.style, .percent)))
                    }
                try check(result, .row(index + 1))
            }
        }
        let notesRow = sheet.rows.count + 3
        for (offset, note) in sheet.notes.enumerated() {
            try check(worksheet_write_string(worksheet, lxw_row_t(notesRow + offset), 0, note, format(.note)), .note)
        }
        for column in 0..<columns {
            var width = ReportTable.displayWidth(sheet.headings[column])
            for row in sheet.rows where row.cells.count > column {
                width = max(width, ReportTable.displayWidth(row.cells[column].text))
            }
            worksheet_set_column(
                worksheet, lxw_col_t(column), lxw_col_t(column), Double(min(max(width + 3, 8), 60)), nil)
        }
        worksheet_freeze_panes(worksheet, 2, lxw_col_t(frozenColumns))
        worksheet_set_paper(worksheet, 9)  // A4
        if columns > 6 { worksheet_set_landscape(worksheet) }
        worksheet_fit_to_pages(worksheet, 1, 0)
        _ = worksheet_repeat_rows(worksheet, 1, 1)
        return Placement(sheet: name, headings: sheet.headings, firstRow: 2, rowCount: sheet.rows.count)
    }

    /// A sheet with a horizontal bar chart of the column headed `values` against the column headed `categories`
    /// (columns of `data`, first `count` rows), top to bottom in row order, each bar coloured by `colors` (RGB).
    func addBarChart(
        sheetName: String, title: String, seriesName: String, data: Placement, categories: String, values: String,
        count: Int, colors: [UInt32], note: String?
    ) throws {
        guard let categoryColumn = data.headings.firstIndex(of: categories),
            let valueColumn = data.headings.firstIndex(of: values)
        else { throw ReportFileError(path: path, step: .write(.chart)) }
        let worksheet = try addWorksheet(sheetName)
        if let note { try check(worksheet_write_string(worksheet, 0, 0, note, format(.note)), .note) }
        guard count > 0 else { return }
        guard let chart = workbook_add_chart(workbook, UInt8(LXW_CHART_BAR.rawValue)),
            let series = chart_add_series(chart, nil, nil)
        else { throw ReportFileError(path: path, step: .write(.chart)) }
        let first = lxw_row_t(data.firstRow)
        let last = lxw_row_t(data.firstRow + count - 1)
        chart_series_set_categories(
            series, data.sheet, first, lxw_col_t(categoryColumn), last, lxw_col_t(categoryColumn))
        chart_series_set_values(series, data.sheet, first, lxw_col_t(valueColumn), last, lxw_col_t(valueColumn))
        chart_series_set_name(series, seriesName)
        chart_series_set_labels(series)
        chart_series_set_labels_num_format(series, "0.00%")
        try setColors(colors, of: series)
        chart_title_set_name(chart, title)
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
        // In libxlsxwriter's bar charts y_axis is the (vertical) category axis and x_axis the value axis.
        // Rank 1 at the top: a bar chart draws its first category at the bottom unless that axis is reversed.
        chart_axis_set_reverse(chart.pointee.y_axis)
        chart_axis_set_crossing_max(chart.pointee.y_axis)
        chart_axis_set_num_format(chart.pointee.x_axis, "0%")
        chart_axis_set_min(chart.pointee.x_axis, 0)
        var options = lxw_chart_options()
        options.x_scale = 2
        options.y_scale = max(1.2, Double(count) * 26 / 288)
        try check(worksheet_insert_chart_opt(worksheet, note == nil ? 0 : 2, 0, chart, &options), .chart)
    }

    /// Writes the file and moves it into place.
    func close() throws {
        closed = true
        let result = workbook_close(workbook)
        guard result == LXW_NO_ERROR else {
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw ReportFileError(path: path, step: .writeFile, reason: String(cString: lxw_strerror(result)))
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw ReportFileError(path: path, step: .writeFile, reason: reason)
        }
    }

    private func addWorksheet(_ name: String) throws -> UnsafeMutablePointer<lxw_worksheet> {
        guard let worksheet = workbook_add_worksheet(workbook, name) else {
            throw ReportFileError(path: path, step: .addSheet(name))
        }
        return worksheet
    }

    private func setColors(_ colors: [UInt32], of series: UnsafeMutablePointer<lxw_chart_series>) throws {
        let fills = colors.map { color -> UnsafeMutablePointer<lxw_chart_fill> in
            let fill = UnsafeMutablePointer<lxw_chart_fill>.allocate(capacity: 1)
            fill.initialize(to: lxw_chart_fill(color: color, none: 0, transparency: 0))
            return fill
        }
        let points = fills.map { fill -> UnsafeMutablePointer<lxw_chart_point>? in
            let point = UnsafeMutablePointer<lxw_chart_point>.allocate(capacity: 1)
            point.initialize(to: lxw_chart_point(line: nil, fill: fill, pattern: nil))
            return point
        }
        defer {
            for point in points { point?.deallocate() }
            for fill in fills { fill.deallocate() }
        }
        var list = points + [nil]  // NULL-terminated, copied by libxlsxwriter
        let result = list.withUnsafeMutableBufferPointer { chart_series_set_points(series, $0.baseAddress) }
        try check(result, .chartColours)
    }

    /// The look of a cell: the sheet's title, a heading, a note, or a table cell by its row's style and its kind.
    private enum CellFormat: Hashable {
        enum Kind: Hashable {
            case text
            case integer
            case percent
        }

        case title
        case heading
        case note
        case cell(ReportSheet.RowStyle, Kind)
    }

    /// Each format made once per workbook.
    private func format(_ name: CellFormat) -> UnsafeMutablePointer<lxw_format>? {
        if let existing = formats[name] { return existing }
        guard let format = workbook_add_format(workbook) else { return nil }
        switch name {
        case .title:
            format_set_bold(format)
            format_set_font_size(format, 14)
        case .heading:
            format_set_bold(format)
            format_set_bg_color(format, 0xDDE3EA)
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        case .note:
            format_set_italic(format)
            format_set_font_color(format, 0x555555)
        case .cell(let style, let kind):
            format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue))
            format_set_border_color(format, 0xC8CDD2)
            switch style {
            case .normal: break
            case .unmet: format_set_bg_color(format, 0xFFE3CC)
            case .totals:
                format_set_bold(format)
                format_set_top(format, UInt8(LXW_BORDER_MEDIUM.rawValue))
            }
            switch kind {
            case .text: break
            case .integer: format_set_num_format(format, "0")
            case .percent: format_set_num_format(format, "0.00%")
            }
        }
        formats[name] = format
        return format
    }

    private func check(_ result: lxw_error, _ part: ReportFileError.SheetPart) throws {
        guard result == LXW_NO_ERROR else {
            throw ReportFileError(path: path, step: .write(part), reason: String(cString: lxw_strerror(result)))
        }
    }
}
