import RecallCore

/// The OpenAPI 3.1 description of every route, served at `/openapi.json`.
///
/// A test keeps its
/// paths and methods equal to the router's.
enum OpenAPIDocument {
    static func document(version: String) -> JSONValue {
        .object([
            "openapi": "3.1.0",
            "info": .object([
                "title": "Recall", "version": .string(version),
                "description":
                    "Local-first memory for AI assistants: MCP Streamable HTTP at /mcp and the hosted memory services' REST routes. Every request needs `Authorization: Bearer <key>`.",
            ]),
            "components": .object([
                "securitySchemes": .object(["bearer": .object(["type": "http", "scheme": "bearer"])]),
                "schemas": .object(["Error": errorSchema]),
            ]),
            "security": .array([.object(["bearer": .array([])])]),
            "paths": .object(paths),
        ])
    }

    private static let paths: [String: JSONValue] = [
        "/openapi.json": .object(["get": operation("This document", parameters: [])]),
        "/mcp": .object([
            "post": operation(
                "MCP Streamable HTTP: one JSON-RPC message; JSON or an SSE stream back", parameters: [],
                body: object([:]), extra: ["202": response("Notification or response accepted")]),
            "get": operation(
                "No standalone stream: 405", parameters: [], extra: ["405": response("Method not allowed")]),
            "delete": operation(
                "End an MCP session", parameters: [header("Mcp-Session-Id", required: true)],
                extra: ["204": response("Session ended")]),
        ]),
        "/api/upload": .object([
            "post": operation(
                "Upload a chat export (multipart `file` + optional `platform`, or a JSON, ZIP or text body) and import it",
                parameters: [query("platform", string(enumeration: platformNames))],
                body: nil, upload: true,
                extra: ["413": response("Upload too large"), "415": response("Unsupported media type")])
        ]),
        "/api/search": .object([
            "get": operation(
                "Full-text search over the caller's conversations",
                parameters: [
                    query("q", string(), required: true), query("platform", string(enumeration: platformNames)),
                    query("limit", integer(Limits.searchResults.lowerBound, Limits.searchResults.upperBound)),
                ])
        ]),
        "/api/conversation/{id}": .object([
            "get": operation(
                "One conversation's messages",
                parameters: [
                    .object(["name": "id", "in": "path", "required": true, "schema": string()])
                ])
        ]),
        "/api/chat-history/chats": .object([
            "get": operation(
                "Imported conversations, paged",
                parameters: [
                    query("page", integer(1, 1_000_000)), query("pageSize", integer(1, 100)),
                    query("provider", string(enumeration: ["all"] + platformNames)),
                    query("title", string()), query("dateFrom", string(format: "date")),
                    query("dateTo", string(format: "date")),
                    query("pinnedOnly", .object(["type": "boolean"])), query("importId", string()),
                ])
        ]),
        "/api/memory": .object([
            "get": operation(
                "Memories: the 5 most relevant to `query`, the latest `count`, or all",
                parameters: [
                    query("query", string()), query("latest", .object(["type": "boolean"])),
                    query("count", integer(1, 100)),
                    query("all", .object(["type": "boolean"])), query("skip", integer(0, 1_000_000)),
                    query("v", string()), query("source", string()),
                ])
        ]),
        "/api/v1/memories": .object([
            "post": operation(
                "Extract memories from messages", parameters: [],
                body: object(
                    [
                        "messages": .object(["type": "array", "minItems": 1, "items": turn]), "user_id": string(),
                        "metadata": .object(["type": "object"]),
                    ], required: ["messages"])),
            "get": operation(
                "List memories, cursor-paged",
                parameters: [
                    query("user_id", string()), query("limit", integer(1, 100)), query("cursor", string()),
                    query("order", string(enumeration: ["asc", "desc"])),
                    query("memory_type", string(enumeration: MemoryType.allCases.map(\.rawValue))),
                    query("min_confidence", .object(["type": "number", "minimum": 0, "maximum": 1])),
                ]),
        ]),
        "/serve/api/v1/memories/add": .object([
            "post": operation(
                "Store memories verbatim, grouped under unique_id", parameters: [],
                body: object(
                    [
                        "unique_id": .object(["type": "string", "minLength": 1]),
                        "memories": .object(["type": "array", "minItems": 1, "items": turn]),
                        "tags": .object(["type": "array", "items": string()]), "latitude": numberOrString,
                        "longitude": numberOrString,
                        "memories_at": string(format: "date-time"),
                    ], required: ["unique_id", "memories"]))
        ]),
    ]

