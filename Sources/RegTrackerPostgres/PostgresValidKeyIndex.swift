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

    /// Adds a new batch's keys once its rows are stored, copied straight into each index as they come, in key
    /// order, so that its pages fill one after the other. An import's keys are new to the index as a rule (an
    /// earlier valid row's key makes the new row a duplicate): a COPY, with no staging table and no look for a
    /// conflict at every key, takes them in about half the time. When a key is there after all (a replaced batch's
    /// rows, not yet decided again), the COPY fails whole, back to the savepoint, and the batch's valid rows give
    /// their keys again in one upsert a kind, taking each key from the row that held it.
    final class Writer: ValidKeyWriter {
        private let connection: BlockingConnection
        private let batch: Int64
        private var copy: (kind: Int, rows: PostgresCopyRows)?
        private var started = false
        /// A key was in the index already: the adds after it are ignored, and `finish` upserts instead.
        private var conflicted = false

        init(_ connection: BlockingConnection, batch: Int64) {
            self.connection = connection
            self.batch = batch
        }

        func add(idKey: Int64, row: Int64) throws { try add(idKey, row: row, kind: 0) }
        func add(phoneKey: Int64, row: Int64) throws { try add(phoneKey, row: row, kind: 1) }

        private func add(_ key: Int64, row: Int64, kind: Int) throws {
            guard !conflicted else { return }
            if !started {
                try connection.execute(sql: "SAVEPOINT new_keys")
                started = true
            }
            try conflictTolerant {
                // The keys come one kind after the other: the first key of a kind ends the other kind's COPY.
                if copy?.kind != kind {
                    try copy?.rows.flush()
                    copy = (
                        kind,
                        PostgresCopyRows(
                            connection, table: tables[kind].table, columns: ["key", "registration_id"],
                            bytesPerCopy: 1 << 20)
                    )
                }
                try copy?.rows.appendRow { values in
                    values.append(key)
                    values.append(row)
                }
            }
        }

        func finish() throws {
            guard started else { return }
            if let copy, !conflicted {
                // The last COPY's failure comes with the next use of the connection: waited for here, to be caught.
                try conflictTolerant {
                    try copy.rows.flush()
                    try connection.finishCopy()
                }
            }
            copy = nil
            if conflicted {
                try connection.execute(sql: "ROLLBACK TO SAVEPOINT new_keys")
                for entry in tables {
                    try connection.execute(
                        sql: """
                            INSERT INTO \(entry.table) (key, registration_id)
                            SELECT DISTINCT ON (\(entry.column)) \(entry.column), id FROM registration
                            WHERE batch_id = \(batch) AND outcome = \(valid) AND \(entry.column) IS NOT NULL
                            ORDER BY \(entry.column), id DESC
                            ON CONFLICT (key) DO UPDATE SET registration_id = excluded.registration_id
                            """)
                }
            }
            try connection.execute(sql: "RELEASE SAVEPOINT new_keys")
        }

        /// Runs `body`; a unique violation (a key in the index already) marks the writer conflicted instead of
        /// failing the import.
        private func conflictTolerant(_ body: () throws -> Void) throws {
            do {
                try body()
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {  // unique_violation
                conflicted = true
            }
        }
    }

    /// The earlier valid row holding a key. The import asks for a window of rows' keys at once (`prefetch`): one
    /// query a kind of key, and memory holds that window's entries only, never the index (which grows with the
    /// database). A key outside the window is one query. `place`: only rows of active batches placed before it in
    /// the sequence.
    final class Lookup: ValidKeyLookup {
        /// Where the look-ups go: the transaction's connection, or one of their own.
        private let connection: BlockingConnection
        private let place: Int64?
        let isEmpty: Bool
        /// The window's ID keys and its phone keys.
        private var window: [Fetched] = [.init(), .init()]
        /// The next window's keys of each kind, and the server's answer to come (none for no keys).
        private var requested: [(keys: Set<Int64>, reply: EventLoopFuture<[PostgresRandomAccessRow]>?)]?

        /// The window's keys of one kind, and the entries the server had for them.
        private struct Fetched {
            var keys: Set<Int64> = []
            var entries: [Int64: Int64] = [:]
        }

        /// `ownConnectionTo`: the database to ask over a second connection, so that the server answers a window's
        /// look-ups in one process while it stores the rows before them in the transaction's (8 imports at once on
        /// 2 cores: the server was the bottleneck, its look-ups a quarter of its work under the sequence lock). Only
        /// when the transaction changed nothing the look-ups read; without a connection to spare, the transaction's.
        /// That connection only reads, and waits for a lock `lockSeconds` at most, as the transaction's does.
        init(
            _ transaction: BlockingConnection, before place: Int64?, ownConnectionTo location: PostgresLocation?,
            lockSeconds: Int = StoreError.busySeconds
        ) throws {
            self.place = place
            isEmpty = try !transaction.rows(
                """
                SELECT EXISTS (SELECT 1 FROM valid_id_key) OR EXISTS (SELECT 1 FROM valid_phone_key) AS found
                """)[0]["found"].decode(Bool.self)
            connection =
                isEmpty
                ? transaction
                : location.flatMap { try? Self.readingConnection(to: $0, lockSeconds: lockSeconds) } ?? transaction
        }

        private static func readingConnection(to location: PostgresLocation, lockSeconds: Int) throws
            -> BlockingConnection
        {
            let connection = try BlockingConnection(location)
            try connection.execute(sql: "SET default_transaction_read_only = on")
            try connection.execute(sql: "SET lock_timeout = '\(lockSeconds)s'")
            return connection
        }

        func row(idKey: Int64) throws -> Int64? { try row(idKey, in: 0) }
        func row(phoneKey: Int64) throws -> Int64? { try row(phoneKey, in: 1) }

        /// About as many rows as one COPY of rows holds (`PostgresRegistrationWriter.bytesPerCopy`): the COPY then
        /// runs on the server while the importer decides the next window, instead of holding up that window's key
        /// queries (a window of one reader batch, 1,024 rows, waited for each COPY: 8 imports at once took 2.1
        /// times one import of all their rows; 1.5 times with these windows).
        var prefetchRows: Int { isEmpty ? 0 : 8_192 }

        /// Sends the window's queries without waiting: the server answers while the importer decides the window
        /// before (on a 2-core machine, 8 imports at once spent a third of their time waiting for these answers).
        /// The keys go sorted: the index is probed in its own order, neighbours on the pages just read (the
        /// look-ups of a 100k-row import into 800k rows took 280–310 ms of the server's time, against 360–390 ms).
        func prefetch(idKeys: [Int64], phoneKeys: [Int64]) throws {
            if isEmpty { return }
            requested = [idKeys, phoneKeys].enumerated().map { index, keys in
                (Set(keys), keys.isEmpty ? nil : connection.send(query(tables[index].table, keys: keys.sorted())))
            }
        }

        func startWindow() throws {
            guard let requested else { return }
            self.requested = nil
            for (index, request) in requested.enumerated() {
                window[index] = Fetched(keys: request.keys)
                for row in try request.reply?.wait() ?? [] {
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
