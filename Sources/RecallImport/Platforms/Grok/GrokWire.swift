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
        @Lenient private var responseID: Identifier?
        @Lenient private var mongoID: Identifier?
        @Lenient private var rawParentID: Identifier?
        @Lenient var message: String?
        @Lenient var sender: String?
        @Lenient var createTime: Timestamp?
        @Lenient private var rawModel: String?
        @Lenient private var metadata: Metadata?
        @Lenient var thinkingTrace: String?
        @Lossy var webSearchResults: [SearchResult]
        @Lenient var fileAttachments: [JSONValue]
        @Lenient var imageAttachments: [JSONValue]
        @Lossy var generatedImageURLs: [String]
        @Lossy var cards: [Card]

        /// The response's id: `response_id` in 2025 exports, `_id` in 2026 ones.
        var id: String? { (responseID ?? mongoID)?.value }
        /// The response this one follows.
        var parentID: String? { rawParentID?.value }
        /// The model that wrote it; the 2025 export names it only in the user's turn's metadata.
        var model: String? { rawModel ?? metadata?.requestModelDetails?.modelId }

        private enum CodingKeys: String, CodingKey {
            case message, sender, metadata
            case rawModel = "model"
            case responseID = "response_id"
            case mongoID = "_id"
            case rawParentID = "parent_response_id"
            case createTime = "create_time"
            case thinkingTrace = "thinking_trace"
            case webSearchResults = "web_search_results"
            case fileAttachments = "file_attachments"
            case imageAttachments = "image_attachments"
            case generatedImageURLs = "generated_image_urls"
            case cards = "card_attachments_json"
        }

        private struct Metadata: Decodable {
            struct Details: Decodable { var modelId: String? }
            var requestModelDetails: Details?
        }
    }

    /// A page Grok searched: `{url, title, preview}`.
    struct SearchResult: Decodable {
        var url: String?
        var title: String?
        var preview: String?

        /// Reads any JSON value; one with none of the three fields is not a result.
        init(from decoder: any Decoder) throws {
            let value = try JSONValue(from: decoder)
            url = value["url"]?.stringValue
            title = value["title"]?.stringValue
            preview = value["preview"]?.stringValue ?? value["snippet"]?.stringValue
            if url == nil, title == nil, preview == nil {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "no url, title or preview"))
            }
        }
    }

    /// One element of `card_attachments_json`: a JSON object written as a string (sometimes as
    /// an object), such as `{"id":"188710","type":"render_inline_citation","url":"https://…"}`.
    ///
    /// The string is parsed here, once, while the response is decoded.
    struct Card: Decodable {
        var id: String
        var type: String?
        var url: String?
        var title: String?

        /// Reads a card from its JSON text or its object; one without an id is not a card.
        init(from decoder: any Decoder) throws {
            var object = try JSONValue(from: decoder)
            if let text = object.stringValue {
                guard let parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
                    throw Self.unreadable(decoder, "its text is not JSON")
                }
                object = parsed
            }
            guard let id = object["id"]?.stringValue else { throw Self.unreadable(decoder, "it has no id") }
            self.id = id
            type = object["type"]?.stringValue
            url = object["url"]?.stringValue
            title = object["title"]?.stringValue
        }

        private static func unreadable(_ decoder: any Decoder, _ reason: String) -> DecodingError {
            .dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a card: \(reason)"))
        }
    }

    /// A time: ISO-8601 text, or MongoDB extended JSON `{"$date": {"$numberLong": "<epoch ms>"}}`
    /// (also `{"$date": "<ISO>"}` and `{"$date": <epoch ms>}`).
    struct Timestamp: Decodable {
        var date: Date?

        /// `{"$date": …}`.
        private struct Extended: Decodable {
            @Lenient var date: MongoDate?

            private enum CodingKeys: String, CodingKey { case date = "$date" }
        }

        /// The value of `$date`: ISO text, epoch milliseconds, or `{"$numberLong": "<epoch ms>"}`.
        private struct MongoDate: Decodable {
            var date: Date?

            init(from decoder: any Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let text = try? c.decode(String.self) {
                    date = ISO8601Timestamp.date(from: text)
                } else if let milliseconds = try? c.decode(Double.self) {
                    date = Date(timeIntervalSince1970: milliseconds / 1000)
                } else if let milliseconds = (try NumberLong(from: decoder)).value.flatMap(Double.init) {
                    date = Date(timeIntervalSince1970: milliseconds / 1000)
                }
            }
        }

        /// `{"$numberLong": "<digits>"}`.
        private struct NumberLong: Decodable {
            @Lenient var value: String?

            private enum CodingKeys: String, CodingKey { case value = "$numberLong" }
        }

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                date = ISO8601Timestamp.date(from: text)
            } else {
                date = try Extended(from: decoder).date?.date
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
