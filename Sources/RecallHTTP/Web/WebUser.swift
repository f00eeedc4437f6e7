import HTTPTypes
import Hummingbird
import RecallCore

/// The signed-in person a page is for: their view of the store and their form token.
struct WebUser: Sendable {
    /// The store as the key's account sees it (the same view the REST routes use).
    let recall: Recall
    /// The key's account.
    let account: String
    /// The token every state-changing form of this user carries.
    let token: String
    /// False for a read-only key: forms that change data are not shown.
    let canWrite: Bool

    /// The hidden field carrying the form token.
    var tokenField: HTML {
        "<input type=\"hidden\" name=\"\(WebSession.tokenField)\" value=\"\(token)\">"
    }

    /// The user of a page request; the gate has checked the key already.
    init(_ context: RecallRequestContext) throws {
        guard let caller = context.caller, let secret = context.webKey else {
            throw WebError(status: .unauthorized, message: "Sign in first.")
        }
        recall = caller.recall
        account = caller.key.account
        token = WebSession.token(for: secret)
        canWrite = caller.key.scope == .write
    }

    /// The user of a form post, after checking its token: a form without this user's token is
    /// refused before anything is read from it into the store.
    static func posting(_ request: Request, _ context: RecallRequestContext, limit: Int = 1 << 20) async throws -> (
        WebUser, WebForm
    ) {
        let user = try WebUser(context)
        let form = try await WebForm.body(request, limit: limit)
        let presented = form.string(WebSession.tokenField) ?? request.headers[.csrfToken]
        guard WebSession.check(presented, key: context.webKey ?? "") else { throw WebError.forgedForm }
        return (user, form)
    }
}
