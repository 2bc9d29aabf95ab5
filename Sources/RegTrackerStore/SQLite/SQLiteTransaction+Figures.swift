import GRDB
import RegTrackerCore

/// The read side on the kept figures (see FigureCounter): a few thousand groups, not a million rows.
extension SQLiteTransaction {
    func outcomeTally(roster: StoredRoster) throws -> OutcomeTally {
        var tally = OutcomeTally(byTownship: [:], unassigned: 0, lastSubmission: [:])
        var latestBatch: [Int64: Int64] = [:]
        let groups = try Row.fetchCursor(
            db, sql: "SELECT township_id, outcome, SUM(rows), MAX(batch_id) FROM figure GROUP BY township_id, outcome")
        while let group = try groups.next() {
            guard let outcome = OutcomeKind(rawValue: group[1]) else { continue }
            let count: Int64 = group[2]
            guard let township: Int64 = group[0] else {
                if outcome == .unassigned { tally.unassigned += count }
                continue
            }
            tally.byTownship[township, default: OutcomeCounts()].add(outcome, count: count)
            let batch: Int64 = group[3]
            latestBatch[township] = max(latestBatch[township] ?? batch, batch)
        }
        // Batch numbers grow with import time: the newest batch of a township is its last submission.
        for (township, batch) in latestBatch {
            let importedAt = try String.fetchOne(db, sql: "SELECT imported_at FROM batch WHERE id = ?", arguments: [batch])
            tally.lastSubmission[township] = importedAt.map { String($0.prefix(10)) }
        }
        return tally
    }

    func figureDifferences() throws -> [FigureDifference] {
        func groups(_ sql: String) throws -> [FigureDifference.Group: Int64] {
            var counts: [FigureDifference.Group: Int64] = [:]
            for row in try Row.fetchAll(db, sql: sql) {
                let group = FigureDifference.Group(
                    batch: row[0], township: row[1], outcome: row[2], registeredDay: row[3], village: row[5])
                counts[group, default: 0] += row[4]
            }
            return counts
        }
        let kept = try groups("SELECT batch_id, township_id, outcome, registered_day, rows, village_id FROM figure")
        let recomputed = try groups(KeptFigures.recomputed)
        let names = Dictionary(
            try Row.fetchAll(db, sql: "SELECT id, name FROM township").map { row -> (Int64, String) in (row[0], row[1]) },
            uniquingKeysWith: { first, _ in first })
        let villageRows = try Row.fetchAll(db, sql: "SELECT id, name FROM village")
        let villages = Dictionary(
            villageRows.map { row -> (Int64, String) in (row[0], row[1]) }, uniquingKeysWith: { first, _ in first })
        return Set(kept.keys).union(recomputed.keys).compactMap { group in
            let (keptRows, rows) = (kept[group] ?? 0, recomputed[group] ?? 0)
            guard keptRows != rows else { return nil }
            return FigureDifference(
                group: group, township: group.township.flatMap { names[$0] },
                village: group.village.flatMap { villages[$0] }, kept: keptRows, recomputed: rows)
        }.sorted { ($0.group.batch, $0.group.outcome) < ($1.group.batch, $1.group.outcome) }
    }

    func villageTally() throws -> VillageTally {
        var tally = VillageTally()
        let groups = try Row.fetchCursor(
            db,
            sql: """
                SELECT township_id, village_id, outcome, SUM(rows) FROM figure
                WHERE township_id IS NOT NULL GROUP BY township_id, village_id, outcome
                """)
        while let group = try groups.next() {
            guard let outcome = OutcomeKind(rawValue: group[2]) else { continue }
            if let village: Int64 = group[1] {
                tally.byVillage[village, default: OutcomeCounts()].add(outcome, count: group[3])
            } else {
                tally.unmatchedByTownship[group[0], default: OutcomeCounts()].add(outcome, count: group[3])
            }
        }
        return tally
    }

    func figureSummary() throws -> FigureSummary {
        let row = try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(SUM(rows), 0) FROM figure")
        return FigureSummary(groups: row?[0] ?? 0, rows: row?[1] ?? 0)
    }

    func rebuildFigures() throws -> Int {
        try db.execute(sql: "DELETE FROM figure")
        try db.execute(
            sql: """
                INSERT INTO figure (batch_id, township_id, outcome, registered_day, rows, village_id)
                \(KeptFigures.recomputed)
                """)
        return db.changesCount
    }

    func validKeyDifferences() throws -> [ValidKeyDifference] {
        try ValidKeyIndex.differences(in: db)
    }

    func rebuildValidKeys() throws -> Int {
        try ValidKeyIndex.rebuild(in: db)
    }

    func integrityProblems() throws -> [String] {
        try String.fetchAll(db, sql: "PRAGMA quick_check").filter { $0 != "ok" }
    }
}
