import HTTPTypes

/// A failure on a web page, shown as a page in plain words (the REST routes answer JSON instead).
struct WebError: Error, Sendable {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// What happened and what to do, for a person.
    var message: String

    /// A form without the token of the signed-in page: forged by another site, or from before a sign-in.
    static let forgedForm = WebError(
        status: .forbidden,
        message:
            "This form was not sent by a page of this server signed in with your key (its security token is missing or stale). Reload the page and try again."
    )
}
