import RegTrackerCore
import RegTrackerIO
import RegTrackerRender

/// What became of one sheet of a workbook (SPEC 1.6): read, with its rows, or skipped, with why.
public struct SheetReport: Sendable, Equatable {
    public enum Skip: Sendable, Equatable {
        case hidden
        case veryHidden
        case notWorksheet
        /// A registration list's sheet whose name holds 无效, 作废, 删除, 退回, 重复, 说明, 模板, 示例 or 汇总.
        case excludedName(word: String)
        /// No header row of the file's kind among its first 20 non-blank rows.
        case noHeader
    }

    public var name: String
    /// nil: the sheet was read.
    public var skip: Skip?
    /// Data rows stored from it.
    public var rows = 0
    /// The township its rows were given when it had no township column (SPEC 1.2), and where that came from.
    public var township: String?
    public var townshipFrom: NameSource?
}

extension SheetReport {
    /// One sheet in `import --json` and `inspect --json`.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(name)), ("read", .bool(skip == nil))]
        if let skip {
            members.append(("skipped_because", .string(skip.code)))
        } else {
            members.append(("rows", .int(Int64(rows))))
            members.append(("township", township.map(JSONValue.string) ?? .null))
            members.append(("township_from", townshipFrom.map { .string($0.rawValue) } ?? .null))
        }
        return .object(members)
    }
}

extension SheetReport.Skip {
    /// A stable identifier for programs.
    public var code: String {
        switch self {
        case .hidden: "hidden"
        case .veryHidden: "very_hidden"
        case .notWorksheet: "not_a_worksheet"
        case .excludedName: "excluded_name"
        case .noHeader: "no_header"
        }
    }
}

/// The sheets of a file that an import reads, one `TableScan` each, in workbook order (SPEC 1.6): every visible
/// worksheet with a header of the file's kind; hidden sheets only when `--sheet` names them. A file that holds one
/// table (CSV, an OOXML sheet part) is one scan, as is a workbook read with `--sheet`.
struct SheetSource {
    let path: String
    let kind: FileKind
    let options: ReadOptions
    /// The file, opened once for its sheet list and every sheet's scan (an .xls is read and decoded once).
    private let file: TableFile
    /// nil: one table, read as the reader chooses.
    private let catalog: [SheetInfo]?
    private var position = 0
    private var readOne = false
    private(set) var reports: [SheetReport] = []
    /// Whether the file is read sheet by sheet: its rows are then placed by sheet (`sheet!row`), where one table's
    /// rows are placed by row alone.
    var readsSeveralSheets: Bool { catalog != nil }

    static let excludedNameWords = ["无效", "作废", "删除", "退回", "重复", "说明", "模板", "示例", "汇总"]

    init(path: String, kind: FileKind, options: ReadOptions) {
        self.path = path
        self.kind = kind
        self.options = options
        file = TableFile(path: path)
        // A catalogue that cannot be read leaves the file to the reader, which names the problem when it opens it.
        let catalog = options.sheet == nil ? (try? file.sheetCatalog()) ?? nil : nil
        self.catalog = catalog.flatMap { $0.count > 1 ? $0 : nil }
    }

    /// The next sheet to read with its header found, or nil when every sheet has been read or skipped. Throws when a
    /// sheet cannot be read, when one has a header without a required column, or when no sheet qualifies.
    mutating func next() throws(ImportError) -> TableScan? {
        guard let catalog else {
            if readOne { return nil }
            readOne = true
            let scan: TableScan
            do {
                scan = try TableScan(file: file, kind: kind, options: options)
            } catch where error.isNoHeader {
                // A workbook's one sheet, or the one --sheet names, is named in the rejection as one of several is.
                throw onlySheetName().map { error.inSheet($0) } ?? error
            }
            // A workbook of one sheet (or the one --sheet names) names it too (SPEC 1.6); a CSV has none.
            if let sheet = scan.reader.description.sheet { reports.append(SheetReport(name: sheet)) }
            return scan
        }
        while position < catalog.count {
            let sheet = catalog[position]
            position += 1
            if let skip = skip(sheet) {
                reports.append(SheetReport(name: sheet.name, skip: skip))
                continue
            }
            var sheetOptions = options
            sheetOptions.sheet = .position(position)
            do {
                let scan = try TableScan(file: file, kind: kind, options: sheetOptions)
                reports.append(SheetReport(name: sheet.name))
                return scan
            } catch where error.isNoHeader {
                reports.append(SheetReport(name: sheet.name, skip: .noHeader))
            } catch {
                throw error.inSheet(sheet.name)
            }
        }
        if !reports.contains(where: { $0.skip == nil }) {
            throw ImportError(file: FileName.base(path), problem: .noSheet(kind, reports))
        }
        return nil
    }

    /// Records what was stored from the sheet `next()` returned last.
    mutating func finishSheet(rows: Int, township: String?, from source: NameSource?) {
        guard !reports.isEmpty else { return }
        reports[reports.count - 1].rows = rows
        reports[reports.count - 1].township = township
        reports[reports.count - 1].townshipFrom = source
    }

    /// The sheet a workbook read as one table was read from: the one `--sheet` names, else its one worksheet.
    private func onlySheetName() -> String? {
        // A SpreadsheetML file of one sheet has no catalogue from `file` (it is not parsed for one); it is asked for
        // here, on the way to a rejection.
        let catalog = ((try? file.sheetCatalog()) ?? nil) ?? ((try? TableOpener.sheetCatalog(path: path)) ?? nil)
        guard let sheets = catalog else { return nil }
        switch options.sheet {
        case .name(let name)?: return name
        case .position(let position)?: return sheets.indices.contains(position - 1) ? sheets[position - 1].name : nil
        case nil: return sheets.first { $0.isWorksheet && $0.visibility == .visible }?.name
        }
    }

    private func skip(_ sheet: SheetInfo) -> SheetReport.Skip? {
        if !sheet.isWorksheet { return .notWorksheet }
        switch sheet.visibility {
        case .hidden: return .hidden
        case .veryHidden: return .veryHidden
        case .visible: break
        }
        if kind == .registrations, let word = Self.excludedNameWords.first(where: { sheet.name.contains($0) }) {
            return .excludedName(word: word)
        }
        return nil
    }
}
