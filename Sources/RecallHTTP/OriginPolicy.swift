import Foundation
import HTTPTypes
import Hummingbird

/// Refuses requests a web page on another site made (DNS rebinding): a request that carries an
/// `Origin` must come from a loopback origin or one the server was told to allow.
struct OriginPolicy: Sendable {
    /// Origins allowed besides loopback ones, such as `https://claude.ai`.
    let allowed: Set<String>

    func check(_ request: Request) throws {
        guard let origin = request.headers[.origin] else { return }
        if allowed.contains(origin) { return }
        // `null` (sandboxed frames, file pages) has no host and is refused unless allowed.
        if let host = URLComponents(string: origin)?.host?.lowercased(),
            ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)
        {
            return
        }
        throw Self.refusal
    }

    private static let refusal = APIError(
        status: .forbidden, message: "Origin not allowed; start the server with --allow-origin ORIGIN to allow it")
}
