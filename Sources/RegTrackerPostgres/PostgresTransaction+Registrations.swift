import PostgresNIO
import RegTrackerCore
import RegTrackerRender
import RegTrackerStore

/// The registration rows on PostgreSQL: storing a batch's rows, the valid-key index, deciding every row again, and
/// the rows that did not count.
extension PostgresTransaction: RegistrationStore {
    public func registrationWriter(batch: Int64) throws -> any RegistrationWriter {
        try PostgresRegistrationWriter(self, batch: batch)
    }

    /// Without a place, nothing this transaction did before changed the index: the look-ups may go over a
    /// connection of their own, seeing what the imports before this one committed (they did, the sequence lock is
    /// held). A replacement's look-ups must see its own uncommitted retraction, so they share the transaction's.
    public func validKeys(before place: Int64?) throws -> any ValidKeyLookup {
        try sequenced()
        return try PostgresValidKeyIndex.Lookup(
            connection, before: place, ownConnectionTo: place == nil && state.writing ? state.location : nil,
            lockSeconds: state.lockSeconds)
    }

    public func validKeyWriter(batch: Int64) throws -> any ValidKeyWriter {
        try sequenced()
        return PostgresValidKeyIndex.Writer(connection, batch: batch)
    }

    public func validKeyDifferences() throws -> [ValidKeyDifference] {
        try PostgresValidKeyIndex.differences(connection)
    }

    public func rebuildValidKeys() throws -> Int {
        try sequenced()
        return try PostgresValidKeyIndex.rebuild(connection)
    }

    /// How many rows `reevaluate` reads a query: the rows are read in pages (keyset on the sequence order), not
    /// held all at once.
    static let reevaluationPage = 20_000

