import GRDB
import RegTrackerCore
import RegTrackerRender

/// Every narrow store (`RegistryTransaction`) on one GRDB connection inside a transaction.
struct SQLiteTransaction: RegistryTransaction {
    let db: Database

    func changeStamp() throws -> Int64 {
        try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
    }

    func activeBatch(sha256: String) throws -> BatchRecord? {
        try BatchRecord.fetchOne(
            db, sql: "SELECT * FROM batch WHERE sha256 = ? AND retracted_at IS NULL ORDER BY id LIMIT 1",
            arguments: [sha256])
    }

    func activeBatches(fileName: String, kind: FileKind) throws -> [BatchRecord] {
        try BatchRecord.fetchAll(
            db, sql: "SELECT * FROM batch WHERE file_name = ? AND kind = ? AND retracted_at IS NULL ORDER BY id",
            arguments: [fileName, kind.rawValue])
    }

    func batch(id: Int64) throws -> BatchRecord? {
        try BatchRecord.fetchOne(db, key: id)
    }

    func batches() throws -> [BatchRecord] {
        try BatchRecord.fetchAll(db, sql: "SELECT * FROM batch ORDER BY id")
    }

    func insertBatch(_ batch: BatchRecord) throws -> Int64 {
        var batch = batch
        try batch.insert(db)
        if batch.sequence == nil {
            try db.execute(sql: "UPDATE batch SET sequence = id WHERE id = ?", arguments: [batch.id!])
        }
        return batch.id!
    }

    func setBatchCounts(batch: Int64, rows: Int, skippedRows: Int) throws {
        try db.execute(
            sql: "UPDATE batch SET rows = ?, skipped_rows = ? WHERE id = ?", arguments: [rows, skippedRows, batch])
    }

    func markRetracted(batch: Int64, at timestamp: String) throws {
        try db.execute(sql: "UPDATE batch SET retracted_at = ? WHERE id = ?", arguments: [timestamp, batch])
    }

    func purge(batch: Int64, at timestamp: String, by user: String) throws {
        var rows = 0
        // A batch purged as it is retracted still has valid rows: their keys go with them.
        try ValidKeyIndex.removeKeys(
            ofRowsSelectedBy: "SELECT id, id_key, phone_key FROM registration WHERE batch_id = ? AND outcome = ?",
            arguments: [batch, OutcomeKind.valid.rawValue], in: db)
        for table in ["registration", "invalid_entry", "village", "township", "figure"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE batch_id = ?", arguments: [batch])
            if table != "figure" { rows += db.changesCount }
        }
        try db.execute(sql: "UPDATE batch SET purged_at = ? WHERE id = ?", arguments: [timestamp, batch])
        // The audit line outlives the rows: who, when, which batch and how many rows; no personal data.
        try db.execute(
            sql: "INSERT INTO audit (at, user, action, batch_id, rows) VALUES (?, ?, 'purge', ?, ?)",
            arguments: [timestamp, user, batch, rows])
    }

    func auditLines() throws -> [AuditLine] {
        try AuditLine.fetchAll(db, sql: "SELECT at, user, action, batch_id AS batch, rows FROM audit ORDER BY id")
    }

    func insertRoster(batch: Int64, townships: [(row: Int, township: Township)]) throws {
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO township (batch_id, position, row_number, name, population, target_numerator,
                    target_denominator, aliases, county) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let villageStatement = try db.makeStatement(
            sql: """
                INSERT INTO village (batch_id, township_id, position, row_number, name, population, target_numerator,
                    target_denominator, aliases) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (position, entry) in townships.enumerated() {
            let township = entry.township
            try statement.execute(arguments: [
                batch, position, entry.row, township.name, township.population, township.target?.numerator,
                township.target?.denominator, township.aliases.joined(separator: "\u{1F}"), township.county,
            ])
            let townshipID = db.lastInsertedRowID
            for (villagePosition, village) in township.villages.enumerated() {
                try villageStatement.execute(arguments: [
                    batch, townshipID, villagePosition, village.row ?? entry.row, village.name, village.population,
                    village.target?.numerator, village.target?.denominator, village.aliases.joined(separator: "\u{1F}"),
                ])
            }
        }
    }

    func currentRoster() throws -> StoredRoster {
        guard
            let batch = try Int64.fetchOne(
                db, sql: "SELECT MAX(id) FROM batch WHERE kind = ? AND retracted_at IS NULL",
                arguments: [FileKind.roster.rawValue])
        else { return .empty }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, name, population, target_numerator, target_denominator, aliases, county
                FROM township WHERE batch_id = ? ORDER BY position
                """, arguments: [batch])
        func target(_ row: Row) -> Target? {
            let numerator: Int64? = row["target_numerator"]
            let denominator: Int64? = row["target_denominator"]
            return numerator.flatMap { numerator in denominator.map { Target(numerator: numerator, denominator: $0) } }
        }
        func aliases(_ row: Row) -> [String] {
            let aliases: String = row["aliases"]
            return aliases.isEmpty ? [] : aliases.split(separator: "\u{1F}").map(String.init)
        }
        var townships = rows.map { row -> Township in
            Township(
                name: row["name"], population: row["population"], target: target(row), aliases: aliases(row),
                county: row["county"])
        }
        let ids: [Int64] = rows.map { $0["id"] }
        let positionByID = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var villageIDs = Array(repeating: [Int64](), count: ids.count)
        let villages = try Row.fetchAll(
            db,
            sql: """
                SELECT id, township_id, row_number, name, population, target_numerator, target_denominator, aliases
                FROM village WHERE batch_id = ? ORDER BY township_id, position
                """, arguments: [batch])
        for row in villages {
            guard let position = positionByID[row["township_id"]] else { continue }
            townships[position].villages.append(
                Village(
                    name: row["name"], population: row["population"], target: target(row), aliases: aliases(row),
                    row: row["row_number"]))
            villageIDs[position].append(row["id"])
        }
        return StoredRoster(roster: Roster(townships: townships), ids: ids, batch: batch, villageIDs: villageIDs)
    }

