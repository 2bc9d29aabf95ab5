import PostgresNIO
import RegTrackerCore
import RegTrackerStore

/// The kept figures on PostgreSQL, read as SQLite reads them: a few thousand groups, not a million rows. `SUM` of a
/// BIGINT is NUMERIC in PostgreSQL, hence the casts back.
extension PostgresTransaction: FigureStore {
    /// See `ChangeStamp`: a counter every committed write advances, less this connection's own advances.
    public func changeStamp() throws -> Int64 {
        try ChangeStamp.read(connection, ownChanges: state.ownChanges)
    }

    public func outcomeTally(roster: StoredRoster) throws -> OutcomeTally {
        var tally = OutcomeTally(byTownship: [:], unassigned: 0, newestBatch: [:])
        var newest: [Int64: Int64] = [:]
        let groups = try connection.rows(
            """
            SELECT township_key, outcome, SUM(rows)::bigint AS rows, MAX(batch_id) AS newest_batch FROM figure_total
            GROUP BY township_key, outcome
            """)
        for group in groups {
            guard let outcome = OutcomeKind(rawValue: try group["outcome"].decode(Int.self)) else { continue }
            let count = try group["rows"].decode(Int64.self)
            let township = try group["township_key"].decode(Int64.self)
            guard township != 0 else {
                if outcome == .unassigned { tally.unassigned += count }
                continue
            }
            tally.byTownship[township, default: OutcomeCounts()].add(outcome, count: count)
            let batch = try group["newest_batch"].decode(Int64.self)
            newest[township] = max(newest[township] ?? batch, batch)
        }
        let importedAt = Dictionary(
            try connection.rows("SELECT id, imported_at FROM batch WHERE id = ANY(\(Array(Set(newest.values))))").map {
                (try $0["id"].decode(Int64.self), try $0["imported_at"].decode(String.self))
            },
            uniquingKeysWith: { first, _ in first })
        for (township, batch) in newest {
            tally.newestBatch[township] = importedAt[batch].map { NewestBatch(batch: batch, importedAt: $0) }
        }
        return tally
    }

    public func villageTally() throws -> VillageTally {
        var tally = VillageTally()
        let groups = try connection.rows(
            """
            SELECT township_key, village_key, outcome, SUM(rows)::bigint AS rows FROM figure_total
            WHERE township_key <> 0 GROUP BY township_key, village_key, outcome
            """)
        for group in groups {
            guard let outcome = OutcomeKind(rawValue: try group["outcome"].decode(Int.self)) else { continue }
            let rows = try group["rows"].decode(Int64.self)
            let village = try group["village_key"].decode(Int64.self)
            if village != 0 {
                tally.byVillage[village, default: OutcomeCounts()].add(outcome, count: rows)
            } else {
                tally.unmatchedByTownship[try group["township_key"].decode(Int64.self), default: OutcomeCounts()].add(
                    outcome, count: rows)
            }
        }
        return tally
    }

    public func datedOutcomeCounts() throws -> [DatedOutcomeCount] {
        try connection.rows(
            """
            SELECT f.township_id, f.outcome, f.registered_day, substr(b.imported_at, 1, 10) AS imported_day,
                SUM(f.rows)::bigint AS rows
            FROM figure f JOIN batch b ON b.id = f.batch_id
            GROUP BY f.township_id, f.outcome, f.registered_day, imported_day
            """
        ).compactMap { row in
            guard let outcome = OutcomeKind(rawValue: try row["outcome"].decode(Int.self)) else { return nil }
            return DatedOutcomeCount(
                township: try row["township_id"].decode(Int64?.self), outcome: outcome,
                registeredDay: try row["registered_day"].decode(String?.self),
                importedDay: try row["imported_day"].decode(String.self), count: try row["rows"].decode(Int64.self))
        }
    }

    public func villageCounts(township: Int64) throws -> [VillageCount] {
        try connection.rows(
            """
            SELECT village, outcome, COUNT(*) AS rows FROM registration
            WHERE township_id = \(township) AND outcome IS NOT NULL GROUP BY village, outcome
            """
        ).compactMap { row in
            guard let outcome = OutcomeKind(rawValue: try row["outcome"].decode(Int.self)) else { return nil }
            return VillageCount(
                village: try row["village"].decode(String.self), outcome: outcome,
                count: try row["rows"].decode(Int64.self))
        }
    }

    public func batchOutcomeCounts(registeredAfter day: CivilDate) throws -> [BatchOutcomeCount] {
        // A NULL registered_day (no date) is never after the day.
        try connection.rows(
            """
            SELECT batch_id, township_id, outcome, COALESCE(registered_day > \(day.iso8601Unchecked), FALSE) AS registered_after,
                SUM(rows)::bigint AS rows
            FROM figure GROUP BY batch_id, township_id, outcome, 4
            """
        ).compactMap { row in
            guard let outcome = OutcomeKind(rawValue: try row["outcome"].decode(Int.self)) else { return nil }
            return BatchOutcomeCount(
                batch: try row["batch_id"].decode(Int64.self), township: try row["township_id"].decode(Int64?.self),
                outcome: outcome, registeredAfter: try row["registered_after"].decode(Bool.self),
                count: try row["rows"].decode(Int64.self))
        }
    }

