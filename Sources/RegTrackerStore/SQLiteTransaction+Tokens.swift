import GRDB
import RegTrackerCore

/// Dashboard access tokens on SQLite: only their SHA-256 is stored.
extension SQLiteTransaction {
    func insertToken(_ token: TokenRecord) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO access_token (scope, township, sha256, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [token.scope.rawValue, token.township, token.sha256, token.createdAt, token.revokedAt])
        return db.lastInsertedRowID
    }

    func tokens() throws -> [TokenRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM access_token ORDER BY id").compactMap(Self.token)
    }

    func activeToken(sha256: String) throws -> TokenRecord? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM access_token WHERE sha256 = ? AND revoked_at IS NULL", arguments: [sha256]
        ).flatMap(Self.token)
    }

    func revokeToken(id: Int64, at timestamp: String) throws -> Bool {
        try db.execute(
            sql: "UPDATE access_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [timestamp, id])
        return db.changesCount > 0
    }

    private static func token(_ row: Row) -> TokenRecord? {
        guard let scope = TokenRecord.Scope(rawValue: row["scope"]) else { return nil }
        return TokenRecord(
            id: row["id"], scope: scope, township: row["township"], sha256: row["sha256"], createdAt: row["created_at"],
            revokedAt: row["revoked_at"])
    }
}
