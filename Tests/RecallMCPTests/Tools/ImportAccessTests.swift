import Foundation
import RecallCore
import RecallTestSupport
import Testing

@testable import RecallMCP

/// `import_chats` through MCP reads only where the user allowed: the folders the server was
/// started with and the roots the client declares (asked with `roots/list`, asked again after
/// `notifications/roots/list_changed`).
///
/// A model's request also needs evidence before a text file
/// counts as a chat, is told only how many other files were skipped, and has a time limit.
@Suite(.eachStore) struct ImportAccessTests {
    static let transcript = "# Trip\n\n## User\nWhere should I stay in Porto?\n\n## Assistant\nRibeira, by the river.\n"

    /// A fresh folder holding one transcript, `trip.md`.
    final class ExportFolder {
        let url: URL
        var path: String { url.path }
        var file: String { url.appendingPathComponent("trip.md").path }

        init(_ text: String = ImportAccessTests.transcript) throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("recall-access-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url.appendingPathComponent("trip.md"))
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        var rootURI: JSONValue { .string(url.absoluteString) }
    }

    func importing(_ path: String, id: Int64, platform: String? = nil) -> JSONValue {
        var arguments: [String: JSONValue] = ["path": .string(path)]
        if let platform { arguments["platform"] = .string(platform) }
        return TestClient.toolCall("import_chats", .object(arguments), id: .int(id))
    }

    func text(_ response: JSONValue) -> String {
        response["result"]?["content"]?[0]?["text"]?.stringValue ?? ""
    }

    func failed(_ response: JSONValue) -> Bool {
        response["result"]?["isError"] == .bool(true)
    }

    /// Waits for the server's `roots/list` request and answers it with `roots`.
    func answerRoots(_ client: TestClient, _ roots: [JSONValue]) async {
        let request = await client.next()
        #expect(request?["method"] == .string("roots/list"))
        guard let id = request?["id"] else { return }
        client.send(
            .object([
                "jsonrpc": .string("2.0"), "id": id,
                "result": .object(["roots": .array(roots.map { .object(["uri": $0, "name": .string("project")]) })]),
            ]))
    }

    @Test func aPathOutsideTheAllowedFoldersIsAToolErrorNamingThem() async throws {
        let allowed = try ExportFolder()
        let elsewhere = try ExportFolder()
        let client = TestClient(importFolders: [allowed.path])
        await client.initialize()
        let refused = await client.callTool("import_chats", .object(["path": .string(elsewhere.file)]), id: .int(1))
        #expect(failed(refused))
        #expect(text(refused).contains("is outside the folders Recall may import from (\(allowed.path))"))
        let imported = await client.callTool("import_chats", .object(["path": .string(allowed.file)]), id: .int(2))
        #expect(!failed(imported), "\(text(imported))")
        #expect(imported["result"]?["structuredContent"]?["chats_added"] == .int(1))
        // No roots capability: the server never asked the client anything.
        #expect(await client.finish().isEmpty)
    }

    @Test func theClientsRootsAreAskedForAndAskedAgainWhenTheyChange() async throws {
        let first = try ExportFolder()
        let second = try ExportFolder("# Other\n\n## User\nAnd in Lisbon?\n\n## Assistant\nAlfama.\n")
        let client = TestClient(importFolders: [])
        await client.initialize(capabilities: .object(["roots": .object(["listChanged": .bool(true)])]))

        client.send(importing(first.file, id: 1))
        await answerRoots(client, [first.rootURI])
        let inFirst = await client.response(id: .int(1))
        #expect(!failed(inFirst), "\(text(inFirst))")

        // The roots are known now: no second request, and the other folder is outside them.
        let outside = await client.callTool("import_chats", .object(["path": .string(second.file)]), id: .int(2))
        #expect(failed(outside))
        #expect(text(outside).contains("(\(first.path))"))

        client.notify("notifications/roots/list_changed")
        client.send(importing(second.file, id: 3))
        await answerRoots(client, [second.rootURI])
        let inSecond = await client.response(id: .int(3))
        #expect(!failed(inSecond), "\(text(inSecond))")
        let formerRoot = await client.callTool("import_chats", .object(["path": .string(first.file)]), id: .int(4))
        #expect(failed(formerRoot))
        #expect(await client.finish().isEmpty)
    }

