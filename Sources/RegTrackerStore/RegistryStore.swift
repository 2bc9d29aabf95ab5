import RegTrackerCore

/// The narrow interface the use cases talk to. SQLite implements it today; a PostgreSQL backend can later.
public protocol RegistryStore: Sendable {
    /// Runs `body` in one write transaction that waits for other writers (bounded) and is all or nothing.
    func write<T>(_ body: (any RegistryTransaction) throws -> T) throws -> T
    /// Runs `body` on a consistent snapshot.
    func read<T>(_ body: (any RegistryTransaction) throws -> T) throws -> T
    /// Removes what deleted rows left in the store's journal (after a purge); false when a reader kept it from
    /// finishing in time.
    func eraseWAL() throws -> Bool
}

/// What a transaction can do. Methods that change data are only called inside `write`.
public protocol RegistryTransaction {
    /// A number that moves whenever another connection committed a change since this connection last read, and
    /// only then; the same throughout one read (SQLite: `PRAGMA data_version`). A connection's own writes do not
    /// move it.
    func changeStamp() throws -> Int64
    func activeBatch(sha256: String) throws -> BatchRecord?
    func activeBatches(fileName: String, kind: FileKind) throws -> [BatchRecord]
    func batch(id: Int64) throws -> BatchRecord?
    func batches() throws -> [BatchRecord]
    func insertBatch(_ batch: BatchRecord) throws -> Int64
    func setBatchCounts(batch: Int64, rows: Int, skippedRows: Int) throws
    func markRetracted(batch: Int64, at timestamp: String) throws
    /// Deletes a batch's rows for good, keeps the batch listed as purged, and writes an audit line.
    func purge(batch: Int64, at timestamp: String, by user: String) throws
    /// The audit lines (purges), oldest first.
    func auditLines() throws -> [AuditLine]

    func insertRoster(batch: Int64, townships: [(row: Int, township: Township)]) throws
    func currentRoster() throws -> StoredRoster

    func insertInvalidEntry(
        batch: Int64, row: Int, raw: String, townshipText: String?, idKey: Int64?, phoneKey: Int64?, reason: String
    ) throws
    func invalidEntries() throws -> [InvalidEntry]

    /// Stores the rows of a new registration batch, each with its outcome.
    func registrationWriter(batch: Int64) throws -> any RegistrationWriter
    /// The valid-key index: the valid row holding a key, looked up one key at a time. `before`: only rows of
    /// batches placed before that place in the sequence; nil: every one.
    func validKeys(before place: Int64?) throws -> any ValidKeyLookup
    /// Adds the keys of a new batch's valid rows to the valid-key index, after its rows are stored.
    func validKeyWriter() throws -> any ValidKeyWriter
    /// Decides every active row again in sequence order; retracted rows lose their outcome. Returns the rows whose
    /// outcome or township changed.
    func reevaluate(roster: StoredRoster, decide: (Int64, RowFacts) throws -> Outcome) throws -> Int

    /// Rows the roster in force assigns, by the township text they carry: what a new roster must still match.
    func assignedRowCounts() throws -> [AssignedRowCount]
    /// Rows matched to a village of the roster in force, by the village text they carry (SPEC 5).
    func matchedVillageRowCounts() throws -> [MatchedVillageRowCount]

    /// Today's figures, from the kept figures (not the rows).
    func outcomeTally(roster: StoredRoster) throws -> OutcomeTally
    /// Today's village figures (SPEC 5), from the kept figures.
    func villageTally() throws -> VillageTally
    /// Where the kept figures and the figures recomputed from the rows differ; empty when they agree.
    func figureDifferences() throws -> [FigureDifference]
    func figureSummary() throws -> FigureSummary
    /// Sets the kept figures to the ones recomputed from the rows (`check --repair`); returns the groups written.
    func rebuildFigures() throws -> Int
    /// Where the valid-key index and the valid rows disagree; empty when they agree.
    func validKeyDifferences() throws -> [ValidKeyDifference]
    /// Sets the valid-key index to the keys of the valid rows (`check --repair`); returns the entries written.
    func rebuildValidKeys() throws -> Int
    /// What the storage engine's own quick check finds wrong; empty when the file is sound.
    func integrityProblems() throws -> [String]
    /// Rows that are not valid, for one township (by database id), the unassigned ones (nil), or all (`all`).
    func rejects(township: Int64?, all: Bool) throws -> [RejectRecord]
    /// The first `limit` rows (import order) of a township (by database id) that match none of its villages, and how
    /// many there are (from the kept figures).
    func unmatchedVillageRows(township: Int64, limit: Int) throws -> UnmatchedVillageRows

