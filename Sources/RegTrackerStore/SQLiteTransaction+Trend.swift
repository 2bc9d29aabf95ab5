import GRDB
import RegTrackerCore

/// Progress over time and settings on SQLite.
extension SQLiteTransaction {
    func datedOutcomeCounts() throws -> [DatedOutcomeCount] {
        // Retracted batches' rows have no outcome (see `reevaluate`), so `outcome IS NOT NULL` keeps active rows.
        try Row.fetchAll(
            db,
            sql: """
                SELECT r.township_id, r.outcome,
                    CASE WHEN r.registered_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
                        THEN substr(r.registered_at, 1, 10) END AS registered_day,
                    substr(b.imported_at, 1, 10) AS imported_day, COUNT(*)
                FROM registration r JOIN batch b ON b.id = r.batch_id
                WHERE r.outcome IS NOT NULL
                GROUP BY r.township_id, r.outcome, registered_day, imported_day
                """
        ).compactMap { row in
            guard let outcome = OutcomeKind(rawValue: row[1]) else { return nil }
            return DatedOutcomeCount(
                township: row[0], outcome: outcome, registeredDay: row[2], importedDay: row[3], count: row[4])
        }
    }

    func villageCounts(township: Int64) throws -> [VillageCount] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT village, outcome, COUNT(*) FROM registration
                WHERE township_id = ? AND outcome IS NOT NULL GROUP BY village, outcome
                """, arguments: [township]
        ).compactMap { row in
            guard let outcome = OutcomeKind(rawValue: row[1]) else { return nil }
            return VillageCount(village: row[0], outcome: outcome, count: row[2])
        }
    }

    func setting(_ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
    }

    func setSetting(_ key: String, value: String?) throws {
        if let value {
            try db.execute(
                sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        } else {
            try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
        }
    }
}
