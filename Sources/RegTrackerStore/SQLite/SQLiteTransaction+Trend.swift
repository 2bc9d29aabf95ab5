import GRDB
import RegTrackerCore

/// Progress over time and settings on SQLite.
extension SQLiteTransaction {
    func datedOutcomeCounts() throws -> [DatedOutcomeCount] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT f.township_id, f.outcome, f.registered_day, substr(b.imported_at, 1, 10) AS imported_day,
                    SUM(f.rows) AS rows
                FROM figure f JOIN batch b ON b.id = f.batch_id
                GROUP BY f.township_id, f.outcome, f.registered_day, imported_day
                """
        ).compactMap { row in
            guard let outcome = OutcomeKind(rawValue: row["outcome"]) else { return nil }
            return DatedOutcomeCount(
                township: row["township_id"], outcome: outcome, registeredDay: row["registered_day"],
                importedDay: row["imported_day"], count: row["rows"])
        }
    }

    func villageCounts(township: Int64) throws -> [VillageCount] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT village, outcome, COUNT(*) AS rows FROM registration
                WHERE township_id = ? AND outcome IS NOT NULL GROUP BY village, outcome
                """, arguments: [township]
        ).compactMap { row in
            guard let outcome = OutcomeKind(rawValue: row["outcome"]) else { return nil }
            return VillageCount(village: row["village"], outcome: outcome, count: row["rows"])
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
