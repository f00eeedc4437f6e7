/// The client request whose handling is running, as a task-local value.
///
/// Everything written while answering a request (its progress, log messages, requests to the
/// client, the response) is written inside its scope, so a transport that answers each request
/// on its own channel (Streamable HTTP) knows where each message goes.
enum RequestScope {
    /// The request being answered; nil outside any request.
    @TaskLocal static var id: RequestID?
}
