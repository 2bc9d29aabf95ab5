import PostgresNIO
import RegTrackerCore
import RegTrackerStore

/// The invalid lists' entries (SPEC 1.3) on PostgreSQL.
extension PostgresTransaction: InvalidListStore {
    public func insertInvalidEntry(
        batch: Int64, row: Int, raw: String, townshipText: String?, countyText: String?, idKey: Int64?,
        phoneKey: Int64?, reason: String
    ) throws {
        try sequenced()
        try connection.execute(
            """
            INSERT INTO invalid_entry (batch_id, row_number, raw, township_text, county_text, id_key, phone_key, reason)
            VALUES (\(batch), \(Int64(row)), \(raw), \(townshipText), \(countyText), \(idKey), \(phoneKey),
                \(reason))
            """)
    }

    public func invalidEntries() throws -> [InvalidEntry] {
        try sequenced()
        return try connection.rows(
            """
            SELECT e.id, e.township_text, e.county_text, e.id_key, e.phone_key FROM invalid_entry e
            JOIN batch b ON b.id = e.batch_id WHERE b.retracted_at IS NULL ORDER BY e.id
            """
        ).map { row in
            InvalidEntry(
                id: try row["id"].decode(Int64.self),
                townshipKey: try row["township_text"].decode(String?.self).map(Roster.key),
                idKey: try row["id_key"].decode(Int64?.self), phoneKey: try row["phone_key"].decode(Int64?.self),
                countyKey: try row["county_text"].decode(String?.self).map(Roster.key))
        }
    }
}

/// The last part of the batch ledger: a purge, which needs the rows' tables.
extension PostgresTransaction: BatchLedger {
    /// Deletes a batch's rows for good, keeps the batch listed as purged, and writes an audit line. A batch purged
    /// as it is retracted still has valid rows: their keys go with them.
    public func purge(batch: Int64, at timestamp: String, by user: String) throws {
        try sequenced()
        for table in ["valid_id_key", "valid_phone_key"] {
            try connection.execute(
                PostgresQuery(
                    unsafeSQL: """
                        DELETE FROM \(table) WHERE registration_id IN (SELECT id FROM registration WHERE batch_id = $1)
                        """, binds: Self.binds(batch)))
        }
        var rows = 0
        for table in ["registration", "invalid_entry", "village", "township", "figure"] {
            let deleted = try connection.execute(
                PostgresQuery(unsafeSQL: "DELETE FROM \(table) WHERE batch_id = $1", binds: Self.binds(batch)))
            if table != "figure" { rows += deleted }
        }
        try connection.execute("UPDATE batch SET purged_at = \(timestamp) WHERE id = \(batch)")
        // The audit line outlives the rows: who, when, which batch and how many rows; no personal data.
        try connection.execute(
            """
            INSERT INTO audit (at, "user", action, batch_id, rows) VALUES (\(timestamp), \(user), 'purge', \(batch),
                \(Int64(rows)))
            """)
    }

    private static func binds(_ batch: Int64) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(batch)
        return binds
    }
}
