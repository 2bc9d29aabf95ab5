import Glibc
import RegTrackerStore

/// Dashboard login sessions (issue 20): a token typed into the login form opens a session whose random id goes in
/// the cookie, so the token itself never sits in a browser. Only the id's SHA-256 is stored; a session expires,
/// ends at logout, and ends with its token.
public struct SessionService: Sendable {
    public var store: any RegistryStore
    /// How long a session lasts, in seconds.
    public var lifetime: Int64
    /// The current time in Unix seconds (a parameter so that tests can let sessions expire).
    public var now: @Sendable () -> Int64

    /// Twelve hours: a working day, then the token is typed again.
    public static let defaultLifetime: Int64 = 12 * 3600

    public init(
        store: any RegistryStore, lifetime: Int64 = defaultLifetime,
        now: @escaping @Sendable () -> Int64 = Self.systemTime
    ) {
        self.store = store
        self.lifetime = lifetime
        self.now = now
    }

    @Sendable public static func systemTime() -> Int64 { Int64(time(nil)) }

    /// Opens a session for `token`; returns its id (for the cookie) and what it lets in, or nil when the token is
    /// unknown or revoked. Sessions that have expired are removed on the way.
    public func start(withToken token: String) throws -> (id: String, access: Access)? {
        guard let record = try TokenService.activeToken(token, in: store), let tokenID = record.id,
            let access = Access(record: record)
        else { return nil }
        let id = RandomSecret.hex(prefix: "rs_")
        let now = now()
        let session = SessionRecord(
            sha256: TokenDigest.sha256(id), tokenID: tokenID, createdAt: now, expiresAt: now + lifetime)
        try store.write { transaction in
            _ = try transaction.deleteExpiredSessions(at: now)
            try transaction.insertSession(session)
        }
        return (id, access)
    }

    /// What a presented session id lets in: nil when it is unknown, ended, expired, or its token was revoked.
    public func access(forSession id: String) throws -> Access? {
        guard RandomSecret.isPlausible(id) else { return nil }
        let (digest, now) = (TokenDigest.sha256(id), now())
        return try store.read { try $0.activeSession(sha256: digest, at: now) }.flatMap { Access(record: $0.token) }
    }

    /// Ends a session (logout); false when there was none with this id.
    public func end(_ id: String) throws -> Bool {
        guard RandomSecret.isPlausible(id) else { return false }
        let digest = TokenDigest.sha256(id)
        return try store.write { try $0.deleteSession(sha256: digest) }
    }
}
