import RegTrackerKit

/// The server's limits and how it learns that a request came over HTTPS (`serve` options; issue 20).
public struct ServeSettings: Sendable {
    /// A new connection must send a whole request (head, then any body) within this time, or it is closed: a
    /// client that sends half a request cannot hold a connection.
    public var requestTimeout: Duration
    /// A kept-alive connection is closed when no new request head arrives within this time after a response.
    public var idleTimeout: Duration
    /// Open connections at most; beyond, new ones wait in the kernel's queue (refused when it is full), so memory
    /// stays bounded. 512: above the 300 half-sent requests of issue 20, below systemd's default of 1024 open files.
    public var maxConnections: Int
    /// Every request came over HTTPS (a proxy in front always uses it): the session cookie is `Secure`.
    public var behindHTTPS: Bool
    /// Peers (IP addresses) whose `X-Forwarded-Proto: https` is believed.
    public var trustedProxies: [String]
    /// Seconds a login session lasts.
    public var sessionLifetime: Int64
    /// The sessions' clock, in Unix seconds (tests move it to let a session expire).
    public var now: @Sendable () -> Int64
    /// Keep the ranking page's figures and the county's trend between requests, per read connection, until another
    /// connection changes the database (`FiguresCache`). Only for read connections that never write: `serve`'s.
    public var keepsFigures: Bool

    public init(
        requestTimeout: Duration = .seconds(5), idleTimeout: Duration = .seconds(30), maxConnections: Int = 512,
        behindHTTPS: Bool = false, trustedProxies: [String] = [],
        sessionLifetime: Int64 = SessionService.defaultLifetime,
        now: @escaping @Sendable () -> Int64 = SessionService.systemTime, keepsFigures: Bool = false
    ) {
        self.keepsFigures = keepsFigures
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.behindHTTPS = behindHTTPS
        self.trustedProxies = trustedProxies
        self.sessionLifetime = sessionLifetime
        self.now = now
    }
}

extension Duration {
    /// In seconds, for the command line's options.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
