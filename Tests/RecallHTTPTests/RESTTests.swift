import Foundation
import NIOHTTP1
import RecallCore
import RecallHTTP
import Testing

/// The REST routes' shapes and errors, over real HTTP.
@Suite struct RESTTests {
    @Test func memoriesAPIRoundTrip() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        let created = try await server.post(
            "/api/v1/memories", key: key,
            json: ["messages": [["role": "user", "content": "I live in Oslo and I love sailing."]]])
        #expect(created.status == .ok, "\(created.text)")
        #expect(created.json?["success"] == true)
        #expect(created.json?["owner_id"] == "alice")
        let ids = created.json?["memory_ids"]?.arrayValue ?? []
        #expect(!ids.isEmpty)
        let listed = try await server.get("/api/v1/memories?limit=1&order=asc", key: key)
        #expect(listed.json?["results"]?[0]?["owner_clerk_id"] == "alice")
        #expect(listed.json?["count"] == 1)
        let latest = try await server.get("/api/memory?latest=true&count=5", key: key)
        #expect(latest.json?["data"]?[0]?["content_type"] == "text")
    }

    @Test func relevantMemoriesPageDeeperThanOneRanking() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        let alice = server.recall.acting(as: "alice")
        var saved: Set<String> = []
        for index in 0..<106 {
            let added = try alice.addMemory(AddMemoryRequest(content: "Zanzibar note number \(index)."))
            saved.formUnion(added.memories.map(\.id))
        }
        #expect(saved.count == 106)
        // 106 matches: skip 103 leaves the last three, past the first 100-hit page of the ranking.
        let tail = try await server.get("/api/memory?query=zanzibar&skip=103", key: key)
        #expect(tail.status == .ok, "\(tail.text)")
        #expect(tail.json?["count"] == 3)
        let head = try await server.get("/api/memory?query=zanzibar&skip=0", key: key)
        let ids = (head.json?["data"]?.arrayValue ?? []) + (tail.json?["data"]?.arrayValue ?? [])
        let found = Set(ids.compactMap { $0["id"]?.stringValue })
        #expect(found.count == 8 && found.isSubset(of: saved))
        let tooDeep = try await server.get("/api/memory?query=zanzibar&skip=10001", key: key)
        #expect(tooDeep.status == .badRequest)
    }

    @Test func errorsHaveTheServicesShape() async throws {
        let server = try await TestServer.start { $0.maxUploadBytes = 1024 }
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        let missing = try await server.post("/api/v1/memories", key: key, json: ["user_id": "x"])
        #expect(missing.status == .badRequest)
        #expect(
            missing.json == [
                "error": "Invalid request payload", "details": ["fieldErrors": ["messages": ["Required"]]],
            ])
        #expect(try await server.get("/api/conversation/chat_999", key: key).status == .notFound)
        #expect(try await server.get("/api/search", key: key).json?["details"]?["fieldErrors"]?["q"] == ["Required"])
        #expect(try await server.get("/api/search?q=x&limit=500", key: key).status == .badRequest)
        let big = try await server.send(
            .POST, "/api/upload", key: key, body: Data(repeating: 0x20, count: 4096), contentType: "application/json")
        #expect(big.status == .payloadTooLarge)
        let wrongType = try await server.send(
            .POST, "/api/upload", key: key, body: Data("x".utf8), contentType: "image/png")
        #expect(wrongType.status == .unsupportedMediaType)
        let notJSON = try await server.send(
            .POST, "/api/v1/memories", key: key, body: Data("x".utf8), contentType: "text/plain")
        #expect(notJSON.status == .unsupportedMediaType)
        let noUniqueID = try await server.post(
            "/serve/api/v1/memories/add", key: key, json: ["memories": [["role": "user", "content": "x"]]])
        #expect(noUniqueID.status == .badRequest)
        #expect(
            noUniqueID.json?["success"] == false && noUniqueID.json?["failed"] == true
                && noUniqueID.json?["code"] == "400")
        #expect(noUniqueID.json?["details"]?["fieldErrors"]?["unique_id"] == ["Required"])
        let unknown = try await server.get("/nowhere", key: key)
        #expect(unknown.status == .notFound && unknown.json?["error"] != nil)
    }

    @Test func aMultipartUploadOfEveryFixtureImports() async throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../shared/fixtures/exports"
        ).standardized
        guard FileManager.default.fileExists(atPath: fixtures.path) else {
            print("skipped: \(fixtures.path) is absent (the shared fixtures sit beside the repository)")
            return
        }
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        let files = try FileManager.default.subpathsOfDirectory(atPath: fixtures.path).filter {
            !$0.hasSuffix(".md") || $0.contains("markdown/")
        }
        .filter { !$0.hasSuffix("PROVENANCE.md") }.map { fixtures.appendingPathComponent($0) }
        .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        #expect(files.count >= 5)
        for file in files {
            let boundary = "recall-test-boundary"
            var body = Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.lastPathComponent)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8)
            body += try Data(contentsOf: file)
            body += Data("\r\n--\(boundary)--\r\n".utf8)
            let reply = try await server.send(
                .POST, "/api/upload", key: key, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
            #expect(reply.status == .ok, "\(file.lastPathComponent): \(reply.text)")
            #expect(reply.json?["success"] == true, "\(file.lastPathComponent)")
            #expect(!reply.text.contains(NSTemporaryDirectory()), "no server paths in answers")
        }
        let chats = try await server.get("/api/chat-history/chats?pageSize=100", key: key)
        #expect((chats.json?["total"]?.intValue ?? 0) >= files.count)
    }

    @Test func searchReturnsUpToAHundredResults() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        let turns = (1...30).map { "User: Bees number \($0) hum today.\nAssistant: Bees reply \($0) with honey.\n" }
            .joined()
        let upload = try await server.send(
            .POST, "/api/upload?platform=transcript", key: key, body: Data(turns.utf8), contentType: "text/plain")
        #expect(upload.status == .ok, "\(upload.text)")
        let all = try await server.get("/api/search?q=bees&limit=100", key: key)
        #expect(all.status == .ok, "\(all.text)")
        #expect(all.json?["results"]?.arrayValue?.count == 60)
        let some = try await server.get("/api/search?q=bees&limit=55", key: key)
        #expect(some.json?["results"]?.arrayValue?.count == 55)
        let ids = Set(all.json?["results"]?.arrayValue?.compactMap { $0["message_id"]?.stringValue } ?? [])
        #expect(ids.count == 60, "pages do not repeat a message")
    }

    @Test func openAPIListsEveryRoute() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        let document = try await server.get("/openapi.json", key: key)
        #expect(document.json?["openapi"] == "3.1.0")
        let paths = Set(document.json?["paths"]?.objectValue?.keys.map { $0 } ?? [])
        let routes = try RecallHTTPServer.routes()
        #expect(RecallHTTPServer.documentedRoutes == routes)
        #expect(paths == Set(routes.map { String($0.split(separator: " ")[1]) }))
    }

    @Test func uploadsAreReadWithAModelsSafeguards() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        // Role labels after a line no exporter writes: a note, not a transcript, unless the caller
        // names the platform.
        let note = Data("Notes from Tuesday\nUser: asked about the zanzibar hive\nAssistant: said to use smoke\n".utf8)
        let refused = try await server.send(.POST, "/api/upload", key: key, body: note, contentType: "text/plain")
        #expect(refused.status == .unsupportedMediaType, "\(refused.text)")
        #expect(refused.text.contains("pass the platform `transcript`"), "\(refused.text)")
        #expect(!refused.text.contains(NSTemporaryDirectory()), "no server paths in answers: \(refused.text)")
        #expect(refused.text.contains("upload.txt"), "the file is named as the caller sent it: \(refused.text)")
        let named = try await server.send(
            .POST, "/api/upload?platform=transcript", key: key, body: note, contentType: "text/plain")
        #expect(named.status == .ok, "\(named.text)")
        // Turns that alternate from the first line read as a transcript without being told.
        let transcript = Data(
            "User: How do I keep bees calm?\nAssistant: Use smoke gently.\nUser: Thanks!\nAssistant: Good luck.\n".utf8)
        let read = try await server.send(.POST, "/api/upload", key: key, body: transcript, contentType: "text/plain")
        #expect(read.status == .ok, "\(read.text)")
    }
}
