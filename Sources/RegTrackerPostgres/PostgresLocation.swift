import Foundation

/// Where a PostgreSQL database is, from `--db postgres://user[:password]@host[:port]/database` (or `postgresql://`).
/// `?host=/folder` names the folder of a Unix socket instead of a TCP host, and `?sslmode=…&sslrootcert=FILE` say
/// how a TCP connection is encrypted, as libpq reads them.
public struct PostgresLocation: Sendable, Equatable {
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The socket file itself: `FOLDER/.s.PGSQL.PORT`.
        case socket(path: String)
    }

    /// libpq's `sslmode`: whether a TCP connection is encrypted, and what of the server's certificate is checked.
    /// A Unix socket is never encrypted (nor is it with libpq): it does not leave the machine.
    public enum Encryption: String, Sendable, CaseIterable {
        /// Never.
        case disable
        /// When the server offers TLS (libpq's `allow` tries without first; here it means the same as `prefer`).
        case allow
        /// When the server offers TLS: libpq's default, and ours.
        case prefer
        /// Always; the certificate is checked against `sslrootcert` when one is given, as libpq does.
        case require
        /// Always, with a certificate signed by a CA of `sslrootcert` (else of the system's trusted CAs).
        case verifyCA = "verify-ca"
        /// As `verify-ca`, and the certificate must name the host of the URL.
        case verifyFull = "verify-full"
    }

    public var endpoint: Endpoint
    public var user: String
    public var password: String?
    public var database: String
    public var encryption: Encryption
    /// PEM file of the CAs a server's certificate must be signed by (`sslrootcert`); nil: the system's.
    public var rootCertificates: String?

    public init(
        endpoint: Endpoint, user: String, password: String?, database: String, encryption: Encryption = .prefer,
        rootCertificates: String? = nil
    ) {
        self.endpoint = endpoint
        self.user = user
        self.password = password
        self.database = database
        self.encryption = encryption
        self.rootCertificates = rootCertificates
    }

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func names(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Nil when `text` is not a PostgreSQL URL with a user and a database, or its `sslmode` is none of libpq's.
    public init?(url text: String) {
        guard Self.names(text), let components = URLComponents(string: text), let user = components.user,
            !user.isEmpty
        else { return nil }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { return nil }
        let port = components.port ?? 5432
        func parameter(_ name: String) -> String? { components.queryItems?.first { $0.name == name }?.value }
        if let mode = parameter("sslmode") {
            guard let encryption = Encryption(rawValue: mode) else { return nil }
            self.encryption = encryption
        } else {
            encryption = .prefer
        }
        rootCertificates = parameter("sslrootcert").flatMap { $0.isEmpty ? nil : $0 }
        if let folder = parameter("host"), folder.hasPrefix("/") {
            endpoint = .socket(path: folder + "/.s.PGSQL.\(port)")
        } else {
            guard let host = components.host, !host.isEmpty else { return nil }
            endpoint = .tcp(host: host, port: port)
        }
        self.user = user
        password = components.password
        self.database = database
    }

    /// The URL without its password, for messages.
    /// A socket's URL as it is written for `--db` (`?host=FOLDER`, the port when not 5432), so that a message's
    /// URL can be given back to `--db`.
    private static func socketURL(user: String, database: String, socketFile: String) -> String {
        let prefix = "/.s.PGSQL."
        guard let range = socketFile.range(of: prefix, options: .backwards),
            let port = Int(socketFile[range.upperBound...])
        else { return "postgres://\(user)@/\(database)?host=\(socketFile)" }
        let folder = String(socketFile[..<range.lowerBound])
        let authority = port == 5432 ? "" : "localhost:\(port)"
        return "postgres://\(user)@\(authority)/\(database)?host=\(folder)"
    }

    public var description: String {
        switch endpoint {
        case .tcp(let host, let port): "postgres://\(user)@\(host):\(port)/\(database)"
        case .socket(let path): Self.socketURL(user: user, database: database, socketFile: path)
        }
    }
}
