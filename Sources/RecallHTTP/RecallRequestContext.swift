public import Hummingbird
public import RecallCore

/// The request context of every route: Hummingbird's core fields and the authenticated caller.
public struct RecallRequestContext: RequestContext {
    /// Hummingbird's own fields.
    public var coreContext: CoreRequestContextStorage
    /// Set by `GateMiddleware` before any route runs; routes never see a request without it.
    public var caller: Caller?
    /// The key that let the request in, for the web page's form tokens (never sent anywhere).
    var webKey: String?

    /// A context for a new request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
    }

    /// The caller, for routes (which run only after the gate let the request in).
    func requireCaller() throws -> Caller {
        guard let caller else { throw APIError.invalidKey }
        return caller
    }
}

/// Who is calling: the key presented and the view of the store that key's account sees.
public struct Caller: Sendable {
    /// The key's stored record.
    public let key: APIKey
    /// The store as the key's account sees it.
    public let recall: Recall
}
