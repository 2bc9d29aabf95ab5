import RegTrackerCore
import RegTrackerIO
import RegTrackerStore

/// Who a dashboard token lets in: the office sees everything, a township its own page and the ranking, a county
/// (issue 19) the county-level ranking, its county's page and its townships' pages.
public enum Access: Sendable, Equatable {
    case office
    /// A township's head. `county` names its county where the roster has counties; nil for a token of a roster
    /// without counties or made before migration v15, which then sees the township of its name only while that name
    /// is the roster's only township of the name.
    case township(String, county: String? = nil)
    /// A county's office (`tokens create --county`).
    case county(String)

    /// Whether this access may open the page and JSON of `township` (its roster name) of `county`; `nameIsShared`:
    /// whether another county's township has the same name (SPEC 8).
    public func canSee(township name: String, county: String? = nil, nameIsShared: Bool = false) -> Bool {
        switch self {
        case .office: true
        case .township(let own, let ownCounty):
            own == name && (ownCounty.map { $0 == county } ?? !nameIsShared)
        case .county(let own): own == county
        }
    }

    /// Whether this access may open the page of county `county` (issue 19): the office and that county's token. A
    /// township token sees the whole-database ranking, as before counties, but no county page.
    public func canSee(county: String) -> Bool {
        switch self {
        case .office: true
        case .township: false
        case .county(let own): own == county
        }
    }

    /// Whether this access sees the ranking of every township (`/`, `/api/report`, `/api/trend`, the notices): every
    /// access but a county's, which sees the counties ranked and its own county only.
    public var seesEveryTownship: Bool {
        if case .county = self { return false }
        return true
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
    /// again. A township token names the roster township (an alias is resolved to its name) and, where the roster has
    /// counties, its county; a county token names the roster county.
    public func create(_ access: Access) throws -> (record: TokenRecord, secret: String) {
        let secret = Self.newSecret()
        var record: TokenRecord
        switch access {
        case .office:
            record = TokenRecord(
                scope: .office, township: nil, sha256: SHA256Digest.hex(secret), createdAt: clock.timestamp)
        case .township(let name, let county):
            record = TokenRecord(
                scope: .township, township: name, county: county, sha256: SHA256Digest.hex(secret),
                createdAt: clock.timestamp)
        case .county(let county):
            record = TokenRecord(
                scope: .county, township: nil, county: county, sha256: SHA256Digest.hex(secret),
                createdAt: clock.timestamp)
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
        let digest = SHA256Digest.hex(secret)
        return try store.read { try $0.activeToken(sha256: digest) }
    }
}

extension Access {
    /// What a stored token lets in; nil for a township token without its township, a county token without its county.
    init?(record: TokenRecord) {
        switch record.scope {
        case .office: self = .office
        case .township:
            guard let township = record.township else { return nil }
            self = .township(township, county: record.county)
        case .county:
            guard let county = record.county else { return nil }
            self = .county(county)
        }
    }
}
