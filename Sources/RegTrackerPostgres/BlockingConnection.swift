import Foundation
import PostgresNIO
import RegTrackerStore

/// One PostgreSQL connection used from a blocking thread: the store's interface is synchronous (the CLI's main
/// thread, the dashboard's read threads), so each query waits for its result. Never used from an event loop, nor
/// from two threads at once. A COPY alone is not waited for: it runs while the caller prepares the next rows, and
/// whatever comes next on the connection waits for it first (and fails with it).
final class BlockingConnection {
    private let connection: PostgresConnection
    /// The COPY still running, if any.
    private var pendingCopy: EventLoopFuture<Void>?
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
                    database: location.database, tls: try Self.tls(location))
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

    /// TLS as libpq's `sslmode` and `sslrootcert` ask for it. With `verify-full` the certificate must name the URL's
    /// host: its DNS name, or its address when the host is an IP address.
    private static func tls(_ location: PostgresLocation) throws -> PostgresConnection.Configuration.TLS {
        if location.encryption == .disable { return .disable }
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = location.rootCertificates {
            guard let certificates = try? NIOSSLCertificate.fromPEMFile(file), !certificates.isEmpty else {
                throw StoreError.TLSProblem.unreadableCAFile(file)
            }
            configuration.trustRoots = .certificates(certificates)
        }
        configuration.certificateVerification =
            switch location.encryption {
            case .verifyFull: .fullVerification
            case .verifyCA: .noHostnameVerification
            case .require where location.rootCertificates != nil: .noHostnameVerification
            default: .none
            }
        let context = try NIOSSLContext(configuration: configuration)
        return [.allow, .prefer].contains(location.encryption) ? .prefer(context) : .require(context)
    }

    deinit {
        settle()
        try? connection.close().wait()
    }

    /// Waits for the COPY still running, and throws its failure.
    func finishCopy() throws {
        guard let copy = pendingCopy else { return }
        pendingCopy = nil
        try copy.wait()
    }

    /// Waits for the COPY still running, ignoring its failure: before a rollback, which must go out whatever the
    /// COPY met.
    func settle() {
        try? finishCopy()
    }

    /// Runs `query` and returns its rows, each readable by column name.
    @discardableResult
    func rows(_ query: PostgresQuery) throws -> [PostgresRandomAccessRow] {
        try finishCopy()
        return try connection.query(query, logger: Self.logger).wait().rows.map { $0.makeRandomAccess() }
    }

    /// Sends `query` at once, behind a COPY still running if there is one, and returns its rows to come: the
    /// caller goes on while the server answers. A failure (a COPY's before it) comes with the rows.
    func send(_ query: PostgresQuery) -> EventLoopFuture<[PostgresRandomAccessRow]> {
        connection.query(query, logger: Self.logger).map { $0.rows.map { $0.makeRandomAccess() } }
    }

    /// Runs `query`; returns how many rows it changed.
    @discardableResult
    func execute(_ query: PostgresQuery) throws -> Int {
        try finishCopy()
        return try connection.query(query, logger: Self.logger).wait().metadata.rows ?? 0
    }

    /// Sends `data`, rows in COPY's binary format (`PostgresCopyRows`), into `columns` of `table` as one `COPY … FROM
    /// STDIN`, once the COPY before it is done; returns without waiting for the server to store them (the next use of
    /// the connection does). A 1M-row import so parses while the server stores: about 30 s of each, one after the
    /// other before.
    func copy(into table: String, columns: [String], binaryData data: ByteBuffer) throws {
        try finishCopy()
        // postgres-nio 1.33 offers COPY in the text format only: it writes the column names into the statement as
        // given, then `) FROM STDIN WITH (FORMAT text)`. The last name closes the list and asks for the binary
        // format, and `--` leaves the rest of the line a comment (PostgresStoreTests holds a COPY to this).
        let columns =
            Array(columns.dropLast()) + [columns[columns.count - 1] + "\") FROM STDIN WITH (FORMAT binary) --"]
        let (connection, logger) = (self.connection, Self.logger)
        let done = connection.eventLoop.makePromise(of: Void.self)
        let copy: @Sendable () async -> Void = {
            do {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    try await writer.write(data)
                }
                done.succeed()
            } catch {
                done.fail(error)
            }
        }
        // postgres-nio copies only from async code. The task runs on a thread of its own, not on the cooperative
        // pool: the caller may be blocking one of the pool's few threads (a test does), and the pool's others may be
        // blocked likewise.
        let executor: any TaskExecutor = CopyExecutor.shared
        Task(executorPreference: executor, operation: copy)
        pendingCopy = done.futureResult
    }

    /// Runs a statement written whole in SQL, without parameters (a migration's).
    func execute(sql: String) throws {
        try finishCopy()
        _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: Self.logger).wait()
    }
}

/// Runs tasks on a serial dispatch queue, whose thread is not one of the cooperative pool's.
private final class CopyExecutor: TaskExecutor {
    static let shared = CopyExecutor()
    private let queue = DispatchQueue(label: "regtracker.postgres.copy")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
