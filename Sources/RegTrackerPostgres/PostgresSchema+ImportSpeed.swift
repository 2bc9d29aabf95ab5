/// The migrations that made a PostgreSQL import faster without changing what it stores (issue 19).
extension PostgresSchema {
    /// The kept totals per statement instead of per figure row: an import writes some ten thousand figure groups
    /// (township × village × outcome × day), and a row trigger's upsert for each took 0.3 s of every import, whatever
    /// its size. One statement's groups are summed by total first, then each total is changed once.
    static let figureTotalsMigration = Migration(
        identifier: "p5: figure totals kept per statement",
        statements: [
            "DROP TRIGGER figure_keeps_its_total ON figure",
            "DROP FUNCTION keep_figure_total()",
            """
            CREATE FUNCTION keep_figure_totals() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    UPDATE figure_total t SET rows = t.rows - gone.rows
                    FROM (
                        SELECT COALESCE(township_id, 0) AS township_key, COALESCE(village_id, 0) AS village_key,
                            outcome, batch_id, SUM(rows) AS rows
                        FROM old_figure GROUP BY 1, 2, 3, 4
                    ) gone
                    WHERE t.township_key = gone.township_key AND t.village_key = gone.village_key
                        AND t.outcome = gone.outcome AND t.batch_id = gone.batch_id;
                    DELETE FROM figure_total t USING old_figure gone
                    WHERE t.rows = 0 AND t.township_key = COALESCE(gone.township_id, 0)
                        AND t.village_key = COALESCE(gone.village_id, 0) AND t.outcome = gone.outcome
                        AND t.batch_id = gone.batch_id;
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    INSERT INTO figure_total (township_key, village_key, outcome, batch_id, rows)
                    SELECT COALESCE(township_id, 0), COALESCE(village_id, 0), outcome, batch_id, SUM(rows)
                    FROM new_figure GROUP BY 1, 2, 3, 4
                    ON CONFLICT (township_key, village_key, outcome, batch_id)
                    DO UPDATE SET rows = figure_total.rows + excluded.rows;
                END IF;
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER figure_totals_on_insert AFTER INSERT ON figure REFERENCING NEW TABLE AS new_figure
            FOR EACH STATEMENT EXECUTE FUNCTION keep_figure_totals()
            """,
            """
            CREATE TRIGGER figure_totals_on_update AFTER UPDATE ON figure
            REFERENCING OLD TABLE AS old_figure NEW TABLE AS new_figure
            FOR EACH STATEMENT EXECUTE FUNCTION keep_figure_totals()
            """,
            """
            CREATE TRIGGER figure_totals_on_delete AFTER DELETE ON figure REFERENCING OLD TABLE AS old_figure
            FOR EACH STATEMENT EXECUTE FUNCTION keep_figure_totals()
            """,
        ])
}

extension PostgresSchema {
    /// A registration row's batch is not checked by a foreign key: the check is a query a row, 30–45% of the
    /// server's time for a COPY of 1M rows, and it guards nothing the writer does not. Rows are only ever written
    /// by `PostgresRegistrationWriter`, under the sequence lock, for the batch it inserted in the same transaction,
    /// and no batch is ever deleted (a retraction marks it, a purge deletes its rows and keeps it).
    static let registrationBatchMigration = Migration(
        identifier: "p6: registration rows without a foreign-key check a row",
        statements: ["ALTER TABLE registration DROP CONSTRAINT IF EXISTS registration_batch_id_fkey"])
}

extension PostgresSchema {
    /// Nor is a figure group's batch, for the same reasons: groups are written by `PostgresFigureWriter` only, for
    /// batches of the same transaction (an import) or stored already (a re-evaluation, a repair), and no batch is
    /// deleted. The check was a query a group: some 12,000 a 100k-row import, 30–40 ms of its 90–130 ms of figures.
    static let figureBatchMigration = Migration(
        identifier: "p7: figure groups without a foreign-key check a group",
        statements: ["ALTER TABLE figure DROP CONSTRAINT IF EXISTS figure_batch_id_fkey"])
}
