import PostgresNIO
import RegTrackerStore

/// Opening a PostgreSQL database the ways the commands need (SPEC 3): for writing (migrated on first use), for
/// reading only (never migrated, never written), and to migrate. The database itself is never created here: on a
/// server that is the administrator's `createdb` (README, "Running on PostgreSQL").
extension PostgresStore {
    /// Opens an existing, fully migrated database. `readOnly`: every transaction on the connection is read-only
    /// (the commands that only read); otherwise it may write (the dashboard's login sessions).
    public static func existing(_ location: PostgresLocation, readOnly: Bool = true) throws -> PostgresStore {
        let connection = try connect(location, missing: .noDatabase)
        do {
            let applied = try PostgresSchema.appliedIdentifiers(connection)
            if applied.isEmpty { throw try notRegTrackerYet(connection, location: location) }
            guard Set(PostgresSchema.migrations.map(\.identifier)).isSubset(of: applied) else {
                throw DatabaseOpeningError(code: .needsMigration, path: location.description)
            }
            if readOnly { try connection.execute(sql: "SET default_transaction_read_only = on") }
            try connection.execute(sql: "SET lock_timeout = '\(StoreError.busySeconds)s'")
            return PostgresStore(connection: connection, location: location, applied: [])
        } catch let error as DatabaseOpeningError {
            throw error
        } catch {
            throw storeError(error, location: location)
        }
    }

    /// Why a database without regtracker's migrations is not opened: an empty one (nobody imported into it) is no
    /// regtracker database yet; tables of another program are not ours.
    static func notRegTrackerYet(_ connection: BlockingConnection, location: PostgresLocation) throws
        -> DatabaseOpeningError
    {
        let tables = try PostgresSchema.tableCount(connection)
        return DatabaseOpeningError(code: tables == 0 ? .noDatabase : .notRegTracker, path: location.description)
    }

    /// Brings an existing database up to this version's schema; returns the migrations applied, empty when it was
    /// up to date. Our tables are not added to a database that holds another program's.
    public static func migrate(_ location: PostgresLocation) throws -> [String] {
        let connection = try connect(location, missing: .noDatabase)
        do {
            if try PostgresSchema.appliedIdentifiers(connection).isEmpty {
                let tables = try PostgresSchema.tableCount(connection)
                if tables > 0 { throw DatabaseOpeningError(code: .notRegTracker, path: location.description) }
            }
            return try PostgresSchema.migrate(connection)
        } catch let error as DatabaseOpeningError {
            throw error
        } catch {
            throw storeError(error, location: location)
        }
    }

    /// Connects, wording what a person can act on: the server not reached, the role refused, no such database.
    /// `missing`: what a database that does not exist is, for the command at hand (nil: a `StoreError`).
    static func connect(
        _ location: PostgresLocation, missing: DatabaseOpeningError.Code? = nil
    ) throws -> BlockingConnection {
        let path = location.description
        do {
            return try BlockingConnection(location)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "3D000" {
            // invalid_catalog_name: no database of that name on the server.
            if let missing { throw DatabaseOpeningError(code: missing, path: path) }
            throw StoreError(
                message: "there is no database \(location.database) on the server of \(path)",
                hint: "create it first (createdb -O \(location.user) \(location.database)), then run again",
                code: .noSuchDatabase, path: path)
        } catch let problem as StoreError.TLSProblem {
            throw tlsError(problem, location: location)
        } catch let error as PSQLError where error.code == .sslUnsupported {
            throw tlsError(.notOffered, location: location)
        } catch let error as PSQLError where error.underlying.map(isUntrustedCertificate) == true {
            throw tlsError(.untrustedCertificate(caFile: location.rootCertificates), location: location)
        } catch let error as PSQLError where error.underlying is NIOSSLExtraError {
            // The one NIOSSL raises after the handshake: the certificate does not name the host.
            guard case .tcp(let host, _) = location.endpoint else { throw error }
            throw tlsError(.certificateForAnotherHost(host), location: location)
        } catch let error where unreachable(error) != nil {
            throw StoreError(
                message: "cannot connect to the database \(path): no server answered",
                hint: "check the URL and that the PostgreSQL server is running",
                code: .unreachable(unreachable(error)!), path: path)
        } catch {
            let reason =
                (error as? PSQLError).map { $0.serverInfo?[.message] ?? $0.underlying.map { "\($0)" } ?? "\($0.code)" }
                ?? "\(error)"
            throw StoreError(
                message: "cannot connect to the database \(path) (\(reason))",
                hint: "check the URL, that the PostgreSQL server is running, and that the role may connect",
                code: .cannotConnect, path: path, reason: reason)
        }
    }

    /// A network failure before any server answered, told by the errno or DNS failure SwiftNIO reports (its error
    /// types describe themselves; the description is what they have in common).
    private static func unreachable(_ error: any Error) -> StoreError.Unreachable? {
        let text = "\((error as? PSQLError)?.underlying ?? error)"
        if text.contains("UnknownHost") { return .unknownHost }
        let codes: [(Int32, StoreError.Unreachable)] = [
            (ECONNREFUSED, .refused), (ENOENT, .noSocket), (ETIMEDOUT, .timedOut), (EHOSTUNREACH, .noRoute),
            (ENETUNREACH, .noRoute),
        ]
        return codes.first { text.contains("(errno: \($0.0))") }?.1
    }

    private static func tlsError(_ problem: StoreError.TLSProblem, location: PostgresLocation) -> StoreError {
        StoreError(
            message: "cannot connect to the database \(location.description) over TLS (\(problem))",
            hint: "check the URL's sslmode and sslrootcert", code: .tls(problem), path: location.description)
    }

    /// BoringSSL's verdict on a certificate chain no trusted CA signed.
    private static func isUntrustedCertificate(_ error: any Error) -> Bool {
        guard case NIOSSLError.handshakeFailed(let reason) = error else { return false }
        return "\(reason)".contains("CERTIFICATE_VERIFY_FAILED")
    }
}
