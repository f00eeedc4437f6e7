import RecallCore

/// MCP's `InitializeResult`: the negotiated revision, what this server offers, who it is, and
/// the instructions clients pass to their model.
struct InitializeResult: Encodable, Sendable {
    /// A capability that exists and whose list never changes during a session.
    struct FixedList: Encodable, Sendable {
        /// Always false: the tools, resources and prompts are the same all session.
        var listChanged = false
    }

    /// A capability with no options (`logging`).
    struct Enabled: Encodable, Sendable {}

    /// What the server offers.
    struct Capabilities: Encodable, Sendable {
        var tools = FixedList()
        var resources = FixedList()
        var prompts = FixedList()
        var logging = Enabled()
    }

    /// The server's name, title (from 2025-06-18) and version.
    struct Implementation: Encodable, Sendable {
        var name = "recall"
        var title: String?
        var version: String

        /// This server, described for `version`: the title exists from 2025-06-18.
        init(version: ProtocolVersion, serverVersion: String) {
            title = version.hasStructuredOutput ? "Recall" : nil
            self.version = serverVersion
        }
    }

    var protocolVersion: String
    var capabilities = Capabilities()
    var serverInfo: Implementation
    var instructions: String

    /// The answer for a negotiated revision, from a server of this version.
    init(version: ProtocolVersion, serverVersion: String) {
        protocolVersion = version.rawValue
        serverInfo = Implementation(version: version, serverVersion: serverVersion)
        instructions = ServerInstructions.text
    }
}
