import GRDB
import RegTrackerCore

// The records as rows of their SQLite tables: columns by name (snake_case), enums stored as their raw text.

extension BatchRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "batch"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension TokenRecord: FetchableRecord, TableRecord {
    public static let databaseTableName = "access_token"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
}

/// Read with `batch_id AS batch`.
extension AuditLine: FetchableRecord, TableRecord {
    public static let databaseTableName = "audit"
}
