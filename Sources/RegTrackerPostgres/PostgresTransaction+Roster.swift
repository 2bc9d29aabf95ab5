import PostgresNIO
import RegTrackerCore
import RegTrackerStore

/// The roster (townships, with SPEC 8's county, and their villages) on PostgreSQL, and what the rows already
/// stored ask of a new one.
extension PostgresTransaction: RosterStore {
    public func insertRoster(batch: Int64, townships: [(row: Int, township: Township)]) throws {
        try sequenced()
        for (position, entry) in townships.enumerated() {
            let township = entry.township
            let id = try connection.rows(
                """
                INSERT INTO township (batch_id, position, row_number, name, population, target_numerator,
                    target_denominator, aliases, county)
                VALUES (\(batch), \(Int64(position)), \(Int64(entry.row)), \(township.name), \(township.population),
                    \(township.target?.numerator), \(township.target?.denominator),
                    \(township.aliases.joined(separator: "\u{1F}")), \(township.county))
                RETURNING id
                """)[0]["id"].decode(Int64.self)
            for (villagePosition, village) in township.villages.enumerated() {
                try connection.execute(
                    """
                    INSERT INTO village (batch_id, township_id, position, row_number, name, population,
                        target_numerator, target_denominator, aliases)
                    VALUES (\(batch), \(id), \(Int64(villagePosition)), \(Int64(village.row ?? entry.row)),
                        \(village.name), \(village.population), \(village.target?.numerator),
                        \(village.target?.denominator), \(village.aliases.joined(separator: "\u{1F}")))
                    """)
            }
        }
    }

    public func currentRoster() throws -> StoredRoster {
        try sequenced()
        guard
            let batch = try connection.rows(
                "SELECT MAX(id) AS id FROM batch WHERE kind = \(FileKind.roster.rawValue) AND retracted_at IS NULL"
            ).first.flatMap({ try $0["id"].decode(Int64?.self) })
        else { return .empty }
        let rows = try connection.rows(
            """
            SELECT id, name, population, target_numerator, target_denominator, aliases, county
            FROM township WHERE batch_id = \(batch) ORDER BY position
            """)
        var townships = try rows.map { row in
            Township(
                name: try row["name"].decode(String.self), population: try row["population"].decode(Int64.self),
                target: try Self.target(row), aliases: try Self.aliases(row),
                county: try row["county"].decode(String?.self))
        }
        let ids = try rows.map { try $0["id"].decode(Int64.self) }
        let positionByID = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var villageIDs = Array(repeating: [Int64](), count: ids.count)
        let villages = try connection.rows(
            """
            SELECT id, township_id, row_number, name, population, target_numerator, target_denominator, aliases
            FROM village WHERE batch_id = \(batch) ORDER BY township_id, position
            """)
        for row in villages {
            guard let position = positionByID[try row["township_id"].decode(Int64.self)] else { continue }
            townships[position].villages.append(
                Village(
                    name: try row["name"].decode(String.self), population: try row["population"].decode(Int64.self),
                    target: try Self.target(row), aliases: try Self.aliases(row),
                    row: try row["row_number"].decode(Int.self)))
            villageIDs[position].append(try row["id"].decode(Int64.self))
        }
        return StoredRoster(roster: Roster(townships: townships), ids: ids, batch: batch, villageIDs: villageIDs)
    }

    public func matchedVillageRowCounts() throws -> [MatchedVillageRowCount] {
        try connection.rows(
            """
            SELECT t.name AS township, v.name AS village, r.village AS village_text, COUNT(*) AS rows,
                COUNT(*) FILTER (WHERE r.outcome = \(Int16(OutcomeKind.valid.rawValue))) AS valid, t.county
            FROM registration r JOIN village v ON v.id = r.village_id JOIN township t ON t.id = v.township_id
            WHERE r.outcome IS NOT NULL GROUP BY t.county, t.name, v.name, r.village
            ORDER BY t.county, t.name, v.name
            """
        ).map { row in
            MatchedVillageRowCount(
                township: try row["township"].decode(String.self), village: try row["village"].decode(String.self),
                villageText: try row["village_text"].decode(String.self), rows: try row["rows"].decode(Int64.self),
                valid: try row["valid"].decode(Int64.self), county: try row["county"].decode(String?.self))
        }
    }

    private static func target(_ row: PostgresRandomAccessRow) throws -> Target? {
        guard let numerator = try row["target_numerator"].decode(Int64?.self),
            let denominator = try row["target_denominator"].decode(Int64?.self)
        else { return nil }
        return Target(numerator: numerator, denominator: denominator)
    }

    private static func aliases(_ row: PostgresRandomAccessRow) throws -> [String] {
        let aliases = try row["aliases"].decode(String.self)
        return aliases.isEmpty ? [] : aliases.split(separator: "\u{1F}").map(String.init)
    }
}
