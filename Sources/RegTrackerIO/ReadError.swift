/// Why a file cannot be read at all, as a value: the problem with its arguments, and where in the file it is.
/// It holds no text: `ReadErrorText` (RegTrackerKit) words it in the reader's language, place and fix included,
/// and the pipeline adds the file name (SPEC 7: problems inside a file in the CLI's language).
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problem: Problem
    /// Where the problem is, when known.
    public var location: Location?

    public init(_ problem: Problem, at location: Location? = nil) {
        self.problem = problem
        self.location = location
    }

    /// The case and the place as Swift prints them, for logs and failed tests; people read `ReadErrorText`.
    public var description: String { location.map { "\(problem) at \($0)" } ?? "\(problem)" }

    /// Where in a file a problem is.
    public enum Location: Sendable, Equatable {
        /// A line of a text file (CSV, or an XML file read on its own).
        case line(Int)
        /// A line of an XML part inside a workbook package (`xl/worksheets/sheet1.xml`, line 3).
        case partLine(String, line: Int)
        /// A part (zip entry) of a workbook package.
        case part(String)
        /// A row (counting from 1) of a named sheet.
        case sheetRow(String, row: Int)
    }

    public enum Problem: Sendable, Equatable {
        // MARK: The file itself
        /// `stat` failed: no such file, or a folder on the way that cannot be searched. `errno` is the system's.
        case notFound(errno: Int32)
        /// A folder, a FIFO, a device.
        case notRegularFile
        /// `open` failed, with the system's `errno` when there is one.
        case cannotOpen(errno: Int32?)
        /// `read` failed.
        case cannotRead(errno: Int32)
        /// An extension no reader reads (nil: none).
        case unsupportedType(extension: String?)

        // MARK: Text (CSV)
        case notUTF8
        /// Neither UTF-8 nor GB18030: not text, or another encoding.
        case notUTF8OrGB18030
        /// A file that starts with UTF-16's byte order mark, with a byte sequence that is not UTF-16 further on.
        case notUTF16
        /// This system's iconv has no GB18030.
        case gb18030Unavailable
        /// Text that GB18030 cannot encode.
        case notGB18030Encodable
        /// A record over the size limit starts here; `openQuote` when a quoted field is still open.
        case recordTooLong(megabytes: Int, openQuote: Bool)
        case tooManyFields(maximum: Int)
        /// A quoted field opened here is never closed.
        case unclosedQuote

        // MARK: XML
        /// libxml2 could not start reading (`part` nil: the file itself).
        case cannotParseXML(part: String?)
        /// Malformed XML; `parserMessage` is libxml2's own (English) wording of the first error, when it gave one,
        /// and `fault` what kind of error it is, where it is a common one that can be worded in the reader's language.
        case malformedXML(parserMessage: String?, fault: XMLFault? = nil)
        /// A DOCTYPE (entities or an external DTD): no spreadsheet has one, and it is refused.
        case documentType
        /// The root element is not a spreadsheet's: `<html>`, say, with its namespace; nil when there is none.
        case notSpreadsheetXML(root: String?, namespace: String?)
        /// A SpreadsheetML `ss:Index` that is not a positive whole number.
        case badIndex(element: IndexedElement, value: String)
        /// A SpreadsheetML cell beyond the last column a sheet can have.
        case columnBeyondLimit(column: Int, maximum: Int)

        // MARK: Workbooks and their sheets
        case noWorksheet
        /// No sheet is a visible worksheet (and no `--sheet` named one): every sheet, with its visibility.
        case noVisibleWorksheet([SheetInfo])
        /// `--sheet` names no sheet of the workbook; its sheets in order.
        case sheetNotFound(ReadOptions.SheetSelector, sheets: [String])
        /// The sheet chosen is a chart (or macro) sheet.
        case notAWorksheet(sheet: String)
        /// The workbook lists the sheet but holds no part for it.
        case noSheetPart(sheet: String)
        /// The sheet's part is not a worksheet.
        case sheetPartNotWorksheet(sheet: String)

        // MARK: Sheets in the OOXML format (.xlsx, or a sheet part on its own)
        /// A row `r` that is not a row number from `from` to `to`.
        case badRowNumber(String, from: Int, to: Int)
        case tooManyRows(maximum: Int)
        /// A cell beyond column XFD: its reference, or its position in the row when it has none.
        case columnBeyondXFD(reference: String?, position: Int)
        case badSharedStringIndex(String)
        case noSuchSharedString(index: Int, count: Int)
        /// A sheet part read on its own uses shared strings, and no sharedStrings.xml is beside it.
        case sharedStringsMissing

        // MARK: .xlsx packages
        /// The zip archive is damaged or truncated.
        case zipDamaged
        /// An entry name that climbs out of the package (`../x`, `/etc/x`): refused.
        case zipEntryOutside(String)
        /// An entry that claims far more bytes than it holds: refused as a zip bomb.
        case zipBomb(entry: String, declared: UInt64, compressed: UInt64)
        /// An entry that inflates to more than it claims: refused.
        case zipEntryOverflows(entry: String, declared: UInt64)
        case noWorkbookPart(String)

        // MARK: .xls workbooks
        /// Protected with a password.
        case encrypted
        case xlsTooLarge(mebibytes: Int)
        /// An Excel 2.x–4.x workbook (BIFF2–4).
        case xlsTooOld
        case xlsDamaged(XLSDamage)
        /// A cell past column IV, the last of an .xls sheet.
        case cellPastColumnIV

        // MARK: Temporary files
        case cannotCreateTemporaryFile(directory: String)
        case cannotReadTemporaryFile(errno: Int32)
        case temporaryFileCutShort
        case cannotWriteTemporaryFile(errno: Int32)
    }

    /// The SpreadsheetML elements that carry an `ss:Index`.
    public enum IndexedElement: Sendable, Equatable {
        case row
        case cell
    }

    /// What is wrong inside an .xls file (an OLE compound file holding a BIFF workbook stream).
    public enum XLSDamage: Sendable, Equatable {
        case notCompoundFile
        case badSectorSize
        case badMiniSectorSize
        case difatLoops
        case noAllocationTable
        case allocationTableTooLarge
        case noRootEntry
        case chainOutsideFile(Chain)
        case chainLoops(Chain)
        case pastMiniStream(stream: String)
        case cutShort(Chain)
        /// No Workbook or Book stream: a Word or other Office file.
        case noWorkbookStream
        case emptyWorkbookStream
        case noBOF
        case sheetEntryCutShort
        case tooManySheets(maximum: Int)
        case tooManyNumberFormats
        case tooManyCellFormats
        /// The sheet is not where the workbook says it is.
        case sheetMisplaced(String)
        case cellRecordCutShort
    }

    /// A chain of sectors in a compound file.
    public enum Chain: Sendable, Equatable {
        case directory
        case miniStream
        case miniFAT
        case stream(String)
    }
}

/// The kinds of malformed XML a damaged or hand-edited spreadsheet shows most, told by libxml2's error code.
public enum XMLFault: Sendable, Equatable {
    /// An end tag that is not the open element's (`</Cell>` closing a `<Data>`).
    case tagMismatch
    /// The file ends inside an element: cut short.
    case cutShort
    /// Something after the root element's end.
    case contentAfterEnd
    /// A namespace prefix (`ss:`) never declared.
    case undeclaredPrefix
    /// A character XML does not allow (a control character).
    case invalidCharacter
    /// An `&name;` that is not one of XML's five.
    case undeclaredEntity
    /// An attribute written wrongly (no value, no quotes, twice).
    case badAttribute
}
