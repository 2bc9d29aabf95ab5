import GRDB
import GRDBSQLite
import RegTrackerCore

/// The tables of the valid-key index (migration v11): `key INTEGER PRIMARY KEY` (the key is the
/// rowid) and `registration_id`, one table for ID keys and one for phone keys. Each has a small table of recent keys
/// beside it (migration v14), looked up first: an import's few thousand new keys, random, would dirty nearly every
/// leaf page of the large table (30 MB on a million rows, written to the journal and again at the checkpoint); in
/// the small one they dirty a few hundred. Once it holds `recentLimit` keys they move into the large table in key
/// order, each of its pages written once for tens of thousands of keys. A key is in one table or the other.
enum ValidKeyIndex {
    static let tables: [(kind: ValidKeyDifference.Kind, table: String, recent: String, column: String)] = [
        (.idNumber, "valid_id_key", "recent_valid_id_key", "id_key"),
        (.phone, "valid_phone_key", "recent_valid_phone_key", "phone_key"),
    ]

    /// How many keys a recent table holds before they are moved into the large one: about six daily lists of
    /// 5,000 rows; 32,768 entries are about 100 pages, so that looking them up first costs little.
    static let recentLimit = 32_768

    /// Removes the keys of the valid rows `sql` selects (`id, id_key, phone_key`): rows about to lose their outcome
    /// (retracted) or to be deleted (purged). An entry is removed only if it names that row.
    static func removeKeys(ofRowsSelectedBy sql: String, arguments: StatementArguments, in db: Database) throws {
        let changes = try Changes(db)
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() { try changes.remove(row: row[0], idKey: row[1], phoneKey: row[2]) }
    }

