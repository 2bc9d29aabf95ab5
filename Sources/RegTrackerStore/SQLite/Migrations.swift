import GRDB

/// The schema, one migration per shipped change; a shipped migration is never edited.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: batches, roster, registrations, invalid lists") { db in
            try db.execute(
                sql: """
                    CREATE TABLE batch (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
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
                        retracted_at TEXT
                    );
                    CREATE INDEX batch_by_sha256 ON batch(sha256);
                    CREATE INDEX batch_by_file_name ON batch(file_name);

                    CREATE TABLE township (
                        id INTEGER PRIMARY KEY,
                        batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        row_number INTEGER NOT NULL,
                        name TEXT NOT NULL,
                        population INTEGER NOT NULL,
                        target_numerator INTEGER,
                        target_denominator INTEGER,
                        aliases TEXT NOT NULL
                    );
                    CREATE INDEX township_by_batch ON township(batch_id);

                    CREATE TABLE registration (
                        id INTEGER PRIMARY KEY,
                        batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
                        row_number INTEGER NOT NULL,
                        raw TEXT NOT NULL,
                        township_text TEXT NOT NULL,
                        name TEXT NOT NULL,
                        id_text TEXT,
                        phone_text TEXT,
                        id_key INTEGER,
                        phone_key INTEGER,
                        village TEXT NOT NULL,
                        registered_at TEXT,
                        malformed_reason TEXT,
                        flagged INTEGER NOT NULL,
                        outcome INTEGER,
                        township_id INTEGER,
                        reference INTEGER,
                        reason TEXT
                    );

                    CREATE TABLE invalid_entry (
                        id INTEGER PRIMARY KEY,
                        batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
                        row_number INTEGER NOT NULL,
                        raw TEXT NOT NULL,
                        township_text TEXT,
                        id_key INTEGER,
                        phone_key INTEGER,
                        reason TEXT NOT NULL
                    );
                    CREATE INDEX invalid_entry_by_batch ON invalid_entry(batch_id);
                    """)
        }
        migrator.registerMigration("v2: settings and dashboard access tokens") { db in
            try db.execute(
                sql: """
                    CREATE TABLE setting (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );

                    CREATE TABLE access_token (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        scope TEXT NOT NULL,
                        township TEXT,
                        sha256 TEXT NOT NULL UNIQUE,
                        created_at TEXT NOT NULL,
                        revoked_at TEXT
                    );
                    """)
        }
        migrator.registerMigration("v3: batch place in the sequence, sheet of each row") { db in
            // `sequence` orders batches for the counting rules (SPEC 2): a `--replace` batch takes the place of the
            // batch it replaced. `sheet` names the sheet a row came from in a workbook read sheet by sheet.
            try db.execute(
                sql: """
                    ALTER TABLE batch ADD COLUMN sequence INTEGER;
                    UPDATE batch SET sequence = id;
                    ALTER TABLE registration ADD COLUMN sheet TEXT;
                    """)
        }
        migrator.registerMigration("v4: purged batches stay listed") { db in
            // SPEC 3: a purge deletes a batch's rows but keeps its record (file name, time, row count, hash).
            try db.execute(sql: "ALTER TABLE batch ADD COLUMN purged_at TEXT")
        }
        migrator.registerMigration("v5: periodic notices (通报), stored as issued") { db in
            try db.execute(
                sql: """
                    CREATE TABLE notice (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        period TEXT NOT NULL UNIQUE,
                        kind TEXT NOT NULL,
                        start_day TEXT NOT NULL,
                        end_day TEXT NOT NULL,
                        issued TEXT NOT NULL,
                        target_numerator INTEGER NOT NULL,
                        target_denominator INTEGER NOT NULL,
                        bottom INTEGER NOT NULL,
                        card_yellow INTEGER NOT NULL,
                        card_red INTEGER NOT NULL,
                        card_listed INTEGER NOT NULL,
                        not_reported TEXT NOT NULL,
                        unassigned INTEGER NOT NULL
                    );

                    CREATE TABLE notice_township (
                        notice_id INTEGER NOT NULL REFERENCES notice(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        township TEXT NOT NULL,
                        population INTEGER NOT NULL,
                        target_numerator INTEGER NOT NULL,
                        target_denominator INTEGER NOT NULL,
                        malformed INTEGER NOT NULL,
                        flagged INTEGER NOT NULL,
                        listed INTEGER NOT NULL,
                        duplicates INTEGER NOT NULL,
                        valid INTEGER NOT NULL,
                        rank INTEGER,
                        named INTEGER NOT NULL,
                        times_named INTEGER NOT NULL,
                        card TEXT,
                        change_valid INTEGER,
                        change_rate INTEGER,
                        change_rank INTEGER,
                        PRIMARY KEY (notice_id, position)
                    );
                    """)
        }
        migrator.registerMigration("v6: audit log of purges") { db in
            try db.execute(
                sql: """
                    CREATE TABLE audit (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        at TEXT NOT NULL,
                        user TEXT NOT NULL,
                        action TEXT NOT NULL,
                        batch_id INTEGER NOT NULL,
                        rows INTEGER NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v7: kept figures") { db in
            // Rows counted by batch, township, outcome and registration day, kept by every change of the rows (see
            // FigureCounter), filled here once from the rows already stored.
            try db.execute(
                sql: """
                    CREATE TABLE figure (
                        batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
                        township_id INTEGER,
                        outcome INTEGER NOT NULL,
                        registered_day TEXT,
                        rows INTEGER NOT NULL
                    );
                    CREATE INDEX figure_by_batch ON figure(batch_id);
                    -- Today's report reads the groups in township and outcome order, without a sort.
                    CREATE INDEX figure_by_township ON figure(township_id, outcome, batch_id, rows);
                    INSERT INTO figure (batch_id, township_id, outcome, registered_day, rows)
                        SELECT batch_id, township_id, outcome,
                            CASE WHEN registered_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
                                THEN substr(registered_at, 1, 10) END AS registered_day,
                            COUNT(*)
                        FROM registration WHERE outcome IS NOT NULL
                        GROUP BY batch_id, township_id, outcome, registered_day;
                    """)
        }
        migrator.registerMigration("v8: dashboard sessions") { db in
            // A login makes a session (issue 20): the cookie holds a random id, the table only its SHA-256. Ending
            // the token ends its sessions (the cascade, and `revokeToken`).
            try db.execute(
                sql: """
                    CREATE TABLE dashboard_session (
                        sha256 TEXT PRIMARY KEY NOT NULL,
                        token_id INTEGER NOT NULL REFERENCES access_token(id) ON DELETE CASCADE,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL
                    );
                    CREATE INDEX dashboard_session_by_token ON dashboard_session(token_id);
                    CREATE INDEX dashboard_session_by_expiry ON dashboard_session(expires_at);
                    """)
        }
        migrator.registerMigration("v9: reasons as codes") { db in
            // SPEC 7: reasons are stored as a code and its values (`StoredReasons`), never as text. The English text
            // earlier releases stored is read back; text that cannot be read stays whole under the code `legacy`.
            // Rows stored as malformed kept no received value: their ID number or phone stays blank in the rejects.
            var converted: [String: String?] = [:]
            func codes(_ text: String?) -> String? {
                guard let text else { return nil }
                if let known = converted[text] { return known }
                // A value already stored as codes is kept: a database whose record of this migration was lost
                // (restored, or downgraded by hand) converts again without wrapping codes as legacy text.
                if StoredReasons.encode(StoredReasons.decode(text)) == text { return text }
                let encoded = StoredReasons.encode(LegacyReasonText.parse(text))
                converted[text] = encoded
                return encoded
            }
            let rows = try Row.fetchAll(
                db,
                sql:
                    "SELECT id, malformed_reason, reason FROM registration WHERE malformed_reason IS NOT NULL OR reason IS NOT NULL"
            )
            let update = try db.makeStatement(
                sql: "UPDATE registration SET malformed_reason = ?, reason = ? WHERE id = ?")
            for row in rows {
                let id: Int64 = row[0]
                try update.execute(arguments: [codes(row[1]), codes(row[2]), id])
            }
        }
        migrator.registerMigration("v10: villages (村/社区)") { db in
            // SPEC 5: a roster's village rows, each under its township's row; the village a registration row matched
            // (like its township_id), and the kept figures counted by village too. Rows stored before have no
            // village (no roster had villages), so NULL is right for every one of them.
            try db.execute(
                sql: """
                    CREATE TABLE village (
                        id INTEGER PRIMARY KEY,
                        batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,
                        township_id INTEGER NOT NULL REFERENCES township(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        row_number INTEGER NOT NULL,
                        name TEXT NOT NULL,
                        population INTEGER NOT NULL,
                        target_numerator INTEGER,
                        target_denominator INTEGER,
                        aliases TEXT NOT NULL
                    );
                    CREATE INDEX village_by_batch ON village(batch_id);
                    CREATE INDEX village_by_township ON village(township_id);
                    ALTER TABLE registration ADD COLUMN village_id INTEGER;
                    ALTER TABLE figure ADD COLUMN village_id INTEGER;
                    -- The village table reads the groups in this order, without a sort (county-wide `villages` on a
                    -- million rows: 0.6 s without it, 0.06 s with it, in sqlite3).
                    CREATE INDEX figure_by_village ON figure(township_id, village_id, outcome, rows);
                    """)
        }
        migrator.registerMigration("v11: the ID and phone keys of valid rows") { db in
            // The valid row holding each ID key and each phone key (no key is on two valid rows, SPEC 2), kept by
            // every change of an outcome (see ValidKeyIndex), so that an appended import looks up the keys of its
            // own rows instead of reading every valid row back. The key is the rowid: 10–20 bytes an entry. Filled
            // in key order (a B-tree appended to, not written at random); should two valid rows share a key, the
            // first keeps it and `check` reports the other.
            try db.execute(
                sql: """
                    CREATE TABLE valid_id_key (key INTEGER PRIMARY KEY, registration_id INTEGER NOT NULL);
                    CREATE TABLE valid_phone_key (key INTEGER PRIMARY KEY, registration_id INTEGER NOT NULL);
                    INSERT OR IGNORE INTO valid_id_key (key, registration_id)
                        SELECT id_key, id FROM registration WHERE outcome = 5 AND id_key IS NOT NULL
                        ORDER BY id_key, id;
                    INSERT OR IGNORE INTO valid_phone_key (key, registration_id)
                        SELECT phone_key, id FROM registration WHERE outcome = 5 AND phone_key IS NOT NULL
                        ORDER BY phone_key, id;
                    """)
        }
        migrator.registerMigration("v12: township row index and figure totals") { db in
            // A township page reads that township's rejected rows, its rows by village text and its rows matching
            // no village: through this index, a few thousand entries instead of a million rows (0.15 s of CPU a page
            // on a million rows without it). Rows of a file share a township, so imports append to it in place.
            // The totals are the kept figures without the day: `report` and `villages` read about a thousand groups
            // instead of a hundred thousand (30 ms each on a million rows). Triggers keep them with every change of
            // `figure`, in the same transaction; 0 stands for no township or no village, so that the key is unique.
            try db.execute(
                sql: """
                    CREATE INDEX registration_by_township ON registration(township_id, village_id, outcome);
                    CREATE TABLE figure_total (
                        township_key INTEGER NOT NULL,
                        village_key INTEGER NOT NULL,
                        outcome INTEGER NOT NULL,
                        batch_id INTEGER NOT NULL,
                        rows INTEGER NOT NULL,
                        PRIMARY KEY (township_key, village_key, outcome, batch_id)
                    ) WITHOUT ROWID;
                    \(FigureTotals.insertTrigger)
                    \(FigureTotals.deleteTrigger)
                    \(FigureTotals.trigger(on: "UPDATE", remove: "OLD", add: "NEW"))
                    \(FigureTotals.rebuild)
                    """)
        }
        migrator.registerMigration("v13: counties (县)") { db in
            // SPEC 8: a roster may give each township a county; a registration row keeps the county it named (its
            // cell, `--county`, or the title or file name), so that a new roster decides it again within that county.
            // NULL is no county: every row and township stored before, and every one of a roster without a county
            // column. County figures are sums of township figures: nothing more is kept.
            try db.execute(
                sql: """
                    ALTER TABLE township ADD COLUMN county TEXT;
                    ALTER TABLE registration ADD COLUMN county_text TEXT;
                    """)
        }
        migrator.registerMigration("v14: recent valid keys, merged into the index in key order") { db in
            // Issue 17: a daily import's 5,000 new keys, random, landed on nearly every leaf page of the valid-key
            // index (30 MB on a million rows), each page written to the journal and again at the checkpoint. They
            // go into these small tables instead, looked up first, and are moved into the large ones in key order
            // once they hold tens of thousands (see ValidKeyIndex). Depends on v11 only.
            try db.execute(
                sql: """
                    CREATE TABLE recent_valid_id_key (key INTEGER PRIMARY KEY, registration_id INTEGER NOT NULL);
                    CREATE TABLE recent_valid_phone_key (key INTEGER PRIMARY KEY, registration_id INTEGER NOT NULL);
                    """)
        }
        migrator.registerMigration("v15: the county of a dashboard token") { db in
            // Issue 19: a county token (`tokens create --county`) sees one county's pages; a township token names
            // its county too where the roster has counties, since two counties may each have a 城关镇. NULL for
            // every token made before: an office token, or a township token that names its township alone.
            try db.execute(sql: "ALTER TABLE access_token ADD COLUMN county TEXT")
        }
        migrator.registerMigration("v16: the county of a township in a notice") { db in
            // Issue 19: two counties' 城关镇 are two townships of one notice, each with its own change, times named
            // and card. NULL in every notice issued before, and where the roster has no county column.
            try db.execute(sql: "ALTER TABLE notice_township ADD COLUMN county TEXT")
        }
        migrator.registerMigration("v17: the county an invalid-list entry names") { db in
            // SPEC 1.3 and 8: an entry for 西县's 城关镇 must not hit 东县's. NULL in every entry stored before: it
            // applies, as then, to every township of its name.
            try db.execute(sql: "ALTER TABLE invalid_entry ADD COLUMN county_text TEXT")
        }
        return migrator
    }
}
