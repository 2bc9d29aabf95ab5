import RegTrackerCore
import RegTrackerIO

/// What `regtracker inspect` found in a registration list: how it was read, where its header is, which rows were
/// skipped, and what the first data rows would become. Personal numbers in it are already masked.
public struct Inspection: Sendable {
    public var file: String
    public var sha256: String
    /// Format, CSV encoding and delimiter, workbook sheets and the chosen one.
    public var description: TableDescription
    /// CSV only.
    public var lineEndings: LineEndings?
    public var headerRow: Int
    /// 2 for a two-row header (a group cell over its columns).
    public var headerRowCount: Int
    /// Every field found, in column order, with the header text it was taken from.
    public var mapping: [MappedColumn]
    /// Columns with a header that names no field: kept with the row, play no part.
    public var unmapped: [MappedColumn]
    /// Non-blank rows above the header (titles, notes).
    public var titleRows: [ShownRow]
    /// Non-blank rows below the header that are not registrations (totals, notes, signatures), at most
    /// `Inspection.shownSkippedRows` of them; `skippedBelow` counts them all, blank rows included.
    public var footerRows: [ShownRow]
    public var skippedBelow: Int
    /// Data rows in the whole file, and the first `--rows` of them.
    public var dataRows: Int
    public var rows: [InspectedRow]
    /// How many of all data rows get each check result.
    public var checkCounts: [RowCheck.Kind: Int]
    /// False without a database: no roster, so townships are not checked.
    public var rosterChecked: Bool
    /// The batch these exact bytes were imported as, when a database says so.
    public var alreadyImported: Int64?
    /// Workbooks read sheet by sheet: every sheet, read (with its rows) or skipped (with why), as import reads them.
    public var sheets: [SheetReport] = []
    /// The township rows without one are given and where it came from (SPEC 1.2); nil source: no township column,
    /// and no roster to find the township named in the title or file name.
    public var township: String?
    public var townshipFrom: NameSource?
    /// The warnings import would print.
    public var warnings: [ImportWarning] = []

    /// How many footer rows are listed (the rest are counted).
    public static let shownSkippedRows = 50
}

/// A column: its position from 0, its letter (A, B, …, AA) and the header text.
public struct MappedColumn: Sendable, Equatable {
    public var field: Field?
    public var column: Int
    public var header: String

    public var letter: String { ColumnLetter.name(column) }
}

/// A row shown for what it says: its number and its non-empty cells, long digit runs masked.
public struct ShownRow: Sendable, Equatable {
    public var number: Int
    public var text: String
    /// Rows below the header: why the row is skipped (SPEC 1.4).
    public var skipReason: SkippedRowReason?
    /// The sheet, in a workbook read sheet by sheet.
    public var sheet: String?
}

/// A data row after normalisation, with the check result it would get on its own.
public struct InspectedRow: Sendable, Equatable {
    public var number: Int
    /// The sheet, in a workbook read sheet by sheet.
    public var sheet: String?
    /// The fields the file has, in `Field` order, as import would store them; ID numbers and phones masked.
    public var fields: [(field: Field, value: String)]
    public var check: RowCheck

    public static func == (lhs: InspectedRow, rhs: InspectedRow) -> Bool {
        lhs.number == rhs.number && lhs.sheet == rhs.sheet && lhs.check == rhs.check
            && lhs.fields.map(\.field) == rhs.fields.map(\.field) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }
}

/// The outcome a row would get on its own (SPEC 2 rules 1–4): whether other rows duplicate it is not decided here.
public enum RowCheck: Sendable, Equatable {
    /// Township not in the roster (only when a roster was there to check).
    case unassigned([Reason])
    case malformed([Reason])
    case flagged
    /// On an invalid list of the database.
    case listed
    /// Passes every check of its own; counts unless it repeats an earlier valid row.
    case passes

    public enum Kind: String, Sendable, CaseIterable {
        case unassigned
        case malformed = "invalid_malformed"
        case flagged = "invalid_flagged"
        case listed = "invalid_listed"
        case passes
    }

    public var kind: Kind {
        switch self {
        case .unassigned: .unassigned
        case .malformed: .malformed
        case .flagged: .flagged
        case .listed: .listed
        case .passes: .passes
        }
    }

    /// Why the row fails; empty when it passes, or when it is listed (the list is named when it is imported).
    public var reasons: [Reason] {
        switch self {
        case .unassigned(let reasons), .malformed(let reasons): reasons
        case .flagged: [.flagged]
        case .listed, .passes: []
        }
    }
}

/// Spreadsheet column letters.
public enum ColumnLetter {
    /// `A` for 0, `Z` for 25, `AA` for 26.
    public static func name(_ column: Int) -> String {
        var number = column + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }
}
