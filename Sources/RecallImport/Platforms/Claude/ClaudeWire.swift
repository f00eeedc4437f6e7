/// The shapes of a Claude `conversations.json` element, with the export's own key names.
///
/// Only `ClaudeParser` uses these. `uuid`, `chat_messages` and each message's `uuid` and
/// `sender` are required; everything else decodes leniently.
enum ClaudeWire {
    /// One conversation.
    struct Conversation: Decodable {
        var uuid: String
        @Lenient var name: String?
        @Lenient var summary: String?
        @Lenient var createdAt: String?
        @Lenient var updatedAt: String?
        var chatMessages: [Entry]

        private enum CodingKeys: String, CodingKey {
            case uuid, name, summary
            case createdAt = "created_at"
            case updatedAt = "updated_at"
            case chatMessages = "chat_messages"
        }
    }

    /// One entry of `chat_messages`: a message, a `null`, or something unreadable.
    enum Entry: Decodable {
        case message(Message)
        case null
        case unreadable(String)

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .null
                return
            }
            do {
                self = .message(try c.decode(Message.self))
            } catch let error as DecodingError {
                self = .unreadable(error.summary)
            }
        }
    }

    /// One message.
    struct Message: Decodable {
        var uuid: String
        var sender: String
        @Lenient var text: String?
        @Lenient var content: [Block]?
        @Lenient var createdAt: String?
        @Lenient var attachments: [FileAttachment]
        @Lenient var files: [FileReference]
        @Lenient var parentMessageUUID: String?

        private enum CodingKeys: String, CodingKey {
            case uuid, sender, text, content, attachments, files
            case createdAt = "created_at"
            case parentMessageUUID = "parent_message_uuid"
        }
    }

    /// One `content` block: `text`, `thinking`, `tool_use`, `tool_result`, `voice_note`, ….
    struct Block: Decodable {
        @Lenient private var rawType: String?
        @Lenient var text: String?
        @Lenient var thinking: String?
        @Lenient private var summaryList: [Summary]
        @Lenient var name: String?
        @Lenient var input: JSONValue?
        @Lenient var content: JSONValue?
        @Lenient var transcript: String?
        @Lenient var startTimestamp: String?

        /// The block's kind; `unknown` when the export leaves it out.
        var type: String { rawType ?? "unknown" }
        /// The summaries of a thinking block, in order.
        var summaries: [String] { summaryList.compactMap(\.summary) }

        private enum CodingKeys: String, CodingKey {
            case text, thinking, name, input, content, transcript
            case rawType = "type"
            case summaryList = "summaries"
            case startTimestamp = "start_timestamp"
        }

        private struct Summary: Decodable { var summary: String? }
    }

    /// A pasted text or document, with the text Claude extracted from it.
    struct FileAttachment: Decodable {
        @Lenient var fileName: String?
        @Lenient var fileSize: Double?
        @Lenient var fileType: String?
        @Lenient var extractedContent: String?

        private enum CodingKeys: String, CodingKey {
            case fileName = "file_name"
            case fileSize = "file_size"
            case fileType = "file_type"
            case extractedContent = "extracted_content"
        }
    }

    /// An uploaded file or image, by name only (the export carries no binaries).
    struct FileReference: Decodable {
        @Lenient var fileName: String?
        @Lenient var fileUUID: String?

        private enum CodingKeys: String, CodingKey {
            case fileName = "file_name"
            case fileUUID = "file_uuid"
        }
    }
}
