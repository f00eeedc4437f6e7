import RecallCore

/// MCP's `Resource`: one chat in `resources/list`.
struct MCPResource: Encodable, Sendable {
    var uri: String
    var name: String
    /// From 2025-06-18 on.
    var title: String?
    var mimeType: String
    var description: String

    /// MCP's `ResourceTemplate`: a family of resources named by a URI template.
    struct Template: Encodable, Sendable {
        var uriTemplate: String
        var name: String
        /// From 2025-06-18 on.
        var title: String?
        var mimeType: String
        var description: String
    }

    /// The `resources/list` result.
    struct List: Encodable, Sendable {
        var resources: [MCPResource]
        /// The next page's cursor; absent on the last page.
        var nextCursor: String?
    }

    /// The `resources/templates/list` result.
    struct TemplateList: Encodable, Sendable {
        var resourceTemplates: [Template]
    }

    /// One text resource's contents.
    struct TextContents: Encodable, Sendable {
        var uri: String
        var mimeType: String
        var text: String
    }

    /// The `resources/read` result.
    struct ReadResult: Encodable, Sendable {
        var contents: [TextContents]
    }
}
