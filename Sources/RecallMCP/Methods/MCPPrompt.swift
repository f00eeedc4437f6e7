import RecallCore

/// MCP's `Prompt`: a template the client may offer its user.
struct MCPPrompt: Encodable, Sendable {
    /// One argument the prompt takes.
    struct Argument: Encodable, Sendable {
        var name: String
        var description: String
        var required: Bool
    }

    /// Text content of a prompt message.
    struct TextContent: Encodable, Sendable {
        var type = "text"
        var text: String
    }

    /// One message the prompt puts into the conversation.
    struct Message: Encodable, Sendable {
        var role: String
        var content: TextContent
    }

    /// The `prompts/list` result.
    struct List: Encodable, Sendable {
        var prompts: [MCPPrompt]
    }

    /// The `prompts/get` result.
    struct GetResult: Encodable, Sendable {
        var description: String
        var messages: [Message]
    }

    var name: String
    /// From 2025-06-18 on.
    var title: String?
    var description: String
    var arguments: [Argument]
}
