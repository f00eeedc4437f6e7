import RecallCore

/// `server/discover` (2026-07-28): the revisions, capabilities and instructions, asked for
/// without a handshake; the stateless revisions come first so a client picks the newest.
struct DiscoverMethod: MCPMethod {
    static let name = "server/discover"
    static let revisions = MethodRevisions.stateless
    static let caching: ResultCaching? = .fixed

    /// What a client learns before its first request.
    struct Result: Encodable, Sendable {
        /// Every revision this server speaks, stateless ones first.
        var supportedVersions = (ProtocolVersion.statelessSupported + ProtocolVersion.supported).map(\.rawValue)
        /// The same capabilities `initialize` declares.
        var capabilities = InitializeResult.Capabilities()
        /// The instructions clients pass to their model.
        var instructions = ServerInstructions.text
    }

    func plan(_ params: IgnoredParams, in call: MethodCall) -> RequestPlan {
        .respond(encoding: Result())
    }
}
