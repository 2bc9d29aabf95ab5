import RegTrackerCore

/// The imported files (SPEC 3): each batch, its place in the sequence, its retraction and purge, and the audit lines
/// a purge leaves.
public protocol BatchLedger {
    func activeBatch(sha256: String) throws -> BatchRecord?
    func activeBatches(fileName: String, kind: FileKind) throws -> [BatchRecord]
    func batch(id: Int64) throws -> BatchRecord?
    /// Every batch, active, retracted or purged, by number.
    func batches() throws -> [BatchRecord]
    /// Stores a new batch and returns its number; a batch without a sequence place takes its own number.
    func insertBatch(_ batch: BatchRecord) throws -> Int64
    func setBatchCounts(batch: Int64, rows: Int, skippedRows: Int) throws
    func markRetracted(batch: Int64, at timestamp: String) throws
    /// Deletes a batch's rows for good, keeps the batch listed as purged, and writes an audit line.
    func purge(batch: Int64, at timestamp: String, by user: String) throws
    /// The audit lines (purges), oldest first.
    func auditLines() throws -> [AuditLine]
}