    private static var platformNames: [String] { Platform.allCases.map(\.rawValue) }
    private static let numberOrString: JSONValue = .object(["type": .array(["number", "string"])])
    private static let turn: JSONValue = object(["role": string(), "content": string()], required: ["content"])
    private static let errorSchema: JSONValue = object(
        [
            "error": string(),
            "details": .object(["type": "object", "properties": .object(["fieldErrors": .object(["type": "object"])])]),
        ], required: ["error"])

    private static func operation(
        _ summary: String, parameters: [JSONValue], body: JSONValue? = nil, upload: Bool = false,
        extra: [String: JSONValue] = [:]
    ) -> JSONValue {
        var responses: [String: JSONValue] = [
            "200": .object([
                "description": "OK",
                "content": .object(["application/json": .object(["schema": .object(["type": "object"])])]),
            ]),
            "400": errorResponse("Invalid request payload"), "401": errorResponse("Invalid API key"),
            "404": errorResponse("Not found"),
            "429": errorResponse("Rate limit exceeded"),
        ]
        responses.merge(extra) { $1 }
        var operation: [String: JSONValue] = [
            "summary": .string(summary), "parameters": .array(parameters), "responses": .object(responses),
        ]
        if let body {
            operation["requestBody"] = .object([
                "required": true, "content": .object(["application/json": .object(["schema": body])]),
            ])
        }
        if upload {
            operation["requestBody"] = .object([
                "required": true,
                "content": .object([
                    "multipart/form-data": .object([
                        "schema": object(
                            [
                                "file": .object(["type": "string", "contentMediaType": "application/octet-stream"]),
                                "platform": string(),
                            ], required: ["file"])
                    ]),
                    "application/json": .object(["schema": .object([:])]),
                    "application/zip": .object([
                        "schema": .object(["type": "string", "contentMediaType": "application/zip"])
                    ]),
                    "text/plain": .object(["schema": string()]),
                ]),
            ])
        }
        return .object(operation)
    }

    private static func response(_ description: String) -> JSONValue {
        .object(["description": .string(description)])
    }

    private static func errorResponse(_ description: String) -> JSONValue {
        .object([
            "description": .string(description),
            "content": .object([
                "application/json": .object(["schema": .object(["$ref": "#/components/schemas/Error"])])
            ]),
        ])
    }

    private static func query(_ name: String, _ schema: JSONValue, required: Bool = false) -> JSONValue {
        .object(["name": .string(name), "in": "query", "required": .bool(required), "schema": schema])
    }

    private static func header(_ name: String, required: Bool) -> JSONValue {
        .object(["name": .string(name), "in": "header", "required": .bool(required), "schema": string()])
    }

    private static func string(enumeration: [String]? = nil, format: String? = nil) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "string"]
        if let enumeration { schema["enum"] = .array(enumeration.map(JSONValue.string)) }
        if let format { schema["format"] = .string(format) }
        return .object(schema)
    }

    private static func integer(_ minimum: Int, _ maximum: Int) -> JSONValue {
        .object(["type": "integer", "minimum": .int(Int64(minimum)), "maximum": .int(Int64(maximum))])
    }

    private static func object(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        var schema: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        return .object(schema)
    }

    /// Every documented operation as `METHOD path`, for the test that compares with the router.
    static var operations: Set<String> {
        var result: Set<String> = []
        for (path, item) in paths {
            for method in item.objectValue.map({ Array($0.keys) }) ?? [] {
                result.insert("\(method.uppercased()) \(path)")
            }
        }
        return result
    }
}
