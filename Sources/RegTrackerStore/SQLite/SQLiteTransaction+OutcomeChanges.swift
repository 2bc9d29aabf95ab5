import GRDB
import RegTrackerCore

/// Outcome changes counted by comparing each row before and after, in SQL: what a retraction really changed, not
/// how many rows were written again.
extension SQLiteTransaction {
    func rememberOutcomes() throws {
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS temp.outcome_before;
                CREATE TEMP TABLE outcome_before (id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL, outcome INTEGER);
                INSERT INTO temp.outcome_before SELECT id, batch_id, outcome FROM registration;
                """)
    }

    func outcomeChanges() throws -> [OutcomeChange] {
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.outcome_before") }
        // Rows deleted by a purge have no "after"; rows inserted since have no "before".
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT batch_id, before, after, COUNT(*) AS rows FROM (
                    SELECT b.batch_id, b.outcome AS before, r.outcome AS after
                    FROM temp.outcome_before b LEFT JOIN registration r ON r.id = b.id
                    UNION ALL
                    SELECT r.batch_id, NULL, r.outcome FROM registration r
                    WHERE r.id NOT IN (SELECT id FROM temp.outcome_before)
                )
                WHERE before IS NOT after
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                """)
        return rows.map { row in
            let before: Int? = row["before"]
            let after: Int? = row["after"]
            return OutcomeChange(
                batch: row["batch_id"], from: before.flatMap(OutcomeKind.init(rawValue:)),
                to: after.flatMap(OutcomeKind.init(rawValue:)), count: row["rows"])
        }
    }
}
