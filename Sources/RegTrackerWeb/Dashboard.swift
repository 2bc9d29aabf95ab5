import Hummingbird
import HummingbirdCore
import RegTrackerCore
import RegTrackerKit
import RegTrackerStore

/// The township dashboard (`regtracker serve`): server-rendered pages and the CLI's JSON, read-only, behind tokens.
public struct Dashboard: Sendable {
    /// Where login sessions are written; the figures are read through `readers`.
    public var store: any RegistryStore
    /// The global target for townships without their own (`--target`).
    public var target: Target
    /// For `Clock.system`: `REGTRACKER_TODAY` pins the date the trend ends on.
    public var environment: [String: String]
    public var settings: ServeSettings
    /// The read connections, taken in turn by client.
    let readers: ReadPool
    /// nil unless `settings.keepsFigures`.
    let figuresCache: FiguresCache?

    /// `readers`: read connections on the same database (`serve` opens `--read-connections` read-only ones);
    /// empty reads through `store`.
    public init(
        store: any RegistryStore, readers: [any RegistryStore] = [], target: Target = .default,
        environment: [String: String] = [:], settings: ServeSettings = .init()
    ) {
        self.store = store
        self.target = target
        self.environment = environment
        self.settings = settings
        self.readers = ReadPool(stores: readers.isEmpty ? [store] : readers)
        self.figuresCache = settings.keepsFigures ? FiguresCache() : nil
    }

    var today: CivilDate { Clock.system(environment: environment).today }

    /// The login sessions, on `store` (to read, a read connection; to write, `self.store`).
    func sessions(on store: any RegistryStore) -> SessionService {
        SessionService(store: store, lifetime: settings.sessionLifetime, now: settings.now)
    }

    /// Every route: the login form is open, everything else needs a token. `HEAD` answers like `GET`, without
    /// the body.
    public func router() -> Router<DashboardContext> {
        let router = Router(context: DashboardContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: SecurityHeadersMiddleware())
        LoginRoutes(dashboard: self).add(to: router)
        let protected = router.group().add(middleware: TokenAuthMiddleware(dashboard: self))
        PageRoutes(dashboard: self).add(to: protected)
        APIRoutes(dashboard: self).add(to: protected)
        NoticeRoutes(dashboard: self).add(to: protected)
        return router
    }

    /// The application on `host:port` (port 0 picks a free one); `onServerRunning` gets the bound port. Requests
    /// that do not arrive in time are closed and connections are capped (`settings`).
    public func application(
        host: String, port: Int, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let settings = settings
        return Application(
            router: router(),
            server: .http1(
                configuration: .init(additionalChannelHandlers: [
                    RequestTimeoutHandler(requestTimeout: settings.requestTimeout, idleTimeout: settings.idleTimeout)
                ])),
            configuration: .init(
                address: .hostname(host, port: port), serverName: "regtracker",
                availableConnectionsDelegate: MaximumAvailableConnections(settings.maxConnections)),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) })
    }
}
