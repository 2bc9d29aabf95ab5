import PostgresNIO
import RegTrackerCore
import RegTrackerStore

/// Outcome changes counted by comparing each row before and after, in SQL, as on SQLite: a temporary table of the
/// outcomes before, dropped at the end of the transaction if `outcomeChanges` does not drop it first.
extension PostgresTransaction {
    public func rememberOutcomes() throws {
        try sequenced()
        try connection.execute(sql: "DROP TABLE IF EXISTS pg_temp.outcome_before")
        try connection.execute(
            sql: """
                CREATE TEMP TABLE outcome_before ON COMMIT DROP AS
                SELECT id, batch_id, outcome FROM registration
                """)
        try connection.execute(sql: "ALTER TABLE pg_temp.outcome_before ADD PRIMARY KEY (id)")
    }

    public func outcomeChanges() throws -> [OutcomeChange] {
        defer { try? connection.execute(sql: "DROP TABLE IF EXISTS pg_temp.outcome_before") }
        // Rows deleted by a purge have no "after"; rows inserted since have no "before".
        return try connection.rows(
            """
            SELECT batch_id, before, after, COUNT(*) AS rows FROM (
                SELECT o.batch_id, o.outcome AS before, r.outcome AS after
                FROM pg_temp.outcome_before o LEFT JOIN registration r ON r.id = o.id
                UNION ALL
                SELECT r.batch_id, NULL, r.outcome FROM registration r
                WHERE NOT EXISTS (SELECT 1 FROM pg_temp.outcome_before o WHERE o.id = r.id)
            ) AS compared
            WHERE before IS DISTINCT FROM after
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """
        ).map { row in
            OutcomeChange(
                batch: try row["batch_id"].decode(Int64.self),
                from: try row["before"].decode(Int?.self).flatMap(OutcomeKind.init(rawValue:)),
                to: try row["after"].decode(Int?.self).flatMap(OutcomeKind.init(rawValue:)),
                count: try row["rows"].decode(Int.self))
        }
    }
}
