import Foundation
import HTTPTypes
import Hummingbird
import RegTrackerKit

/// Lets a request through only with a known, unrevoked token: in `Authorization: Bearer …` or in the cookie the
/// login form sets. Without one: 401 (the login form for pages, JSON for `/api/`).
struct TokenAuthMiddleware: RouterMiddleware {
    typealias Context = DashboardContext

    static let cookieName = "regtracker_token"

    var tokens: TokenService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let presented = Self.token(in: request)
        let tokens = tokens
        var access: Access?
        if let presented { access = try await BlockingRead.value { try tokens.access(forToken: presented) } }
        guard let access else {
            if request.uri.path.hasPrefix("/api/") {
                return APIRoutes.error(.unauthorized, presented == nil ? "a token is required" : "unknown or revoked token")
            }
            return LoginPage.response(status: .unauthorized, message: presented == nil ? nil : "令牌无效或已撤销，请重新登录。")
        }
        var context = context
        context.access = access
        return try await next(request, context)
    }

    /// The bearer token, else the login cookie.
    static func token(in request: Request) -> String? {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return request.cookies[cookieName]?.value
    }
}