    func insertInvalidEntry(
        batch: Int64, row: Int, raw: String, townshipText: String?, countyText: String?, idKey: Int64?,
        phoneKey: Int64?, reason: String
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO invalid_entry (batch_id, row_number, raw, township_text, county_text, id_key, phone_key,
                    reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [batch, row, raw, townshipText, countyText, idKey, phoneKey, reason])
    }

    func invalidEntries() throws -> [InvalidEntry] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT e.id, e.township_text, e.county_text, e.id_key, e.phone_key FROM invalid_entry e
                JOIN batch b ON b.id = e.batch_id WHERE b.retracted_at IS NULL ORDER BY e.id
                """
        ).map { row in
            let township: String? = row["township_text"]
            let county: String? = row["county_text"]
            return InvalidEntry(
                id: row["id"], townshipKey: township.map(Roster.key), idKey: row["id_key"], phoneKey: row["phone_key"],
                countyKey: county.map(Roster.key))
        }
    }

    func matchedVillageRowCounts() throws -> [MatchedVillageRowCount] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT t.name AS township, v.name AS village, r.village AS village_text, COUNT(*) AS rows,
                    SUM(r.outcome = ?) AS valid, t.county
                FROM registration r JOIN village v ON v.id = r.village_id JOIN township t ON t.id = v.township_id
                WHERE r.outcome IS NOT NULL GROUP BY t.county, t.name, v.name, r.village ORDER BY t.county, t.name, v.name
                """,
            arguments: [OutcomeKind.valid.rawValue]
        ).map { row in
            MatchedVillageRowCount(
                township: row["township"], village: row["village"], villageText: row["village_text"],
                rows: row["rows"], valid: row["valid"], county: row["county"])
        }
    }

    func unmatchedVillageRows(township: Int64, limit: Int) throws -> UnmatchedVillageRows {
        // No index of its own: one on every row without a village would cost every import of a county without
        // villages. The rows are read in import order until `limit` are found.
        let unmatched = "r.township_id = ? AND r.village_id IS NULL AND r.outcome IS NOT NULL"
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT b.file_name, r.sheet, r.row_number, r.name, r.village, r.id_text, r.phone_text, r.id_key,
                    r.phone_key, r.outcome
                FROM registration r JOIN batch b ON b.id = r.batch_id
                WHERE \(unmatched) ORDER BY r.id LIMIT ?
                """,
            arguments: [township, limit]
        ).map { row in
            UnmatchedVillageRows.Row(
                fileName: ReasonText.place(row["file_name"], row["sheet"]), rowNumber: row["row_number"],
                name: row["name"], villageText: row["village"],
                idText: IDNumber.text(stored: row["id_text"], key: row["id_key"]),
                phoneText: Phone.text(stored: row["phone_text"], key: row["phone_key"]),
                outcome: OutcomeKind(rawValue: row["outcome"]) ?? .malformed)
        }
        let total =
            try Int.fetchOne(
                db, sql: "SELECT COALESCE(SUM(rows), 0) FROM figure WHERE township_id = ? AND village_id IS NULL",
                arguments: [township]) ?? 0
        return UnmatchedVillageRows(rows: rows, total: total)
    }

    func registrationWriter(batch: Int64) throws -> any RegistrationWriter {
        try SQLiteRegistrationWriter(db: db, batch: batch)
    }

    func validKeys(before place: Int64?) throws -> any ValidKeyLookup {
        try ValidKeyIndex.Lookup(db, before: place)
    }

    func validKeyWriter(batch: Int64) throws -> any ValidKeyWriter {
        try ValidKeyIndex.Appender(db)
    }

    func reevaluate(
        roster: StoredRoster, decide: (Int64, RowFacts) throws -> Outcome, lost: (LostRow) -> Void
    ) throws -> Int {
        try ValidKeyIndex.removeKeys(
            ofRowsSelectedBy: """
                SELECT id, id_key, phone_key FROM registration
                WHERE outcome = ? AND batch_id IN (SELECT id FROM batch WHERE retracted_at IS NOT NULL)
                """, arguments: [OutcomeKind.valid.rawValue], in: db)
        try db.execute(
            sql: """
                UPDATE registration SET outcome = NULL, township_id = NULL, reference = NULL, reason = NULL,
                    village_id = NULL
                WHERE outcome IS NOT NULL AND batch_id IN (SELECT id FROM batch WHERE retracted_at IS NOT NULL)
                """)
        // The outcomes that change are kept in a temporary table and stored by one UPDATE once every row is decided:
        // when most rows change (a roster with villages), the index by township is then built again once instead of
        // having an entry moved for every row.
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS decided_outcome (
                    id INTEGER PRIMARY KEY, outcome INTEGER NOT NULL, township_id INTEGER, reference INTEGER,
                    reason TEXT, village_id INTEGER);
                DELETE FROM temp.decided_outcome;
                PRAGMA temp.cache_size = -1024
                """)
        let keepDecided = try db.makeStatement(
            sql: """
                INSERT INTO temp.decided_outcome (outcome, township_id, reference, reason, village_id, id)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        var rows = 0
        var updated = 0
        let order = try sequenceOrder()
        // Townships are compared by name: a new roster gives every township a new id, which changes no outcome.
        let townshipNames = try textsByID(in: "township")
        let townshipCounties = try textsByID("county", in: "township")
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT r.id, r.township_text, r.malformed_reason, r.flagged, r.id_key, r.phone_key,
                    r.outcome, r.township_id, r.reference, r.reason, r.batch_id, r.registered_at, r.village, r.village_id,
                    r.county_text
                FROM registration r JOIN batch b ON b.id = r.batch_id
                WHERE b.retracted_at IS NULL ORDER BY \(order)
                """)
        var changed = 0
        var figures = FigureCounter()
        var villages = VillageMatcher(roster)
        let validKeys = try ValidKeyIndex.Changes(db)
        // Columns by position: this loop reads every active row (a million in the benchmarks), in the order selected.
        while let row = try cursor.next() {
            rows += 1
            let id: Int64 = row[0]
            let facts = RowFacts(
                townshipKey: Roster.key(row[1]), problems: StoredReasons.decode(row[2]), isFlagged: row[3],
                idKey: row[4],
                phoneKey: row[5], countyKey: Roster.key(row[14] ?? ""))
            let outcome = try decide(id, facts)
            let townshipID = outcome.township.map { roster.ids[$0] }
            let villageID = outcome.township.flatMap { villages.villageID(township: $0, cell: row[12]) }
            figures.add(
                batch: row[10], township: townshipID, village: villageID, outcome: outcome.kind.rawValue,
                registeredAt: row[11])
            let current: (Int?, Int64?, Int64?, String?) = (row[6], row[7], row[8], row[9])
            if let row = LostRow(
                outcome: current.0, township: current.1, now: outcome, names: townshipNames,
                counties: townshipCounties)
            {
                lost(row)
            }
            let reasons = StoredReasons.encode(outcome.reasons)
            let villageBefore: Int64? = row[13]
            let decided = (outcome.kind.rawValue, townshipID, outcome.reference, reasons)
            if current != decided || villageBefore != villageID {
                // Bound through SQLite's C API: a new roster with villages changes every row.
                keepDecided.bind(Int64(outcome.kind.rawValue), at: 1)
                keepDecided.bind(townshipID, at: 2)
                keepDecided.bind(outcome.reference, at: 3)
                keepDecided.bind(reasons, at: 4)
                keepDecided.bind(villageID, at: 5)
                keepDecided.bind(id, at: 6)
                try keepDecided.stepToEnd(failing: "cannot store an outcome")
                updated += 1
                let (wasValid, isValid) = (current.0 == OutcomeKind.valid.rawValue, outcome.kind == .valid)
                if isValid && !wasValid { try validKeys.add(row: id, idKey: facts.idKey, phoneKey: facts.phoneKey) }
                if wasValid && !isValid { try validKeys.remove(row: id, idKey: facts.idKey, phoneKey: facts.phoneKey) }
                // A duplicate that now names another earlier row has not changed outcome: only kind and township count, and
                // a township renamed with its old name kept as an alias is the same township.
                let townshipBefore = current.1.flatMap { townshipNames[$0] }
                if current.0 != outcome.kind.rawValue || !roster.roster.isSame(township: townshipBefore, as: outcome.township) {
                    changed += 1
                }
            }
        }
        try storeDecidedOutcomes(rebuildingIndex: updated > TownshipIndex.setAsideRows && updated * 2 > rows)
        // Every active row was decided: the kept figures are these counts, whatever they were before.
        try FigureTotals.replaceFigures(in: db) { try figures.insert(into: db) }
        return changed
    }

    /// Stores what `reevaluate` decided (`temp.decided_outcome`), in one statement, and empties the table.
    /// `rebuildingIndex`: most rows change (a new roster with villages over 1M rows: 9 → 7 s).
    private func storeDecidedOutcomes(rebuildingIndex: Bool) throws {
        let index = rebuildingIndex ? try TownshipIndex.setAside(in: db) : nil
        try db.execute(
            sql: """
                UPDATE registration SET outcome = u.outcome, township_id = u.township_id, reference = u.reference,
                    reason = u.reason, village_id = u.village_id
                FROM temp.decided_outcome AS u WHERE registration.id = u.id;
                DELETE FROM temp.decided_outcome
                """)
        try index?.restore(in: db)
    }

    /// Rows in the order of SPEC 2. Row ids follow import order, so unless a `--replace` batch took an earlier
    /// batch's place, the id alone orders them and SQLite needs no sort of a million rows.
    private func sequenceOrder() throws -> String {
        let moved = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM batch WHERE sequence <> id)") ?? false
        return moved ? "b.sequence, r.id" : "r.id"
    }

    func rejects(township: Int64?, all: Bool) throws -> [RejectRecord] {
        var sql = """
            SELECT t.name AS township, r.township_text, b.file_name, r.sheet, b.id AS batch, r.row_number, r.name,
                r.id_text, r.phone_text, r.outcome, r.reason,
                dt.name AS earlier_township, db.file_name AS earlier_file, d.sheet AS earlier_sheet,
                d.row_number AS earlier_row, e.reason AS entry_reason, eb.file_name AS entry_file,
                e.row_number AS entry_row, t.county, dt.county AS earlier_county, r.id_key, r.phone_key
            FROM registration r
            JOIN batch b ON b.id = r.batch_id
            LEFT JOIN township t ON t.id = r.township_id
            LEFT JOIN registration d ON r.outcome = \(OutcomeKind.duplicate.rawValue) AND d.id = r.reference
            LEFT JOIN batch db ON db.id = d.batch_id
            LEFT JOIN township dt ON dt.id = d.township_id
            LEFT JOIN invalid_entry e ON r.outcome = \(OutcomeKind.listed.rawValue) AND e.id = r.reference
            LEFT JOIN batch eb ON eb.id = e.batch_id
            WHERE r.outcome IS NOT NULL AND r.outcome <> \(OutcomeKind.valid.rawValue)
            """
        var arguments: StatementArguments = []
        if !all {
            if let township {
                sql += " AND r.township_id = ?"
                arguments = [township]
            } else {
                sql += " AND r.outcome = \(OutcomeKind.unassigned.rawValue)"
            }
        }
        sql += " ORDER BY r.id"
        // Read through a cursor, columns by position: on a million rows these are some 60,000, which held as GRDB
        // rows as well as records cost tens of megabytes more, and looking columns up by name a share of the time.
        var records: [RejectRecord] = []
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() {
            let kind = OutcomeKind(rawValue: row[9]) ?? .malformed
            let reasons: [Reason] =
                switch kind {
                case .duplicate:
                    [
                        .duplicate(
                            township: row[11] ?? "?", county: row[19], file: row[12] ?? "?", sheet: row[13],
                            row: row[14] ?? 0)
                    ]
                case .listed:
                    [.listed(file: row[16] ?? "?", row: row[17] ?? 0, reason: row[15] ?? "")]
                case .flagged: [.flagged]
                case .unassigned, .malformed, .valid: StoredReasons.decode(row[10])
                }
            let file: String = row[2]
            let sheet: String? = row[3]
            records.append(
                RejectRecord(
                    township: row[0], townshipText: row[1], fileName: ReasonText.place(file, sheet), batch: row[4],
                    rowNumber: row[5], name: row[6], idText: IDNumber.text(stored: row[7], key: row[20]),
                    phoneText: Phone.text(stored: row[8], key: row[21]), outcome: kind,
                    reasons: reasons, county: row[18]))
        }
        return records
    }
}
