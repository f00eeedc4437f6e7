import Foundation

/// The shapes Kimi chats take in files: third-party exporters save the responses of Kimi's
/// private `/apiv2` API (gRPC-gateway JSON: camelCase keys, int64 as strings, enums as names
/// or numbers, timestamps as RFC 3339 text or `{seconds, nanos}`).
///
/// Only `KimiParser` uses these. `messages` must be an array; everything else decodes
/// leniently, because the API adds block kinds and fields without notice.
enum KimiWire {
    /// A whole file or list element: a `raw/<chat-id>.json` of kimi-chat-exporter
    /// (`{schema, chatId, chat, messages}`), a bare `ListMessages` page (`{messages}`), a chat
    /// object carrying its `messages`, or a `ListChats` page (`{chats}`, no messages).
    struct Document: Decodable {
        var schema: String?
        var chatID: String?
        var chat: Chat?
        var messages: [LossyElement<Message>]?
        var chats: [Chat]?
        /// The object itself read as a chat, for a chat object that carries its messages.
        var ownChat: Chat?

        private enum CodingKeys: String, CodingKey {
            case schema, chat, messages, chats
            case chatID = "chatId"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            messages = try c.decodeIfPresent([LossyElement<Message>].self, forKey: .messages)
            schema = c.lenient(String.self, .schema)
            chatID = c.lenient(String.self, .chatID)
            chat = c.lenient(Chat.self, .chat)
            chats = (c.lenient([LossyElement<Chat>].self, .chats))?.compactMap(\.value)
            ownChat = try? Chat(from: decoder)
        }
    }

    /// A chat's record (`ListChats`, `GetChat`).
    struct Chat: Decodable {
        @Lenient var id: String?
        @Lenient var name: String?
        @Lenient var createTime: Time?
        @Lenient var updateTime: Time?
        @Lenient var model: String?
        @Lenient private var project: Project?
        @Lenient var pinned: Bool?

        /// The name of the project the chat is in, if any.
        var projectName: String? { project?.name }

        private enum CodingKeys: String, CodingKey { case id, name, createTime, updateTime, model, project, pinned }
        private struct Project: Decodable { var name: String? }

        /// Whether this reads as a Kimi chat record: an id and camelCase times.
        var isChat: Bool { id != nil && createTime?.date != nil && (updateTime != nil || name != nil) }
    }

    /// One message of the tree.
    struct Message: Decodable {
        var id: String?
        var parentID: String?
        var childrenIDs: [String]
        var role: Symbol?
        var status: Symbol?
        var createTime: Time?
        var blocks: [LossyElement<Block>]?
        var refs: Refs?
        var hasParentID: Bool

        private enum CodingKeys: String, CodingKey {
            case id, role, status, createTime, blocks, refs
            case parentID = "parentId"
            case childrenIDs = "childrenMessageIds"
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = c.lenient(String.self, .id)
            parentID = c.lenient(String.self, .parentID)
            childrenIDs = c.lenient([String].self, .childrenIDs) ?? []
            role = c.lenient(Symbol.self, .role)
            status = c.lenient(Symbol.self, .status)
            createTime = c.lenient(Time.self, .createTime)
            blocks = c.lenient([LossyElement<Block>].self, .blocks)
            refs = c.lenient(Refs.self, .refs)
            hasParentID = c.contains(.parentID)
        }

        /// Kimi's marks: `blocks[]`, a `role`, and a `parentId` or a `MESSAGE_STATUS_…` status.
        var looksLikeKimi: Bool {
            blocks != nil && role != nil && (hasParentID || status?.name.hasPrefix("MESSAGE_STATUS_") == true)
        }
    }