    public func figureDifferences() throws -> [FigureDifference] {
        func groups(_ sql: String, allDays: Bool = false) throws -> [FigureDifference.Group: Int64] {
            var counts: [FigureDifference.Group: Int64] = [:]
            for row in try connection.rows(PostgresQuery(unsafeSQL: sql)) {
                let group = FigureDifference.Group(
                    batch: try row["batch_id"].decode(Int64.self), township: try row["township_id"].decode(Int64?.self),
                    outcome: try row["outcome"].decode(Int.self),
                    registeredDay: allDays ? nil : try row["registered_day"].decode(String?.self),
                    village: try row["village_id"].decode(Int64?.self), allDays: allDays)
                counts[group, default: 0] += try row["rows"].decode(Int64.self)
            }
            return counts
        }
        let names = try textsByID(in: "township")
        let villages = try textsByID(in: "village")
        let byDay = Self.differences(
            kept: try groups("SELECT batch_id, township_id, outcome, registered_day, rows, village_id FROM figure"),
            recomputed: try groups(Self.recomputedFigures), names: names, villages: villages)
        let totals = Self.differences(
            kept: try groups(
                """
                SELECT batch_id, NULLIF(township_key, 0) AS township_id, outcome, NULLIF(village_key, 0) AS village_id,
                    rows FROM figure_total
                """, allDays: true),
            recomputed: try groups(
                """
                SELECT batch_id, township_id, outcome, village_id, SUM(rows)::bigint AS rows FROM figure
                GROUP BY batch_id, township_id, outcome, village_id
                """, allDays: true), names: names, villages: villages)
        return (byDay + totals).sorted { ($0.group.batch, $0.group.outcome) < ($1.group.batch, $1.group.outcome) }
    }

    /// The groups whose kept rows differ from the recomputed ones, with their township's and village's names.
    private static func differences(
        kept: [FigureDifference.Group: Int64], recomputed: [FigureDifference.Group: Int64], names: [Int64: String],
        villages: [Int64: String]
    ) -> [FigureDifference] {
        Set(kept.keys).union(recomputed.keys).compactMap { group in
            let (keptRows, rows) = (kept[group] ?? 0, recomputed[group] ?? 0)
            guard keptRows != rows else { return nil }
            return FigureDifference(
                group: group, township: group.township.flatMap { names[$0] },
                village: group.village.flatMap { villages[$0] }, kept: keptRows, recomputed: rows)
        }
    }

    /// The figures recomputed from the rows. The registered day is the test of `FigureCounter.day`: ten
    /// characters, `NNNN-NN-NN`, at the start (SQLite's GLOB, as a regular expression).
    static let recomputedFigures = """
        SELECT batch_id, township_id, outcome,
            CASE WHEN registered_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN substr(registered_at, 1, 10) END
                AS registered_day,
            COUNT(*) AS rows, village_id
        FROM registration WHERE outcome IS NOT NULL
        GROUP BY batch_id, township_id, outcome, 4, village_id
        """

    public func figureSummary() throws -> FigureSummary {
        let sql: PostgresQuery = "SELECT COUNT(*) AS groups, COALESCE(SUM(rows), 0)::bigint AS rows FROM figure"
        let row = try connection.rows(sql)[0]
        return FigureSummary(groups: try row["groups"].decode(Int.self), rows: try row["rows"].decode(Int64.self))
    }

    /// The kept figures recomputed from the rows; the trigger keeps the totals with every row of `figure` deleted
    /// and inserted, and the totals are then rebuilt from `figure` too, should they have drifted on their own.
    public func rebuildFigures() throws -> Int {
        try sequenced()
        try connection.execute(sql: "DELETE FROM figure")
        let groups = try connection.execute(
            PostgresQuery(
                unsafeSQL: """
                    INSERT INTO figure (batch_id, township_id, outcome, registered_day, rows, village_id)
                    \(Self.recomputedFigures)
                    """))
        try connection.execute(sql: "DELETE FROM figure_total")
        try connection.execute(
            sql: """
                INSERT INTO figure_total (township_key, village_key, outcome, batch_id, rows)
                SELECT COALESCE(township_id, 0), COALESCE(village_id, 0), outcome, batch_id, SUM(rows)
                FROM figure GROUP BY 1, 2, 3, 4
                """)
        return groups
    }

    /// PostgreSQL checks its own pages (with checksums, when the cluster has them) as it reads them, and has no
    /// cheap whole-database check like SQLite's `quick_check`; what can be asked cheaply is whether one of our
    /// indexes was left invalid (an interrupted `CREATE INDEX CONCURRENTLY` or `REINDEX`), which queries would then
    /// not use.
    public func integrityProblems() throws -> [String] {
        try connection.rows(
            """
            SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND NOT (i.indisvalid AND i.indisready)
            ORDER BY c.relname
            """
        ).map { "index \(try $0["relname"].decode(String.self)) is not valid" }
    }
}
