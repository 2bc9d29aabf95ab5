import PostgresNIO
import RegTrackerCore
import RegTrackerStore

/// The valid-key index on PostgreSQL (migration p2): `valid_id_key` and `valid_phone_key`, the valid row holding
/// each key. Without SQLite's recent tables: PostgreSQL writes a B-tree's pages through its shared buffers and
/// checkpoints, so a daily list's random keys do not each cost a journal page.
enum PostgresValidKeyIndex {
    static let tables: [(kind: ValidKeyDifference.Kind, table: String, column: String)] = [
        (.idNumber, "valid_id_key", "id_key"),
        (.phone, "valid_phone_key", "phone_key"),
    ]

    static let valid = Int16(OutcomeKind.valid.rawValue)

    /// The index rebuilt from the rows; where two valid rows share a key the first keeps it, as on SQLite.
    static func rebuild(_ connection: BlockingConnection) throws -> Int {
        var entries = 0
        for (_, table, column) in tables {
            try connection.execute(sql: "DELETE FROM \(table)")
            entries += try connection.execute(
                PostgresQuery(
                    unsafeSQL: """
                        INSERT INTO \(table) (key, registration_id)
                        SELECT DISTINCT ON (\(column)) \(column), id FROM registration
                        WHERE outcome = \(valid) AND \(column) IS NOT NULL ORDER BY \(column), id
                        """))
        }
        return entries
    }

