/// A registration row after normalisation and the row's own checks: everything the outcome rules need
/// that does not depend on other rows, the roster or the invalid lists.
public struct Registration: Sendable, Equatable {
    /// The township cell (or `--township`), cleaned; empty when missing.
    public var township: String
    public var name: String
    public var idNumber: KeyedValue
    public var phone: KeyedValue
    public var verdict: Verdict
    public var village: String
    public var registeredAt: RegisteredAt
    /// The county cell (or `--county`, or the county the title or file name names: SPEC 8), cleaned; empty when none.
    public var county: String = ""

    public var townshipKey: String { Roster.key(township) }

    /// SPEC 2 rule 2: every problem with the row's own values, in the order of the columns; empty when it has none.
    public var problems: [Reason] {
        var problems: [Reason] = []
        if name.isEmpty { problems.append(.nameMissing) }
        if let reason = idNumber.malformedReason { problems.append(reason) }
        if let reason = phone.malformedReason { problems.append(reason) }
        if verdict == .unrecognised { problems.append(.verdictUnrecognised) }
        if problems.isEmpty, idNumber.key == nil, phone.key == nil { problems.append(.noIDOrPhone) }
        return problems
    }

    /// SPEC 2 rule 3.
    public var isFlagged: Bool { verdict == .invalid }

    /// What a store keeps of the row in `column`, as `StoredRaw` refers to it: the text of a valid ID number or phone
    /// is given back by its key (`IDNumber.text(stored:key:)`, `Phone.text(stored:key:)`).
    public func storedValue(_ column: StoredRaw.Column) -> String? {
        switch column {
        case .name: name
        case .township: township
        case .village: village
        case .county: county
        case .idNumber: idNumber.key == nil ? nil : idNumber.text
        case .phone: phone.key == nil ? nil : phone.text
        case .registeredAt: RegisteredAt.asWritten(stored: registeredAt.storedText)
        }
    }
}

extension Registration {
    /// Reads one data row. `townshipOverride` fills a missing or empty township cell, `countyOverride` a missing or
    /// empty county cell (SPEC 8).
    public init(
        row: SourceRow, columns: ColumnMap, townshipOverride: String?, countyOverride: String? = nil, today: CivilDate
    ) {
        func text(_ field: Field) -> String { CellText.clean(columns.cell(field, in: row).displayText) }
        var township = text(.township)
        if township.isEmpty, let townshipOverride { township = CellText.clean(townshipOverride) }
        var county = text(.county)
        if county.isEmpty, let countyOverride { county = CellText.clean(countyOverride) }
        self.init(
            township: township,
            name: text(.name),
            idNumber: IDNumber.parse(columns.cell(.idNumber, in: row), today: today),
            phone: Phone.parse(columns.cell(.phone, in: row)),
            verdict: Verdict.parse(columns.cell(.verdict, in: row)),
            village: text(.village),
            registeredAt: RegisteredAt.parse(columns.cell(.registeredAt, in: row)),
            county: county)
    }
}