    public func reevaluate(
        roster: StoredRoster, decide: (Int64, RowFacts) throws -> Outcome, lost: (LostRow) -> Void
    ) throws -> Int {
        try sequenced()
        let valid = PostgresValidKeyIndex.valid
        let retracted = "SELECT id FROM batch WHERE retracted_at IS NOT NULL"
        for (_, table, column) in PostgresValidKeyIndex.tables {
            try connection.execute(
                PostgresQuery(
                    unsafeSQL: """
                        DELETE FROM \(table) k USING registration r
                        WHERE k.registration_id = r.id AND k.key = r.\(column) AND r.outcome = \(valid)
                            AND r.batch_id IN (\(retracted))
                        """))
        }
        try connection.execute(
            PostgresQuery(
                unsafeSQL: """
                    UPDATE registration SET outcome = NULL, township_id = NULL, reference = NULL, reason = NULL,
                        village_id = NULL
                    WHERE outcome IS NOT NULL AND batch_id IN (\(retracted))
                    """))
        let updates = PostgresRowBatches(
            connection,
            columns: [
                .init(name: "id", type: "bigint"), .init(name: "outcome", type: "smallint"),
                .init(name: "township_id", type: "bigint"), .init(name: "reference", type: "bigint"),
                .init(name: "reason", type: "text"), .init(name: "village_id", type: "bigint"),
            ]
        ) {
            """
            UPDATE registration r SET outcome = u.outcome, township_id = u.township_id, reference = u.reference,
                reason = u.reason, village_id = u.village_id
            FROM (VALUES \($0)) AS u (id, outcome, township_id, reference, reason, village_id) WHERE r.id = u.id
            """
        }
        // Townships are compared by name: a new roster gives every township a new id, which changes no outcome.
        let townshipNames = try textsByID(in: "township")
        let townshipCounties = try textsByID("county", in: "township")
        var changed = 0
        var figures = FigureCounter()
        var villages = VillageMatcher(roster)
        let validKeys = PostgresValidKeyIndex.Changes(connection)
        var after: (sequence: Int64, id: Int64) = (Int64.min, Int64.min)
        while true {
            let rows = try connection.rows(
                """
                SELECT r.id, r.township_text, r.malformed_reason, r.flagged, r.id_key, r.phone_key, r.outcome,
                    r.township_id, r.reference, r.reason, r.batch_id, r.registered_at, r.village, r.village_id,
                    r.county_text, b.sequence
                FROM registration r JOIN batch b ON b.id = r.batch_id
                WHERE b.retracted_at IS NULL AND (b.sequence, r.id) > (\(after.sequence), \(after.id))
                ORDER BY b.sequence, r.id LIMIT \(Self.reevaluationPage)
                """)
            for row in rows {
                let id = try row["id"].decode(Int64.self)
                let facts = RowFacts(
                    townshipKey: Roster.key(try row["township_text"].decode(String.self)),
                    problems: StoredReasons.decode(try row["malformed_reason"].decode(String?.self)),
                    isFlagged: try row["flagged"].decode(Bool.self), idKey: try row["id_key"].decode(Int64?.self),
                    phoneKey: try row["phone_key"].decode(Int64?.self),
                    countyKey: Roster.key(try row["county_text"].decode(String?.self) ?? ""))
                let outcome = try decide(id, facts)
                let townshipID = outcome.township.map { roster.ids[$0] }
                let villageID = try outcome.township.flatMap {
                    villages.villageID(township: $0, cell: try row["village"].decode(String.self))
                }
                figures.add(
                    batch: try row["batch_id"].decode(Int64.self), township: townshipID, village: villageID,
                    outcome: outcome.kind.rawValue, registeredAt: try row["registered_at"].decode(String?.self))
                let current = (
                    try row["outcome"].decode(Int?.self), try row["township_id"].decode(Int64?.self),
                    try row["reference"].decode(Int64?.self), try row["reason"].decode(String?.self)
                )
                if let row = LostRow(
                    outcome: current.0, township: current.1, now: outcome, names: townshipNames,
                    counties: townshipCounties)
                {
                    lost(row)
                }
                let reasons = StoredReasons.encode(outcome.reasons)
                let villageBefore = try row["village_id"].decode(Int64?.self)
                let decided = (outcome.kind.rawValue, townshipID, outcome.reference, reasons)
                guard current != decided || villageBefore != villageID else { continue }
                updates.binds.append(id)
                updates.binds.append(Int16(outcome.kind.rawValue))
                updates.binds.append(townshipID)
                updates.binds.append(outcome.reference)
                updates.binds.append(reasons)
                updates.binds.append(villageID)
                try updates.endRow()
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
            guard let last = rows.last, rows.count == Self.reevaluationPage else { break }
            after = (try last["sequence"].decode(Int64.self), try last["id"].decode(Int64.self))
        }
        try updates.flush()
        try validKeys.finish()
        // Every active row was decided: the kept figures are these counts, whatever they were before.
        try connection.execute(sql: "DELETE FROM figure")
        try PostgresFigureWriter(connection).insert(figures)
        return changed
    }

    public func rejects(township: Int64?, all: Bool) throws -> [RejectRecord] {
        var sql = """
            SELECT t.name AS township, r.township_text, b.file_name, r.sheet, b.id AS batch, r.row_number, r.name,
                r.id_text, r.phone_text, r.outcome, r.reason,
                dt.name AS earlier_township, eb_d.file_name AS earlier_file, d.sheet AS earlier_sheet,
                d.row_number AS earlier_row, e.reason AS entry_reason, eb.file_name AS entry_file,
                e.row_number AS entry_row, t.county, dt.county AS earlier_county, r.id_key, r.phone_key
            FROM registration r
            JOIN batch b ON b.id = r.batch_id
            LEFT JOIN township t ON t.id = r.township_id
            LEFT JOIN registration d ON r.outcome = \(OutcomeKind.duplicate.rawValue) AND d.id = r.reference
            LEFT JOIN batch eb_d ON eb_d.id = d.batch_id
            LEFT JOIN township dt ON dt.id = d.township_id
            LEFT JOIN invalid_entry e ON r.outcome = \(OutcomeKind.listed.rawValue) AND e.id = r.reference
            LEFT JOIN batch eb ON eb.id = e.batch_id
            WHERE r.outcome IS NOT NULL AND r.outcome <> \(OutcomeKind.valid.rawValue)
            """
        var binds = PostgresBindings()
        if !all {
            if let township {
                sql += " AND r.township_id = $1"
                binds.append(township)
            } else {
                sql += " AND r.outcome = \(OutcomeKind.unassigned.rawValue)"
            }
        }
        sql += " ORDER BY r.id"
        return try connection.rows(PostgresQuery(unsafeSQL: sql, binds: binds)).map { row in
            let kind = OutcomeKind(rawValue: try row["outcome"].decode(Int.self)) ?? .malformed
            let reasons: [Reason] =
                switch kind {
                case .duplicate:
                    [
                        .duplicate(
                            township: try row["earlier_township"].decode(String?.self) ?? "?",
                            county: try row["earlier_county"].decode(String?.self),
                            file: try row["earlier_file"].decode(String?.self) ?? "?",
                            sheet: try row["earlier_sheet"].decode(String?.self),
                            row: try row["earlier_row"].decode(Int?.self) ?? 0)
                    ]
                case .listed:
                    [
                        .listed(
                            file: try row["entry_file"].decode(String?.self) ?? "?",
                            row: try row["entry_row"].decode(Int?.self) ?? 0,
                            reason: try row["entry_reason"].decode(String?.self) ?? "")
                    ]
                case .flagged: [.flagged]
                case .unassigned, .malformed, .valid: StoredReasons.decode(try row["reason"].decode(String?.self))
                }
            return RejectRecord(
                township: try row["township"].decode(String?.self),
                townshipText: try row["township_text"].decode(String.self),
                fileName: ReasonText.place(
                    try row["file_name"].decode(String.self), try row["sheet"].decode(String?.self)),
                batch: try row["batch"].decode(Int64.self), rowNumber: try row["row_number"].decode(Int.self),
                name: try row["name"].decode(String.self), idText: try Self.idText(row),
                phoneText: try Self.phoneText(row), outcome: kind, reasons: reasons,
                county: try row["county"].decode(String?.self))
        }
    }

    public func unmatchedVillageRows(township: Int64, limit: Int) throws -> UnmatchedVillageRows {
        let rows = try connection.rows(
            """
            SELECT b.file_name, r.sheet, r.row_number, r.name, r.village, r.id_text, r.phone_text, r.id_key,
                r.phone_key, r.outcome
            FROM registration r JOIN batch b ON b.id = r.batch_id
            WHERE r.township_id = \(township) AND r.village_id IS NULL AND r.outcome IS NOT NULL
            ORDER BY r.id LIMIT \(Int64(limit))
            """
        ).map { row in
            UnmatchedVillageRows.Row(
                fileName: ReasonText.place(
                    try row["file_name"].decode(String.self), try row["sheet"].decode(String?.self)),
                rowNumber: try row["row_number"].decode(Int.self), name: try row["name"].decode(String.self),
                villageText: try row["village"].decode(String.self), idText: try Self.idText(row),
                phoneText: try Self.phoneText(row),
                outcome: OutcomeKind(rawValue: try row["outcome"].decode(Int.self)) ?? .malformed)
        }
        let total = try connection.rows(
            """
            SELECT COALESCE(SUM(rows), 0)::bigint AS total FROM figure
            WHERE township_id = \(township) AND village_id IS NULL
            """)[0]["total"].decode(Int.self)
        return UnmatchedVillageRows(rows: rows, total: total)
    }

    /// A text column of the townships or villages of every roster still stored (their names, the townships'
    /// counties), by database id; rows where it is NULL are left out.
    func textsByID(_ column: String = "name", in table: String) throws -> [Int64: String] {
        Dictionary(
            try connection.rows(
                PostgresQuery(unsafeSQL: "SELECT id, \(column) AS text FROM \(table) WHERE \(column) IS NOT NULL")
            ).map { row in
                (try row["id"].decode(Int64.self), try row["text"].decode(String.self))
            },
            uniquingKeysWith: { first, _ in first })
    }

    /// A row's ID number and phone as normalised: kept as text, or rebuilt from the key of a valid one.
    private static func idText(_ row: PostgresRandomAccessRow) throws -> String? {
        IDNumber.text(stored: try row["id_text"].decode(String?.self), key: try row["id_key"].decode(Int64?.self))
    }

    private static func phoneText(_ row: PostgresRandomAccessRow) throws -> String? {
        Phone.text(stored: try row["phone_text"].decode(String?.self), key: try row["phone_key"].decode(Int64?.self))
    }
}
