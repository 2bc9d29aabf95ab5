import GRDB

/// The kept figures (issue 13): rows with an outcome counted by batch, township, outcome and registration day.
/// The store keeps them in the transaction that changes the rows, so that a report, a trend or a notice reads a few
/// thousand groups instead of every row; `check` recomputes them from the rows.
struct FigureKey: Hashable {
    var batch: Int64
    /// nil for rows that match no township of the roster in force.
    var township: Int64?
    var outcome: Int
    /// The village (SPEC 5) the row matched; nil for none.
    var village: Int64?
    /// `registered_at`'s leading `YYYY-MM-DD` as the number YYYYMMDD; -1 where it does not start with one.
    var registeredDay: Int32
}

/// Counts rows into `FigureKey` groups in memory and writes them to the `figure` table.
struct FigureCounter {
    private(set) var counts: [FigureKey: Int64] = [:]

    mutating func add(batch: Int64, township: Int64?, village: Int64?, outcome: Int, registeredAt: String?) {
        let key = FigureKey(
            batch: batch, township: township, outcome: outcome, village: village, registeredDay: Self.day(registeredAt))
        counts[key, default: 0] += 1
    }

    func insert(into db: Database) throws {
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO figure (batch_id, township_id, outcome, registered_day, rows, village_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        for (key, rows) in counts {
            try statement.execute(arguments: [
                key.batch, key.township, key.outcome, Self.text(key.registeredDay), rows, key.village,
            ])
        }
    }

    /// The same test as `KeptFigures.recomputed` in SQL (`GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'`),
    /// on bytes: a `String` per row would cost more than the insert it rides along with.
    static func day(_ text: String?) -> Int32 {
        guard var text else { return -1 }
        return text.withUTF8 { bytes -> Int32 in
            guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return -1 }
            var day: Int32 = 0
            for index in digitPlaces {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return -1 }
                day = day * 10 + Int32(digit)
            }
            return day
        }
    }

    private static let digitPlaces = [0, 1, 2, 3, 5, 6, 8, 9]

    /// YYYYMMDD as `YYYY-MM-DD`, written as bytes: once a group, a few thousand times an import.
    static func text(_ day: Int32) -> String? {
        guard day >= 0 else { return nil }
        var bytes: [UInt8] = Array("0000-00-00".utf8)
        var rest = day
        for index in [9, 8, 6, 5, 3, 2, 1, 0] {
            bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        return String(decoding: bytes, as: UTF8.self)
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

    /// The totals `figure` gives: (township key, village key, outcome, batch, rows), 0 for no township or village.
    static let fromFigures = """
        SELECT IFNULL(township_id, 0) AS township_key, IFNULL(village_id, 0) AS village_key, outcome, batch_id,
            SUM(rows) AS rows
            FROM figure GROUP BY 1, 2, 3, 4
        """
}
