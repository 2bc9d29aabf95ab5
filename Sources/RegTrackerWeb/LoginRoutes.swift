import Foundation
import HTTPTypes
import Hummingbird
import RegTrackerKit
import RegTrackerStore

/// The login form: a token typed once opens a server-side session whose random id becomes an HttpOnly,
/// SameSite=Strict cookie (`Secure` over HTTPS); logout ends the session (issue 20).
struct LoginRoutes {
    var dashboard: Dashboard

    func add(to router: Router<DashboardContext>) {
        let dashboard = dashboard
        router.get("/login") { _, _ in LoginPage.response(status: .ok, message: nil) }
        router.post("/login") { request, context in
            let body = try await request.body.collect(upTo: 4096)
            let token = Self.formValue("token", in: String(buffer: body))?.trimmingCharacters(
                in: .whitespacesAndNewlines)
            let sessions = dashboard.sessions(on: dashboard.store)
            let started: (id: String, access: Access)?
            do {
                started = try await BlockingRead.value { try token.flatMap { try sessions.start(withToken: $0) } }
            } catch let error as StoreError where error.code == .busy {
                return LoginPage.response(status: .serviceUnavailable, message: "数据库正忙（可能正在导入），请稍后再登录。")
            }
            guard let started else { return LoginPage.response(status: .unauthorized, message: "令牌无效或已撤销。") }
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.setCookie(
                Self.cookie(
                    value: started.id, maxAge: Int(dashboard.settings.sessionLifetime),
                    secure: dashboard.settings.cameOverHTTPS(request, peer: context.remoteAddress?.ipAddress)))
            return response
        }
        router.post("/logout") { request, context in
            let sessions = dashboard.sessions(on: dashboard.store)
            if let id = TokenAuthMiddleware.sessionID(in: request) {
                do {
                    _ = try await BlockingRead.value { try sessions.end(id) }
                } catch let error as StoreError where error.code == .busy {
                    // The cookie stays, so that "退出" can be pressed again once the import is done.
                    return ErrorPage.response(
                        status: .serviceUnavailable, message: "数据库正忙（可能正在导入），会话未能注销，请稍后再点“退出”。")
                }
            }
            var response = Response(status: .seeOther, headers: [.location: "/login"])
            response.setCookie(
                Self.cookie(
                    value: "", maxAge: 0,
                    secure: dashboard.settings.cameOverHTTPS(request, peer: context.remoteAddress?.ipAddress)))
            return response
        }
    }

    static func cookie(value: String, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(
            name: TokenAuthMiddleware.cookieName, value: value, maxAge: maxAge, path: "/", secure: secure,
            httpOnly: true, sameSite: .strict)
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

extension ServeSettings {
    /// Whether `request` reached the user over HTTPS: always behind `--behind-https`, else when a trusted proxy
    /// (by peer address) says so in `X-Forwarded-Proto`.
    func cameOverHTTPS(_ request: Request, peer: String?) -> Bool {
        if behindHTTPS { return true }
        guard let peer, trustedProxies.contains(peer),
            let forwarded = request.headers[HTTPField.Name("X-Forwarded-Proto")!]
        else { return false }
        // Proxies append to the list: the last entry is the trusted peer's own, the earlier ones anybody's.
        let last = forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return last == "https"
    }
}
