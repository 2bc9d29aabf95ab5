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
    /// `INSERT OR REPLACE` does (one statement of PostgreSQL may not update a row twice).
    final class Writer: ValidKeyWriter {
        private var pending: [[Int64: Int64]] = [[:], [:]]
        private let connection: BlockingConnection

        init(_ connection: BlockingConnection) {
            self.connection = connection
        }

        func add(idKey: Int64, row: Int64) throws { pending[0][idKey] = row }
        func add(phoneKey: Int64, row: Int64) throws { pending[1][phoneKey] = row }

        /// Sends the keys in key order, so that the index's pages fill one after the other.
        func finish() throws {
            let changes = Changes(connection)
            for (key, row) in pending[0].sorted(by: { $0.key < $1.key }) {
                try changes.add(row: row, idKey: key, phoneKey: nil)
            }
            for (key, row) in pending[1].sorted(by: { $0.key < $1.key }) {
                try changes.add(row: row, idKey: nil, phoneKey: key)
            }
            try changes.finish()
            pending = [[:], [:]]
        }
    }

    /// One query a key. `place`: only rows of active batches placed before it in the sequence.
    final class Lookup: ValidKeyLookup {
        private let connection: BlockingConnection
        private let place: Int64?
        let isEmpty: Bool

        init(_ connection: BlockingConnection, before place: Int64?) throws {
            self.connection = connection
            self.place = place
            isEmpty = try !connection.rows(
                """
                SELECT EXISTS (SELECT 1 FROM valid_id_key) OR EXISTS (SELECT 1 FROM valid_phone_key) AS found
                """)[0]["found"].decode(Bool.self)
        }

        func row(idKey: Int64) throws -> Int64? { try row(idKey, in: tables[0].table) }
        func row(phoneKey: Int64) throws -> Int64? { try row(phoneKey, in: tables[1].table) }

        private func row(_ key: Int64, in table: String) throws -> Int64? {
            if isEmpty { return nil }
            let query: PostgresQuery
            if let place {
                query = """
                    SELECT k.registration_id FROM \(unescaped: table) k JOIN registration r ON r.id = k.registration_id
                    JOIN batch b ON b.id = r.batch_id
                    WHERE k.key = \(key) AND b.sequence < \(place) AND b.retracted_at IS NULL
                    """
            } else {
                query = "SELECT registration_id FROM \(unescaped: table) WHERE key = \(key)"
            }
            return try connection.rows(query).first?["registration_id"].decode(Int64.self)
        }
    }
}
