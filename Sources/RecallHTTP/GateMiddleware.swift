import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RecallCore

/// Runs before every route, unknown ones included: checks the `Origin` (DNS rebinding), the API
/// key and the rate limits, then turns every error into the services' JSON shape, with no
/// internals in a 500.
struct GateMiddleware: RouterMiddleware {
    typealias Context = RecallRequestContext

    let recall: Recall
    let limiter: RateLimiter
    let origins: OriginPolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        let web = WebPaths.isPage(path)
        // The page's stylesheet and script are the same for everyone and carry nothing private.
        if WebPaths.isAsset(path) { return try await next(request, context) }
        var rateHeaders = HTTPFields()
        var response: Response
        do {
            try origins.check(request)
            // Pages accept the key from the sign-in cookie; the REST routes and /mcp only from
            // `Authorization`, so a browser never sends a key to them on its own.
            let bearer = try bearerSecret(request)
            let secret = bearer ?? (web ? WebSession.key(in: request) : nil)
            guard let secret else {
                if web {
                    if WebPaths.isPublic(request.method, path) { return try await next(request, context) }
                    return WebPage.redirect("/")
                }
                throw APIError.invalidKey
            }
            guard let key = try await CoreWork.run({ try APIKeySecret.verify(secret, in: recall) }) else {
                // A revoked or mistyped key in the cookie: sign the browser out and ask again.
                if web, bearer == nil { return WebPage.redirect("/?signed_out=key", cookie: WebSession.signOutCookie) }
                throw APIError.invalidKey
            }
            let verdict = try await CoreWork.run { try limiter.count(key, in: recall) }
            rateHeaders = verdict.headers
            if let exceeded = verdict.exceeded { throw exceeded }
            if key.scope == .read, ![.get, .head, .options].contains(request.method), path != "/mcp", path != "/signout"
            {
                throw APIError.readOnlyKey
            }
            var context = context
            context.caller = Caller(key: key, recall: recall.acting(as: key.account))
            if web { context.webKey = secret }
            response = try await next(request, context)
        } catch {
            response = web ? WebPage.error(error) : Self.errorResponse(error, logger: context.logger)
        }
        for field in rateHeaders { response.headers[field.name] = field.value }
        return response
    }

    /// The key in `Authorization: Bearer …`, nil when the header is absent.
    private func bearerSecret(_ request: Request) throws -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw APIError.invalidKey }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// Any error as a JSON response in the services' shape.
    static func errorResponse(_ error: any Error, logger: Logger) -> Response {
        switch error {
        case let error as APIError:
            return error.response
        case let error as RecallError:
            let mapped = APIError.from(error)
            if mapped.status == .internalServerError { logger.error("request failed: \(error.code)") }
            return mapped.response
        case let error as HTTPError:
            let message = error.status == .notFound ? "Not found" : (error.body ?? error.status.reasonPhrase)
            return APIError(status: error.status, message: message).response
        default:
            // Logged by type only: an error's description may carry paths or user text.
            logger.error("request failed unexpectedly: \(type(of: error))")
            return APIError(status: .internalServerError, message: "Internal server error").response
        }
    }
}
