import Foundation
import HTTPTypes
import Hummingbird
import RegTrackerKit

/// Lets a request through only with a known, unrevoked token in `Authorization: Bearer …`, or with the cookie of
/// a live login session (`LoginRoutes`). Without one: 401 (the login form for pages, JSON for `/api/`).
struct TokenAuthMiddleware: RouterMiddleware {
    typealias Context = DashboardContext

    static let cookieName = "regtracker_session"

    /// What a request presents.
    enum Credential: Sendable {
        case token(String)
        case session(String)

        /// The text, which also names the client whose turn a read takes: one token's burst waits behind itself.
        var text: String {
            switch self {
            case .token(let text), .session(let text): text
            }
        }
    }

    var dashboard: Dashboard

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        var access: Access?
        let credential = Self.credential(in: request)
        if let credential {
            context.client = credential.text
            let (dashboard, clock) = (dashboard, Clock.system(environment: dashboard.environment))
            access = try await dashboard.readers.read(for: context.client) { store in
                switch credential {
                case .token(let token): try TokenService(store: store, clock: clock).access(forToken: token)
                case .session(let id): try dashboard.sessions(on: store).access(forSession: id)
                }
            }
        }
        guard let access else {
            if request.uri.path.hasPrefix("/api/") {
                return APIRoutes.error(
                    .unauthorized, credential == nil ? APIRoutes.tokenRequired : "令牌无效或已撤销，或登录已失效。")
            }
            return LoginPage.response(status: .unauthorized, message: credential == nil ? nil : "登录已失效或令牌已撤销，请重新登录。")
        }
        context.access = access
        return try await next(request, context)
    }

    /// The bearer token, else the session cookie.
    static func credential(in request: Request) -> Credential? {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return .token(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        return sessionID(in: request).map(Credential.session)
    }

    static func sessionID(in request: Request) -> String? {
        request.cookies[cookieName]?.value
    }
}
