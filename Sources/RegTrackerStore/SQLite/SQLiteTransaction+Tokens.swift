import GRDB
import RegTrackerCore

/// Dashboard access tokens and login sessions on SQLite: only their SHA-256 is stored.
extension SQLiteTransaction {
    func insertToken(_ token: TokenRecord) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO access_token (scope, township, county, sha256, created_at, revoked_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                token.scope.rawValue, token.township, token.county, token.sha256, token.createdAt, token.revokedAt,
            ])
        return db.lastInsertedRowID
    }

    func tokens() throws -> [TokenRecord] {
        try TokenRecord.fetchAll(db, sql: "SELECT * FROM access_token ORDER BY id")
    }

    func activeToken(sha256: String) throws -> TokenRecord? {
        try TokenRecord.fetchOne(
            db, sql: "SELECT * FROM access_token WHERE sha256 = ? AND revoked_at IS NULL", arguments: [sha256])
    }

    /// Revoking a token also ends every session opened with it.
    func revokeToken(id: Int64, at timestamp: String) throws -> Bool {
        try db.execute(
            sql: "UPDATE access_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
            arguments: [timestamp, id])
        let revoked = db.changesCount > 0
        try db.execute(sql: "DELETE FROM dashboard_session WHERE token_id = ?", arguments: [id])
        return revoked
    }

    func insertSession(_ session: SessionRecord) throws {
        try db.execute(
            sql: "INSERT INTO dashboard_session (sha256, token_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
            arguments: [session.sha256, session.tokenID, session.createdAt, session.expiresAt])
    }

    func activeSession(sha256: String, at now: Int64) throws -> (session: SessionRecord, token: TokenRecord)? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT s.sha256 AS session_sha256, s.token_id, s.created_at AS session_created_at, s.expires_at, t.*
                FROM dashboard_session s JOIN access_token t ON t.id = s.token_id
                WHERE s.sha256 = ? AND s.expires_at > ? AND t.revoked_at IS NULL
                """, arguments: [sha256, now])
        guard let row else { return nil }
        let token = try TokenRecord(row: row)
        let session = SessionRecord(
            sha256: row["session_sha256"], tokenID: row["token_id"], createdAt: row["session_created_at"],
            expiresAt: row["expires_at"])
        return (session, token)
    }

    func deleteSession(sha256: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM dashboard_session WHERE sha256 = ?", arguments: [sha256])
        return db.changesCount > 0
    }

    func deleteExpiredSessions(at now: Int64) throws -> Int {
        try db.execute(
            sql: """
                DELETE FROM dashboard_session WHERE expires_at <= ?
                    OR token_id IN (SELECT id FROM access_token WHERE revoked_at IS NOT NULL)
                """, arguments: [now])
        return db.changesCount
    }
}
