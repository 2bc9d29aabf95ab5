import RegTrackerCore
import RegTrackerIO
import RegTrackerRender
import RegTrackerStore

/// Why a whole file was rejected, as a value: the file, the sheet when it is one of several, and the problem with
/// its code. `message(in:)` words it in the CLI's language. Nothing of the file is stored.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public enum Problem: Sendable {
        /// The file cannot be read as a table: which problem, and where (`ReadErrorText` words it).
        case unreadable(ReadError)
        case header(HeaderError)
        /// A roster row that cannot be a township (SPEC 1.1).
        case rosterRow(RosterRowError)
        case emptyRoster
        /// A roster that would leave rows unassigned that the current roster assigns (SPEC 1.1).
        case losesRows([RowsLost])
        /// A registration list without a township column whose township cannot be told (SPEC 1.2).
        case noTownshipColumn(TownshipUnknown)
        /// `--county` names no county of the roster (SPEC 8): the name given and the roster's counties (none when the
        /// roster has no county column).
        case unknownCounty(String, known: [String])
        /// A workbook none of whose sheets is a list of the kind, with every sheet and why it was passed over.
        case noSheet(FileKind, [SheetReport])
        /// The database stopped the import (busy, unwritable, disk full): nothing of the file is kept.
        case store(StoreError)
        /// Anything else: the error as Swift describes it, for a report; framed in the reader's language.
        case unexpected(String)
    }

    public var file: String
    public var problem: Problem
    /// The sheet of a workbook read sheet by sheet where the problem is.
    public var sheet: String?

    public init(file: String, problem: Problem, sheet: String? = nil) {
        self.file = file
        self.problem = problem
        self.sheet = sheet
    }

    init(file: String, _ error: ReadError) { self.init(file: file, problem: .unreadable(error)) }
    init(file: String, _ error: HeaderError) { self.init(file: file, problem: .header(error)) }

    var isNoHeader: Bool { if case .header(.noHeader) = problem { true } else { false } }

    /// The same error, placed in one sheet of a workbook.
    func inSheet(_ sheet: String) -> ImportError {
        var error = self
        error.sheet = sheet
        return error
    }

    /// A stable identifier of the kind of problem, for programs (`import --json`).
    public var code: String {
        switch problem {
        case .unreadable: "unreadable"
        case .header(.noHeader): "no_header"
        case .header(.missingColumns): "missing_columns"
        case .rosterRow: "roster_row"
        case .emptyRoster: "empty_roster"
        case .losesRows: "roster_loses_rows"
        case .noSheet: "no_sheet"
        case .noTownshipColumn: "no_township_column"
        case .unknownCounty: "unknown_county"
        case .store: "database"
        case .unexpected: "unexpected"
        }
    }

    /// The problem in English, without the file name.
    public var message: String { message(in: .english) }

    public var description: String { "\(file): \(message)" }
}

/// Why the township of a list without a township column is not known.
public enum TownshipUnknown: Sendable, Equatable {
    /// No roster yet to recognise a township name in.
    case noRoster
    /// The title (or, when `title` is nil, the file name) names several townships alike.
    case ambiguous([String], title: String?)
    /// Neither the title nor the file name names a township of the roster.
    case notNamed
    /// The title or file name names a county (`named`) and a township of another county (SPEC 8).
    case inAnotherCounty(String, county: String, named: String)
}

extension FileKind {
    /// What a file of this kind is called in messages.
    public func noun(in language: Language) -> String {
        switch self {
        case .roster: language.pick("population roster", "人口底数")
        case .registrations: language.pick("registration list", "注册名单")
        case .invalidList: language.pick("invalid list", "无效名单")
        }
    }
}
