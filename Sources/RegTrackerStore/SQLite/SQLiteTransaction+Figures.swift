import GRDB
import RegTrackerCore

/// The read side on the kept figures (see FigureCounter): a few thousand groups, not a million rows.
extension SQLiteTransaction {
    func outcomeTally(roster: StoredRoster) throws -> OutcomeTally {
        var tally = OutcomeTally(byTownship: [:], unassigned: 0, newestBatch: [:])
        var newest: [Int64: Int64] = [:]
        let groups = try Row.fetchCursor(
            db,
            sql: """
                SELECT township_key, outcome, SUM(rows) AS rows, MAX(batch_id) AS newest_batch FROM figure_total
                GROUP BY township_key, outcome
                """)
        while let group = try groups.next() {
            guard let outcome = OutcomeKind(rawValue: group["outcome"]) else { continue }
            let count: Int64 = group["rows"]
            let township: Int64 = group["township_key"]
            guard township != 0 else {
                if outcome == .unassigned { tally.unassigned += count }
                continue
            }
            tally.byTownship[township, default: OutcomeCounts()].add(outcome, count: count)
            let batch: Int64 = group["newest_batch"]
            newest[township] = max(newest[township] ?? batch, batch)
        }
        for (township, batch) in newest {
            let importedAt = try String.fetchOne(db, sql: "SELECT imported_at FROM batch WHERE id = ?", arguments: [batch])
            tally.newestBatch[township] = importedAt.map { NewestBatch(batch: batch, importedAt: $0) }
        }
        return tally
    }

    func figureDifferences() throws -> [FigureDifference] {
        func groups(_ sql: String) throws -> [FigureDifference.Group: Int64] {
            var counts: [FigureDifference.Group: Int64] = [:]
            for row in try Row.fetchAll(db, sql: sql) {
                let group = FigureDifference.Group(
                    batch: row["batch_id"], township: row["township_id"], outcome: row["outcome"],
                    registeredDay: row["registered_day"], village: row["village_id"])
                counts[group, default: 0] += row["rows"] as Int64
            }
            return counts
        }
        let kept = try groups("SELECT batch_id, township_id, outcome, registered_day, rows, village_id FROM figure")
        let recomputed = try groups(KeptFigures.recomputed)
        let names = try textsByID(in: "township")
        let villages = try textsByID(in: "village")
        return (differences(kept: kept, recomputed: recomputed, names: names, villages: villages)
            + (try totalDifferences(names: names, villages: villages)))
            .sorted { ($0.group.batch, $0.group.outcome) < ($1.group.batch, $1.group.outcome) }
    }

    /// The groups whose kept rows differ from the recomputed ones, with their township's and village's names.
    private func differences(
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

    /// Where the totals without the day disagree with the figures by day they are kept from.
    private func totalDifferences(names: [Int64: String], villages: [Int64: String]) throws -> [FigureDifference] {
        func totals(_ sql: String) throws -> [FigureDifference.Group: Int64] {
            var counts: [FigureDifference.Group: Int64] = [:]
            for row in try Row.fetchAll(db, sql: sql) {
                let (township, village): (Int64, Int64) = (row["township_key"], row["village_key"])
                let group = FigureDifference.Group(
                    batch: row["batch_id"], township: township == 0 ? nil : township, outcome: row["outcome"],
                    registeredDay: nil, village: village == 0 ? nil : village, allDays: true)
                counts[group, default: 0] += row["rows"] as Int64
            }
            return counts
        }
        return differences(
            kept: try totals("SELECT township_key, village_key, outcome, batch_id, rows FROM figure_total"),
            recomputed: try totals(FigureTotals.fromFigures), names: names, villages: villages)
    }

    func villageTally() throws -> VillageTally {
        var tally = VillageTally()
        let groups = try Row.fetchCursor(
            db,
            sql: """
                SELECT township_key, village_key, outcome, SUM(rows) AS rows FROM figure_total
                WHERE township_key <> 0 GROUP BY township_key, village_key, outcome
                """)
        while let group = try groups.next() {
            guard let outcome = OutcomeKind(rawValue: group["outcome"]) else { continue }
            if let village: Int64 = group["village_key"], village != 0 {
                tally.byVillage[village, default: OutcomeCounts()].add(outcome, count: group["rows"])
            } else {
                tally.unmatchedByTownship[group["township_key"], default: OutcomeCounts()].add(
                    outcome, count: group["rows"])
            }
        }
        return tally
    }

    func figureSummary() throws -> FigureSummary {
        let row = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS groups, COALESCE(SUM(rows), 0) AS rows FROM figure")
        return FigureSummary(groups: row?["groups"] ?? 0, rows: row?["rows"] ?? 0)
    }

    func rebuildFigures() throws -> Int {
        try db.execute(sql: "DELETE FROM figure")
        try db.execute(
            sql: """
                INSERT INTO figure (batch_id, township_id, outcome, registered_day, rows, village_id)
                \(KeptFigures.recomputed)
                """)
        let groups = db.changesCount
        try db.execute(sql: FigureTotals.rebuild)
        return groups
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

    /// A text column of the townships or villages of every roster still stored (their names, the townships'
    /// counties), by database id; rows where it is NULL are left out.
    func textsByID(_ column: String = "name", in table: String) throws -> [Int64: String] {
        Dictionary(
            try Row.fetchAll(db, sql: "SELECT id, \(column) FROM \(table) WHERE \(column) IS NOT NULL").map {
                row -> (Int64, String) in (row[0], row[1])
            },
            uniquingKeysWith: { first, _ in first })
    }
}
