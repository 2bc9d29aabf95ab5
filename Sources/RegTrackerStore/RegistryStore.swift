import RegTrackerCore

/// The narrow interface the use cases talk to. SQLite implements it today; a PostgreSQL backend can later.
public protocol RegistryStore: Sendable {
    /// Runs `body` in one write transaction that waits for other writers (bounded) and is all or nothing.
    func write<T>(_ body: (any RegistryTransaction) throws -> T) throws -> T
    /// Runs `body` on a consistent snapshot.
    func read<T>(_ body: (any RegistryTransaction) throws -> T) throws -> T
}

/// What a transaction can do. Methods that change data are only called inside `write`.
public protocol RegistryTransaction {
    func activeBatch(sha256: String) throws -> BatchRecord?
    func activeBatches(fileName: String, kind: FileKind) throws -> [BatchRecord]
    func batch(id: Int64) throws -> BatchRecord?
    func batches() throws -> [BatchRecord]
    func insertBatch(_ batch: BatchRecord) throws -> Int64
    func setBatchCounts(batch: Int64, rows: Int, skippedRows: Int) throws
    func markRetracted(batch: Int64, at timestamp: String) throws
    /// Deletes a batch and every row it brought, for good.
    func purge(batch: Int64) throws

    func insertRoster(batch: Int64, townships: [(row: Int, township: Township)]) throws
    func currentRoster() throws -> StoredRoster

    func insertInvalidEntry(
        batch: Int64, row: Int, raw: String, townshipText: String?, idKey: Int64?, phoneKey: Int64?, reason: String
    ) throws
    func invalidEntries() throws -> [InvalidEntry]

    /// Stores the rows of a new registration batch, each with its outcome.
    func registrationWriter(batch: Int64) throws -> any RegistrationWriter
    /// Valid rows of active batches, in sequence order: (row id, id key, phone key).
    func forEachValidRow(_ body: (Int64, Int64?, Int64?) throws -> Void) throws
    /// Decides every active row again in sequence order; retracted rows lose their outcome. Returns rows changed.
    func reevaluate(roster: StoredRoster, decide: (Int64, RowFacts) throws -> Outcome) throws -> Int

    func outcomeTally(roster: StoredRoster) throws -> OutcomeTally
    /// Rows that are not valid, for one township (by database id), the unassigned ones (nil), or all (`all`).
    func rejects(township: Int64?, all: Bool) throws -> [RejectRecord]

    // MARK: - Progress over time, settings and dashboard tokens (issue 7; see RegistryStore+Trend.swift)

    /// Rows with an outcome, grouped by township, outcome, registration day and import day.
    func datedOutcomeCounts() throws -> [DatedOutcomeCount]
    /// One township's rows with an outcome, by village (村/社区) and outcome.
    func villageCounts(township: Int64) throws -> [VillageCount]
    func setting(_ key: String) throws -> String?
    func setSetting(_ key: String, value: String?) throws
    func insertToken(_ token: TokenRecord) throws -> Int64
    func tokens() throws -> [TokenRecord]
    /// The token with this SHA-256 (hex) that is not revoked.
    func activeToken(sha256: String) throws -> TokenRecord?
    /// Returns false when there is no such token or it was already revoked.
    func revokeToken(id: Int64, at timestamp: String) throws -> Bool

    // MARK: - Periodic notices (issue 14; see SQLiteTransaction+Notice.swift)

    /// Rows with an outcome by batch, township, outcome and whether registered_at is a date after `day`.
    func batchOutcomeCounts(registeredAfter day: CivilDate) throws -> [BatchOutcomeCount]
    /// Every stored notice, by end then period.
    func notices() throws -> [Notice]
    /// Stores a notice, replacing the stored one of the same period if any.
    func replaceNotice(_ notice: Notice) throws
}

public protocol RegistrationWriter {
    /// Inserts the row and returns its id (its place in the sequence).
    func insert(_ row: NewRegistration, decide: (Int64) throws -> Outcome, townshipID: (Int) -> Int64) throws -> Outcome
}

/// A store failure a person can act on (busy database, unwritable file), without raw SQLite text.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String

    public init(message: String, hint: String) {
        self.message = message
        self.hint = hint
    }

    public var description: String { "\(message); \(hint)" }
}
