import Foundation
import Hummingbird
import RecallCore

/// AI Memory's conversation routes: upload an export, search it, read one conversation.
struct ConversationRoutes: Sendable {
    let settings: HTTPSettings
    let uploads: UploadFolder

    func register(on router: Router<RecallRequestContext>) {
        router.post("/api/upload") { request, context in
            let caller = try context.requireCaller()
            let upload = try await UploadReceiver(folder: uploads, limit: settings.maxUploadBytes).receive(request)
            defer { upload.remove() }
            let platform = try upload.platform.map { name -> Platform in
                guard let platform = Platform(rawValue: name.lowercased()) else {
                    throw APIError.invalid(
                        "platform", "Expected one of \(Platform.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return platform
            }
            let result = try await CoreWork.run { () -> JSONValue in
                // The upload comes from afar, so it is read with a model's safeguards: only inside
                // the upload folder, text only with a transcript's evidence, a bounded time.
                let request = ImportRequest(
                    path: upload.path, platform: platform, policy: .restricted(to: [uploads.path]))
                do {
                    let summary = try caller.recall.importChats(request)
                    return try Self.uploadResult(summary, recall: caller.recall, fileName: upload.fileName)
                } catch var error as RecallError {
                    // The core names the file it read; the caller knows it by its own name.
                    error.message = error.message.replacingOccurrences(of: upload.path, with: upload.fileName)
                    throw error
                }
            }
            return JSONBody.response(.ok, result)
        }

        router.get("/api/search") { request, context in
            let caller = try context.requireCaller()
            let query = QueryParameters(request)
            guard let text = query.string("q") else { throw APIError.invalid("q", "Required") }
            let limit = try query.int("limit", default: 20, in: Limits.searchResults)
            let filters = SearchFilters(platform: try query.platform("platform"))
            let hits = try await CoreWork.run {
                try caller.recall.search(SearchRequest(query: text, scope: .messages, filters: filters, limit: limit))
                    .results
            }
            let results: [JSONValue] = hits.map { hit in
                .object([
                    "id": RESTValues.json(hit.chatID), "title": RESTValues.json(hit.chatTitle),
                    "snippet": .string(hit.snippet),
                    "message_id": .string(hit.id), "platform": RESTValues.json(hit.platform?.rawValue),
                    "created_at": RESTValues.json(hit.createdAt), "score": .double(hit.score),
                ])
            }
            return JSONBody.response(.ok, JSONValue.object(["results": .array(results)]))
        }

        router.get("/api/conversation/{id}") { _, context in
            let caller = try context.requireCaller()
            let id = try context.parameters.require("id")
            let result = try await CoreWork.run { try Self.wholeConversation(id, recall: caller.recall) }
            return JSONBody.response(.ok, result)
        }
    }

    /// Every message of a conversation's active branch, read page by page (at most 10,000).
    static func wholeConversation(_ id: String, recall: Recall) throws -> JSONValue {
        var offset = 0
        var messages: [JSONValue] = []
        var first: ConversationPage?
        repeat {
            let page = try recall.conversation(
                ConversationRequest(id: id, offset: offset, limit: Limits.conversationMessages.upperBound))
            first = first ?? page
            messages += page.messages.map { message in
                .object([
                    "id": .string(message.id), "role": .string(message.role.rawValue),
                    "content": .string(message.content),
                    "created_at": RESTValues.json(message.createdAt),
                ])
            }
            guard let next = page.nextOffset, messages.count < 10_000 else { break }
            offset = next
        } while true
        return .object([
            "id": .string(first?.id ?? id), "title": RESTValues.json(first?.title),
            "platform": RESTValues.json(first?.platform.rawValue),
            "created_at": RESTValues.json(first?.createdAt), "messages": .array(messages),
        ])
    }

    /// The services' upload answer, plus Recall's import summary (never the server's file paths).
    static func uploadResult(_ summary: ImportSummary, recall: Recall, fileName: String) throws -> JSONValue {
        var object: [String: JSONValue] = [
            "success": .bool(true), "import_id": RESTValues.json(summary.importID),
            "platform": .string(summary.platform),
            "file": .string(fileName), "chats_added": .int(Int64(summary.chatsAdded)),
            "chats_updated": .int(Int64(summary.chatsUpdated)), "chats_unchanged": .int(Int64(summary.chatsUnchanged)),
            "messages_added": .int(Int64(summary.messagesAdded)), "skipped": .int(Int64(summary.skipped)),
            "diagnostics": .int(Int64(summary.diagnostics.count)),
        ]
        if summary.chatsAdded + summary.chatsUpdated > 0,
            let chats = try? recall.listChats(ChatListRequest(pageSize: 2, importID: summary.importID)),
            chats.total == 1,
            let chat = chats.items.first
        {
            object["conversationId"] = .string(chat.id)
            object["title"] = .string(chat.title)
            object["messageCount"] = .int(Int64(chat.messageCount))
        }
        return .object(object)
    }
}
