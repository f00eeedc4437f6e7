import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// The web page's sign-in: the API key, entered once, kept in an HTTP-only, same-site cookie, and
/// the token every state-changing form carries, derived from that key.
///
/// The cookie holds the key itself, so revoking the key signs the browser out on its next
/// request, and nothing about sessions is stored on the server. The form token is a keyed hash
/// of the key: another site can neither read it nor compute it, and it changes with the key.
enum WebSession {
    /// The cookie's name.
    static let cookieName = "recall_key"
    /// The form field (and header, for scripts) carrying the token.
    static let tokenField = "csrf"

    /// The key sent in the request's cookie, if any.
    static func key(in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for item in header.split(separator: ";") {
                let pair = item.trimmingCharacters(in: .whitespaces)
                if pair.hasPrefix(cookieName + "=") {
                    let value = String(pair.dropFirst(cookieName.count + 1))
                    return value.isEmpty ? nil : value
                }
            }
        }
        return nil
    }

    /// `Set-Cookie` keeping the key for the browser session: not readable by scripts, never sent
    /// from another site's page.
    ///
    /// `Secure` is left to a TLS proxy, since the server itself speaks
    /// plain HTTP on loopback, where browsers would drop a secure cookie.
    static func signInCookie(_ key: String) -> String {
        "\(cookieName)=\(key); Path=/; HttpOnly; SameSite=Strict"
    }

    /// `Set-Cookie` removing the key.
    static let signOutCookie = "\(cookieName)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"

    /// The form token for a key.
    static func token(for key: String) -> String {
        let digest = SHA256.hash(data: Data(("recall web form token\n" + key).utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// True when `presented` is the token of `key`, compared in constant time.
    static func check(_ presented: String?, key: String) -> Bool {
        guard let presented else { return false }
        return APIKeySecret.constantTimeEqual(Array(presented.utf8), Array(token(for: key).utf8))
    }
}
