import RegTrackerCore

/// The narrow interface the use cases talk to: SQLiteStore and (RegTrackerPostgres) PostgresStore implement it.
public protocol RegistryStore: Sendable {
    /// Runs `body` in one write transaction that waits for other writers (bounded) and is all or nothing.
    func write<T>(_ body: (any RegistryTransaction) throws -> T) throws -> T
    /// Runs `body` on a consistent snapshot.
    func read<T>(_ body: (any RegistryTransaction) throws -> T) throws -> T
    /// Removes what deleted rows left in the store's journal (after a purge); false when a reader kept it from
    /// finishing in time.
    func erasePurgedRemains() throws -> Bool
}

/// What one transaction can do: every narrow store in one, so that the transaction boundary stays in one place.
/// Methods that change data are only called inside `write`. Use cases take the narrowest of these they need.
public typealias RegistryTransaction = BatchLedger & RosterStore & InvalidListStore & RegistrationStore & FigureStore
    & NoticeStore & TokenStore & SettingStore

/// A store failure a person can act on (busy database, unwritable file), without raw SQLite text.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for the CLI to word in the reader's language; nil where only `message` says it.
    public enum Code: Sendable, Equatable {
        case busy
        /// An import waited `importQueueSeconds` for the imports before it (PostgreSQL: each holds the sequence for
        /// its whole file).
        case importQueue
        case notADatabase
        case cannotRead
        case cannotWrite
        case diskFull
        /// The role refused, or a server not reached for a reason `Unreachable` does not name; `reason` says why, in
        /// the words of the server or the network library.
        case cannotConnect
        /// No server answered at the URL's address, for a reason the CLI words in the reader's language.
        case unreachable(Unreachable)
        /// No database of that name on the server: the administrator creates it (a file is created on first use).
        case noSuchDatabase
        /// The encrypted connection the URL's `sslmode` asks for could not be made.
        case tls(TLSProblem)
    }

    /// Why no database server answered.
    public enum Unreachable: Sendable, Equatable {
        /// Nothing listens at the host and port (ECONNREFUSED).
        case refused
        /// No socket file in the folder `host=` names (ENOENT).
        case noSocket
        case timedOut
        /// No route to the host (EHOSTUNREACH, ENETUNREACH).
        case noRoute
        /// The host name does not resolve.
        case unknownHost
    }

    /// Why a server connection could not be encrypted as asked.
    public enum TLSProblem: Error, Sendable, Equatable {
        /// The `sslrootcert` file could not be read as PEM certificates.
        case unreadableCAFile(String)
        /// The server's certificate is not signed by a trusted CA (those of `sslrootcert`, or the system's).
        case untrustedCertificate(caFile: String?)
        /// The certificate is signed by a trusted CA but does not name the host of the URL (`verify-full`).
        case certificateForAnotherHost(String)
        /// The server does not offer TLS at all (`require` and the `verify-*` modes).
        case notOffered
    }

    public var message: String
    public var hint: String
    public var code: Code?
    /// The database file (or server URL) the error is about.
    public var path: String?
    /// The cause in the words of the system that gave it (a network error, the server's message), when the code
    /// alone does not say it.
    public var reason: String?

    public init(message: String, hint: String, code: Code? = nil, path: String? = nil, reason: String? = nil) {
        self.message = message
        self.hint = hint
        self.code = code
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(message); \(hint)" }

    /// How long a store opened with `--db` waits for another run's write lock before failing with `.busy`.
    public static let busySeconds = 60

    /// How long an import on a server waits its turn behind other offices' imports: a city's offices submitting at
    /// once queue up for minutes, which is no fault (issue 19).
    public static let importQueueSeconds = 1800
}

/// Why a command that only reads could not open the database (SPEC 3): no file there, a schema older than this
/// program, or a file that is not a regtracker database. The CLI words it in the reader's language.
public struct DatabaseOpeningError: Error, Sendable, Equatable {
    public enum Code: Sendable, Equatable {
        /// No file at the path (or an empty one): a mistyped `--db` must not look like an empty county.
        case noDatabase
        /// The database was made by an earlier version and needs `regtracker migrate` (or an import) first.
        case needsMigration
        /// A SQLite file of another program.
        case notRegTracker
    }

    public var code: Code
    public var path: String

    public init(code: Code, path: String) {
        self.code = code
        self.path = path
    }
}
