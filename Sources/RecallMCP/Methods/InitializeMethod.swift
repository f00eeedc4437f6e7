import RecallCore

/// `initialize`: negotiates the protocol revision and opens the session.
///
/// It is answered on the reading loop with no disk work (the store opens on the first tool
/// call), so it returns in well under a millisecond and a pipelined request right behind it
/// already sees the session initialized.
struct InitializeMethod: MCPMethod {
    static let name = "initialize"
    static let revisions = MethodRevisions.handshake
    static let phase = MethodPhase.opening

    /// The client's offer.
    struct Params: Decodable, Sendable {
        /// The revision the client asks for.
        var protocolVersion: String
        /// What the client supports (`roots`, `sampling`…); anything but an object counts as none.
        var capabilities: JSONValue?
        /// Who the client is, for the log.
        var clientInfo: JSONValue?
    }

    func plan(_ params: Params, in call: MethodCall) -> RequestPlan {
        let session = call.session
        let version = ProtocolVersion.negotiate(params.protocolVersion)
        let capabilities = params.capabilities?.objectValue ?? [:]
        guard session.open(version: version, clientCapabilities: capabilities) else {
            return .fail(.invalidRequest("the server is already initialized"))
        }
        session.importAccess.clientDeclared(capabilities)
        let client = params.clientInfo?["name"]?.stringValue ?? "unknown client"
        session.serverLog.info("initialize from \(client): protocol \(version) (asked \(params.protocolVersion))")
        return .respond(encoding: InitializeResult(version: version, serverVersion: session.serverVersion))
    }
}
