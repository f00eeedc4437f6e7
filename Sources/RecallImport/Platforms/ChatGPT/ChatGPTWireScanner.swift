import Foundation

/// Reads a ChatGPT conversation straight from its bytes into `ChatGPTWire` values, passing over
/// every field Recall does not keep without building it.
///
/// `JSONDecoder` first builds a map of the whole element, then decodes the wire structs through
/// their lenient wrappers: most of an import's time went there, on metadata Recall never reads.
/// This reader handles the shape real exports have (string parts, plain metadata); anything
/// else (an attachment list, a retyped field, a duplicate key, DeepSeek's keys) returns nil
/// and the parser decodes the element with `JSONDecoder`, so both paths read the same values.
enum ChatGPTWireScanner {
    /// The conversation, or nil when the element needs `JSONDecoder`.
    static func conversation(_ data: Data) -> ChatGPTWire.Conversation? {
        data.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw)
            guard let conversation = try? conversation(&scanner), scanner.atEnd() else { return nil }
            return conversation
        }
    }

    private static func conversation(_ scanner: inout JSONScanner) throws -> ChatGPTWire.Conversation {
        guard try scanner.peekKind() == .object else { throw JSONScanner.Unsupported() }
        var seen = Seen()
        var strings: [String: String] = [:]
        var times: (create: Double?, update: Double?) = (nil, nil)
        var mapping: [String: ChatGPTWire.Node]?
        var isArchived: Bool?
        try scanner.object { scanner, key in
            if let name = Self.conversationStrings.first(where: { Self.matches(key, $0) }) {
                try seen.insert(name)
                if let value = try scanner.optionalString() { strings[name] = value }
            } else if matches(key, "create_time") {
                try seen.insert("create_time")
                times.create = try scanner.optionalDouble()
            } else if matches(key, "update_time") {
                try seen.insert("update_time")
                times.update = try scanner.optionalDouble()
            } else if matches(key, "mapping") {
                try seen.insert("mapping")
                mapping = try scanner.takeNull() ? nil : nodes(&scanner)
            } else if matches(key, "is_archived") {
                try seen.insert("is_archived")
                isArchived = try scanner.optionalBool()
            } else if matches(key, "inserted_at") {
                throw JSONScanner.Unsupported()  // DeepSeek's: the parser must see it
            } else {
                try scanner.skipValue()
            }
        }
        return ChatGPTWire.Conversation(
            id: strings["id"], conversationID: strings["conversation_id"], title: strings["title"],
            createTime: times.create, updateTime: times.update, mapping: mapping, currentNode: strings["current_node"],
            defaultModelSlug: strings["default_model_slug"], gizmoID: strings["gizmo_id"],
            gizmoType: strings["gizmo_type"], conversationTemplateID: strings["conversation_template_id"],
            isArchived: isArchived)
    }

    private static let conversationStrings = [
        "id", "conversation_id", "title", "current_node", "default_model_slug", "gizmo_id", "gizmo_type",
        "conversation_template_id",
    ]

    private static func nodes(_ scanner: inout JSONScanner) throws -> [String: ChatGPTWire.Node] {
        var nodes: [String: ChatGPTWire.Node] = [:]
        try scanner.object { scanner, key in
            let id = String(decoding: key, as: UTF8.self)
            guard nodes.updateValue(try node(&scanner), forKey: id) == nil else { throw JSONScanner.Unsupported() }
        }
        return nodes
    }

    private static func node(_ scanner: inout JSONScanner) throws -> ChatGPTWire.Node {
        var seen = Seen()
        var parent: String?
        var children: [String] = []
        var message: ChatGPTWire.Message?
        try scanner.object { scanner, key in
            if matches(key, "parent") {
                try seen.insert("parent")
                parent = try scanner.optionalString()
            } else if matches(key, "children") {
                try seen.insert("children")
                if try !scanner.takeNull() {
                    try scanner.array { scanner in children.append(try scanner.string()) }
                }
            } else if matches(key, "message") {
                try seen.insert("message")
                message = try scanner.takeNull() ? nil : self.message(&scanner)
            } else {
                try scanner.skipValue()
            }
        }
        return ChatGPTWire.Node(parent: parent, children: children, message: message)
    }

    private static func message(_ scanner: inout JSONScanner) throws -> ChatGPTWire.Message {
        var seen = Seen()
        var author: ChatGPTWire.Author?
        var createTime: Double?
        var content: ChatGPTWire.Content?
        var recipient: String?
        var metadata: ChatGPTWire.Metadata?
        try scanner.object { scanner, key in
            if matches(key, "author") {
                try seen.insert("author")
                author = try scanner.takeNull() ? nil : self.author(&scanner)
            } else if matches(key, "create_time") {
                try seen.insert("create_time")
                createTime = try scanner.optionalDouble()
            } else if matches(key, "content") {
                try seen.insert("content")
                content = try scanner.takeNull() ? nil : self.content(&scanner)
            } else if matches(key, "recipient") {
                try seen.insert("recipient")
                recipient = try scanner.optionalString()
            } else if matches(key, "metadata") {
                try seen.insert("metadata")
                metadata = try scanner.takeNull() ? nil : self.metadata(&scanner)
            } else if matches(key, "fragments") {
                throw JSONScanner.Unsupported()  // DeepSeek's: the parser must see it
            } else {
                try scanner.skipValue()
            }
        }
        return ChatGPTWire.Message(
            author: author, createTime: createTime, content: content, recipient: recipient, metadata: metadata)
    }

    private static func author(_ scanner: inout JSONScanner) throws -> ChatGPTWire.Author {
        var seen = Seen()
        var role: String?
        var name: String?
        try scanner.object { scanner, key in
            if matches(key, "role") {
                try seen.insert("role")
                role = try scanner.string()
            } else if matches(key, "name") {
                try seen.insert("name")
                name = try scanner.optionalString()
            } else {
                try scanner.skipValue()
            }
        }
        guard let role else { throw JSONScanner.Unsupported() }
        return ChatGPTWire.Author(role: role, name: name)
    }

    private static let contentStrings = [
        "content_type", "text", "content", "user_profile", "user_instructions", "model_set_context", "result",
        "summary", "title", "url", "snippet",
    ]

    private static func content(_ scanner: inout JSONScanner) throws -> ChatGPTWire.Content {
        var seen = Seen()
        var strings: [String: String] = [:]
        var parts: [ChatGPTWire.Part]?
        try scanner.object { scanner, key in
            if let name = Self.contentStrings.first(where: { Self.matches(key, $0) }) {
                try seen.insert(name)
                if let value = try scanner.optionalString() { strings[name] = value }
            } else if matches(key, "parts") {
                try seen.insert("parts")
                if try !scanner.takeNull() {
                    var list: [ChatGPTWire.Part] = []
                    try scanner.array { scanner in list.append(.text(try scanner.string())) }
                    parts = list
                }
            } else if matches(key, "thoughts") {
                guard try scanner.takeNull() else { throw JSONScanner.Unsupported() }
            } else {
                try scanner.skipValue()
            }
        }
        return ChatGPTWire.Content(contentType: strings["content_type"], parts: parts, strings: strings)
    }

    private static func metadata(_ scanner: inout JSONScanner) throws -> ChatGPTWire.Metadata {
        var seen = Seen()
        var hidden: Bool?
        try scanner.object { scanner, key in
            if matches(key, "is_visually_hidden_from_conversation") {
                try seen.insert("is_visually_hidden_from_conversation")
                hidden = try scanner.optionalBool()
            } else if matches(key, "attachments") {
                // None, or an empty list: anything listed is left to `JSONDecoder`.
                if try !scanner.takeNull() { try scanner.array { _ in throw JSONScanner.Unsupported() } }
            } else if matches(key, "user_context_message_data") {
                guard try scanner.takeNull() else { throw JSONScanner.Unsupported() }
            } else {
                try scanner.skipValue()
            }
        }
        return ChatGPTWire.Metadata(isVisuallyHidden: hidden)
    }

    private static func matches(_ key: UnsafeRawBufferPointer, _ name: String) -> Bool {
        var name = name
        return name.withUTF8 { $0.count == key.count && $0.elementsEqual(key) }
    }

    /// The keys an object has shown so far; a key met twice is left to `JSONDecoder`, whose
    /// choice between the copies this reader does not guess.
    private struct Seen {
        private var names: [String] = []

        mutating func insert(_ name: String) throws {
            guard !names.contains(name) else { throw JSONScanner.Unsupported() }
            names.append(name)
        }
    }
}
