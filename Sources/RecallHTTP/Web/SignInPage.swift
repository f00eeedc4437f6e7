import Foundation
import HTTPTypes
import Hummingbird
import RecallCore

/// `/`: the key is entered once and kept in a cookie.
enum SignInPage {
    /// Shown when the cookie's key no longer works.
    static let staleKey =
        "The key this browser kept no longer works (it may have been revoked). Enter a key to sign in again."

    /// The sign-in form.
    static func render(problem: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let body: HTML = """
            <div class="signin">
            \(problem.map { "<p class=\"error\" role=\"alert\">\($0)</p>" as HTML } ?? "")
            <p>See and edit what your AI assistants remember. Enter an API key made with <code>recall keys create</code>; this browser keeps it until you sign out.</p>
            <form method="post" action="/signin" class="fields">
            <label>API key <input type="password" name="key" autocomplete="current-password" required autofocus placeholder="rk_…"></label>
            <div><button type="submit">Sign in</button></div>
            </form></div>
            """
        return WebPage.document(
            "Sign in", header: "<header class=\"top\"><span class=\"brand\">Recall</span></header>", body: body,
            status: status)
    }

    /// Checks the key and keeps it in the cookie.
    static func signIn(_ request: Request, recall: Recall) async throws -> Response {
        let form = try await WebForm.body(request, limit: 16 << 10)
        guard let secret = form.string("key"),
            try await CoreWork.run({ try APIKeySecret.verify(secret, in: recall) }) != nil
        else {
            return render(
                problem: "That key is not valid. Check it, or make one with `recall keys create --user NAME`.",
                status: .unauthorized)
        }
        return WebPage.redirect("/memories", cookie: WebSession.signInCookie(secret))
    }
}
