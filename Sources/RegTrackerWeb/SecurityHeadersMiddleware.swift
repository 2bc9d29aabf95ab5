import HTTPTypes
import Hummingbird

/// Headers on every response: nothing is cached (pages hold personal data), nothing loads from elsewhere,
/// no script runs, and no other site may frame the pages.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = DashboardContext

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; "
        + "base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            // Under /api/ a program asked: JSON, as the API's own refusals are; elsewhere the error page.
            response =
                request.uri.path.hasPrefix("/api/")
                ? APIRoutes.error(error.status, error.body ?? ErrorPage.title(error.status))
                : ErrorPage.response(status: error.status, message: error.body)
        }
        response.headers[HTTPField.Name("Content-Security-Policy")!] = Self.contentSecurityPolicy
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }
}
