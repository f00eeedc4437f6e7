import Foundation

/// The shapes of one item of `conversations[]` in Grok's `prod-grok-backend.json` (accounts.x.ai
/// data export), with the export's own key names.
///
/// Only `GrokParser` uses these. `conversation` and `responses` are required; every other
/// field decodes leniently, because key names and value shapes changed between the 2025 and
/// 2026 exports (`conversation_id` → `id`, `response_id` → `_id`, ISO times → `$date`).
enum GrokWire {
    /// `{conversation: {…}, responses: [{response: {…}, share_link}]}`.
    struct Item: Decodable {
        var conversation: Conversation
        var responses: [Entry]
    }

    /// The conversation's own record.
    struct Conversation: Decodable {
        @Lenient private var conversationID: Identifier?
        @Lenient private var rawID: Identifier?
        @Lenient var title: String?
        @Lenient var summary: String?
        @Lenient var createTime: Timestamp?
        @Lenient var modifyTime: Timestamp?
        @Lenient private var rawLeafResponseID: Identifier?
        @Lenient var systemPromptName: String?

        /// The conversation's id: `conversation_id` in 2025 exports, `id` in 2026 ones.
        var id: String? { conversationID?.value ?? rawID?.value }
        /// The response the user last saw: the active branch's leaf.
        var leafResponseID: String? { rawLeafResponseID?.value }

        private enum CodingKeys: String, CodingKey {
            case title, summary
            case rawID = "id"
            case conversationID = "conversation_id"
            case createTime = "create_time"
            case modifyTime = "modify_time"
            case rawLeafResponseID = "leaf_response_id"
            case systemPromptName = "system_prompt_name"
        }
    }

    /// One entry of `responses`: a response, or why it could not be read.
    enum Entry: Decodable {
        case response(Response)
        case unreadable(String)

        private enum CodingKeys: String, CodingKey { case response }

        init(from decoder: any Decoder) throws {
            do {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                self = .response(try c.decode(Response.self, forKey: .response))
            } catch let error as DecodingError {
                self = .unreadable(error.summary)
            }
        }
    }

    /// One turn, the user's or Grok's.
    struct Response: Decodable {
        var id: String?
        var parentID: String?
        var message: String?
        var sender: String?
        var createTime: Timestamp?
        var model: String?
        var thinkingTrace: String?
        var webSearchResults: [SearchResult]
        var fileAttachments: [JSONValue]
        var imageAttachments: [JSONValue]
        var generatedImageURLs: [String]
        var cards: [Card]

        private enum CodingKeys: String, CodingKey {
            case message, sender, model, metadata
            case responseID = "response_id"
            case mongoID = "_id"
            case parentID = "parent_response_id"
            case createTime = "create_time"
            case thinkingTrace = "thinking_trace"
            case webSearchResults = "web_search_results"
            case fileAttachments = "file_attachments"
            case imageAttachments = "image_attachments"
            case generatedImageURLs = "generated_image_urls"
            case cards = "card_attachments_json"
        }

        /// The 2025 export names the model only here, on the user's turn.
        private struct Metadata: Decodable {
            struct Details: Decodable { var modelId: String? }
            var requestModelDetails: Details?
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = c.lenient(Identifier.self, .responseID)?.value ?? c.lenient(Identifier.self, .mongoID)?.value
            parentID = c.lenient(Identifier.self, .parentID)?.value
            message = c.lenient(String.self, .message)
            sender = c.lenient(String.self, .sender)
            createTime = c.lenient(Timestamp.self, .createTime)
            model =
                c.lenient(String.self, .model)
                ?? c.lenient(Metadata.self, .metadata)?.requestModelDetails?.modelId
            thinkingTrace = c.lenient(String.self, .thinkingTrace)
            webSearchResults = (c.lenient([JSONValue].self, .webSearchResults) ?? []).compactMap(SearchResult.init)
            fileAttachments = c.lenient([JSONValue].self, .fileAttachments) ?? []
            imageAttachments = c.lenient([JSONValue].self, .imageAttachments) ?? []
            generatedImageURLs = (c.lenient([JSONValue].self, .generatedImageURLs) ?? []).compactMap(\.stringValue)
            cards = (c.lenient([JSONValue].self, .cards) ?? []).compactMap(Card.init)
        }
    }

    /// A page Grok searched: `{url, title, preview}`.
    struct SearchResult {
        var url: String?
        var title: String?
        var preview: String?

        init?(_ value: JSONValue) {
            url = value["url"]?.stringValue
            title = value["title"]?.stringValue
            preview = value["preview"]?.stringValue ?? value["snippet"]?.stringValue
            if url == nil, title == nil, preview == nil { return nil }
        }
    }

    /// One element of `card_attachments_json`: a JSON object written as a string (sometimes as
    /// an object), such as `{"id":"188710","type":"render_inline_citation","url":"https://…"}`.
    struct Card {
        var id: String
        var type: String?
        var url: String?
        var title: String?

        init?(_ value: JSONValue) {
            var object = value
            if let text = value.stringValue {
                guard let parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { return nil }
                object = parsed
            }
            guard let id = object["id"]?.stringValue else { return nil }
            self.id = id
            type = object["type"]?.stringValue
            url = object["url"]?.stringValue
            title = object["title"]?.stringValue
        }
    }

    /// A time: ISO-8601 text, or MongoDB extended JSON `{"$date": {"$numberLong": "<epoch ms>"}}`
    /// (also `{"$date": "<ISO>"}` and `{"$date": <epoch ms>}`).
    struct Timestamp: Decodable {
        var date: Date?

        private enum Keys: String, CodingKey {
            case date = "$date"
            case numberLong = "$numberLong"
        }

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                date = ISO8601Timestamp.date(from: text)
                return
            }
            let c = try decoder.container(keyedBy: Keys.self)
            if let text = c.lenient(String.self, .date) {
                date = ISO8601Timestamp.date(from: text)
            } else if let milliseconds = c.lenient(Double.self, .date) {
                date = Date(timeIntervalSince1970: milliseconds / 1000)
            } else if let long = try? c.nestedContainer(keyedBy: Keys.self, forKey: .date),
                let milliseconds = long.lenient(String.self, .numberLong).flatMap(Double.init)
            {
                date = Date(timeIntervalSince1970: milliseconds / 1000)
            }
        }
    }

    /// An id: a string, or MongoDB's `{"$oid": "…"}`.
    struct Identifier: Decodable {
        var value: String

        private enum Keys: String, CodingKey { case oid = "$oid" }

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                value = text
            } else {
                value = try decoder.container(keyedBy: Keys.self).decode(String.self, forKey: .oid)
            }
        }
    }
}
