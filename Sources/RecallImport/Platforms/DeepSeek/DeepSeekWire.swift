import Foundation

/// The shapes of DeepSeek's conversations, with the files' own key names: an element of the
/// official `conversations.json`, and the web API's `history_messages` response that browser
/// tools save.
///
/// Only `DeepSeekParser` uses these. Structure (`mapping` must be an object of nodes, the
/// capture's message list an array) decodes strictly; scalars decode leniently, so one
/// retyped field never costs a conversation.
enum DeepSeekWire {
    /// An element of the official export: a `mapping` tree rooted at the node `"root"`.
    struct Conversation: Decodable {
        @Lenient private var rawID: Identifier?
        @Lenient private var rawConversationID: Identifier?
        @Lenient var title: String?
        @Lenient var insertedAt: Time?
        @Lenient var updatedAt: Time?
        /// Tools that rewrite the file use ChatGPT's names for the conversation's times.
        @Lenient var createTime: Time?
        @Lenient var updateTime: Time?
        var mapping: [String: Node]
        @Lenient private var rawCurrentNode: Identifier?

        /// The conversation's id.
        var id: String? { rawID?.value }
        /// The id some tools write instead of (or beside) `id`.
        var conversationID: String? { rawConversationID?.value }
        /// Not in DeepSeek's own file; some tools add it, and then it names the active leaf.
        var currentNode: String? { rawCurrentNode?.value }

        private enum CodingKeys: String, CodingKey {
            case title, mapping
            case rawID = "id"
            case rawConversationID = "conversation_id"
            case insertedAt = "inserted_at"
            case updatedAt = "updated_at"
            case createTime = "create_time"
            case updateTime = "update_time"
            case rawCurrentNode = "current_node"
        }
    }

    /// One node of `mapping`; the root's `message` is null.
    struct Node: Decodable {
        @Lenient private var rawParent: Identifier?
        @Lenient private var rawChildren: [Identifier]
        /// The node's message; nil for the root, or when it could not be read.
        @Fallible var message: Message?

        /// The parent node's id.
        var parent: String? { rawParent?.value }
        /// The child nodes' ids, as listed.
        var children: [String] { rawChildren.map(\.value) }
        /// Why `message` could not be read, when it was there but malformed.
        var unreadableMessage: String? { $message }

        private enum CodingKeys: String, CodingKey {
            case message
            case rawParent = "parent"
            case rawChildren = "children"
        }
    }

    /// A message: a node's `message` in the official export, an entry of `chat_messages` in a capture.
    struct Message: Decodable {
        @Lenient private var rawMessageID: Identifier?
        @Lenient private var rawParentID: Identifier?
        /// `USER` or `ASSISTANT`; only captures say it, the official export implies it by fragment type.
        @Lenient var role: String?
        @Lenient var model: String?
        @Lenient var status: String?
        @Lenient var insertedAt: Time?
        @Lossy var fragments: [Fragment]?
        @Lossy var files: [File]
        /// Before `fragments` (early 2025), the web API carried the text in these.
        @Lenient var content: String?
        @Lenient var thinkingContent: String?
        @Lenient var searchResults: JSONValue?
        @Presence private var author: KeyOnly?

        /// The message's id.
        var messageID: String? { rawMessageID?.value }
        /// The id of the message it replies to.
        var parentID: String? { rawParentID?.value }
        /// Fragments that were dropped, as `fragments[i] is null` and the like.
        var fragmentProblems: [String] { $fragments }
        /// ChatGPT messages have an author; DeepSeek's never do.
        var hasAuthor: Bool { $author }

        private enum CodingKeys: String, CodingKey {
            case role, model, status, fragments, files, content, author
            case rawMessageID = "message_id"
            case rawParentID = "parent_id"
            case insertedAt = "inserted_at"
            case thinkingContent = "thinking_content"
            case searchResults = "search_results"
        }
    }

    /// One piece of a message: `REQUEST`, `RESPONSE`, `THINK`, `SEARCH`, `TOOL_SEARCH`,
    /// `TOOL_OPEN`, `READ_LINK`, `TOOL_FIND`, `FILE`, or a type this version does not know.
    struct Fragment: Decodable {
        @Lenient private var typeName: TypeName?
        @Lenient var content: String?
        @Lenient var queries: JSONValue?
        @Lenient var results: JSONValue?
        @Lenient var result: JSONValue?
        @Lenient var url: String?
        @Lenient var title: String?
        @Lossy var files: [File]

        /// The fragment's type in capitals; `UNKNOWN` when the export leaves it out.
        var type: String { typeName?.value ?? "UNKNOWN" }

        private enum CodingKeys: String, CodingKey {
            case content, queries, results, result, url, title, files
            case typeName = "type"
        }

