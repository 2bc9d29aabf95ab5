/// Cells below a header that are not a person's data (SPEC 1.4): totals, notes and signatures, row numbers.
/// Compared after removing all white space, so `合 计` and `填 报 人：` are markers too.
public enum MarkerCell {
    public enum Kind: Sendable, Equatable {
        /// 合计, 总计 or 小计, alone or followed by anything (`合计：60人`).
        case totals
        /// A label such as `填报人：` or `注:` that starts a note or a signature.
        case note
        /// Digits only, in the 序号 column or the first column.
        case rowNumber
    }

    static let totals = ["合计", "总计", "小计"]
    /// Longest first, so that `填报日期：` is not taken for a shorter label.
    static let labels = [
        "填报日期", "联系电话", "填报人", "填表人", "审核人", "制表人", "负责人", "联系人", "注意", "说明", "备注", "制表", "单位", "盖章",
        "日期", "注",
    ]
    /// Each label with the `:` that makes it one (NFKC has made `：` a `:` already).
    private static let labelsWithColon = labels.map { $0 + ":" }
    private static let totalsBytes = totals.map { Array($0.utf8) }
    private static let labelsWithColonBytes = labelsWithColon.map { Array($0.utf8) }
    /// The first characters of every totals word and label: most cells start with none of them and are passed
    /// over without being normalised.
    private static let firstCharacters: [UInt32] = Array(Set((totals + labels).compactMap(\.unicodeScalars.first?.value)))

    /// What marker `cell` is, if any. `mayBeRowNumber`: the cell stands in the 序号 column or the first column.
    public static func kind(of cell: Cell, mayBeRowNumber: Bool) -> Kind? {
        switch cell {
        case .number(let value):
            return mayBeRowNumber && value >= 0 && value == value.rounded() ? .rowNumber : nil
        case .text(let raw):
            // The hot path of every import, decided from the first byte where it can be: every marker starts with a
            // CJK character or (a row number) a digit, so a cell starting with any other ASCII byte is none.
            guard let lead = raw.utf8.first else { return nil }
            let isSpace = lead == 0x20 || (0x09...0x0D).contains(lead)
            if lead < 0x80, !isSpace {
                guard mayBeRowNumber, lead >= 0x30, lead <= 0x39 else { return nil }
                if raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return .rowNumber }
            } else if lead >= 0x80, let first = raw.unicodeScalars.first?.value {
                // Integer comparisons only: no Unicode property look-up or hashing for the names, townships and
                // villages of every row. A leading space or zero-width character takes the full path.
                let isDigit = first >= 0xFF10 && first <= 0xFF19
                let mayStartMarker = firstCharacters.contains(first) || (mayBeRowNumber && isDigit)
                guard mayStartMarker || Self.isSpaceOrZeroWidth(first) else { return nil }
            }
            return kind(ofCompact: CellText.compact(raw), mayBeRowNumber: mayBeRowNumber)
        case .empty, .bool, .date, .error:
            return nil
        }
    }

    /// The Unicode spaces and zero-width characters above ASCII that normalisation removes from a cell's start.
    private static func isSpaceOrZeroWidth(_ value: UInt32) -> Bool {
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200D, 0x2028, 0x2029, 0x202F, 0x205F, 0x2060, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// Compared on bytes first, which a marker's must match (its characters have one form in a cleaned text), then
    /// as characters (a combining mark after it makes it another character): most cells stop at the bytes.
    static func kind(ofCompact text: String, mayBeRowNumber: Bool) -> Kind? {
        func starts(with words: [String], _ bytes: [[UInt8]]) -> Bool {
            words.indices.contains { text.utf8.starts(with: bytes[$0]) && text.hasPrefix(words[$0]) }
        }
        if starts(with: totals, totalsBytes) { return .totals }
        if starts(with: labelsWithColon, labelsWithColonBytes) { return .note }
        if mayBeRowNumber, !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return .rowNumber }
        return nil
    }
}

/// Why a row below the header is skipped rather than counted (SPEC 1.4). Such a row is neither counted nor an
/// outcome; the import summary says how many there were.
public enum SkippedRowReason: String, Sendable, Equatable, CaseIterable {
    /// None of name, ID number and phone: a blank line, or one with only other cells filled.
    case blank
    /// Every non-empty cell is a marker: a signature or note line such as `填报人：李四 | 审核人：王五`.
    case markers
    /// The name cell is a marker: `联系人：张三 | 138…` is a contact line, not a person.
    case nameMarker = "name_marker"
    /// A totals cell and no ID number or phone that is valid or masked: `合计 | 35人`.
    case totals
}

extension Registration {
    /// nil when `row` is a registration; otherwise why it is skipped (SPEC 1.4).
    public static func skipReason(_ row: SourceRow, columns: ColumnMap, today: CivilDate) -> SkippedRowReason? {
        if row.isBlank { return .blank }
        let name = columns.cell(.name, in: row)
        if let nameColumn = columns.column(of: .name), !name.isBlank,
            MarkerCell.kind(of: name, mayBeRowNumber: columns.mayHoldRowNumbers(nameColumn)) != nil
        {
            return .nameMarker
        }
        var onlyMarkers = true
        var hasTotals = false
        for (column, cell) in row.cells.enumerated() where !cell.isBlank {
            switch MarkerCell.kind(of: cell, mayBeRowNumber: columns.mayHoldRowNumbers(column)) {
            case nil: onlyMarkers = false
            case .totals: hasTotals = true
            case .note, .rowNumber: break
            }
        }
        if onlyMarkers { return .markers }
        let idNumber = columns.cell(.idNumber, in: row)
        let phone = columns.cell(.phone, in: row)
        if name.isBlank, idNumber.isBlank, phone.isBlank { return .blank }
        if hasTotals, !IDNumber.parse(idNumber, today: today).isUsable, !Phone.parse(phone).isUsable { return .totals }
        return nil
    }
}