    /// Remembers every row's outcome, for `outcomeChanges()` after a change in the same transaction.
    func rememberOutcomes() throws
    /// The rows whose outcome differs from the one remembered, counted by batch and (before, after).
    func outcomeChanges() throws -> [OutcomeChange]

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
    /// Stores a dashboard session (issue 20); the record holds only the SHA-256 of its id.
    func insertSession(_ session: SessionRecord) throws
    /// The session with this SHA-256 (hex) unexpired at `now` (Unix seconds), with its token, if not revoked.
    func activeSession(sha256: String, at now: Int64) throws -> (session: SessionRecord, token: TokenRecord)?
    /// Ends a session; false when there was none with this SHA-256.
    func deleteSession(sha256: String) throws -> Bool
    /// Removes the sessions expired at `now` and those of revoked tokens; returns how many.
    func deleteExpiredSessions(at now: Int64) throws -> Int

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
    /// `villageID`: the village (SPEC 5) of the township at that roster index that a village cell names, if any.
    func insert(
        _ row: NewRegistration, decide: (Int64) throws -> Outcome, townshipID: (Int) -> Int64,
        villageID: (Int, String) -> Int64?
    ) throws -> Outcome
    /// Stores the kept figures of the rows inserted; called once, after the last row, in the same transaction.
    func finish() throws
}

/// A store failure a person can act on (busy database, unwritable file), without raw SQLite text.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for the CLI to word in the reader's language; nil where only `message` says it.
    public enum Code: Sendable, Equatable {
        case busy
        case notADatabase
        case cannotRead
        case cannotWrite
        case diskFull
    }

    public var message: String
    public var hint: String
    public var code: Code?
    /// The database file the error is about.
    public var path: String?

    public init(message: String, hint: String, code: Code? = nil, path: String? = nil) {
        self.message = message
        self.hint = hint
        self.code = code
        self.path = path
    }

    public var description: String { "\(message); \(hint)" }
}

/// Why a command that only reads could not open the database (SPEC 3): no file there, a schema older than this
/// program, or a file that is not a regtracker database. The CLI words it in the reader's language.
public struct DatabaseOpeningError: Error, Sendable, Equatable {
    public enum Code: Sendable, Equatable {
        /// No file at the path (or an empty one): a mistyped `--db` must not look like an empty county.
        case noDatabase
        /// The database was made by an earlier version and needs `regtracker migrate` (or an import) first.
        case needsMigration
        /// A SQLite file of another program.
        case notRegTracker
    }

    public var code: Code
    public var path: String

    public init(code: Code, path: String) {
        self.code = code
        self.path = path
    }
}

/// How many rows of one batch went from one outcome to another; nil is "not counted" (a retracted or purged row).
public struct OutcomeChange: Sendable, Equatable {
    public var batch: Int64
    public var from: OutcomeKind?
    public var to: OutcomeKind?
    public var count: Int

    public init(batch: Int64, from: OutcomeKind?, to: OutcomeKind?, count: Int) {
        self.batch = batch
        self.from = from
        self.to = to
        self.count = count
    }
}

/// One line of the audit log: an action that removed data, kept after the data is gone.
public struct AuditLine: Sendable, Equatable {
    public var at: String
    public var user: String
    public var action: String
    public var batch: Int64
    public var rows: Int
}
