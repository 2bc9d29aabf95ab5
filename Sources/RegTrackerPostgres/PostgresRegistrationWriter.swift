import PostgresNIO
import RegTrackerCore
import RegTrackerStore

/// Inserts a batch's rows on PostgreSQL with COPY (`PostgresCopyRows`): one round trip some ten thousand rows, and
/// no statement to parse and plan. Ids follow the largest stored, under the sequence lock the writer takes.
final class PostgresRegistrationWriter: RegistrationWriter {
    private let batch: Int64
    private var nextID: Int64
    private let rows: PostgresCopyRows
    private let figures: PostgresFigureWriter
    private var counter = FigureCounter()

    init(_ transaction: PostgresTransaction, batch: Int64) throws {
        try transaction.sequenced()
        self.batch = batch
        let connection = transaction.connection
        let last = try connection.rows("SELECT MAX(id) AS id FROM registration").first?["id"].decode(Int64?.self)
        nextID = (last ?? 0) + 1
        rows = PostgresCopyRows(
            connection, table: "registration", columns: Self.columns, bytesPerCopy: Self.bytesPerCopy)
        figures = PostgresFigureWriter(connection)
    }

    /// Some 8,500 rows a COPY, about as many as an import's window of keys (`PostgresValidKeyIndex.Lookup`), so
    /// that one COPY runs on the server while the next window is decided.
    static let bytesPerCopy = 2 << 20

    /// In the order `insert` appends the values.
    private static let columns = [
        "id", "batch_id", "row_number", "raw", "township_text", "name", "id_text", "phone_text", "id_key", "phone_key",
        "village", "registered_at", "malformed_reason", "flagged", "outcome", "township_id", "reference", "reason",
        "sheet", "village_id", "county_text",
    ]

    func insert(
        _ row: inout NewRegistration, decide: (Int64, RowFacts) throws -> Outcome, townshipID: (Int) -> Int64,
        villageID: (Int, String) -> Int64?
    ) throws -> Outcome {
        let id = nextID
        nextID += 1
        let outcome = try decide(id, row.facts)
        let registration = row.registration
        let township = outcome.township.map(townshipID)
        let village = outcome.township.flatMap { villageID($0, registration.village) }
        try rows.appendRow { values in
            values.append(id)
            values.append(batch)
            values.append(Int64(row.rowNumber))
            values.append(row.raw)
            values.append(registration.township)
            values.append(registration.name)
            values.append(registration.idNumber.storedText)
            values.append(registration.phone.storedText)
            values.append(registration.idNumber.key)
            values.append(registration.phone.key)
            values.append(registration.village)
            values.append(row.registeredAt)
            values.append(row.storedProblems)
            values.append(row.facts.isFlagged)
            values.append(Int16(outcome.kind.rawValue))
            values.append(township)
            values.append(outcome.reference)
            values.append(StoredReasons.encode(outcome.reasons))
            values.append(row.sheet)
            values.append(village)
            values.append(registration.county.isEmpty ? nil : registration.county)
        }
        counter.add(
            batch: batch, township: township, village: village, outcome: outcome.kind.rawValue,
            registeredDay: row.registeredDay)
        return outcome
    }

    func finish() throws {
        try rows.flush()
        try figures.insert(counter)
        counter = FigureCounter()
    }
}
