import CFreeXL
import Foundation
import RegTrackerCore

/// Reads one worksheet of a legacy Excel 97–2003 workbook (.xls, BIFF) through libfreexl.
///
/// libfreexl loads the whole workbook when it opens it, which is fine for the sizes .xls allows
/// (65,536 rows). Rows with no value are skipped; row numbers stay the sheet's.
public struct XLSReader: TableReader {
    public let description: TableDescription
    private var source: Source

    private enum Source {
        case workbook(FreeXLWorkbook)
        /// An .xlsx or SpreadsheetML file that was given an .xls name (WPS and web exports do this).
        case other(any TableReader)
    }

    public init(path: String, options: ReadOptions) throws(ReadError) {
        guard let head = FileSignature.read(path) else {
            throw ReadError("cannot open the file", hint: "check that it exists and is readable")
        }
        if head.starts(with: FileSignature.zip) {
            let reader = try XLSXReader(path: path, options: options)
            description = reader.description
            source = .other(reader)
            return
        }
        if !head.starts(with: FileSignature.compoundFile), Self.looksLikeXML(head) {
            let reader = try XMLTableReaders.open(path: path, options: options)
            description = reader.description
            source = .other(reader)
            return
        }
        let workbook = try FreeXLWorkbook(path: path)
        let index = SheetChoice.index(options.sheet, names: workbook.sheetNames)
        guard let index else { throw SheetChoice.notFound(options.sheet, names: workbook.sheetNames) }
        try workbook.select(index)
        description = TableDescription(format: .xls, sheets: workbook.sheetNames, sheet: workbook.sheetNames[index])
        source = .workbook(workbook)
    }

    public mutating func nextRow() throws(ReadError) -> SourceRow? {
        switch source {
        case .workbook(let workbook):
            return try workbook.nextRow()
        case .other(var reader):
            defer { source = .other(reader) }
            return try reader.nextRow()
        }
    }

    /// Every sheet of the workbook in order, hidden ones included (SPEC 1.6); `--sheet N` counts in this list.
    public static func sheetCatalog(path: String) throws(ReadError) -> [SheetInfo] {
        // libfreexl does not report visibility: every sheet counts as visible until the Swift reader replaces it.
        try FreeXLWorkbook(path: path).sheetNames.map { SheetInfo(name: $0) }
    }

    private static func looksLikeXML(_ head: [UInt8]) -> Bool {
        let text = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        return text.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) == UInt8(ascii: "<")
    }
}

/// A libfreexl handle on one open workbook and the sheet being read.
final class FreeXLWorkbook {
    private let handle: UnsafeRawPointer
    let sheetNames: [String]
    private var rowCount: UInt32 = 0
    private var columnCount: UInt16 = 0
    private var next: UInt32 = 0

    init(path: String) throws(ReadError) {
        try CompoundFile.checkDirectory(path)
        var opened: UnsafeRawPointer?
        let status = freexl_open(path, &opened)
        guard status == FREEXL_OK, let opened else {
            if let opened { freexl_close(opened) }
            if CompoundFile.isEncryptedPackage(path) { throw CompoundFile.encrypted }
            throw ReadError(
                "not a readable .xls workbook (libfreexl error \(status))",
                hint: "open it in Excel or WPS and save it as .xlsx")
        }
        handle = opened
        var password: UInt32 = 0
        if freexl_get_info(opened, UInt16(FREEXL_BIFF_PASSWORD), &password) == FREEXL_OK,
            password == UInt32(FREEXL_BIFF_OBFUSCATED)
        {
            freexl_close(opened)
            throw CompoundFile.encrypted
        }
        var count: UInt32 = 0
        _ = freexl_get_info(opened, UInt16(FREEXL_BIFF_SHEET_COUNT), &count)
        var names: [String] = []
        for index in 0..<min(count, UInt32(UInt16.max)) {
            var name: UnsafePointer<CChar>?
            let status = freexl_get_worksheet_name(opened, UInt16(index), &name)
            names.append(status == FREEXL_OK ? name.map { String(cString: $0) } ?? "" : "Sheet\(index + 1)")
        }
        sheetNames = names
    }

    deinit {
        freexl_close(handle)
    }

    func select(_ index: Int) throws(ReadError) {
        guard freexl_select_active_worksheet(handle, UInt16(index)) == FREEXL_OK,
            freexl_worksheet_dimensions(handle, &rowCount, &columnCount) == FREEXL_OK
        else {
            throw ReadError(
                "cannot read sheet \"\(sheetNames[index])\" of the .xls workbook",
                hint: "open it in Excel or WPS and save it as .xlsx")
        }
        next = 0
    }

    /// The next row that has a value, numbered from 1.
    func nextRow() throws(ReadError) -> SourceRow? {
        while next < rowCount {
            let row = next
            next += 1
            var cells: [Cell] = []
            for column in 0..<columnCount {
                let cell = try value(row: row, column: column)
                guard !cell.isEmptyCell else { continue }
                if cells.count < Int(column) {
                    cells.append(contentsOf: repeatElement(.empty, count: Int(column) - cells.count))
                }
                cells.append(cell)
            }
            if !cells.isEmpty { return SourceRow(number: Int(row) + 1, cells: cells) }
        }
        return nil
    }

    private func value(row: UInt32, column: UInt16) throws(ReadError) -> Cell {
        var value = FreeXL_CellValue()
        let status = freexl_get_cell_value(handle, row, column, &value)
        guard status == FREEXL_OK else {
            throw ReadError(
                "cannot read a cell of the .xls workbook (libfreexl error \(status))", location: "row \(row + 1)",
                hint: "open it in Excel or WPS and save it as .xlsx")
        }
        func text() -> String { value.value.text_value.map { String(cString: $0) } ?? "" }
        switch Int32(value.type) {
        case FREEXL_CELL_INT:
            return .number(Double(value.value.int_value))
        case FREEXL_CELL_DOUBLE:
            return .number(value.value.double_value)
        case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT:
            let string = text()
            return string.isEmpty ? .empty : .text(string)
        case FREEXL_CELL_DATE, FREEXL_CELL_DATETIME:
            let string = text()
            return ExcelDates.date(isoText: string).map(Cell.date) ?? .text(string)
        case FREEXL_CELL_TIME:
            return .text(text())
        default:
            return .empty
        }
    }
}
