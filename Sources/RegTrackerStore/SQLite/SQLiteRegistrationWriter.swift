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

    init(db: Database, batch: Int64) throws {
        self.batch = batch
        self.db = db
        nextID = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM registration") ?? 0) + 1
        statement = try db.makeStatement(
            sql: """
                INSERT INTO registration (id, batch_id, row_number, raw, township_text, name, id_text, phone_text,
                    id_key, phone_key, village, registered_at, malformed_reason, flagged, outcome, township_id,
                    reference, reason, sheet, village_id, county_text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    func insert(
        _ row: NewRegistration, decide: (Int64) throws -> Outcome, townshipID: (Int) -> Int64,
        villageID: (Int, String) -> Int64?
    ) throws -> Outcome {
        let id = nextID
        nextID += 1
        let outcome = try decide(id)
        let handle = statement.sqliteStatement
        let registration = row.registration
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, id)
        sqlite3_bind_int64(handle, 2, batch)
        sqlite3_bind_int64(handle, 3, Int64(row.rowNumber))
        bind(row.raw, 4)
        bind(registration.township, 5)
        bind(registration.name, 6)
        bind(registration.idNumber.text, 7)
        bind(registration.phone.text, 8)
        bind(registration.idNumber.key, 9)
        bind(registration.phone.key, 10)
        bind(registration.village, 11)
        bind(row.registeredAt, 12)
        bind(row.storedProblems, 13)
        sqlite3_bind_int64(handle, 14, row.facts.isFlagged ? 1 : 0)
        sqlite3_bind_int64(handle, 15, Int64(outcome.kind.rawValue))
        let township = outcome.township.map(townshipID)
        bind(township, 16)
        bind(outcome.reference, 17)
        bind(StoredReasons.encode(outcome.reasons), 18)
        bind(row.sheet, 19)
        let village = outcome.township.flatMap { villageID($0, registration.village) }
        bind(village, 20)
        bind(registration.county.isEmpty ? nil : registration.county, 21)
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot store a row")
        }
        figures.add(
            batch: batch, township: township, village: village, outcome: outcome.kind.rawValue,
            registeredDay: row.registeredDay)
        return outcome
    }

    func finish() throws {
        try figures.insert(into: db)
        figures = FigureCounter()
    }

    private func bind(_ value: String?, _ index: Int32) {
        guard let value else { return _ = sqlite3_bind_null(statement.sqliteStatement, index) }
        let handle = statement.sqliteStatement
        let bound = value.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), transient) }
        }
        if bound == nil {
            _ = value.utf8CString.withUnsafeBufferPointer { sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count - 1), transient) }
        }
    }

    private func bind(_ value: Int64?, _ index: Int32) {
        guard let value else { return _ = sqlite3_bind_null(statement.sqliteStatement, index) }
        sqlite3_bind_int64(statement.sqliteStatement, index, value)
    }
}

/// SQLite copies the bytes during the bind call.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
