extension PostgresSchema {
    /// The roster (with SPEC 8's county), villages, rows, invalid lists, the kept figures with their totals, and the
    /// valid-key index: SQLite's schema as of its v14, in one step.
    static let rowsMigration = Migration(
        identifier: "p2: roster, villages, rows, invalid lists, kept figures and the valid-key index",
        statements: [
            """
            CREATE TABLE township (
                id BIGSERIAL PRIMARY KEY,
                batch_id BIGINT NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
                position BIGINT NOT NULL,
                row_number BIGINT NOT NULL,
                name TEXT NOT NULL,
                population BIGINT NOT NULL,
                target_numerator BIGINT,
                target_denominator BIGINT,
                aliases TEXT NOT NULL,
                county TEXT
            )
            """,
            "CREATE INDEX township_by_batch ON township(batch_id)",
            """
            CREATE TABLE village (
                id BIGSERIAL PRIMARY KEY,
                batch_id BIGINT NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
                township_id BIGINT NOT NULL REFERENCES township(id) ON DELETE CASCADE,
                position BIGINT NOT NULL,
                row_number BIGINT NOT NULL,
                name TEXT NOT NULL,
                population BIGINT NOT NULL,
                target_numerator BIGINT,
                target_denominator BIGINT,
                aliases TEXT NOT NULL
            )
            """,
            "CREATE INDEX village_by_batch ON village(batch_id)",
            "CREATE INDEX village_by_township ON village(township_id)",
            // A row's id is its place in the sequence (SPEC 2), given by the importer under the sequence lock.
            """
            CREATE TABLE registration (
                id BIGINT PRIMARY KEY,
                batch_id BIGINT NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
                row_number BIGINT NOT NULL,
                sheet TEXT,
                raw TEXT NOT NULL,
                township_text TEXT NOT NULL,
                county_text TEXT,
                name TEXT NOT NULL,
                id_text TEXT,
                phone_text TEXT,
                id_key BIGINT,
                phone_key BIGINT,
                village TEXT NOT NULL,
                registered_at TEXT,
                malformed_reason TEXT,
                flagged BOOLEAN NOT NULL,
                outcome SMALLINT,
                township_id BIGINT,
                village_id BIGINT,
                reference BIGINT,
                reason TEXT
            )
            """,
            "CREATE INDEX registration_by_batch ON registration(batch_id)",
            "CREATE INDEX registration_by_township ON registration(township_id, village_id, outcome)",
            """
            CREATE TABLE invalid_entry (
                id BIGSERIAL PRIMARY KEY,
                batch_id BIGINT NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
                row_number BIGINT NOT NULL,
                raw TEXT NOT NULL,
                township_text TEXT,
                id_key BIGINT,
                phone_key BIGINT,
                reason TEXT NOT NULL
            )
            """,
            "CREATE INDEX invalid_entry_by_batch ON invalid_entry(batch_id)",
            // SPEC 2's counts by batch, township, village, outcome and day, and their totals without the day, kept
            // by a trigger as SQLite's v12 keeps them.
            """
            CREATE TABLE figure (
                batch_id BIGINT NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
                township_id BIGINT,
                village_id BIGINT,
                outcome SMALLINT NOT NULL,
                registered_day TEXT,
                rows BIGINT NOT NULL
            )
            """,
            "CREATE INDEX figure_by_batch ON figure(batch_id)",
            "CREATE INDEX figure_by_township ON figure(township_id, outcome, batch_id, rows)",
            "CREATE INDEX figure_by_village ON figure(township_id, village_id, outcome, rows)",
            """
            CREATE TABLE figure_total (
                township_key BIGINT NOT NULL,
                village_key BIGINT NOT NULL,
                outcome SMALLINT NOT NULL,
                batch_id BIGINT NOT NULL,
                rows BIGINT NOT NULL,
                PRIMARY KEY (township_key, village_key, outcome, batch_id)
            )
            """,
            """
            CREATE FUNCTION keep_figure_total() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    UPDATE figure_total SET rows = rows - OLD.rows
                    WHERE township_key = COALESCE(OLD.township_id, 0) AND village_key = COALESCE(OLD.village_id, 0)
                        AND outcome = OLD.outcome AND batch_id = OLD.batch_id;
                    DELETE FROM figure_total
                    WHERE township_key = COALESCE(OLD.township_id, 0) AND village_key = COALESCE(OLD.village_id, 0)
                        AND outcome = OLD.outcome AND batch_id = OLD.batch_id AND rows = 0;
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    INSERT INTO figure_total (township_key, village_key, outcome, batch_id, rows)
                    VALUES (COALESCE(NEW.township_id, 0), COALESCE(NEW.village_id, 0), NEW.outcome, NEW.batch_id,
                        NEW.rows)
                    ON CONFLICT (township_key, village_key, outcome, batch_id)
                    DO UPDATE SET rows = figure_total.rows + excluded.rows;
                END IF;
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER figure_keeps_its_total AFTER INSERT OR UPDATE OR DELETE ON figure
            FOR EACH ROW EXECUTE FUNCTION keep_figure_total()
            """,
            // SQLite's v11. PostgreSQL's B-trees take a daily list's random keys without SQLite's recent tables.
            "CREATE TABLE valid_id_key (key BIGINT PRIMARY KEY, registration_id BIGINT NOT NULL)",
            "CREATE TABLE valid_phone_key (key BIGINT PRIMARY KEY, registration_id BIGINT NOT NULL)",
        ])
}
