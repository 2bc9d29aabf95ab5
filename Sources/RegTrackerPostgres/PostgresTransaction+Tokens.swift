import PostgresNIO
import RegTrackerStore

/// Dashboard access tokens and login sessions on PostgreSQL: only their SHA-256 is stored.
extension PostgresTransaction: TokenStore {
    public func insertToken(_ token: TokenRecord) throws -> Int64 {
        let rows = try connection.rows(
            """
            INSERT INTO access_token (scope, township, county, sha256, created_at, revoked_at)
            VALUES (
                \(token.scope.rawValue), \(token.township), \(token.county), \(token.sha256), \(token.createdAt),
                \(token.revokedAt))
            RETURNING id
            """)
        return try rows[0]["id"].decode(Int64.self)
    }

    public func tokens() throws -> [TokenRecord] {
        try connection.rows("SELECT * FROM access_token ORDER BY id").compactMap(Self.token)
    }

    public func activeToken(sha256: String) throws -> TokenRecord? {
        try connection.rows("SELECT * FROM access_token WHERE sha256 = \(sha256) AND revoked_at IS NULL")
            .compactMap(Self.token).first
    }

    /// Revoking a token also ends every session opened with it.
    public func revokeToken(id: Int64, at timestamp: String) throws -> Bool {
        let revoked = try connection.execute(
            "UPDATE access_token SET revoked_at = \(timestamp) WHERE id = \(id) AND revoked_at IS NULL")
        try connection.execute("DELETE FROM dashboard_session WHERE token_id = \(id)")
        return revoked > 0
    }

    public func insertSession(_ session: SessionRecord) throws {
        try connection.execute(
            """
            INSERT INTO dashboard_session (sha256, token_id, created_at, expires_at)
            VALUES (\(session.sha256), \(session.tokenID), \(session.createdAt), \(session.expiresAt))
            """)
    }

    public func activeSession(sha256: String, at now: Int64) throws -> (session: SessionRecord, token: TokenRecord)? {
        let rows = try connection.rows(
            """
            SELECT s.sha256 AS session_sha256, s.token_id, s.created_at AS session_created_at, s.expires_at, t.*
            FROM dashboard_session s JOIN access_token t ON t.id = s.token_id
            WHERE s.sha256 = \(sha256) AND s.expires_at > \(now) AND t.revoked_at IS NULL
            """)
        guard let row = rows.first, let token = try Self.token(row) else { return nil }
        let session = SessionRecord(
            sha256: try row["session_sha256"].decode(String.self), tokenID: try row["token_id"].decode(Int64.self),
            createdAt: try row["session_created_at"].decode(Int64.self),
            expiresAt: try row["expires_at"].decode(Int64.self))
        return (session, token)
    }

    public func deleteSession(sha256: String) throws -> Bool {
        try connection.execute("DELETE FROM dashboard_session WHERE sha256 = \(sha256)") > 0
    }

    public func deleteExpiredSessions(at now: Int64) throws -> Int {
        try connection.execute(
            """
            DELETE FROM dashboard_session WHERE expires_at <= \(now)
                OR token_id IN (SELECT id FROM access_token WHERE revoked_at IS NOT NULL)
            """)
    }

    /// Nil for a scope this program does not know (a newer program's row).
    private static func token(_ row: PostgresRandomAccessRow) throws -> TokenRecord? {
        guard let scope = TokenRecord.Scope(rawValue: try row["scope"].decode(String.self)) else { return nil }
        return TokenRecord(
            id: try row["id"].decode(Int64.self), scope: scope, township: try row["township"].decode(String?.self),
            county: try row["county"].decode(String?.self), sha256: try row["sha256"].decode(String.self),
            createdAt: try row["created_at"].decode(String.self),
            revokedAt: try row["revoked_at"].decode(String?.self))
    }
}