    @Test func rootsThatChangeRightAfterTheirAnswerAreAskedForAgain() async throws {
        let first = try ExportFolder()
        let second = try ExportFolder("# Other\n\n## User\nAnd in Lisbon?\n\n## Assistant\nAlfama.\n")
        let client = TestClient(importFolders: [])
        await client.initialize(capabilities: .object(["roots": .object(["listChanged": .bool(true)])]))

        // The roots change just after the client answered, before the import has finished:
        // the next import must not use the answer given before the change.
        client.send(importing(first.file, id: 1))
        await answerRoots(client, [first.rootURI])
        client.notify("notifications/roots/list_changed")
        let inFirst = await client.response(id: .int(1))
        #expect(!failed(inFirst), "\(text(inFirst))")

        client.send(importing(second.file, id: 2))
        let asked = await client.next()
        #expect(asked?["method"] == .string("roots/list"), "the roots were not asked for again")
        if asked?["method"] != nil, let id = asked?["id"] {
            client.send(
                .object([
                    "jsonrpc": .string("2.0"), "id": id,
                    "result": .object(["roots": .array([.object(["uri": second.rootURI, "name": .string("project")])])]
                    ),
                ]))
        }
        let inSecond = asked?["method"] == nil ? asked ?? .null : await client.response(id: .int(2))
        #expect(!failed(inSecond), "\(text(inSecond))")
        #expect(await client.finish().isEmpty)
    }

    @Test func aClientThatCannotListItsRootsLeavesTheConfiguredFolders() async throws {
        let configured = try ExportFolder()
        let client = TestClient(importFolders: [configured.path])
        await client.initialize(capabilities: .object(["roots": .object([:])]))
        client.send(importing(configured.file, id: 1))
        let request = await client.next()
        #expect(request?["method"] == .string("roots/list"))
        client.send(
            .object([
                "jsonrpc": .string("2.0"), "id": request?["id"] ?? .null,
                "error": .object(["code": .int(-32601), "message": .string("Method not found")]),
            ]))
        let response = await client.response(id: .int(1))
        #expect(!failed(response), "\(text(response))")
        _ = await client.finish()
    }

    @Test func aNoteIsNotAChatUnlessTheTranscriptPlatformIsGiven() async throws {
        let folder = try ExportFolder("Office wifi\nUser: admin\nAssistant: Maria\npassword: hunter2\n")
        let client = TestClient(importFolders: [folder.path])
        await client.initialize()
        let refused = await client.callTool("import_chats", .object(["path": .string(folder.file)]), id: .int(1))
        #expect(failed(refused))
        #expect(text(refused).contains("pass the platform `transcript` if it is one"))
        #expect(!text(refused).contains("hunter2") && !text(refused).contains("admin"))
        let forced = await client.callTool(
            "import_chats", .object(["path": .string(folder.file), "platform": .string("transcript")]), id: .int(2))
        #expect(forced["result"]?["structuredContent"]?["chats_added"] == .int(1))
        _ = await client.finish()
    }

    @Test func skippedFilesAreCountedNotNamed() async throws {
        let folder = try ExportFolder()
        try Data("router: hunter2\n".utf8).write(to: folder.url.appendingPathComponent("passwords.txt"))
        try Data("{\"salary\": 1}".utf8).write(to: folder.url.appendingPathComponent("payslip.json"))
        let client = TestClient(importFolders: [folder.path])
        await client.initialize()
        let response = await client.callTool("import_chats", .object(["path": .string(folder.path)]), id: .int(1))
        let output = text(response)
        #expect(!failed(response), "\(output)")
        #expect(output.contains("skipped 2 files (1 .json, 1 .txt)"))
        for leak in ["passwords", "payslip", "hunter2", "salary"] { #expect(!output.contains(leak), "\(leak)") }
        _ = await client.finish()
    }

    @Test func anImportHasATimeLimit() async throws {
        let folder = try ExportFolder()
        let client = TestClient(importFolders: [folder.path], importTimeLimit: 0)
        await client.initialize()
        let response = await client.callTool("import_chats", .object(["path": .string(folder.path)]), id: .int(1))
        #expect(failed(response))
        #expect(text(response).contains("its time limit"))
        _ = await client.finish()
    }

    @Test func rootURIsBecomePaths() {
        let result: JSONValue = .object([
            "roots": .array([
                .object(["uri": .string("file:///home/ana/My%20Exports")]),
                .object(["uri": .string("file://localhost/srv/chats")]),
                .object(["uri": .string("https://example.com/x")]), .object(["uri": .string("file://otherhost/share")]),
                .object(["name": .string("no uri")]),
            ])
        ])
        #expect(ImportAccess.paths(fromRoots: result) == ["/home/ana/My Exports", "/srv/chats"])
    }
}
