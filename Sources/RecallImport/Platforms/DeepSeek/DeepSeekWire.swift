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
        var parent: String?
        var children: [String]
        var message: Message?
        /// Why `message` could not be read, when it was there but malformed.
        var unreadableMessage: String?

        private enum CodingKeys: String, CodingKey { case parent, children, message }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            parent = c.lenient(Identifier.self, .parent)?.value
            children = (c.lenient([Identifier].self, .children) ?? []).map(\.value)
            do {
                message = try c.decodeIfPresent(Message.self, forKey: .message)
            } catch let error as DecodingError {
                unreadableMessage = error.summary
            }
        }
    }

    /// A message: a node's `message` in the official export, an entry of `chat_messages` in a capture.
    struct Message: Decodable {
        var messageID: String?
        var parentID: String?
        /// `USER` or `ASSISTANT`; only captures say it, the official export implies it by fragment type.
        var role: String?
        var model: String?
        var status: String?
        var insertedAt: Time?
        var fragments: [Fragment]?
        /// Fragments that were dropped, as `fragments[i] is null` and the like.
        var fragmentProblems: [String]
        var files: [File]
        /// Before `fragments` (early 2025), the web API carried the text in these.
        var content: String?
        var thinkingContent: String?
        var searchResults: JSONValue?
        /// ChatGPT messages have an author; DeepSeek's never do.
        var hasAuthor: Bool

        private enum CodingKeys: String, CodingKey {
            case role, model, status, fragments, files, content, author
            case messageID = "message_id"
            case parentID = "parent_id"
            case insertedAt = "inserted_at"
            case thinkingContent = "thinking_content"
            case searchResults = "search_results"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            messageID = c.lenient(Identifier.self, .messageID)?.value
            parentID = c.lenient(Identifier.self, .parentID)?.value
            role = c.lenient(String.self, .role)
            model = c.lenient(String.self, .model)
            status = c.lenient(String.self, .status)
            insertedAt = c.lenient(Time.self, .insertedAt)
            let entries = c.lenient([LossyElement<Fragment>].self, .fragments)
            fragments = entries?.compactMap(\.value)
            fragmentProblems = (entries ?? []).enumerated().compactMap { index, entry in
                entry.problem.map { "fragments[\(index)] \($0)" }
            }
            files = (c.lenient([LossyElement<File>].self, .files) ?? []).compactMap(\.value)
            content = c.lenient(String.self, .content)
            thinkingContent = c.lenient(String.self, .thinkingContent)
            searchResults = c.lenient(JSONValue.self, .searchResults)
            hasAuthor = c.contains(.author)
        }
    }

    /// One piece of a message: `REQUEST`, `RESPONSE`, `THINK`, `SEARCH`, `TOOL_SEARCH`,
    /// `TOOL_OPEN`, `READ_LINK`, `TOOL_FIND`, `FILE`, or a type this version does not know.
    struct Fragment: Decodable {
        var type: String
        var content: String?
        var queries: JSONValue?
        var results: JSONValue?
        var result: JSONValue?
        var url: String?
        var title: String?
        var files: [File]

        private enum CodingKeys: String, CodingKey { case type, content, queries, results, result, url, title, files }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            type = (c.lenient(String.self, .type) ?? "unknown").uppercased()
            content = c.lenient(String.self, .content)
            queries = c.lenient(JSONValue.self, .queries)
            results = c.lenient(JSONValue.self, .results)
            result = c.lenient(JSONValue.self, .result)
            url = c.lenient(String.self, .url)
            title = c.lenient(String.self, .title)
            files = (c.lenient([LossyElement<File>].self, .files) ?? []).compactMap(\.value)
        }

        /// A fragment made from a pre-`fragments` message's fields.
        init(type: String, content: String? = nil, results: JSONValue? = nil) {
            self.type = type
            self.content = content
            self.results = results
            files = []
        }
    }

    /// An uploaded file: metadata only, DeepSeek exports no file bodies.
    struct File: Decodable {
        var id: String?
        var name: String?
        var size: Int?
        /// Text parsed out of the file, when a capture carries it.
        var content: String?

        private enum CodingKeys: String, CodingKey {
            case id, name, size, content
            case fileID = "file_id"
            case fileName = "file_name"
            case fileSize = "file_size"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = c.lenient(Identifier.self, .fileID)?.value ?? c.lenient(Identifier.self, .id)?.value
            name = c.lenient(String.self, .fileName) ?? c.lenient(String.self, .name)
            let size = c.lenient(Double.self, .fileSize) ?? c.lenient(Double.self, .size)
            self.size = size.flatMap { Int(exactly: $0.rounded()) }
            content = c.lenient(String.self, .content)
        }
    }

    /// A saved web API response: `{code, msg, data: {biz_data: {chat_session, chat_messages}}}`.
    struct Capture: Decodable {
        var code: Int?
        var msg: String?
        var bizCode: Int?
        var bizMsg: String?
        var session: Session?
        /// `chat_messages`, or `messages` in the share variant; nil when the response carries neither.
        var messages: [LossyElement<Message>]?

        private enum CodingKeys: String, CodingKey { case code, msg, data }
        private enum DataKeys: String, CodingKey {
            case bizCode = "biz_code"
            case bizMsg = "biz_msg"
            case bizData = "biz_data"
        }
        private enum BizKeys: String, CodingKey {
            case messages
            case session = "chat_session"
            case chatMessages = "chat_messages"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            code = c.lenient(Int.self, .code)
            msg = c.lenient(String.self, .msg)
            guard let data = try? c.nestedContainer(keyedBy: DataKeys.self, forKey: .data) else { return }
            bizCode = data.lenient(Int.self, .bizCode)
            bizMsg = data.lenient(String.self, .bizMsg)
            guard let biz = try? data.nestedContainer(keyedBy: BizKeys.self, forKey: .bizData) else { return }
            session = biz.lenient(Session.self, .session)
            messages =
                try biz.decodeIfPresent([LossyElement<Message>].self, forKey: .chatMessages)
                ?? biz.decodeIfPresent([LossyElement<Message>].self, forKey: .messages)
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
