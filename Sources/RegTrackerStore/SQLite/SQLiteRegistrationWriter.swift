import GRDB
import GRDBSQLite
import RegTrackerCore

/// Inserts a batch's rows through one prepared statement, binding through SQLite's C API (the hot loop of an import).
final class SQLiteRegistrationWriter: RegistrationWriter {
    private let statement: Statement
    private let batch: Int64
    private var nextID: Int64
    private var figures = FigureCounter()
    private let db: Database
    /// The rows stored before this batch (at most), and this batch's so far: once the batch outgrows the table before
    /// it, the index by township is set aside and built once at the end (`TownshipIndex`).
    private let rowsBefore: Int
    private var rows = 0
    private var outgrown = false
    private var setAside: TownshipIndex?

    init(db: Database, batch: Int64) throws {
        self.batch = batch
        self.db = db
        nextID = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM registration") ?? 0) + 1
        // The largest id, not a count of a million rows: at least the rows stored (a purge leaves gaps).
        rowsBefore = Int(nextID - 1)
        statement = try db.makeStatement(
            sql: """
                INSERT INTO registration (id, batch_id, row_number, raw, township_text, name, id_text, phone_text,
                    id_key, phone_key, village, registered_at, malformed_reason, flagged, outcome, township_id,
                    reference, reason, sheet, village_id, county_text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    func insert(
        _ row: inout NewRegistration, decide: (Int64, RowFacts) throws -> Outcome, townshipID: (Int) -> Int64,
        villageID: (Int, String) -> Int64?
    ) throws -> Outcome {
        let id = nextID
        nextID += 1
        let outcome = try decide(id, row.facts)
        let registration = row.registration
        statement.bind(id, at: 1)
        statement.bind(batch, at: 2)
        statement.bind(Int64(row.rowNumber), at: 3)
        statement.bind(row.raw, at: 4)
        statement.bind(registration.township, at: 5)
        statement.bind(registration.name, at: 6)
        statement.bind(registration.idNumber.storedText, at: 7)
        statement.bind(registration.phone.storedText, at: 8)
        statement.bind(registration.idNumber.key, at: 9)
        statement.bind(registration.phone.key, at: 10)
        statement.bind(registration.village, at: 11)
        statement.bind(row.registeredAt, at: 12)
        statement.bind(row.storedProblems, at: 13)
        statement.bind(row.facts.isFlagged ? 1 : 0, at: 14)
        statement.bind(Int64(outcome.kind.rawValue), at: 15)
        let township = outcome.township.map(townshipID)
        statement.bind(township, at: 16)
        statement.bind(outcome.reference, at: 17)
        statement.bind(StoredReasons.encode(outcome.reasons), at: 18)
        statement.bind(row.sheet, at: 19)
        let village = outcome.township.flatMap { villageID($0, registration.village) }
        statement.bind(village, at: 20)
        statement.bind(registration.county.isEmpty ? nil : registration.county, at: 21)
        try statement.stepToEnd(failing: "cannot store a row")
        rows += 1
        if !outgrown, rows > TownshipIndex.setAsideRows, rows > rowsBefore {
            outgrown = true
            setAside = try TownshipIndex.setAside(in: db)
        }
        figures.add(
            batch: batch, township: township, village: village, outcome: outcome.kind.rawValue,
            registeredDay: row.registeredDay)
        return outcome
    }

    func finish() throws {
        try setAside?.restore(in: db)
        setAside = nil
        try figures.insert(into: db)
        figures = FigureCounter()
    }
}
