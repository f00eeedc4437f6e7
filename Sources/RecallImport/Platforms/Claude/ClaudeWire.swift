/// The shapes of a Claude `conversations.json` element, with the export's own key names.
///
/// Only `ClaudeParser` uses these. `uuid`, `chat_messages` and each message's `uuid` and
/// `sender` are required; everything else decodes leniently.
enum ClaudeWire {
    /// One conversation.
    struct Conversation: Decodable {
        var uuid: String
        var name: String?
        var summary: String?
        var createdAt: String?
        var updatedAt: String?
        var chatMessages: [Entry]

        private enum CodingKeys: String, CodingKey {
            case uuid, name, summary
            case createdAt = "created_at"
            case updatedAt = "updated_at"
            case chatMessages = "chat_messages"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            uuid = try c.decode(String.self, forKey: .uuid)
            chatMessages = try c.decode([Entry].self, forKey: .chatMessages)
            name = c.lenient(String.self, .name)
            summary = c.lenient(String.self, .summary)
            createdAt = c.lenient(String.self, .createdAt)
            updatedAt = c.lenient(String.self, .updatedAt)
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
        var text: String?
        var content: [Block]?
        var createdAt: String?
        var attachments: [FileAttachment]
        var files: [FileReference]
        var parentMessageUUID: String?

        private enum CodingKeys: String, CodingKey {
            case uuid, sender, text, content, attachments, files
            case createdAt = "created_at"
            case parentMessageUUID = "parent_message_uuid"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            uuid = try c.decode(String.self, forKey: .uuid)
            sender = try c.decode(String.self, forKey: .sender)
            text = c.lenient(String.self, .text)
            content = c.lenient([Block].self, .content)
            createdAt = c.lenient(String.self, .createdAt)
            attachments = c.lenient([FileAttachment].self, .attachments) ?? []
            files = c.lenient([FileReference].self, .files) ?? []
            parentMessageUUID = c.lenient(String.self, .parentMessageUUID)
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
        var fileName: String?
        var fileSize: Double?
        var fileType: String?
        var extractedContent: String?

        private enum CodingKeys: String, CodingKey {
            case fileName = "file_name"
            case fileSize = "file_size"
            case fileType = "file_type"
            case extractedContent = "extracted_content"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            fileName = c.lenient(String.self, .fileName)
            fileSize = c.lenient(Double.self, .fileSize)
            fileType = c.lenient(String.self, .fileType)
            extractedContent = c.lenient(String.self, .extractedContent)
        }
    }

    /// An uploaded file or image, by name only (the export carries no binaries).
    struct FileReference: Decodable {
        var fileName: String?
        var fileUUID: String?

        private enum CodingKeys: String, CodingKey {
            case fileName = "file_name"
            case fileUUID = "file_uuid"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            fileName = c.lenient(String.self, .fileName)
            fileUUID = c.lenient(String.self, .fileUUID)
        }
    }
}
