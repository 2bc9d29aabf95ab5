import Foundation

/// Where a PostgreSQL database is, from `--db postgres://user[:password]@host[:port]/database` (or `postgresql://`).
/// `?host=/folder` names the folder of a Unix socket instead of a TCP host, as libpq reads it.
public struct PostgresLocation: Sendable, Equatable {
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The socket file itself: `FOLDER/.s.PGSQL.PORT`.
        case socket(path: String)
    }

    public var endpoint: Endpoint
    public var user: String
    public var password: String?
    public var database: String

    public init(endpoint: Endpoint, user: String, password: String?, database: String) {
        self.endpoint = endpoint
        self.user = user
        self.password = password
        self.database = database
    }

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func names(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Nil when `text` is not a PostgreSQL URL with a user and a database.
    public init?(url text: String) {
        guard Self.names(text), let components = URLComponents(string: text), let user = components.user,
            !user.isEmpty
        else { return nil }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { return nil }
        let port = components.port ?? 5432
        if let folder = components.queryItems?.first(where: { $0.name == "host" })?.value, folder.hasPrefix("/") {
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
    public var description: String {
        switch endpoint {
        case .tcp(let host, let port): "postgres://\(user)@\(host):\(port)/\(database)"
        case .socket(let path): "postgres://\(user)@/\(database)?socket=\(path)"
        }
    }
}
