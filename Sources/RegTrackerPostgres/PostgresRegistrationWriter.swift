import PostgresNIO
import RegTrackerCore
import RegTrackerStore

/// Inserts a batch's rows on PostgreSQL in statements of many rows (`PostgresRowBatches`): one round trip a
/// thousand rows instead of one a row. Ids follow the largest stored, under the sequence lock the writer takes.
final class PostgresRegistrationWriter: RegistrationWriter {
    private let batch: Int64
    private var nextID: Int64
    private let rows: PostgresRowBatches
    private let figures: PostgresFigureWriter
    private var counter = FigureCounter()

    init(_ transaction: PostgresTransaction, batch: Int64) throws {
        try transaction.sequenced()
        self.batch = batch
        let connection = transaction.connection
        let last = try connection.rows("SELECT MAX(id) AS id FROM registration").first?["id"].decode(Int64?.self)
        nextID = (last ?? 0) + 1
        let columns = Self.columns.map { PostgresRowBatches.Column(name: $0.0, type: $0.1) }
        let names = columns.map(\.name).joined(separator: ", ")
        rows = PostgresRowBatches(connection, columns: columns) { "INSERT INTO registration (\(names)) VALUES \($0)" }
        figures = PostgresFigureWriter(connection)
    }

    private static let columns = [
        ("id", "bigint"), ("batch_id", "bigint"), ("row_number", "bigint"), ("raw", "text"), ("township_text", "text"),
        ("name", "text"), ("id_text", "text"), ("phone_text", "text"), ("id_key", "bigint"), ("phone_key", "bigint"),
        ("village", "text"), ("registered_at", "text"), ("malformed_reason", "text"), ("flagged", "boolean"),
        ("outcome", "smallint"), ("township_id", "bigint"), ("reference", "bigint"), ("reason", "text"),
        ("sheet", "text"), ("village_id", "bigint"), ("county_text", "text"),
    ]

    func insert(
        _ row: NewRegistration, decide: (Int64) throws -> Outcome, townshipID: (Int) -> Int64,
        villageID: (Int, String) -> Int64?
    ) throws -> Outcome {
        let id = nextID
        nextID += 1
        let outcome = try decide(id)
        let registration = row.registration
        let township = outcome.township.map(townshipID)
        let village = outcome.township.flatMap { villageID($0, registration.village) }
        let registeredAt = registration.registeredAt.storedText
        rows.binds.append(id)
        rows.binds.append(batch)
        rows.binds.append(Int64(row.rowNumber))
        rows.binds.append(row.raw)
        rows.binds.append(registration.township)
        rows.binds.append(registration.name)
        rows.binds.append(registration.idNumber.text)
        rows.binds.append(registration.phone.text)
        rows.binds.append(registration.idNumber.key)
        rows.binds.append(registration.phone.key)
        rows.binds.append(registration.village)
        rows.binds.append(registeredAt)
        rows.binds.append(StoredReasons.encode(row.facts.problems))
        rows.binds.append(row.facts.isFlagged)
        rows.binds.append(Int16(outcome.kind.rawValue))
        rows.binds.append(township)
        rows.binds.append(outcome.reference)
        rows.binds.append(StoredReasons.encode(outcome.reasons))
        rows.binds.append(row.sheet)
        rows.binds.append(village)
        rows.binds.append(registration.county.isEmpty ? nil : registration.county)
        try rows.endRow()
        counter.add(
            batch: batch, township: township, village: village, outcome: outcome.kind.rawValue,
            registeredAt: registeredAt)
        return outcome
    }

    func finish() throws {
        try rows.flush()
        try figures.insert(counter)
        counter = FigureCounter()
    }
}
