/// Dashboard access tokens and login sessions (issues 7 and 20): only the SHA-256 of their secrets is stored.
public protocol TokenStore {
    func insertToken(_ token: TokenRecord) throws -> Int64
    func tokens() throws -> [TokenRecord]
    /// The token with this SHA-256 (hex) that is not revoked.
    func activeToken(sha256: String) throws -> TokenRecord?
    /// Returns false when there is no such token or it was already revoked. Ends every session opened with it.
    func revokeToken(id: Int64, at timestamp: String) throws -> Bool
    /// Stores a dashboard session (issue 20); the record holds only the SHA-256 of its id.
    func insertSession(_ session: SessionRecord) throws
    /// The session with this SHA-256 (hex) unexpired at `now` (Unix seconds), with its token, if not revoked.
    func activeSession(sha256: String, at now: Int64) throws -> (session: SessionRecord, token: TokenRecord)?
    /// Ends a session; false when there was none with this SHA-256.
    func deleteSession(sha256: String) throws -> Bool
    /// Removes the sessions expired at `now` and those of revoked tokens; returns how many.
    func deleteExpiredSessions(at now: Int64) throws -> Int
}
