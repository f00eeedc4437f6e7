import Foundation
import NIOHTTP1
import RecallCore
import RecallHTTP
import Testing

/// Per-key limits: headers on every response, 429 past a limit, counts kept in the store.
@Suite struct RateLimitTests {
    @Test func headersCountDownAndThe429Follows() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice", perMonth: 3)
        var remaining: [String] = []
        for _ in 0..<3 {
            let reply = try await server.get("/api/chat-history/chats", key: key)
            #expect(reply.status == .ok)
            #expect(reply.headers.first(name: "X-RateLimit-Limit") == "3")
            #expect(reply.headers.first(name: "X-RateLimit-Reset").flatMap(Int.init) ?? -1 > 0)
            remaining.append(reply.headers.first(name: "X-RateLimit-Remaining") ?? "")
        }
        #expect(remaining == ["2", "1", "0"])
        let refused = try await server.get("/api/chat-history/chats", key: key)
        #expect(refused.status == .tooManyRequests)
        #expect(refused.json == ["error": "Monthly API limit exceeded"])
        #expect(refused.headers.first(name: "X-RateLimit-Remaining") == "0")
    }

    @Test func perMinuteLimitHasItsOwnWording() async throws {
        let server = try await TestServer.start { $0.perMinute = 2 }
        defer { Task { await server.stop() } }
        let key = try server.key("bob")
        _ = try await server.get("/api/chat-history/chats", key: key)
        _ = try await server.get("/api/chat-history/chats", key: key)
        let refused = try await server.get("/api/chat-history/chats", key: key)
        // A minute boundary between the calls would reset the count; the third call then passes.
        if refused.status == .tooManyRequests {
            #expect(refused.json == ["error": "Per-minute API limit exceeded"])
        }
        #expect(refused.headers.first(name: "X-RateLimit-Minute-Limit") == "2")
    }

    @Test func countsSurviveARestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-rate-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("recall.sqlite").path
        let made = try APIKeySecret.create(
            in: Recall(location: .file(path)), account: "alice", scope: .write, perMonth: 10)
        let first = try Recall(location: .file(path)).countRequest(keyID: made.key.id, windows: ["month:2026-12"])
        let second = try Recall(location: .file(path)).countRequest(keyID: made.key.id, windows: ["month:2026-12"])
        #expect(first == [1] && second == [2])
    }
}
