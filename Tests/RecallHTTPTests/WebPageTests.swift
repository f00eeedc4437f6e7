import Foundation
import NIOHTTP1
import RecallCore
import RecallHTTP
import Testing

/// The web page: cookie sign-in and sign-out, form tokens, escaping, headers and accounts.
@Suite struct WebPageTests {
    static let policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// A ChatGPT export whose title and text carry markup.
    static let export = Data(
        #"""
        [{"id": "conv-x", "title": "<script>alert('title')</script> plans", "create_time": 1700000000, "update_time": 1700000100, "current_node": "m2",
          "mapping": {
            "m1": {"id": "m1", "parent": null, "children": ["m2"], "message": {"id": "m1", "author": {"role": "user"}, "create_time": 1700000000, "content": {"content_type": "text", "parts": ["Where do zanzibar <img src=x> bees sleep?"]}}},
            "m2": {"id": "m2", "parent": "m1", "children": [], "message": {"id": "m2", "author": {"role": "assistant"}, "create_time": 1700000050, "content": {"content_type": "text", "parts": ["In the hive."]}}}
          }}]
        """#.utf8)

    @Test func signInKeepsTheKeyInAStrictHTTPOnlyCookieAndSignOutDropsIt() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let web = WebClient(server)
        defer { Task { await web.close() } }

        let signedOut = try await web.get("/memories")
        #expect(signedOut.status == .seeOther)
        #expect(signedOut.headers.first(name: "Location") == "/")
        let page = try await web.get("/")
        #expect(page.status == .ok && page.text.contains(#"name="key""#))
        #expect(page.headers.first(name: "Content-Security-Policy") == Self.policy)

        let wrong = try await web.signIn("rk_nope_nope")
        #expect(wrong.status == .unauthorized && wrong.headers.first(name: "Set-Cookie") == nil)

        let key = try server.key("alice")
        let signedIn = try await web.signIn(key)
        #expect(signedIn.status == .seeOther)
        let cookie = try #require(signedIn.headers.first(name: "Set-Cookie"))
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
        let memories = try await web.get("/memories")
        #expect(memories.status == .ok, "\(memories.text)")
        #expect(memories.headers.first(name: "Content-Security-Policy") == Self.policy)
        #expect(memories.text.contains("alice"))
        #expect(try await web.get("/").headers.first(name: "Location") == "/memories")

        // The cookie opens pages only: the REST routes and /mcp take the key from `Authorization`.
        #expect(try await web.get("/api/chat-history/chats").status == .unauthorized)

        let token = try await web.token()
        #expect(try await web.form(.POST, "/signout", [:]).status == .forbidden, "signing out is a form like any other")
        let out = try await web.form(.POST, "/signout", ["csrf": token])
        #expect(out.status == .seeOther)
        #expect(out.headers.first(name: "Set-Cookie")?.contains("Max-Age=0") == true)

        // A revoked key in the cookie signs the browser out on its next page.
        let keys = try server.recall.apiKeys()
        _ = try server.recall.revokeAPIKey(id: try #require(keys.first { $0.account == "alice" }).id)
        let revoked = try await web.get("/memories")
        #expect(revoked.status == .seeOther)
        #expect(revoked.headers.first(name: "Set-Cookie")?.contains("Max-Age=0") == true)
    }

    @Test func formsWithoutTheCookiesTokenAreRefusedAndChangeNothing() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try server.key("alice")
        let added = try server.recall.acting(as: "alice").addMemory(AddMemoryRequest(content: "The hive is blue."))
        let id = try #require(added.memories.first?.id)
        let web = WebClient(server)
        defer { Task { await web.close() } }
        try await web.signIn(alice)
        let token = try await web.token()
        #expect(token.count == 64)
        let otherToken = try await { () async throws -> String in
            let other = WebClient(server)
            defer { Task { await other.close() } }
            try await other.signIn(try server.key("bob"))
            return try await other.token()
        }()

        for fields in [
            ["content": "The hive is red."], ["content": "The hive is red.", "csrf": otherToken],
            ["content": "The hive is red.", "csrf": "0"],
        ] {
            let refused = try await web.form(.POST, "/memories/\(id)", fields)
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("security token"))
        }
        #expect(try await web.form(.POST, "/memories/\(id)/forget", [:]).status == .forbidden)
        #expect(try await web.form(.POST, "/memories/\(id)/pin", ["pinned": "true"]).status == .forbidden)
        let upload = try await web.send(.POST, "/upload", body: Self.export, contentType: "application/json")
        #expect(upload.status == .forbidden)
        #expect(try server.recall.acting(as: "alice").memory(id: id).content == "The hive is blue.")
        #expect(try server.recall.acting(as: "alice").memory(id: id).pinned == false)
        #expect(try server.recall.acting(as: "alice").stats().chats == 0)

        // With the token the same edit goes through and supersedes; the old version is in the history.
        let saved = try await web.form(.POST, "/memories/\(id)", ["content": "The hive is red.", "csrf": token])
        #expect(saved.status == .seeOther)
        let location = try #require(saved.headers.first(name: "Location"))
        let newPage = try await web.get(location)
        #expect(newPage.text.contains("The hive is red.") && newPage.text.contains("The hive is blue."))
        #expect(try server.recall.acting(as: "alice").memory(id: id).supersededBy != nil)
    }

    @Test func userTextIsEscapedOnEveryPage() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let key = try server.key("alice")
        let upload = try await server.send(
            .POST, "/api/upload", key: key, body: Self.export, contentType: "application/json")
        let chatID = try #require(upload.json?["conversationId"]?.stringValue)
        let memory = try server.recall.acting(as: "alice").addMemory(
            AddMemoryRequest(
                content: "<script>alert('memory')</script> zanzibar", tags: ["<b>tag</b>"], bucket: "<i>b</i>"))
        let memoryID = try #require(memory.memories.first?.id)
        let web = WebClient(server)
        defer { Task { await web.close() } }
        try await web.signIn(key)

        for path in [
            "/memories", "/memories/\(memoryID)", "/chats", "/chats/\(chatID)", "/search?q=zanzibar", "/overview",
            "/review?chat=\(chatID)",
            "/memories?bucket=%3Cscript%3E",
        ] {
            let page = try await web.get(path)
            #expect(page.status == .ok, "\(path): \(page.status)")
            #expect(!page.text.contains("<script>alert"), "\(path)")
            #expect(
                !page.text.contains("<img src=x>") && !page.text.contains("<b>tag</b>")
                    && !page.text.contains("<i>b</i>"), "\(path)")
        }
        #expect(try await web.get("/chats").text.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; plans"))
        #expect(
            try await web.get("/memories").text.contains(
                "&lt;script&gt;alert(&#39;memory&#39;)&lt;/script&gt; zanzibar"))
        #expect(try await web.get("/chats/\(chatID)").text.contains("zanzibar &lt;img src=x&gt; bees"))
    }

    @Test func oneUsersCookieNeverShowsAnothersData() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let alice = try server.key("alice")
        let upload = try await server.send(
            .POST, "/api/upload", key: alice, body: Self.export, contentType: "application/json")
        let chatID = try #require(upload.json?["conversationId"]?.stringValue)
        let memoryID = try #require(
            server.recall.acting(as: "alice").addMemory(AddMemoryRequest(content: "Alice's zanzibar hive is blue."))
                .memories.first?.id)

        let bob = WebClient(server)
        defer { Task { await bob.close() } }
        try await bob.signIn(try server.key("bob"))
        let token = try await bob.token()
        #expect(try await bob.get("/chats").text.contains("0 conversations"))
        #expect(try await bob.get("/memories").text.contains("0 memories"))
        #expect(try await bob.get("/search?q=zanzibar").text.contains("Nothing found."))
        #expect(try await bob.get("/overview").text.contains("0 conversations, 0 messages, 0 memories"))
        for path in [
            "/chats/\(chatID)", "/memories/\(memoryID)", "/review?chat=\(chatID)", "/chats/\(chatID)/forget",
            "/memories/\(memoryID)/forget",
        ] {
            let page = try await bob.get(path)
            #expect(page.status == .notFound, "\(path)")
            #expect(!page.text.contains("zanzibar"), "\(path)")
        }
        for (path, fields) in [
            ("/chats/\(chatID)/forget", [:]), ("/memories/\(memoryID)/forget", [:]),
            ("/memories/\(memoryID)", ["content": "Bob was here."]),
            ("/chats/\(chatID)", ["title": "Bob's now"]),
        ] as [(String, [String: String])] {
            var fields = fields
            fields["csrf"] = token
            #expect(try await bob.form(.POST, path, fields).status == .notFound, "\(path)")
        }
        let own = server.recall.acting(as: "alice")
        #expect(try own.memory(id: memoryID).content == "Alice's zanzibar hive is blue.")
        #expect(try own.listChats(ChatListRequest()).items.map(\.title) == ["<script>alert('title')</script> plans"])
    }

    @Test func webRoutesStayOutOfTheAPIDocument() throws {
        let web = try RecallHTTPServer.webRoutes()
        #expect(web.contains("GET /memories") && web.contains("POST /upload") && web.contains("GET /"))
        #expect(web.isDisjoint(with: RecallHTTPServer.documentedRoutes))
    }
}
