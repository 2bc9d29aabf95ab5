import PostgresNIO

/// The PostgreSQL schema, as numbered migrations applied in order, each once, in one transaction under an advisory
/// lock so that two offices starting at once do not both apply it. PostgreSQL databases start at the schema SQLite
/// reached in v12 (there are no older PostgreSQL databases to convert); the tables come in the order the stores
/// that use them are built.
enum PostgresSchema {
    struct Migration {
        var identifier: String
        var statements: [String]
    }

    /// The key of the advisory lock that serialises migrations (any fixed number, ours alone).
    static let migrationLock: Int64 = 0x7265_6774_7261_636B

    static let migrations: [Migration] = [
        Migration(
            identifier: "p1: batches, audit, settings, tokens, sessions and notices",
            statements: [
                """
                CREATE TABLE batch (
                    id BIGSERIAL PRIMARY KEY,
                    sequence BIGINT,
                    kind TEXT NOT NULL,
                    file_name TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    imported_at TEXT NOT NULL,
                    format TEXT NOT NULL,
                    encoding TEXT,
                    sheet TEXT,
                    header_row INTEGER,
                    headers TEXT NOT NULL,
                    township_override TEXT,
                    rows INTEGER NOT NULL DEFAULT 0,
                    skipped_rows INTEGER NOT NULL DEFAULT 0,
                    retracted_at TEXT,
                    purged_at TEXT
                )
                """,
                "CREATE INDEX batch_by_sha256 ON batch(sha256)",
                "CREATE INDEX batch_by_file_name ON batch(file_name)",
                """
                CREATE TABLE audit (
                    id BIGSERIAL PRIMARY KEY,
                    at TEXT NOT NULL,
                    "user" TEXT NOT NULL,
                    action TEXT NOT NULL,
                    batch_id BIGINT NOT NULL,
                    rows BIGINT NOT NULL
                )
                """,
                "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                """
                CREATE TABLE access_token (
                    id BIGSERIAL PRIMARY KEY,
                    scope TEXT NOT NULL,
                    township TEXT,
                    county TEXT,
                    sha256 TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL,
                    revoked_at TEXT
                )
                """,
                """
                CREATE TABLE dashboard_session (
                    sha256 TEXT PRIMARY KEY,
                    token_id BIGINT NOT NULL REFERENCES access_token(id) ON DELETE CASCADE,
                    created_at BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX dashboard_session_by_token ON dashboard_session(token_id)",
                "CREATE INDEX dashboard_session_by_expiry ON dashboard_session(expires_at)",
                """
                CREATE TABLE notice (
                    id BIGSERIAL PRIMARY KEY,
                    period TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    start_day TEXT NOT NULL,
                    end_day TEXT NOT NULL,
                    issued TEXT NOT NULL,
                    target_numerator BIGINT NOT NULL,
                    target_denominator BIGINT NOT NULL,
                    bottom BIGINT NOT NULL,
                    card_yellow BIGINT NOT NULL,
                    card_red BIGINT NOT NULL,
                    card_listed BIGINT NOT NULL,
                    not_reported TEXT NOT NULL,
                    unassigned BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE notice_township (
                    notice_id BIGINT NOT NULL REFERENCES notice(id) ON DELETE CASCADE,
                    position BIGINT NOT NULL,
                    township TEXT NOT NULL,
                    population BIGINT NOT NULL,
                    target_numerator BIGINT NOT NULL,
                    target_denominator BIGINT NOT NULL,
                    malformed BIGINT NOT NULL,
                    flagged BIGINT NOT NULL,
                    listed BIGINT NOT NULL,
                    duplicates BIGINT NOT NULL,
                    valid BIGINT NOT NULL,
                    rank BIGINT,
                    named BOOLEAN NOT NULL,
                    times_named BIGINT NOT NULL,
                    card TEXT,
                    change_valid BIGINT,
                    change_rate BIGINT,
                    change_rank BIGINT,
                    PRIMARY KEY (notice_id, position)
                )
                """,
            ]),
        rowsMigration,
        ChangeStamp.migration,
        Migration(
            identifier: "p4: the county of a township in a notice",
            // As SQLite's v16: two counties' 城关镇 are two townships of one notice.
            statements: ["ALTER TABLE notice_township ADD COLUMN county TEXT"]),
        figureTotalsMigration,
        registrationBatchMigration,
        figureBatchMigration,
        Migration(
            identifier: "p8: the county an invalid-list entry names",
            // As SQLite's v17: an entry for 西县's 城关镇 must not hit 东县's.
            statements: ["ALTER TABLE invalid_entry ADD COLUMN county_text TEXT"]),
    ]

    /// The migrations applied to the database; empty when it has none (not a regtracker database, or a new one).
    static func appliedIdentifiers(_ connection: BlockingConnection) throws -> Set<String> {
        let exists =
            try connection.rows("SELECT to_regclass('regtracker_migration') IS NOT NULL AS present")
            .first?["present"].decode(Bool.self) ?? false
        guard exists else { return [] }
        return Set(
            try connection.rows("SELECT identifier FROM regtracker_migration").map {
                try $0["identifier"].decode(String.self)
            })
    }

    /// How many tables the database's current schema holds (ours or another program's).
    static func tableCount(_ connection: BlockingConnection) throws -> Int64 {
        try connection.rows("SELECT COUNT(*) AS tables FROM pg_tables WHERE schemaname = current_schema()")
            .first?["tables"].decode(Int64.self) ?? 0
    }

    /// Applies the migrations not yet applied; returns their identifiers.
    static func migrate(_ connection: BlockingConnection) throws -> [String] {
        try connection.execute(sql: "BEGIN")
        do {
            try connection.execute("SELECT pg_advisory_xact_lock(\(migrationLock))")
            try connection.execute(sql: "CREATE TABLE IF NOT EXISTS regtracker_migration (identifier TEXT PRIMARY KEY)")
            let applied = try appliedIdentifiers(connection)
            var done: [String] = []
            for migration in migrations where !applied.contains(migration.identifier) {
                for statement in migration.statements { try connection.execute(sql: statement) }
                try connection.execute("INSERT INTO regtracker_migration (identifier) VALUES (\(migration.identifier))")
                done.append(migration.identifier)
            }
            try connection.execute(sql: "COMMIT")
            return done
        } catch {
            try? connection.execute(sql: "ROLLBACK")
            throw error
        }
    }
}
