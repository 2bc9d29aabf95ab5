/// A dashboard login session as stored: the SHA-256 of its random id (never the id), the token it was opened
/// with, and its times in Unix seconds.
public struct SessionRecord: Sendable, Equatable {
    public var sha256: String
    public var tokenID: Int64
    public var createdAt: Int64
    public var expiresAt: Int64

    public init(sha256: String, tokenID: Int64, createdAt: Int64, expiresAt: Int64) {
        self.sha256 = sha256
        self.tokenID = tokenID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