    /// The index rebuilt from the rows (`check --repair`); returns the entries written.
    static func rebuild(in db: Database) throws -> Int {
        var entries = 0
        for (_, table, recent, column) in tables {
            try db.execute(sql: "DELETE FROM \(recent)")
            try db.execute(sql: "DELETE FROM \(table)")
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO \(table) (key, registration_id) SELECT \(column), id FROM registration
                    WHERE outcome = \(OutcomeKind.valid.rawValue) AND \(column) IS NOT NULL ORDER BY \(column), id
                    """)
            entries += db.changesCount
        }
        return entries
    }

    /// For each kind of key, the valid rows the index misses and the entries it should not have. One pass over the
    /// rows: an entry names one row, so the entries that match a valid row are the valid rows minus those missed,
    /// and every other entry is extra.
    static func differences(in db: Database) throws -> [ValidKeyDifference] {
        try tables.compactMap { kind, table, recent, column in
            let rows = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*), COALESCE(SUM(NOT EXISTS (SELECT 1 FROM \(table) k
                        WHERE k.key = r.\(column) AND k.registration_id = r.id) AND NOT EXISTS (SELECT 1 FROM \(recent) k
                        WHERE k.key = r.\(column) AND k.registration_id = r.id)), 0)
                    FROM registration r WHERE r.outcome = \(OutcomeKind.valid.rawValue) AND r.\(column) IS NOT NULL
                    """)
            let (valid, missing): (Int64, Int64) = (rows?[0] ?? 0, rows?[1] ?? 0)
            // A key in both tables is one entry too many.
            let entries =
                try Int64.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM \(table)) + (SELECT COUNT(*) FROM \(recent))")
                ?? 0
            let extra = entries - (valid - missing)
            return missing == 0 && extra == 0 ? nil : ValidKeyDifference(kind: kind, missing: missing, extra: extra)
        }
    }

    /// Adds and removes entries one row at a time, through prepared statements (a re-evaluation that changes a few
    /// outcomes among a million rows touches only those).
    final class Changes {
        private let adding: [Statement]
        private let removing: [[Statement]]

        init(_ db: Database) throws {
            // A row that becomes valid takes its keys from a row that stopped being valid, whichever comes first:
            // the entry it replaces is in the large table, or else the removal of that row's keys, from both
            // tables, takes it away.
            adding = try tables.map {
                try db.makeStatement(sql: "INSERT OR REPLACE INTO \($0.table) (key, registration_id) VALUES (?, ?)")
            }
            removing = try tables.map { kind in
                try [kind.recent, kind.table].map {
                    try db.makeStatement(sql: "DELETE FROM \($0) WHERE key = ? AND registration_id = ?")
                }
            }
        }

        func add(row: Int64, idKey: Int64?, phoneKey: Int64?) throws {
            if let idKey { try adding[0].execute(arguments: [idKey, row]) }
            if let phoneKey { try adding[1].execute(arguments: [phoneKey, row]) }
        }

        func remove(row: Int64, idKey: Int64?, phoneKey: Int64?) throws {
            if let idKey { for statement in removing[0] { try statement.execute(arguments: [idKey, row]) } }
            if let phoneKey { for statement in removing[1] { try statement.execute(arguments: [phoneKey, row]) } }
        }
    }

    /// Adds the keys of a batch's valid rows once it is stored, given in key order (see `ValidKeyWriter`). A batch
    /// with at most `recentLimit` new keys of a kind puts them in the recent table (held here until `finish`, to
    /// know which); a larger one (a first import of a whole county) straight into the large table, in key order,
    /// which fills its pages one after the other.
    final class Appender: ValidKeyWriter {
        private let db: Database
        /// For each kind: into the recent table, into the large one.
        private let statements: [(recent: Statement, large: Statement)]
        private var held: [[(key: Int64, row: Int64)]] = [[], []]
        private var intoLarge = [false, false]
        private let recentLimit: Int
        /// For each kind, a statement of `rowsAtOnce` rows into the large table, and the entries waiting for it:
        /// a first import's million keys go in a hundred and twenty statements instead of a million. Few statements,
        /// not merely fewer: a statement of many rows keeps a statement journal, into which the pages it changes go
        /// first, four or five 16 KiB pages whatever its size, spilled to a temporary file past 64 KiB (with 256
        /// rows a statement, 250 MB written and thrown away for a 1M-row import). 16,384 parameters, under SQLite's
        /// 32,766.
        private let bulk: [Statement]
        private var pending: [[Int64]] = [[], []]
        static let rowsAtOnce = 8_192

        init(_ db: Database, recentLimit: Int = ValidKeyIndex.recentLimit) throws {
            self.db = db
            self.recentLimit = recentLimit
            // `OR REPLACE`: a `--replace` batch's rows are decided against the rows before its place, so one of them
            // can take a key from a later row, which the re-evaluation that follows makes a duplicate (and removes
            // that row's entry, from whichever table holds it).
            func insert(into table: String) throws -> Statement {
                try db.makeStatement(sql: "INSERT OR REPLACE INTO \(table) (key, registration_id) VALUES (?, ?)")
            }
            statements = try tables.map { (try insert(into: $0.recent), try insert(into: $0.table)) }
            let values = Array(repeating: "(?, ?)", count: Self.rowsAtOnce).joined(separator: ", ")
            bulk = try tables.map {
                try db.makeStatement(sql: "INSERT OR REPLACE INTO \($0.table) (key, registration_id) VALUES \(values)")
            }
        }

        func add(idKey: Int64, row: Int64) throws { try add(idKey, row, 0) }
        func add(phoneKey: Int64, row: Int64) throws { try add(phoneKey, row, 1) }

        private func add(_ key: Int64, _ row: Int64, _ index: Int) throws {
            if intoLarge[index] { return try addToLarge(key, row, index) }
            held[index].append((key, row))
            if held[index].count > recentLimit {
                intoLarge[index] = true
                for entry in held[index] { try addToLarge(entry.key, entry.row, index) }
                held[index] = []
            }
        }

        /// Into the large table, `rowsAtOnce` entries a statement, in the order given.
        private func addToLarge(_ key: Int64, _ row: Int64, _ index: Int) throws {
            pending[index].append(key)
            pending[index].append(row)
            guard pending[index].count == 2 * Self.rowsAtOnce else { return }
            let statement = bulk[index]
            for (position, value) in pending[index].enumerated() { statement.bind(value, at: Int32(position + 1)) }
            try statement.stepToEnd(failing: "cannot store a valid key")
            pending[index].removeAll(keepingCapacity: true)
        }

        /// The held keys into the recent tables; a recent table that reaches `recentLimit` is moved into the large
        /// one, in key order.
        func finish() throws {
            for index in tables.indices {
                for pair in stride(from: 0, to: pending[index].count, by: 2) {
                    try Self.insert(pending[index][pair], pending[index][pair + 1], statements[index].large)
                }
                pending[index] = []
            }
            for index in tables.indices {
                for entry in held[index] { try Self.insert(entry.key, entry.row, statements[index].recent) }
                held[index] = []
                let (table, recent) = (tables[index].table, tables[index].recent)
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(recent)") ?? 0
                if count >= recentLimit {
                    try db.execute(
                        sql: """
                            INSERT OR REPLACE INTO \(table) (key, registration_id)
                                SELECT key, registration_id FROM \(recent) ORDER BY key;
                            DELETE FROM \(recent);
                            """)
                }
            }
        }

        private static func insert(_ key: Int64, _ row: Int64, _ statement: Statement) throws {
            statement.bind(key, at: 1)
            statement.bind(row, at: 2)
            try statement.stepToEnd(failing: "cannot store a valid key")
        }
    }

    /// Look-ups through two prepared statements, bound through SQLite's C API: an import asks once or twice a row.
    final class Lookup: ValidKeyLookup {
        private let statements: [Statement]
        private let place: (statement: Statement, sequence: Int64)?
        let isEmpty: Bool

        /// `place`: only rows of batches placed before it in the sequence (a `--replace` batch's rows are decided
        /// against those); nil: every valid row.
        init(_ db: Database, before place: Int64?) throws {
            // The recent table first (a few hundred pages, cached); a key is in one table or the other.
            statements = try tables.map {
                try db.makeStatement(
                    sql: """
                        SELECT registration_id FROM \($0.recent) WHERE key = ?1
                        UNION ALL SELECT registration_id FROM \($0.table) WHERE key = ?1 LIMIT 1
                        """)
            }
            // The one valid row holding a key is before the place, or no valid row before it holds the key.
            self.place = try place.map { place in
                let statement = try db.makeStatement(
                    sql: """
                        SELECT 1 FROM registration r JOIN batch b ON b.id = r.batch_id
                        WHERE r.id = ? AND b.sequence < ? AND b.retracted_at IS NULL
                        """)
                return (statement, place)
            }
            let any = try Bool.fetchOne(
                db,
                sql: "SELECT "
                    + tables.flatMap { [$0.table, $0.recent] }.map { "EXISTS (SELECT 1 FROM \($0))" }
                    .joined(separator: " OR "))
            isEmpty = any != true
        }

        func row(idKey: Int64) throws -> Int64? { try row(idKey, in: 0) }
        func row(phoneKey: Int64) throws -> Int64? { try row(phoneKey, in: 1) }

        private func row(_ key: Int64, in index: Int) throws -> Int64? {
            if isEmpty { return nil }
            let handle = statements[index].sqliteStatement
            sqlite3_bind_int64(handle, 1, key)
            // Reset once read: no statement is left running when the transaction commits.
            defer { sqlite3_reset(handle) }
            let row: Int64
            switch sqlite3_step(handle) {
            case SQLITE_ROW: row = sqlite3_column_int64(handle, 0)
            case SQLITE_DONE: return nil
            case let code:
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot read a valid key")
            }
            guard let place else { return row }
            return try Bool.fetchOne(place.statement, arguments: [row, place.sequence]) == true ? row : nil
        }
    }
}
