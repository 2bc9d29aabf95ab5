import PostgresNIO
import RegTrackerCore
import RegTrackerStore

/// The imported files on PostgreSQL. `purge` comes with the rows' tables (migration p2), and with it the
/// conformance to `BatchLedger`.
extension PostgresTransaction {
    /// The key of the transaction-level advisory lock that puts imports in one sequence: two offices importing at
    /// once each see the other's batch, and the same bytes import once (the SHA-256 is checked under the lock).
    static let sequenceLock: Int64 = 0x7265_6774_7261_6373

    /// Waits for every other import in progress to commit or roll back; held until this transaction ends. The wait
    /// is a queue, up to `StoreError.importQueueSeconds` rather than the 60 s of any other lock: each import holds
    /// the lock for its whole file, so the eighth of eight offices importing at once waits for seven files.
    public func lockSequence() throws {
        try connection.execute(sql: "SET LOCAL lock_timeout = '\(state.queueSeconds)s'")
        do {
            try connection.execute("SELECT pg_advisory_xact_lock(\(Self.sequenceLock))")
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "55P03" {
            throw StoreError(
                message: "the database \(state.path) is busy: other imports held it for over "
                    + "\(state.queueSeconds) s",
                hint: "import again later", code: .importQueue, path: state.path)
        }
        try connection.execute(sql: "SET LOCAL lock_timeout = '\(state.lockSeconds)s'")
        state.holdsSequenceLock = true
    }

    public func activeBatch(sha256: String) throws -> BatchRecord? {
        try sequenced()
        return try connection.rows(
            "SELECT * FROM batch WHERE sha256 = \(sha256) AND retracted_at IS NULL ORDER BY id LIMIT 1"
        ).map(Self.batch).first
    }

    public func activeBatches(fileName: String, kind: FileKind) throws -> [BatchRecord] {
        try sequenced()
        return try connection.rows(
            """
            SELECT * FROM batch WHERE file_name = \(fileName) AND kind = \(kind.rawValue) AND retracted_at IS NULL
            ORDER BY id
            """
        ).map(Self.batch)
    }

    public func batch(id: Int64) throws -> BatchRecord? {
        try sequenced()
        return try connection.rows("SELECT * FROM batch WHERE id = \(id)").map(Self.batch).first
    }

    public func batches() throws -> [BatchRecord] {
        try connection.rows("SELECT * FROM batch ORDER BY id").map(Self.batch)
    }

    /// A batch without a sequence place takes its own number, in the same statement. Numbers are the highest so
    /// far plus one, under the sequence lock, not a serial's next value: a rolled-back import (a rejected file)
    /// then leaves no gap, as on SQLite, and `batches`, `retract N` and the reports number batches alike on both.
    public func insertBatch(_ batch: BatchRecord) throws -> Int64 {
        try sequenced()
        let rows = try connection.rows(
            """
            INSERT INTO batch (id, sequence, kind, file_name, sha256, imported_at, format, encoding, sheet, header_row,
                headers, township_override, rows, skipped_rows, retracted_at, purged_at)
            SELECT id, COALESCE(\(batch.sequence), id), \(batch.kind.rawValue), \(batch.fileName), \(batch.sha256),
                \(batch.importedAt), \(batch.format.rawValue), \(batch.encoding), \(batch.sheet),
                \(batch.headerRow.map(Int64.init)), \(batch.headers), \(batch.townshipOverride), \(Int64(batch.rows)),
                \(Int64(batch.skippedRows)), \(batch.retractedAt), \(batch.purgedAt)
            FROM (SELECT COALESCE(MAX(id), 0) + 1 AS id FROM batch) AS next
            RETURNING id
            """)
        return try rows[0]["id"].decode(Int64.self)
    }

    public func setBatchCounts(batch: Int64, rows: Int, skippedRows: Int) throws {
        try sequenced()
        try connection.execute(
            "UPDATE batch SET rows = \(Int64(rows)), skipped_rows = \(Int64(skippedRows)) WHERE id = \(batch)")
    }

    public func markRetracted(batch: Int64, at timestamp: String) throws {
        try sequenced()
        try connection.execute("UPDATE batch SET retracted_at = \(timestamp) WHERE id = \(batch)")
    }

    public func auditLines() throws -> [AuditLine] {
        try connection.rows(#"SELECT at, "user", action, batch_id, rows FROM audit ORDER BY id"#).map { row in
            AuditLine(
                at: try row["at"].decode(String.self), user: try row["user"].decode(String.self),
                action: try row["action"].decode(String.self), batch: try row["batch_id"].decode(Int64.self),
                rows: try row["rows"].decode(Int.self))
        }
    }

    private static func batch(_ row: PostgresRandomAccessRow) throws -> BatchRecord {
        guard let kind = FileKind(rawValue: try row["kind"].decode(String.self)),
            let format = FileFormat(rawValue: try row["format"].decode(String.self))
        else { throw PostgresStoreError.unknownValue(table: "batch", row: try row["id"].decode(Int64.self)) }
        let headers = try row["headers"].decode(String.self)
        var batch = BatchRecord(
            kind: kind, fileName: try row["file_name"].decode(String.self),
            sha256: try row["sha256"].decode(String.self),
            importedAt: try row["imported_at"].decode(String.self), format: format,
            encoding: try row["encoding"].decode(String?.self), sheet: try row["sheet"].decode(String?.self),
            headerRow: try row["header_row"].decode(Int?.self),
            headers: headers.isEmpty
                ? [] : headers.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init),
            townshipOverride: try row["township_override"].decode(String?.self),
            sequence: try row["sequence"].decode(Int64?.self))
        batch.id = try row["id"].decode(Int64.self)
        batch.rows = try row["rows"].decode(Int.self)
        batch.skippedRows = try row["skipped_rows"].decode(Int.self)
        batch.retractedAt = try row["retracted_at"].decode(String?.self)
        batch.purgedAt = try row["purged_at"].decode(String?.self)
        return batch
    }
}

/// What the PostgreSQL store finds that this program cannot read.
public enum PostgresStoreError: Error, Equatable {
    /// A row holds a kind, format or scope this program does not know (a newer program's).
    case unknownValue(table: String, row: Int64)
}
