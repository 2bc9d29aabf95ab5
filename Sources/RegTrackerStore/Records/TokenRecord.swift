/// A dashboard access token as stored: only the SHA-256 of the secret, never the secret itself.
public struct TokenRecord: Codable, Sendable, Equatable {
    public enum Scope: String, Sendable, Codable {
        /// Sees every page.
        case office
        /// Sees the ranking and its own township only.
        case township
        /// Sees its county's pages only: the county-level ranking, its county's page and its townships' pages.
        case county
    }

    public var id: Int64?
    public var scope: Scope
    /// The roster name, for a township token.
    public var township: String?
    /// The roster county: of a county token, and of a township token where the roster has counties (migration v15;
    /// nil for the tokens made before, which name their township alone).
    public var county: String?
    public var sha256: String
    public var createdAt: String
    public var revokedAt: String?

    public init(
        id: Int64? = nil, scope: Scope, township: String?, county: String? = nil, sha256: String, createdAt: String,
        revokedAt: String? = nil
    ) {
        self.id = id
        self.scope = scope
        self.township = township
        self.county = county
        self.sha256 = sha256
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
