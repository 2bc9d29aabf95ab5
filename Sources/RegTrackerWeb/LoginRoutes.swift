import Foundation
import Hummingbird
import RegTrackerKit

/// The login form: a token typed once becomes an HttpOnly, SameSite=Strict cookie; logout clears it.
struct LoginRoutes {
    var dashboard: Dashboard

    /// Thirty days; revoking the token ends the session at once anyway.
    static let cookieMaxAge = 30 * 24 * 3600

    func add(to router: Router<DashboardContext>) {
        let tokens = TokenService(store: dashboard.store, clock: .system(environment: dashboard.environment))
        router.get("/login") { _, _ in LoginPage.response(status: .ok, message: nil) }
        router.post("/login") { request, _ in
            let body = try await request.body.collect(upTo: 4096)
            let token = Self.formValue("token", in: String(buffer: body))?.trimmingCharacters(in: .whitespacesAndNewlines)
            // Tokens are `rt_` and hex; anything else cannot match and must not reach a cookie header.
            guard let token, !token.isEmpty,
                token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
                try await BlockingRead.value({ try tokens.access(forToken: token) }) != nil
            else {
                return LoginPage.response(status: .unauthorized, message: "令牌无效或已撤销。")
            }
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.setCookie(
                Cookie(
                    name: TokenAuthMiddleware.cookieName, value: token, maxAge: Self.cookieMaxAge, path: "/",
                    httpOnly: true, sameSite: .strict))
            return response
        }
        router.post("/logout") { _, _ in
            var response = Response(status: .seeOther, headers: [.location: "/login"])
            response.setCookie(
                Cookie(
                    name: TokenAuthMiddleware.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true,
                    sameSite: .strict))
            return response
        }
    }

    /// One field of an `application/x-www-form-urlencoded` body.
    static func formValue(_ name: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == name else { continue }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }
}
