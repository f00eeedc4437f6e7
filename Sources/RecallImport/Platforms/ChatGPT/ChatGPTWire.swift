/// The shapes of a ChatGPT `conversations.json` element, with the export's own key names.
///
/// Only `ChatGPTParser` uses these. Optional scalars decode leniently (a retyped field
/// reads as nil); structure (`mapping` must be an object of nodes) decodes strictly.
enum ChatGPTWire {
    /// One conversation.
    struct Conversation: Decodable {
        @Lenient var id: String?
        @Lenient var conversationID: String?
        @Lenient var title: String?
        @Lenient var createTime: Double?
        @Lenient var updateTime: Double?
        var mapping: [String: Node]?
        @Lenient var currentNode: String?
        @Lenient var defaultModelSlug: String?
        @Lenient var gizmoID: String?
        @Lenient var gizmoType: String?
        @Lenient var conversationTemplateID: String?
        @Lenient var isArchived: Bool?
        @Presence private var insertedAt: KeyOnly?

        /// DeepSeek's official export also has `mapping`, but dates its conversations this way.
        var hasInsertedAt: Bool { $insertedAt }

        private enum CodingKeys: String, CodingKey {
            case id, title, mapping
            case conversationID = "conversation_id"
            case createTime = "create_time"
            case updateTime = "update_time"
            case currentNode = "current_node"
            case defaultModelSlug = "default_model_slug"
            case gizmoID = "gizmo_id"
            case gizmoType = "gizmo_type"
            case conversationTemplateID = "conversation_template_id"
            case isArchived = "is_archived"
            case insertedAt = "inserted_at"
        }
    }

    /// One node of the `mapping` tree.
    struct Node: Decodable {
        @Lenient var parent: String?
        @Lenient var children: [String]
        /// The node's message; nil for the root, or when it could not be read.
        @Fallible var message: Message?

        /// Why `message` could not be read, when it was there but malformed.
        var unreadableMessage: String? { $message }

        private enum CodingKeys: String, CodingKey { case parent, children, message }
    }

    /// A node's message.
    struct Message: Decodable {
        @Lenient var author: Author?
        @Lenient var createTime: Double?
        @Lenient var content: Content?
        @Lenient var recipient: String?
        @Lenient var metadata: Metadata?
        @Presence private var fragments: KeyOnly?

        /// DeepSeek messages carry `fragments` instead of `author`/`content`.
        var hasFragments: Bool { $fragments }

        private enum CodingKeys: String, CodingKey {
            case author, content, recipient, metadata, fragments
            case createTime = "create_time"
        }
    }

    /// Who wrote a message: `role` is system, user, assistant or tool; `name` names the tool.
    struct Author: Decodable {
        var role: String
        var name: String?
    }

    /// The polymorphic `content` object; which fields are set depends on `content_type`.
    struct Content: Decodable {
        @Lenient private var rawContentType: String?
        @Lenient var parts: [Part]?
        @Lenient var text: String?
        @Lenient var thoughts: [Thought]?
        @Lenient var content: String?
        @Lenient var userProfile: String?
        @Lenient var userInstructions: String?
        @Lenient var modelSetContext: String?
        @Lenient var result: String?
        @Lenient var summary: String?
        @Lenient var title: String?
        @Lenient var url: String?
        @Lenient var snippet: String?

        /// `text`, `code`, `thoughts`, …; `unknown` when the export leaves it out.
        var contentType: String { rawContentType ?? "unknown" }

        private enum CodingKeys: String, CodingKey {
            case parts, text, thoughts, content, result, summary, title, url, snippet
            case rawContentType = "content_type"
            case userProfile = "user_profile"
            case userInstructions = "user_instructions"
            case modelSetContext = "model_set_context"
        }
    }

    /// One element of `parts`: a string, or an object such as an image or audio pointer.
    enum Part: Decodable {
        case text(String)
        case asset(Asset)
        case other

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let text = try? c.decode(String.self) {
                self = .text(text)
            } else if let asset = try? c.decode(Asset.self) {
                self = .asset(asset)
            } else {
                self = .other
            }
        }
    }

    /// An object part: `image_asset_pointer`, `audio_asset_pointer`, `audio_transcription`, ….
    struct Asset: Decodable {
        @Lenient var contentType: String?
        @Lenient var assetPointer: String?
        @Lenient var sizeBytes: Double?
        @Lenient var text: String?
        @Lenient private var metadata: AssetMetadata?

        /// The prompt an image was generated from, when DALL·E made it.
        var dallePrompt: String? { metadata?.dalle?.prompt }

        private enum CodingKeys: String, CodingKey {
            case text, metadata
            case contentType = "content_type"
            case assetPointer = "asset_pointer"
            case sizeBytes = "size_bytes"
        }

        private struct AssetMetadata: Decodable { var dalle: Dalle? }
        private struct Dalle: Decodable { var prompt: String? }
    }

    /// One step of a reasoning model's `thoughts`.
    struct Thought: Decodable {
        var summary: String?
        var content: String?
    }

    /// The message keys Recall reads from `metadata`.
    struct Metadata: Decodable {
        @Lenient var isVisuallyHidden: Bool?
        @Lenient var attachments: [FileAttachment]?
        @Lenient var userContext: UserContext?

        private enum CodingKeys: String, CodingKey {
            case attachments
            case isVisuallyHidden = "is_visually_hidden_from_conversation"
            case userContext = "user_context_message_data"
        }
    }

    /// A file the user uploaded, as listed in `metadata.attachments`.
    struct FileAttachment: Decodable {
        @Lenient var id: String?
        @Lenient var name: String?
        @Lenient var size: Double?
        @Lenient var mimeType: String?

        private enum CodingKeys: String, CodingKey {
            case id, name, size
            case mimeType = "mime_type"
        }
    }

    /// Custom instructions carried on a 2023-era system message.
    struct UserContext: Decodable {
        var aboutUserMessage: String?
        var aboutModelMessage: String?

        private enum CodingKeys: String, CodingKey {
            case aboutUserMessage = "about_user_message"
            case aboutModelMessage = "about_model_message"
        }
    }
}

// Built field by field by `ChatGPTWireScanner` (conversations, nodes and messages through
// their memberwise initialisers), which reads only what these shapes keep.

extension ChatGPTWire.Content {
    /// A content object from its string fields read one by one; `parts` holds strings only.
    init(contentType: String?, parts: [ChatGPTWire.Part]?, strings: [String: String]) {
        rawContentType = contentType
        self.parts = parts
        text = strings["text"]
        content = strings["content"]
        userProfile = strings["user_profile"]
        userInstructions = strings["user_instructions"]
        modelSetContext = strings["model_set_context"]
        result = strings["result"]
        summary = strings["summary"]
        title = strings["title"]
        url = strings["url"]
        snippet = strings["snippet"]
        thoughts = nil
    }
}

extension ChatGPTWire.Metadata {
    /// The metadata the scanner reads: the hidden flag (attachments and custom instructions are
    /// left to `JSONDecoder`).
    init(isVisuallyHidden: Bool?) {
        self.isVisuallyHidden = isVisuallyHidden
        attachments = nil
        userContext = nil
    }
}
