import GRDB
import RegTrackerCore

/// Periodic notices on SQLite: one `notice` row and one `notice_township` row per township, written once.
extension SQLiteTransaction {
    func batchOutcomeCounts(registeredAfter day: CivilDate) throws -> [BatchOutcomeCount] {
        // From the kept figures: a NULL registered_day (no date) is never after the day.
        try Row.fetchAll(
            db,
            sql: """
                SELECT batch_id, township_id, outcome, COALESCE(registered_day > ?, 0) AS registered_after,
                    SUM(rows) AS rows
                FROM figure GROUP BY batch_id, township_id, outcome, registered_after
                """, arguments: [day.iso8601Unchecked]
        ).compactMap { row in
            guard let outcome = OutcomeKind(rawValue: row["outcome"]) else { return nil }
            return BatchOutcomeCount(
                batch: row["batch_id"], township: row["township_id"], outcome: outcome,
                registeredAfter: row["registered_after"], count: row["rows"])
        }
    }

    func notices() throws -> [Notice] {
        let townships = Dictionary(
            grouping: try Row.fetchAll(db, sql: "SELECT * FROM notice_township ORDER BY notice_id, position"),
            by: { (row: Row) -> Int64 in row["notice_id"] })
        return try Row.fetchAll(db, sql: "SELECT * FROM notice ORDER BY end_day, period").compactMap { row in
            let id: Int64 = row["id"]
            return Self.notice(row, townships: townships[id] ?? [])
        }
    }

    func replaceNotice(_ notice: Notice) throws {
        try db.execute(sql: "DELETE FROM notice WHERE period = ?", arguments: [notice.period.description])
        try db.execute(
            sql: """
                INSERT INTO notice (period, kind, start_day, end_day, issued, target_numerator, target_denominator,
                    bottom, card_yellow, card_red, card_listed, not_reported, unassigned)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                notice.period.description, notice.period.kind.rawValue, notice.period.start.iso8601Unchecked,
                notice.period.end.iso8601Unchecked, notice.issued.iso8601Unchecked, notice.target.numerator,
                notice.target.denominator, notice.bottom, notice.cards.yellow, notice.cards.red, notice.cards.listed,
                notice.notReported.joined(separator: "\u{1F}"), notice.unassigned,
            ])
        let id = db.lastInsertedRowID
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO notice_township (notice_id, position, township, population, target_numerator,
                    target_denominator, malformed, flagged, listed, duplicates, valid, rank, named, times_named, card,
                    change_valid, change_rate, change_rank, county)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (position, township) in notice.townships.enumerated() {
            let figures = township.figures
            let counts = figures.counts
            try statement.execute(arguments: [
                id, position, figures.township, figures.population, figures.target.numerator,
                figures.target.denominator, counts.malformed, counts.flagged, counts.listed, counts.duplicates,
                counts.valid, figures.rank, township.named, township.timesNamed, township.card?.rawValue,
                township.change?.valid, township.change?.rateMillionths, township.change?.rank, figures.county,
            ])
        }
    }

    private static func notice(_ row: Row, townships: [Row]) -> Notice? {
        guard let period = NoticePeriod(parsing: row["period"]), let issued = CivilDate(iso8601: row["issued"])
        else { return nil }
        let notReported: String = row["not_reported"]
        return Notice(
            period: period, issued: issued,
            target: Target(numerator: row["target_numerator"], denominator: row["target_denominator"]),
            bottom: row["bottom"],
            cards: NoticeCards(yellow: row["card_yellow"], red: row["card_red"], listed: row["card_listed"]),
            townships: townships.map(township),
            notReported: notReported.isEmpty ? [] : notReported.split(separator: "\u{1F}").map(String.init),
            unassigned: row["unassigned"])
    }

    private static func township(_ row: Row) -> NoticeTownship {
        let figures = TownshipFigures(
            township: row["township"], population: row["population"],
            target: Target(numerator: row["target_numerator"], denominator: row["target_denominator"]),
            counts: OutcomeCounts(
                malformed: row["malformed"], flagged: row["flagged"], listed: row["listed"],
                duplicates: row["duplicates"], valid: row["valid"]),
            rank: row["rank"], county: row["county"])
        let changeValid: Int64? = row["change_valid"]
        let changeRate: Int64? = row["change_rate"]
        let changeRank: Int? = row["change_rank"]
        let card: String? = row["card"]
        // A notice stored by an earlier release kept the valid change of an unranked township alone: no change.
        let change: NoticeChange? =
            if let changeValid, let changeRate, let changeRank {
                NoticeChange(valid: changeValid, rateMillionths: changeRate, rank: changeRank)
            } else {
                nil
            }
        return NoticeTownship(
            figures: figures,
            change: change,
            named: row["named"], timesNamed: row["times_named"], card: card.flatMap(NoticeCard.init(rawValue:)))
    }
}
