import RegTrackerCore

/// A registration row as stored: raw cells, normalised values and the facts the outcome rules need.
public struct NewRegistration: Sendable {
    public var rowNumber: Int
    /// Every cell of the row as read, joined by U+001F.
    public var raw: String
    public var registration: Registration
    public var facts: RowFacts
    /// The sheet the row came from, when the workbook was read sheet by sheet (SPEC 1.6).
    public var sheet: String?
    /// What the writers store of the row, worked out here, on the reading thread, which has time to spare while the
    /// importing thread decides and stores (`registered_at`, its day, `malformed_reason`).
    public let registeredAt: String?
    public let registeredDay: Int32
    public let storedProblems: String?

    public init(rowNumber: Int, raw: String, registration: Registration, sheet: String? = nil) {
        self.rowNumber = rowNumber
        self.sheet = sheet
        self.raw = raw
        self.registration = registration
        self.facts = RowFacts(registration)
        registeredAt = registration.registeredAt.storedText
        registeredDay = FigureCounter.day(registeredAt)
        storedProblems = StoredReasons.encode(facts.problems)
    }
}

/// A row that did not count, for the rejects list and `rate` (SPEC 3: given back to its township).
public struct RejectRecord: Sendable, Equatable {
    public var township: String?
    public var townshipText: String
    public var fileName: String
    public var batch: Int64
    public var rowNumber: Int
    public var name: String
    /// The ID number and phone as received: normalised when valid or masked, the cell's text when malformed.
    /// Unmasked: mask before showing (`Mask.digits(in:)`).
    public var idText: String?
    public var phoneText: String?
    public var outcome: OutcomeKind
    /// Why it did not count; several for a row with several problems of its own.
    public var reasons: [Reason]
    /// The county of its township (SPEC 8); nil without a county column or a township.
    public var county: String?

    public init(
        township: String?, townshipText: String, fileName: String, batch: Int64, rowNumber: Int, name: String,
        idText: String?, phoneText: String?, outcome: OutcomeKind, reasons: [Reason], county: String? = nil
    ) {
        self.township = township
        self.townshipText = townshipText
        self.fileName = fileName
        self.batch = batch
        self.rowNumber = rowNumber
        self.name = name
        self.idText = idText
        self.phoneText = phoneText
        self.outcome = outcome
        self.reasons = reasons
        self.county = county
    }
}

/// The rows of a township that match none of its villages (SPEC 5), as the dashboard lists them: the first ones in
/// import order, and how many there are.
public struct UnmatchedVillageRows: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The file (and sheet) as the rejects list names it.
        public var fileName: String
        public var rowNumber: Int
        public var name: String
        /// The village cell as received; empty when the row had none.
        public var villageText: String
        /// As in `RejectRecord`: unmasked, mask before showing.
        public var idText: String?
        public var phoneText: String?
        public var outcome: OutcomeKind

        public init(
            fileName: String, rowNumber: Int, name: String, villageText: String, idText: String?, phoneText: String?,
            outcome: OutcomeKind
        ) {
            self.fileName = fileName
            self.rowNumber = rowNumber
            self.name = name
            self.villageText = villageText
            self.idText = idText
            self.phoneText = phoneText
            self.outcome = outcome
        }
    }

    public var rows: [Row]
    /// All of them, listed or not.
    public var total: Int

    public init(rows: [Row], total: Int) {
        self.rows = rows
        self.total = total
    }
}

/// Counts per township of the roster in force, and rows that match none.
public struct OutcomeTally: Sendable, Equatable {
    public var byTownship: [Int64: OutcomeCounts]
    public var unassigned: Int64
    /// Per township, the newest batch (by number) with rows the figures count for it: a fact; what it means (the
    /// township's last submission) is decided above the store.
    public var newestBatch: [Int64: NewestBatch]

    public init(byTownship: [Int64: OutcomeCounts], unassigned: Int64, newestBatch: [Int64: NewestBatch]) {
        self.byTownship = byTownship
        self.unassigned = unassigned
        self.newestBatch = newestBatch
    }
}

/// A batch by its number and import time, as `OutcomeTally` names a township's newest one.
public struct NewestBatch: Sendable, Equatable {
    public var batch: Int64
    /// As stored (`BatchRecord.importedAt`): `YYYY-MM-DD HH:MM:SS`, local time.
    public var importedAt: String

    public init(batch: Int64, importedAt: String) {
        self.batch = batch
        self.importedAt = importedAt
    }
}

/// The roster in force with the database id of each township, in roster order, and of each of its villages.
public struct StoredRoster: Sendable {
    public var roster: Roster
    public var ids: [Int64]
    public var batch: Int64?
    /// Per township (as `ids`), its villages' database ids in the order of `Township.villages`.
    public var villageIDs: [[Int64]]

    public init(roster: Roster, ids: [Int64], batch: Int64?, villageIDs: [[Int64]]? = nil) {
        self.roster = roster
        self.ids = ids
        self.batch = batch
        self.villageIDs = villageIDs ?? Array(repeating: [], count: ids.count)
    }

    public static let empty = StoredRoster(roster: .empty, ids: [], batch: nil)

    /// The database id of the village of township `township` (an index) that a village cell names (SPEC 5).
    public func villageID(township: Int, cell: String) -> Int64? {
        roster.villageIndex(township: township, cell: cell).map { villageIDs[township][$0] }
    }
}

/// Kept figures by village (SPEC 5): the rows of each village, and per township the rows that match none of its
/// villages.
public struct VillageTally: Sendable, Equatable {
    public var byVillage: [Int64: OutcomeCounts] = [:]
    public var unmatchedByTownship: [Int64: OutcomeCounts] = [:]

    public init() {}
}

/// Rows matched to a village of the roster in force, by the village text they carry: what a new roster's villages
/// must still match (SPEC 1.1 for villages: a warning, not a refusal).
public struct MatchedVillageRowCount: Sendable, Equatable {
    public var township: String
    public var village: String
    public var villageText: String
    public var rows: Int64
    public var valid: Int64
    /// The township's county (SPEC 8); nil in a roster without counties.
    public var county: String? = nil

    public init(
        township: String, village: String, villageText: String, rows: Int64, valid: Int64, county: String? = nil
    ) {
        self.township = township
        self.village = village
        self.villageText = villageText
        self.rows = rows
        self.valid = valid
        self.county = county
    }
}

