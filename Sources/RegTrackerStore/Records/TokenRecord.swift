/// A dashboard access token as stored: only the SHA-256 of the secret, never the secret itself.
public struct TokenRecord: Codable, Sendable, Equatable {
    public enum Scope: String, Sendable, Codable {
        /// Sees every page.
        case office
        /// Sees the ranking and its own township only.
        case township
    }

    public var id: Int64?
    public var scope: Scope
    /// The roster name, for a township token.
    public var township: String?
    public var sha256: String
    public var createdAt: String
    public var revokedAt: String?

    public init(
        id: Int64? = nil, scope: Scope, township: String?, sha256: String, createdAt: String, revokedAt: String? = nil
    ) {
        self.id = id
        self.scope = scope
        self.township = township
        self.sha256 = sha256
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
