import Foundation
import NIOHTTP1
import RecallCore
import RecallHTTP
import Testing

/// Every route needs a valid key, on loopback too; keys are stored hashed and can be revoked.
@Suite struct AuthTests {
    @Test func everyRouteRefusesMissingWrongAndRevokedKeys() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        let paths = [
            "/api/search?q=x", "/api/chat-history/chats", "/api/memory?all=true", "/api/v1/memories", "/openapi.json",
            "/mcp", "/no-such-route",
        ]
        // The key with its last character changed (a random key may already end in "x").
        let altered = String(key.dropLast()) + (key.hasSuffix("x") ? "y" : "x")
        for path in paths {
            for presented in [nil, "rk_nope_nope", altered, "Basic abc"] {
                let reply = try await server.get(path, key: presented)
                #expect(reply.status == .unauthorized, "\(path) with \(presented ?? "no key")")
                #expect(reply.json == ["error": "Invalid API key"])
            }
        }
        #expect(try await server.get("/api/chat-history/chats", key: key).status == .ok)
        let id = try #require(try server.recall.apiKeys().first?.id)
        _ = try server.recall.revokeAPIKey(id: id)
        #expect(try await server.get("/api/chat-history/chats", key: key).status == .unauthorized)
    }

    @Test func theStoreKeepsOnlyAHash() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let secret = try server.key("bob", scope: .read)
        let stored = try #require(try server.recall.apiKeys().first)
        #expect(stored.account == "bob" && stored.scope == .read)
        #expect(secret.hasPrefix("rk_\(stored.id)_"))
        let hash = try #require(try server.recall.apiKey(id: stored.id)?.hash)
        #expect(hash.count == 32)
        #expect(!String(decoding: hash, as: UTF8.self).contains(secret))
    }

    @Test func aReadKeyCannotWrite() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("carol", scope: .read)
        let reply = try await server.post(
            "/api/v1/memories", key: key, json: ["messages": [["role": "user", "content": "I live in Oslo."]]])
        #expect(reply.status == .forbidden)
    }

    @Test func aForeignOriginIsRefused() async throws {
        let server = try await TestServer.start { $0.allowedOrigins = ["https://claude.ai"] }
        defer { Task { await server.stop() } }
        let key = try server.key("dave")
        #expect(
            try await server.send(
                .GET, "/api/chat-history/chats", key: key, headers: [("Origin", "https://evil.example")]
            ).status == .forbidden)
        #expect(
            try await server.send(
                .GET, "/api/chat-history/chats", key: key, headers: [("Origin", "http://localhost:3000")]
            ).status == .ok)
        #expect(
            try await server.send(.GET, "/api/chat-history/chats", key: key, headers: [("Origin", "https://claude.ai")])
                .status == .ok)
    }
}