        /// A fragment made from a pre-`fragments` message's fields.
        init(type: String, content: String? = nil, results: JSONValue? = nil) {
            typeName = TypeName(value: type)
            self.content = content
            queries = nil
            self.results = results
            result = nil
            url = nil
            title = nil
            files = []
        }

        /// A type name, put in capitals once, as it is decoded: the parsers compare it often.
        private struct TypeName: Decodable {
            var value: String

            init(value: String) { self.value = value }

            init(from decoder: any Decoder) throws { value = try String(from: decoder).uppercased() }
        }
    }

    /// An uploaded file: metadata only, DeepSeek exports no file bodies.
    struct File: Decodable {
        @Lenient private var fileID: Identifier?
        @Lenient private var rawID: Identifier?
        @Lenient private var fileName: String?
        @Lenient private var rawName: String?
        @Lenient private var fileSize: Double?
        @Lenient private var rawSize: Double?
        /// Text parsed out of the file, when a capture carries it.
        @Lenient var content: String?

        /// The file's id: `file_id` in captures, `id` in the official export.
        var id: String? { (fileID ?? rawID)?.value }
        /// The file's name: `file_name`, or `name`.
        var name: String? { fileName ?? rawName }
        /// The size in bytes, when it is a whole number: `file_size`, or `size`.
        var size: Int? { (fileSize ?? rawSize).flatMap { Int(exactly: $0.rounded()) } }

        private enum CodingKeys: String, CodingKey {
            case content
            case rawID = "id"
            case rawName = "name"
            case rawSize = "size"
            case fileID = "file_id"
            case fileName = "file_name"
            case fileSize = "file_size"
        }
    }

    /// A saved web API response: `{code, msg, data: {biz_data: {chat_session, chat_messages}}}`.
    struct Capture: Decodable {
        @Lenient var code: Int?
        @Lenient var msg: String?
        @ObjectField private var data: Payload?

        /// `data.biz_code`.
        var bizCode: Int? { data?.bizCode }
        /// `data.biz_msg`: why the request failed, when it did.
        var bizMsg: String? { data?.bizMsg }
        /// `data.biz_data.chat_session`.
        var session: Session? { data?.bizData?.session }
        /// `chat_messages`, or `messages` in the share variant; nil when the response carries neither.
        var messages: [LossyElement<Message>]? { data?.bizData?.messages }

        private struct Payload: Decodable {
            @Lenient var bizCode: Int?
            @Lenient var bizMsg: String?
            @ObjectField var bizData: Body?

            private enum CodingKeys: String, CodingKey {
                case bizCode = "biz_code"
                case bizMsg = "biz_msg"
                case bizData = "biz_data"
            }
        }

        private struct Body: Decodable {
            var session: Session?
            var messages: [LossyElement<Message>]?

            private enum CodingKeys: String, CodingKey {
                case messages
                case session = "chat_session"
                case chatMessages = "chat_messages"
            }

            // Hand-written for one rule a generated init cannot follow: `messages` is read (and
            // may fail the capture) only when `chat_messages` is absent or null.
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                session = c.lenient(Session.self, .session)
                messages =
                    try c.decodeIfPresent([LossyElement<Message>].self, forKey: .chatMessages)
                    ?? c.decodeIfPresent([LossyElement<Message>].self, forKey: .messages)
            }
        }
    }

    /// The capture's `chat_session`.
    struct Session: Decodable {
        @Lenient private var rawID: Identifier?
        @Lenient var title: String?
        @Lenient private var rawCurrentMessageID: Identifier?
        @Lenient var insertedAt: Time?
        @Lenient var updatedAt: Time?

        /// The conversation's id.
        var id: String? { rawID?.value }
        /// The message the user last saw: the active branch's leaf.
        var currentMessageID: String? { rawCurrentMessageID?.value }

        private enum CodingKeys: String, CodingKey {
            case title
            case rawID = "id"
            case rawCurrentMessageID = "current_message_id"
            case insertedAt = "inserted_at"
            case updatedAt = "updated_at"
        }
    }

    /// A time: ISO-8601 text with an offset (official export) or epoch seconds (web API).
    struct Time: Decodable {
        var date: Date?

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let seconds = try? c.decode(Double.self) {
                date = Date(timeIntervalSince1970: seconds)
            } else if let text = try? c.decode(String.self) {
                date = ISO8601Timestamp.date(from: text) ?? Double(text).map(Date.init(timeIntervalSince1970:))
            }
        }
    }

    /// An id written as a string (official export) or an integer (web API).
    struct Identifier: Decodable {
        var value: String

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let number = try? c.decode(Int64.self) {
                value = String(number)
            } else {
                value = try c.decode(String.self)
            }
        }
    }

}
