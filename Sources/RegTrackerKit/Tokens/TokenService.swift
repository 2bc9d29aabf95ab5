import RegTrackerCore
import RegTrackerStore

/// Who a dashboard token lets in: the office sees everything, a township its own page and the ranking.
public enum Access: Sendable, Equatable {
    case office
    case township(String)

    /// Whether this access may open the page and JSON of `township` (its roster name).
    public func canSee(township name: String) -> Bool {
        switch self {
        case .office: true
        case .township(let own): own == name
        }
    }
}

/// Dashboard tokens (issue 7): created once and shown once, stored only as their SHA-256, revocable.
public struct TokenService: Sendable {
    public var store: any RegistryStore
    public var clock: Clock

    public init(store: any RegistryStore, clock: Clock) {
        self.store = store
        self.clock = clock
    }

    /// A token's text: `rt_` and 32 random bytes in hex, from the system's cryptographic generator.
    static func newSecret() -> String { RandomSecret.hex(prefix: "rt_") }

    /// Creates a token for `access` and returns its record and its text, which is not stored and cannot be shown
    /// again. A township token names the roster township (an alias is resolved to its name).
    public func create(_ access: Access) throws -> (record: TokenRecord, secret: String) {
        let secret = Self.newSecret()
        var record: TokenRecord
        switch access {
        case .office:
            record = TokenRecord(
                scope: .office, township: nil, sha256: TokenDigest.sha256(secret), createdAt: clock.timestamp)
        case .township(let name):
            record = TokenRecord(
                scope: .township, township: name, sha256: TokenDigest.sha256(secret), createdAt: clock.timestamp)
        }
        let stored = record
        record.id = try store.write { try $0.insertToken(stored) }
        return (record, secret)
    }

    public func list() throws -> [TokenRecord] {
        try store.read { try $0.tokens() }
    }

    /// Revokes token `id`; false when there is no such token or it was already revoked.
    public func revoke(id: Int64) throws -> Bool {
        try store.write { try $0.revokeToken(id: id, at: clock.timestamp) }
    }

    /// What a presented token lets in, or nil when it is unknown or revoked.
    public func access(forToken secret: String) throws -> Access? {
        try Self.activeToken(secret, in: store).flatMap(Access.init(record:))
    }

    /// The unrevoked token whose text is `secret`.
    static func activeToken(_ secret: String, in store: any RegistryStore) throws -> TokenRecord? {
        guard RandomSecret.isPlausible(secret) else { return nil }
        let digest = TokenDigest.sha256(secret)
        return try store.read { try $0.activeToken(sha256: digest) }
    }
}

extension Access {
    /// What a stored token lets in; nil for a township token without its township.
    init?(record: TokenRecord) {
        switch record.scope {
        case .office: self = .office
        case .township:
            guard let township = record.township else { return nil }
            self = .township(township)
        }
    }
}
