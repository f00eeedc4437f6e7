import Foundation
import Hummingbird
import RecallCore

/// MemoryPlugin's chat-history and memory routes.
struct ChatHistoryRoutes: Sendable {
    func register(on router: Router<RecallRequestContext>) {
        router.get("/api/chat-history/chats") { request, context in
            let caller = try context.requireCaller()
            let query = QueryParameters(request)
            let listing = ChatListRequest(
                page: try query.int("page", default: 1, in: Limits.chatPages),
                pageSize: try query.int("pageSize", default: 25, in: Limits.chatsPerPage),
                platform: try query.platform("provider"), title: query.string("title"),
                dateFrom: try query.date("dateFrom"),
                dateTo: try query.date("dateTo"), pinnedOnly: try query.bool("pinnedOnly"),
                importID: query.string("importId"))
            let page = try await CoreWork.run { try caller.recall.listChats(listing) }
            let items: [JSONValue] = page.items.map { chat in
                .object([
                    "id": .string(chat.id), "title": .string(chat.title), "platform": .string(chat.platform.rawValue),
                    "messageCount": .int(Int64(chat.messageCount)), "tokenCount": .int(Int64(chat.tokenCount)),
                    "createdAt": RESTValues.json(chat.createdAt), "updatedAt": RESTValues.json(chat.updatedAt),
                    "pinned": .bool(chat.pinned),
                ])
            }
            return JSONBody.response(
                .ok,
                JSONValue.object([
                    "items": .array(items), "page": .int(Int64(page.page)), "pageSize": .int(Int64(page.pageSize)),
                    "total": .int(Int64(page.total)), "totalPages": .int(Int64(page.totalPages)),
                ]))
        }

        router.get("/api/memory") { request, context in
            let caller = try context.requireCaller()
            let query = QueryParameters(request)
            let skip = try query.int("skip", default: 0, in: 0...1_000_000)
            let memories: [Memory]
            if let text = query.string("query") {
                // A ranking is read in pages; skipping deep into one re-ranks to that depth.
                guard skip <= Self.deepestRankedSkip else {
                    throw APIError.invalid("skip", "With query, skip goes up to \(Self.deepestRankedSkip)")
                }
                memories = try await CoreWork.run {
                    try Self.relevantMemories(caller.recall, query: text, skip: skip, count: 5)
                }
            } else if try query.bool("latest") {
                let count = try query.int("count", default: 10, in: 1...100)
                memories = try await CoreWork.run { try Self.memories(caller.recall, skip: skip, count: count) }
            } else if try query.bool("all") {
                memories = try await CoreWork.run { try Self.memories(caller.recall, skip: skip, count: 1_000) }
            } else {
                throw APIError.invalid("query", "Give query, latest=true or all=true")
            }
            let data: [JSONValue] = memories.map { memory in
                var item: [String: JSONValue] = [
                    "id": .string(memory.id), "text": .string(memory.content),
                    "content_type": .string(memory.imageRef == nil ? "text" : "image"),
                    "metadata": .object([
                        "text": .string(memory.content), "createdAt": RESTValues.json(memory.createdAt),
                        "bucketId": RESTValues.json(memory.bucket), "bucketName": RESTValues.json(memory.bucket),
                    ]),
                ]
                if let image = memory.imageRef {
                    item["image_url"] = .string(image)
                    item["image_description"] = RESTValues.json(memory.imageDescription)
                }
                return .object(item)
            }
            return JSONBody.response(.ok, JSONValue.object(["data": .array(data), "count": .int(Int64(data.count))]))
        }
    }

    /// How deep into a query's ranking `skip` may reach.
    static let deepestRankedSkip = 10_000

    /// The memories most relevant to `query` after skipping `skip`, walking the ranking's pages.
    static func relevantMemories(_ recall: Recall, query: String, skip: Int, count: Int) throws -> [Memory] {
        var hits: [SearchHit] = []
        var cursor: String?
        repeat {
            let page = try recall.search(
                SearchRequest(query: query, scope: .memories, limit: Limits.searchResults.upperBound, cursor: cursor))
            hits += page.results
            cursor = page.nextCursor
        } while cursor != nil && hits.count < skip + count
        return try hits.dropFirst(skip).prefix(count).map { try recall.memory(id: $0.id) }
    }

    /// Newest memories after skipping `skip`, walking cursor pages.
    static func memories(_ recall: Recall, skip: Int, count: Int) throws -> [Memory] {
        var collected: [Memory] = []
        var cursor: String?
        repeat {
            let page = try recall.listMemories(MemoryListRequest(limit: 100, cursor: cursor))
            collected += page.memories
            cursor = page.nextCursor
        } while cursor != nil && collected.count < skip + count
        return Array(collected.dropFirst(skip).prefix(count))
    }
}
