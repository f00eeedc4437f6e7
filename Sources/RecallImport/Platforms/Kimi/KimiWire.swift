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
    @dynamicMemberLookup
    struct Document: Decodable {
        /// The members of the file or element, read by name.
        private var fields: Fields
        /// The object itself read as a chat, for a chat object that carries its messages.
        var ownChat: Chat?

        /// A member of `fields`, as `document.messages`.
        subscript<T>(dynamicMember path: KeyPath<Fields, T>) -> T { fields[keyPath: path] }

        // Hand-written because the object is read twice, as a document and as a chat; a
        // generated init reads each key once.
        init(from decoder: any Decoder) throws {
            fields = try Fields(from: decoder)
            ownChat = try? Chat(from: decoder)
        }

        /// The document's own members; `messages` must be a list when present.
        struct Fields: Decodable {
            var messages: [LossyElement<Message>]?
            @Lenient var schema: String?
            @Lenient var chatID: String?
            @Lenient var chat: Chat?
            @Lossy var chats: [Chat]?

            private enum CodingKeys: String, CodingKey {
                case schema, chat, messages, chats
                case chatID = "chatId"
            }
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
        @Lenient var id: String?
        /// The parent's id; `$parentID` is true when the key is there, even as null.
        @Presence var parentID: String?
        @Lenient var childrenIDs: [String]
        @Lenient var role: Symbol?
        @Lenient var status: Symbol?
        @Lenient var createTime: Time?
        @Lenient var blocks: [LossyElement<Block>]?
        @Lenient var refs: Refs?

        private enum CodingKeys: String, CodingKey {
            case id, role, status, createTime, blocks, refs
            case parentID = "parentId"
            case childrenIDs = "childrenMessageIds"
        }

        /// Kimi's marks: `blocks[]`, a `role`, and a `parentId` or a `MESSAGE_STATUS_…` status.
        var looksLikeKimi: Bool {
            blocks != nil && role != nil && ($parentID || status?.name.hasPrefix("MESSAGE_STATUS_") == true)
        }
    }

    /// One block; exactly one kind is meant to be set, but every kind present is read.
    @dynamicMemberLookup
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

        /// The kinds this version knows.
        struct Kinds: Decodable {
            @Lenient var text: Text?
            @Lenient var think: Think?
            @Lenient var search: Search?
            @Lenient var tool: Tool?
            @Lenient var file: File?
            @Lenient var artifact: Artifact?
            @Lenient var error: Failure?

            fileprivate enum CodingKeys: String, CodingKey { case text, think, search, tool, file, artifact, error }
        }

        private var kinds: Kinds
        /// Kinds this version does not know, by key, in key order.
        var others: [(key: String, value: JSONValue)]

        /// A kind this version knows, as `block.text`.
        subscript<T>(dynamicMember path: KeyPath<Kinds, T>) -> T { kinds[keyPath: path] }

        private static let bookkeeping: Set<String> = ["id", "messageId", "parentId", "blockId"]

        // Hand-written because the block is read twice: its known kinds by name, then every other key.
        init(from decoder: any Decoder) throws {
            kinds = try Kinds(from: decoder)
            others = try UnknownMembers<Kinds.CodingKeys>(from: decoder, ignoring: Self.bookkeeping).members
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

        private struct Parts: Decodable {
            @Lenient var seconds: Count?
            @Lenient var nanos: Count?
        }

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                date = ISO8601Timestamp.date(from: text)
            } else if let seconds = try? decoder.singleValueContainer().decode(Double.self) {
                date = Date(timeIntervalSince1970: seconds)
            } else {
                let parts = try Parts(from: decoder)
                guard let seconds = parts.seconds?.value else { return }
                date = Date(timeIntervalSince1970: Double(seconds) + Double(parts.nanos?.value ?? 0) / 1e9)
            }
        }
    }
}
