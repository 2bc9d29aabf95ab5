import Hummingbird
import RegTrackerKit

/// The request context of the dashboard: who the presented token lets in, set by `TokenAuthMiddleware`.
public struct DashboardContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// nil until the middleware has checked the token.
    public var access: Access?

    public init(source: Source) {
        coreContext = .init(source: source)
        access = nil
    }
}