    /// As SQLite's: valid rows the index misses, and entries beyond those that match a valid row.
    static func differences(_ connection: BlockingConnection) throws -> [ValidKeyDifference] {
        try tables.compactMap { kind, table, column in
            let row = try connection.rows(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT COUNT(*) AS valid, COUNT(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM \(table) k
                            WHERE k.key = r.\(column) AND k.registration_id = r.id)) AS missing,
                            (SELECT COUNT(*) FROM \(table)) AS entries
                        FROM registration r WHERE r.outcome = \(valid) AND r.\(column) IS NOT NULL
                        """))[0]
            let (valid, missing, entries) = (
                try row["valid"].decode(Int64.self), try row["missing"].decode(Int64.self),
                try row["entries"].decode(Int64.self)
            )
            let extra = entries - (valid - missing)
            return missing == 0 && extra == 0 ? nil : ValidKeyDifference(kind: kind, missing: missing, extra: extra)
        }
    }

    /// Entries added and removed as outcomes change, sent many a statement. A row that becomes valid takes the key
    /// (from a row that stopped being valid, whichever comes first); a removal removes only the entry naming that
    /// row. So the order of adds and removals does not change the result, and they are sent apart.
    final class Changes {
        private let adding: [PostgresRowBatches]
        private let removing: [PostgresRowBatches]

        init(_ connection: BlockingConnection) {
            let columns: [PostgresRowBatches.Column] = [
                .init(name: "key", type: "bigint"), .init(name: "registration_id", type: "bigint"),
            ]
            adding = tables.map { entry in
                PostgresRowBatches(connection, columns: columns) {
                    """
                    INSERT INTO \(entry.table) (key, registration_id) VALUES \($0)
                    ON CONFLICT (key) DO UPDATE SET registration_id = excluded.registration_id
                    """
                }
            }
            removing = tables.map { entry in
                PostgresRowBatches(connection, columns: columns) {
                    """
                    DELETE FROM \(entry.table) k USING (VALUES \($0)) AS gone (key, registration_id)
                    WHERE k.key = gone.key AND k.registration_id = gone.registration_id
                    """
                }
            }
        }

        func add(row: Int64, idKey: Int64?, phoneKey: Int64?) throws {
            try Self.append(row, [idKey, phoneKey], to: adding)
        }

        func remove(row: Int64, idKey: Int64?, phoneKey: Int64?) throws {
            try Self.append(row, [idKey, phoneKey], to: removing)
        }

        /// Sends what is pending: removals first, so that a statement of adds never names a key twice with one that
        /// went in an earlier statement of removals.
        func finish() throws {
            for batches in removing + adding { try batches.flush() }
        }

        private static func append(_ row: Int64, _ keys: [Int64?], to batches: [PostgresRowBatches]) throws {
            for (key, batches) in zip(keys, batches) {
                guard let key else { continue }
                batches.binds.append(key)
                batches.binds.append(row)
                try batches.endRow()
            }
        }
    }

    /// Adds a new batch's keys once its rows are stored. A key named twice keeps the last row given, as SQLite's
    /// `INSERT OR REPLACE` does. The keys stream with COPY into a temporary table as they come (a million rows' keys
    /// held until the end were some 70 MB), then each index takes them in one statement, in key order so that its
    /// pages fill one after the other.
    final class Writer: ValidKeyWriter {
        private let connection: BlockingConnection
        private var keys: PostgresCopyRows?
        /// The order keys were given in, so that the last one given for a key wins.
        private var position: Int64 = 0
        private var kinds: Set<Int> = []

        init(_ connection: BlockingConnection) {
            self.connection = connection
        }

        func add(idKey: Int64, row: Int64) throws { try add(idKey, row: row, kind: 0) }
        func add(phoneKey: Int64, row: Int64) throws { try add(phoneKey, row: row, kind: 1) }

        private func add(_ key: Int64, row: Int64, kind: Int) throws {
            let keys = try self.keys ?? start()
            position += 1
            kinds.insert(kind)
            let position = position
            try keys.appendRow { values in
                values.append(Int16(kind))
                values.append(key)
                values.append(row)
                values.append(position)
            }
        }

        private func start() throws -> PostgresCopyRows {
            try connection.execute(
                sql: """
                    CREATE TEMPORARY TABLE IF NOT EXISTS new_valid_key (
                        kind SMALLINT NOT NULL, key BIGINT NOT NULL, registration_id BIGINT NOT NULL,
                        position BIGINT NOT NULL
                    ) ON COMMIT DROP
                    """)
            try connection.execute(sql: "TRUNCATE new_valid_key")
            let keys = PostgresCopyRows(
                connection, table: "new_valid_key", columns: ["kind", "key", "registration_id", "position"],
                bytesPerCopy: 1 << 20)
            self.keys = keys
            return keys
        }

        func finish() throws {
            guard let keys else { return }
            defer {
                self.keys = nil
                kinds = []
            }
            try keys.flush()
            for (kind, entry) in tables.enumerated() where kinds.contains(kind) {
                try insert(kind: kind, into: entry.table)
            }
        }

        /// An import's keys are new to the index as a rule (an earlier valid row's key makes the new row a
        /// duplicate) and each comes once: a plain insert, in key order, takes them in 60% of the time of one that
        /// looks for a conflict at every key. When a key is there after all (a replaced batch's rows, not yet
        /// decided again) or named twice, the insert fails whole, back to the savepoint, and the keys go in again,
        /// the last one given for a key winning and taking the key from the row that held it.
        private func insert(kind: Int, into table: String) throws {
            try connection.execute(sql: "SAVEPOINT new_keys")
            do {
                try connection.execute(
                    sql: """
                        INSERT INTO \(table) (key, registration_id)
                        SELECT key, registration_id FROM new_valid_key WHERE kind = \(kind) ORDER BY key
                        """)
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {  // unique_violation
                try connection.execute(sql: "ROLLBACK TO SAVEPOINT new_keys")
                try connection.execute(
                    sql: """
                        INSERT INTO \(table) (key, registration_id)
                        SELECT DISTINCT ON (key) key, registration_id FROM new_valid_key WHERE kind = \(kind)
                        ORDER BY key, position DESC
                        ON CONFLICT (key) DO UPDATE SET registration_id = excluded.registration_id
                        """)
            }
            try connection.execute(sql: "RELEASE SAVEPOINT new_keys")
        }
    }

    /// The earlier valid row holding a key. The import asks for a window of rows' keys at once (`prefetch`): one
    /// query a kind of key, and memory holds that window's entries only, never the index (which grows with the
    /// database). A key outside the window is one query. `place`: only rows of active batches placed before it in
    /// the sequence.
    final class Lookup: ValidKeyLookup {
        private let connection: BlockingConnection
        private let place: Int64?
        let isEmpty: Bool
        /// The window's ID keys and its phone keys.
        private var window: [Fetched] = [.init(), .init()]

        /// The window's keys of one kind, and the entries the server had for them.
        private struct Fetched {
            var keys: Set<Int64> = []
            var entries: [Int64: Int64] = [:]
        }

        init(_ connection: BlockingConnection, before place: Int64?) throws {
            self.connection = connection
            self.place = place
            isEmpty = try !connection.rows(
                """
                SELECT EXISTS (SELECT 1 FROM valid_id_key) OR EXISTS (SELECT 1 FROM valid_phone_key) AS found
                """)[0]["found"].decode(Bool.self)
        }

        func row(idKey: Int64) throws -> Int64? { try row(idKey, in: 0) }
        func row(phoneKey: Int64) throws -> Int64? { try row(phoneKey, in: 1) }

        /// About as many rows as one COPY of rows holds (`PostgresRegistrationWriter.bytesPerCopy`): the COPY then
        /// runs on the server while the importer decides the next window, instead of holding up that window's key
        /// queries (a window of one reader batch, 1,024 rows, waited for each COPY: 8 imports at once took 2.1
        /// times one import of all their rows; 1.5 times with these windows).
        var prefetchRows: Int { isEmpty ? 0 : 8_192 }

        func prefetch(idKeys: [Int64], phoneKeys: [Int64]) throws {
            if isEmpty { return }
            for (index, keys) in [idKeys, phoneKeys].enumerated() {
                window[index] = Fetched(keys: Set(keys))
                if keys.isEmpty { continue }
                for row in try connection.rows(query(tables[index].table, keys: keys)) {
                    window[index].entries[try row["key"].decode(Int64.self)] =
                        try row["registration_id"].decode(Int64.self)
                }
            }
        }

        private func row(_ key: Int64, in index: Int) throws -> Int64? {
            if isEmpty { return nil }
            if window[index].keys.contains(key) { return window[index].entries[key] }
            return try connection.rows(query(tables[index].table, keys: [key])).first?["registration_id"]
                .decode(Int64.self)
        }

        /// The entries of `keys`, of rows before `place` when there is one: one index look-up a key. `key = ANY($1)`
        /// with thousands of keys is planned as a scan of the whole index table (35 ms for 8,192 keys against 850k
        /// entries, and growing with it, where the look-ups take 5 ms); the LIMIT keeps the planner from turning the
        /// look-ups back into such a join.
        private func query(_ table: String, keys: [Int64]) -> PostgresQuery {
            var binds = PostgresBindings()
            binds.append(keys)
            var entry = "SELECT k.key, k.registration_id FROM \(table) k"
            var condition = "k.key = wanted.key"
            if let place {
                entry += " JOIN registration r ON r.id = k.registration_id JOIN batch b ON b.id = r.batch_id"
                binds.append(place)
                condition += " AND b.sequence < $2 AND b.retracted_at IS NULL"
            }
            return PostgresQuery(
                unsafeSQL: "SELECT k.key, k.registration_id FROM unnest($1::bigint[]) AS wanted(key) "
                    + "CROSS JOIN LATERAL (\(entry) WHERE \(condition) LIMIT 1) k",
                binds: binds)
        }
    }
}
