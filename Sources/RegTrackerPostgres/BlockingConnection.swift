import Foundation
import PostgresNIO

/// One PostgreSQL connection used from a blocking thread: the store's interface is synchronous (the CLI's main
/// thread, the dashboard's read threads), so each query waits for its result. Never used from an event loop.
final class BlockingConnection {
    private let connection: PostgresConnection
    private static let logger: Logger = {
        var logger = Logger(label: "regtracker.postgres")
        logger.logLevel = .critical
        return logger
    }()

    init(_ location: PostgresLocation) throws {
        let configuration =
            switch location.endpoint {
            case .tcp(let host, let port):
                PostgresConnection.Configuration(
                    host: host, port: port, username: location.user, password: location.password,
                    database: location.database, tls: .disable)
            case .socket(let path):
                PostgresConnection.Configuration(
                    unixSocketPath: path, username: location.user, password: location.password,
                    database: location.database)
            }
        connection = try PostgresConnection.connect(
            on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: 1,
            logger: Self.logger
        ).wait()
    }

    deinit {
        try? connection.close().wait()
    }

    /// Runs `query` and returns its rows, each readable by column name.
    @discardableResult
    func rows(_ query: PostgresQuery) throws -> [PostgresRandomAccessRow] {
        try connection.query(query, logger: Self.logger).wait().rows.map { $0.makeRandomAccess() }
    }

    /// Runs `query`; returns how many rows it changed.
    @discardableResult
    func execute(_ query: PostgresQuery) throws -> Int {
        try connection.query(query, logger: Self.logger).wait().metadata.rows ?? 0
    }

    /// Runs a statement written whole in SQL, without parameters (a migration's).
    func execute(sql: String) throws {
        _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger).wait()
    }
}
