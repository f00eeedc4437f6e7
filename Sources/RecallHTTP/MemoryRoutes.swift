import Foundation
import Hummingbird
import RecallCore

/// The memories API's routes and memories.ai's add route.
struct MemoryRoutes: Sendable {
    let settings: HTTPSettings

    func register(on router: Router<RecallRequestContext>) {
        router.post("/api/v1/memories") { request, context in
            let caller = try context.requireCaller()
            let body = try await JSONBody.object(request, limit: settings.maxJSONBytes)
            let turns = try RESTValues.turns(body["messages"], field: "messages")
            let userID = body["user_id"]?.stringValue
            let metadata = body["metadata"]?.objectValue
            let result = try await CoreWork.run {
                try caller.recall.addMemory(
                    AddMemoryRequest(messages: turns, extract: true, metadata: metadata, userID: userID))
            }
            return JSONBody.response(
                .ok,
                JSONValue.object([
                    "success": .bool(true), "memories_created": .int(Int64(result.added)),
                    "memory_ids": .array(result.memories.map { .string($0.id) }),
                    "owner_id": .string(caller.key.account), "user_id": .string(userID ?? Memory.defaultUserID),
                ]))
        }

        router.get("/api/v1/memories") { request, context in
            let caller = try context.requireCaller()
            let query = QueryParameters(request)
            let order: ListOrder
            switch query.string("order")?.lowercased() ?? "desc" {
            case "desc": order = .newest
            case "asc": order = .oldest
            default: throw APIError.invalid("order", "Expected asc or desc")
            }
            var memoryType: MemoryType?
            if let name = query.string("memory_type") {
                guard let type = MemoryType(rawValue: name) else {
                    throw APIError.invalid(
                        "memory_type", "Expected one of \(MemoryType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                memoryType = type
            }
            // `self` and `all` both mean the key's own default namespace: a key never reads another account.
            let userID = query.string("user_id").flatMap { ["self", "all"].contains($0) ? nil : $0 }
            let listing = MemoryListRequest(
                limit: try query.int("limit", default: 20, in: Limits.memoriesPerPage), cursor: query.string("cursor"),
                order: order, memoryType: memoryType,
                minConfidence: try query.double("min_confidence", in: 0...1), userID: userID)
            let page = try await CoreWork.run { try caller.recall.listMemories(listing) }
            let results: [JSONValue] = page.memories.map { memory in
                .object([
                    "id": .string(memory.id), "owner_clerk_id": .string(caller.key.account),
                    "end_user_id": .string(memory.userID),
                    "content": .string(memory.content), "memory_type": .string(memory.type.rawValue),
                    "confidence": .double(memory.confidence),
                    "metadata": memory.metadata.map(JSONValue.object) ?? .object([:]),
                    "source_type": .string(memory.source == nil ? "api" : "chat"),
                    "created_at": RESTValues.json(memory.createdAt), "updated_at": RESTValues.json(memory.updatedAt),
                ])
            }
            return JSONBody.response(
                .ok,
                JSONValue.object([
                    "success": .bool(true), "count": .int(Int64(results.count)),
                    "next_cursor": RESTValues.json(page.nextCursor),
                    "results": .array(results),
                ]))
        }

        router.post("/serve/api/v1/memories/add") { request, context in
            do {
                return try await addVerbatim(request, context: context)
            } catch {
                // memories.ai's failure shape, beside the `error` every route carries.
                var failure =
                    (error as? RecallError).map(APIError.from) ?? (error as? APIError)
                    ?? APIError(status: .internalServerError, message: "Internal server error")
                failure.extra = [
                    "code": .string(String(failure.status.code)), "msg": .string(failure.message), "data": .array([]),
                    "success": .bool(false), "failed": .bool(true),
                ]
                throw failure
            }
        }
    }

    /// memories.ai's add: each entry stored verbatim, owned by its role, under `unique_id`.
    private func addVerbatim(_ request: Request, context: RecallRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let body = try await JSONBody.object(request, limit: settings.maxJSONBytes)
        var problems: [String: [String]] = [:]
        let uniqueID = body["unique_id"]?.stringValue
        if uniqueID?.isEmpty ?? true { problems["unique_id"] = ["Required"] }
        var turns: [ChatTurn] = []
        do {
            turns = try RESTValues.turns(body["memories"], field: "memories")
        } catch let error as APIError {
            problems.merge(error.fieldErrors) { $0 + $1 }
        }
        if !problems.isEmpty { throw APIError.invalid(problems) }
        let tags = body["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let latitude = try RESTValues.number(body["latitude"], field: "latitude")
        let longitude = try RESTValues.number(body["longitude"], field: "longitude")
        var memoriesAt: Date?
        if let text = body["memories_at"]?.stringValue {
            guard let date = RESTValues.date(text) else {
                throw APIError.invalid("memories_at", "Expected an ISO 8601 date-time")
            }
            memoriesAt = date
        }
        let request = AddMemoryRequest(
            messages: turns, extract: false, tags: tags, memoriesAt: memoriesAt, latitude: latitude,
            longitude: longitude,
            userID: uniqueID)
        let result = try await CoreWork.run { try caller.recall.addMemory(request) }
        let data: [JSONValue] = result.memories.map { memory in
            .object([
                "id": .string(memory.id), "content": .string(memory.content),
                "tags": .array(memory.tags.map(JSONValue.string)),
                "longitude": RESTValues.json(memory.longitude), "latitude": RESTValues.json(memory.latitude),
                "owner": RESTValues.json(memory.owner), "created_at": RESTValues.json(memory.createdAt),
                "updated_at": RESTValues.json(memory.updatedAt), "memories_at": RESTValues.json(memory.memoriesAt),
            ])
        }
        return JSONBody.response(
            .ok,
            JSONValue.object([
                "code": .string("0000"), "msg": .string("success"), "data": .array(data), "success": .bool(true),
                "failed": .bool(false),
            ]))
    }
}
