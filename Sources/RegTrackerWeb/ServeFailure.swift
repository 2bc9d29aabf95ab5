import Glibc
import NIOCore

/// Why the server could not start or stopped, for the CLI to word (issue 12: a port in use printed NIO's
/// `bind(descriptor:ptr:bytes:)…` text).
public enum ServeFailure: Sendable, Equatable {
    /// The address is taken by another program (or another `regtracker serve`).
    case portInUse
    /// Anything else, described as the server reported it.
    case other(String)

    public init(_ error: any Error) {
        if let error = error as? IOError, error.errnoCode == EADDRINUSE {
            self = .portInUse
        } else {
            self = .other("\(error)")
        }
    }
}