    /// One block; exactly one kind is meant to be set, but every kind present is read.
    struct Block: Decodable {
        struct Text: Decodable { var content: String? }
        struct Think: Decodable {
            var content: String?
            var summary: String?
        }
        struct Search: Decodable {
            var keywords: [String]?
            var webPages: [Page]?
        }
        struct Page: Decodable {
            var title: String?
            var url: String?
            var snippet: String?
        }
        struct Tool: Decodable {
            var name: String?
            var args: String?
            var contents: [JSONValue]?
        }
        struct Artifact: Decodable {
            var title: String?
            var path: String?
            var content: String?
        }
        struct Failure: Decodable {
            struct Localized: Decodable { var message: String? }
            var reason: String?
            var localizedMessage: Localized?
        }

        var text: Text?
        var think: Think?
        var search: Search?
        var tool: Tool?
        var file: File?
        var artifact: Artifact?
        var error: Failure?
        /// Kinds this version does not know, by key, in key order.
        var others: [(kind: String, payload: JSONValue)]

        private enum CodingKeys: String, CodingKey { case text, think, search, tool, file, artifact, error }
        private static let bookkeeping: Set<String> = ["id", "messageId", "parentId", "blockId"]

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            text = c.lenient(Text.self, .text)
            think = c.lenient(Think.self, .think)
            search = c.lenient(Search.self, .search)
            tool = c.lenient(Tool.self, .tool)
            file = c.lenient(File.self, .file)
            artifact = c.lenient(Artifact.self, .artifact)
            error = c.lenient(Failure.self, .error)
            let all = try decoder.container(keyedBy: AnyKey.self)
            others = all.allKeys
                .filter { CodingKeys(stringValue: $0.stringValue) == nil && !Self.bookkeeping.contains($0.stringValue) }
                .sorted { $0.stringValue < $1.stringValue }
                .compactMap { key in all.lenient(JSONValue.self, key).map { (key.stringValue, $0) } }
        }
    }

    /// A file block or chat file: `{id, meta{name, contentType, sizeBytes}, blob{signUrl}}`.
    struct File: Decodable {
        struct Meta: Decodable {
            var name: String?
            var contentType: String?
            var sizeBytes: Count?
        }
        struct Blob: Decodable {
            var signUrl: String?
            var previewUrl: String?
        }
        var id: String?
        var meta: Meta?
        var blob: Blob?
    }

    /// What a message refers to beside its blocks.
    struct Refs: Decodable {
        struct Image: Decodable {
            var id: String?
            var caption: String?
            var url: String?
            var fullSizeUrl: String?
        }
        struct SandboxFile: Decodable {
            var uri: String?
            var downloadUrl: String?
            var fileName: String?
            var sizeBytes: Count?
        }
        var images: [Image]?
        var sandboxFiles: [SandboxFile]?
    }

    /// An enum value: its symbolic name (`MESSAGE_STATUS_COMPLETED`, `user`), or its number as text.
    struct Symbol: Decodable {
        var name: String

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let number = try? c.decode(Int.self) {
                name = String(number)
            } else {
                name = try c.decode(String.self)
            }
        }
    }

    /// An int64, which the API writes as a string (`"320"`) and sometimes as a number.
    struct Count: Decodable {
        var value: Int?

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            value = (try? c.decode(Int.self)) ?? (try? c.decode(String.self)).flatMap { Int($0) }
        }
    }

    /// A timestamp: RFC 3339 text, or `{seconds, nanos}` (seconds an int64, so maybe a string).
    struct Time: Decodable {
        var date: Date?

        private enum Keys: String, CodingKey { case seconds, nanos }

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                date = ISO8601Timestamp.date(from: text)
            } else if let seconds = try? decoder.singleValueContainer().decode(Double.self) {
                date = Date(timeIntervalSince1970: seconds)
            } else {
                let c = try decoder.container(keyedBy: Keys.self)
                guard let seconds = c.lenient(Count.self, .seconds)?.value else { return }
                let nanos = c.lenient(Count.self, .nanos)?.value ?? 0
                date = Date(timeIntervalSince1970: Double(seconds) + Double(nanos) / 1e9)
            }
        }
    }

    /// Any key, to list the block kinds this version does not know.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
