import Hummingbird
import NIOCore
import RegTrackerKit

/// The request context of the dashboard: the peer, and who the presented token lets in, set by
/// `TokenAuthMiddleware`.
public struct DashboardContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// nil until the middleware has checked the token.
    public var access: Access?
    /// The connection's peer (nil in the router's tests).
    public let remoteAddress: SocketAddress?
    /// Whose turn a database read takes in the read pool: the presented credential, else the peer's address.
    var client: String

    public init(source: Source) {
        coreContext = .init(source: source)
        access = nil
        remoteAddress = source.channel.remoteAddress
        client = "peer " + (remoteAddress?.ipAddress ?? "unknown")
    }
}
