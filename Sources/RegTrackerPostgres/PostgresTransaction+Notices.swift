import PostgresNIO
import RegTrackerCore
import RegTrackerStore

/// Periodic notices on PostgreSQL: one `notice` row and one `notice_township` row per township, written once.
extension PostgresTransaction: NoticeStore {
    /// The key of the transaction-level advisory lock that puts the writes of notices in one line: two runs issuing
    /// the same period at once each see the other's notice (as SQLite's one writer does) instead of both inserting
    /// it. Imports do not take it, nor wait for it.
    static let noticeLock: Int64 = 0x7265_6774_6e6f_7469

    public func notices() throws -> [Notice] {
        try lockNotices()
        var townships: [Int64: [PostgresRandomAccessRow]] = [:]
        for row in try connection.rows("SELECT * FROM notice_township ORDER BY notice_id, position") {
            townships[try row["notice_id"].decode(Int64.self), default: []].append(row)
        }
        return try connection.rows("SELECT * FROM notice ORDER BY end_day, period").compactMap { row in
            try Self.notice(row, townships: townships[try row["id"].decode(Int64.self)] ?? [])
        }
    }

    public func replaceNotice(_ notice: Notice) throws {
        try lockNotices()
        try connection.execute("DELETE FROM notice WHERE period = \(notice.period.description)")
        let period = notice.period
        let target = notice.target
        let cards = notice.cards
        let notReported = notice.notReported.joined(separator: "\u{1F}")
        let id = try connection.rows(
            """
            INSERT INTO notice (period, kind, start_day, end_day, issued, target_numerator, target_denominator,
                bottom, card_yellow, card_red, card_listed, not_reported, unassigned)
            VALUES (\(period.description), \(period.kind.rawValue), \(period.start.iso8601Unchecked),
                \(period.end.iso8601Unchecked), \(notice.issued.iso8601Unchecked), \(target.numerator),
                \(target.denominator), \(Int64(notice.bottom)), \(Int64(cards.yellow)), \(Int64(cards.red)),
                \(Int64(cards.listed)), \(notReported), \(notice.unassigned))
            RETURNING id
            """)[0]["id"].decode(Int64.self)
        for (position, township) in notice.townships.enumerated() {
            let figures = township.figures
            let counts = figures.counts
            try connection.execute(
                """
                INSERT INTO notice_township (notice_id, position, township, population, target_numerator,
                    target_denominator, malformed, flagged, listed, duplicates, valid, rank, named, times_named, card,
                    change_valid, change_rate, change_rank, county)
                VALUES (\(id), \(Int64(position)), \(figures.township), \(figures.population),
                    \(figures.target.numerator), \(figures.target.denominator), \(counts.malformed), \(counts.flagged),
                    \(counts.listed), \(counts.duplicates), \(counts.valid), \(figures.rank.map(Int64.init)),
                    \(township.named), \(Int64(township.timesNamed)), \(township.card?.rawValue),
                    \(township.change?.valid), \(township.change?.rateMillionths), \(township.change.map { Int64($0.rank) }),
                    \(figures.county))
                """)
        }
    }

    private static func notice(_ row: PostgresRandomAccessRow, townships: [PostgresRandomAccessRow]) throws -> Notice? {
        guard let period = NoticePeriod(parsing: try row["period"].decode(String.self)),
            let issued = CivilDate(iso8601: try row["issued"].decode(String.self))
        else { return nil }
        let notReported = try row["not_reported"].decode(String.self)
        return Notice(
            period: period, issued: issued,
            target: Target(
                numerator: try row["target_numerator"].decode(Int64.self),
                denominator: try row["target_denominator"].decode(Int64.self)),
            bottom: try row["bottom"].decode(Int.self),
            cards: NoticeCards(
                yellow: try row["card_yellow"].decode(Int.self), red: try row["card_red"].decode(Int.self),
                listed: try row["card_listed"].decode(Int.self)),
            townships: try townships.map(township),
            notReported: notReported.isEmpty ? [] : notReported.split(separator: "\u{1F}").map(String.init),
            unassigned: try row["unassigned"].decode(Int64.self))
    }

    private static func township(_ row: PostgresRandomAccessRow) throws -> NoticeTownship {
        func count(_ column: String) throws -> Int64 { try row[column].decode(Int64.self) }
        let figures = TownshipFigures(
            township: try row["township"].decode(String.self), population: try count("population"),
            target: Target(numerator: try count("target_numerator"), denominator: try count("target_denominator")),
            counts: OutcomeCounts(
                malformed: try count("malformed"), flagged: try count("flagged"), listed: try count("listed"),
                duplicates: try count("duplicates"), valid: try count("valid")),
            rank: try row["rank"].decode(Int?.self), county: try row["county"].decode(String?.self))
        // A notice stored by an earlier release kept the valid change of an unranked township alone: no change.
        let change: NoticeChange? =
            if let valid = try row["change_valid"].decode(Int64?.self),
                let rate = try row["change_rate"].decode(Int64?.self), let rank = try row["change_rank"].decode(Int?.self)
            {
                NoticeChange(valid: valid, rateMillionths: rate, rank: rank)
            } else {
                nil
            }
        return NoticeTownship(
            figures: figures, change: change, named: try row["named"].decode(Bool.self),
            timesNamed: try row["times_named"].decode(Int.self),
            card: try row["card"].decode(String?.self).flatMap(NoticeCard.init(rawValue:)))
    }
}

extension PostgresTransaction {
    /// In a write, takes the notices' lock (once): waited for up to the connection's `lock_timeout`, 60 s.
    func lockNotices() throws {
        guard state.writing, !state.holdsNoticeLock else { return }
        try connection.execute("SELECT pg_advisory_xact_lock(\(Self.noticeLock))")
        state.holdsNoticeLock = true
    }
}
