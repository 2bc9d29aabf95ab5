import GRDB

/// The kept figures written to SQLite's `figure` table (the counting itself is store-neutral: FigureCounter).
extension FigureCounter {
    /// Groups a statement inserts at once (6 values each, under SQLite's 32,766).
    static let groupsPerStatement = 5_000

    /// Inserts many groups a statement. A statement on `figure` runs its triggers (the totals), so it keeps a
    /// statement journal; after a million rows the page cache is full of dirty pages, and each page it spills or
    /// changes is first copied into that journal, once a statement: a statement a group wrote 2 GB of journal at the
    /// end of a 1M-row import, 25 statements some 30 MB, 3 statements a few.
    func insert(into db: Database) throws {
        let groups = Array(counts)
        var start = 0
        while start < groups.count {
            let chunk = groups[start..<min(start + Self.groupsPerStatement, groups.count)]
            var arguments = StatementArguments()
            for (key, rows) in chunk {
                arguments += [key.batch, key.township, key.outcome, Self.text(key.registeredDay), rows, key.village]
            }
            let values = Array(repeating: "(?, ?, ?, ?, ?, ?)", count: chunk.count).joined(separator: ", ")
            try db.execute(
                sql: """
                    INSERT INTO figure (batch_id, township_id, outcome, registered_day, rows, village_id)
                    VALUES \(values)
                    """,
                arguments: arguments)
            start += chunk.count
        }
    }
}

/// The SQL of the kept figures, for `check`.
enum KeptFigures {
    /// The figures recomputed from the rows: (batch, township, outcome, registered day, rows, village). The registered day
    /// is the test of `FigureCounter.day`, and of the migration that first filled the figures.
    static let recomputed = """
        SELECT batch_id, township_id, outcome,
            CASE WHEN registered_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
                THEN substr(registered_at, 1, 10) END AS registered_day,
            COUNT(*) AS rows, village_id
        FROM registration WHERE outcome IS NOT NULL
        GROUP BY batch_id, township_id, outcome, registered_day, village_id
        """
}

/// The kept figures without the day (`figure_total`), which triggers keep with every change of `figure` (migration
/// v12): what the report and the village table read.
enum FigureTotals {
    /// Recomputes the totals from `figure`, for the migration and `check --repair`.
    static let rebuild = """
        DELETE FROM figure_total;
        INSERT INTO figure_total (township_key, village_key, outcome, batch_id, rows)
            \(fromFigures);
        """

    /// The triggers on a figure's insert and delete, as migration v12 made them (a re-evaluation sets them aside).
    static let insertTrigger = trigger(on: "INSERT", add: "NEW")
    static let deleteTrigger = trigger(on: "DELETE", remove: "OLD")

    /// The trigger that keeps the totals on `event` (INSERT, UPDATE, DELETE) of a `figure` row: the `remove` row's
    /// rows (OLD) taken from its total, a total left at 0 deleted, the `add` row's (NEW) added to its own.
    static func trigger(on event: String, remove: String? = nil, add: String? = nil) -> String {
        var steps: [String] = []
        if let old = remove {
            let group = """
                township_key = IFNULL(\(old).township_id, 0) AND village_key = IFNULL(\(old).village_id, 0)
                    AND outcome = \(old).outcome AND batch_id = \(old).batch_id
                """
            steps.append("UPDATE figure_total SET rows = rows - \(old).rows WHERE \(group);")
            steps.append("DELETE FROM figure_total WHERE \(group) AND rows = 0;")
        }
        if let new = add {
            steps.append(
                """
                INSERT INTO figure_total (township_key, village_key, outcome, batch_id, rows)
                    VALUES (IFNULL(\(new).township_id, 0), IFNULL(\(new).village_id, 0), \(new).outcome,
                        \(new).batch_id, \(new).rows)
                    ON CONFLICT DO UPDATE SET rows = rows + excluded.rows;
                """)
        }
        return """
            CREATE TRIGGER figure_total_on_\(event.lowercased()) AFTER \(event) ON figure BEGIN
            \(steps.joined(separator: "\n"))
            END;
            """
    }

    /// Replaces every kept figure by those `insert` writes, and sums the totals from them once: the triggers that
    /// keep the totals a figure at a time are set aside meanwhile (the re-evaluation of 1M rows rewrote some 26,000
    /// figures through them in half a second) and made again as the migration made them.
    static func replaceFigures(in db: Database, _ insert: () throws -> Void) throws {
        try db.execute(
            sql: "DROP TRIGGER figure_total_on_insert; DROP TRIGGER figure_total_on_delete; DELETE FROM figure")
        try insert()
        try db.execute(sql: rebuild + insertTrigger + "\n" + deleteTrigger)
    }

    /// The totals `figure` gives: (township key, village key, outcome, batch, rows), 0 for no township or village.
    static let fromFigures = """
        SELECT IFNULL(township_id, 0) AS township_key, IFNULL(village_id, 0) AS village_key, outcome, batch_id,
            SUM(rows) AS rows
            FROM figure GROUP BY 1, 2, 3, 4
        """
}
