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
        var type: String
        var text: String?
        var thinking: String?
        var summaries: [String]
        var name: String?
        var input: JSONValue?
        var content: JSONValue?
        var transcript: String?
        var startTimestamp: String?

        private enum CodingKeys: String, CodingKey {
            case type, text, thinking, summaries, name, input, content, transcript
            case startTimestamp = "start_timestamp"
        }

        private struct Summary: Decodable { var summary: String? }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            type = c.lenient(String.self, .type) ?? "unknown"
            text = c.lenient(String.self, .text)
            thinking = c.lenient(String.self, .thinking)
            summaries = (c.lenient([Summary].self, .summaries) ?? []).compactMap(\.summary)
            name = c.lenient(String.self, .name)
            input = c.lenient(JSONValue.self, .input)
            content = c.lenient(JSONValue.self, .content)
            transcript = c.lenient(String.self, .transcript)
            startTimestamp = c.lenient(String.self, .startTimestamp)
        }
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
