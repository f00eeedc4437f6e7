import Foundation
import RecallCore
import RecallTestSupport
import Testing

@testable import RecallMCP

@Suite(.eachStore) struct ToolListTests {
    private static let expectedNames = [
        "search", "get_context", "add_memory", "list_memories", "update_memory", "forget", "import_chats", "list_chats",
        "get_conversation", "update_chat", "extract_memories", "memory_stats",
    ]

    private func listedTools(version: String = "2025-11-25") async -> [JSONValue] {
        let client = TestClient()
        await client.initialize(version: version)
        let response = await client.request("tools/list", id: .int(1))
        _ = await client.finish()
        #expect(response["result"]?["nextCursor"] == nil)
        return response["result"]?["tools"]?.arrayValue ?? []
    }

    @Test func theTwelveToolsInAFixedOrder() async {
        let tools = await listedTools()
        #expect(tools.compactMap { $0["name"]?.stringValue } == Self.expectedNames)
        #expect(RecallServer.toolNames == Self.expectedNames)
    }

    @Test func namesAndDescriptionsSuitEveryClient() async {
        let pattern = /^[a-zA-Z0-9_-]{1,64}$/
        for tool in await listedTools() {
            let name = tool["name"]?.stringValue ?? ""
            #expect(name.wholeMatch(of: pattern) != nil, "\(name)")
            #expect(("mcp__recall__" + name).count <= 64)
            let description = tool["description"]?.stringValue ?? ""
            #expect(!description.isEmpty && description.count <= 300, "\(name): \(description.count) characters")
            let title = tool["title"]?.stringValue ?? ""
            #expect(!title.isEmpty, "\(name)")
        }
    }

    @Test func schemasAreFlatObjects() async {
        let forbidden: Set = ["oneOf", "anyOf", "allOf", "$ref", "$defs", "$schema", "definitions", "not"]
        for tool in await listedTools() {
            let name = tool["name"]?.stringValue ?? ""
            for key in ["inputSchema", "outputSchema"] {
                let schema = tool[key]
                #expect(schema?["type"] == .string("object"), "\(name) \(key)")
                #expect(schema?.allKeys.filter(forbidden.contains) == [], "\(name) \(key)")
                #expect(
                    Self.typeValues(in: schema ?? .null).allSatisfy { $0.stringValue != nil },
                    "\(name) \(key) has a type array")
            }
            for property in tool["inputSchema"]?["properties"]?.objectValue?.keys.sorted() ?? [] {
                #expect(property.wholeMatch(of: /[a-z][a-z0-9_]*/) != nil, "\(name).\(property) is not snake_case")
            }
        }
    }

    @Test func annotationsAreComplete() async {
        for tool in await listedTools() {
            let annotations = tool["annotations"]?.objectValue ?? [:]
            // Destructive and idempotent hints only mean something for tools that write.
            let expected: Set =
                annotations["readOnlyHint"] == .bool(true)
                ? ["readOnlyHint", "openWorldHint"]
                : ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"]
            #expect(Set(annotations.keys) == expected, "\(tool["name"] ?? .null)")
            #expect(annotations["openWorldHint"] == .bool(false))
        }
        let destructive = await listedTools().filter { $0["annotations"]?["destructiveHint"] == .bool(true) }.compactMap
        { $0["name"]?.stringValue }
        #expect(destructive == ["update_memory", "forget", "update_chat"])
        let readOnly = await listedTools().filter { $0["annotations"]?["readOnlyHint"] == .bool(true) }.compactMap {
            $0["name"]?.stringValue
        }
        #expect(
            readOnly == ["search", "get_context", "list_memories", "list_chats", "get_conversation", "memory_stats"])
    }

    @Test func everyArgumentHasAOneLineDescription() async {
        for tool in await listedTools() {
            let name = tool["name"]?.stringValue ?? ""
            for (path, property) in Self.properties(of: tool["inputSchema"] ?? .null, path: name) {
                let description = property["description"]?.stringValue ?? ""
                #expect(!description.isEmpty, "\(path) has no description")
                #expect(description.count <= 120 && !description.contains("\n"), "\(path): \(description)")
            }
        }
    }

    /// A model reads the whole list before every conversation: it must stay small.
    ///
    /// Tokens are
    /// estimated as bytes / 3, which overcounts for JSON in English (tokenizers average ~3.5–4).
    @Test func wholeListStaysUnderSixThousandTokens() async throws {
        let client = TestClient()
        await client.initialize()
        _ = await client.request("tools/list", id: .string("size"))
        _ = await client.finish()
        let line = await client.inbox.rawLines.first { $0.contains(#""id":"size""#) } ?? ""
        let bytes = line.utf8.count
        print("tools/list: \(bytes) bytes, about \(bytes / 3) tokens (bytes / 3), \(Self.argumentCount) arguments")
        #expect(bytes / 3 <= 6_000, "tools/list is \(bytes) bytes, about \(bytes / 3) tokens")
        #expect(RecallServer.toolListJSON().utf8.count / 3 <= 6_000)
    }

    private static var argumentCount: Int {
        ToolRegistry.standardTools.map { type(of: $0).inputSchema["properties"]?.objectValue?.count ?? 0 }.reduce(0, +)
    }

    /// Every property of a schema and of the objects nested in it, with its path.
    private static func properties(of schema: JSONValue, path: String) -> [(String, JSONValue)] {
        let own = (schema["properties"]?.objectValue ?? [:]).sorted { $0.key < $1.key }
        return own.flatMap { key, property in
            [("\(path).\(key)", property)]
                + properties(of: property["items"] ?? property, path: "\(path).\(key)")
                .filter { _ in property["items"] != nil || property["properties"] != nil }
        }
    }

    @Test func toolListJSONIsTheListResultAndDeterministic() async {
        let listed = await listedTools()
        let dumped = TestClient.parse(RecallServer.toolListJSON())
        #expect(dumped == .object(["tools": .array(listed)]))
        #expect(RecallServer.toolListJSON() == RecallServer.toolListJSON())
        #expect(TestClient.parse(RecallServer.toolListJSON(prettyPrinted: true)) == dumped)
    }

    @Test func olderVersionsGetOlderToolShapes() async {
        for tool in await listedTools(version: "2025-03-26") {
            #expect(tool["title"] == nil && tool["outputSchema"] == nil)
            #expect(tool["annotations"] != nil)
        }
        for tool in await listedTools(version: "2024-11-05") {
            #expect(Set(tool.objectValue?.keys ?? [:].keys) == ["name", "description", "inputSchema"])
        }
    }

    /// The `type` keyword of a schema and of every schema nested in it (properties, items).
    private static func typeValues(in schema: JSONValue) -> [JSONValue] {
        let nested = (schema["properties"]?.objectValue?.values.map { $0 } ?? []) + (schema["items"].map { [$0] } ?? [])
        return (schema["type"].map { [$0] } ?? []) + nested.flatMap(typeValues)
    }
}
