import Hummingbird
import RegTrackerCore
import RegTrackerKit
import RegTrackerStore

/// The township dashboard (`regtracker serve`): server-rendered pages and the CLI's JSON, read-only, behind tokens.
public struct Dashboard: Sendable {
    public var store: any RegistryStore
    /// The global target for townships without their own (`--target`).
    public var target: Target
    /// For `Clock.system`: `REGTRACKER_TODAY` pins the date the trend ends on.
    public var environment: [String: String]

    public init(store: any RegistryStore, target: Target = .default, environment: [String: String] = [:]) {
        self.store = store
        self.target = target
        self.environment = environment
    }

    var today: CivilDate { Clock.system(environment: environment).today }

    /// Every route: the login form is open, everything else needs a token.
    public func router() -> Router<DashboardContext> {
        let router = Router(context: DashboardContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        LoginRoutes(dashboard: self).add(to: router)
        let tokens = TokenService(store: store, clock: Clock.system(environment: environment))
        let protected = router.group().add(middleware: TokenAuthMiddleware(tokens: tokens))
        PageRoutes(dashboard: self).add(to: protected)
        APIRoutes(dashboard: self).add(to: protected)
        NoticeRoutes(dashboard: self).add(to: protected)
        return router
    }

    /// The application on `host:port` (port 0 picks a free one); `onServerRunning` gets the bound channel.
    public func application(
        host: String, port: Int, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "regtracker"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) })
    }
}
