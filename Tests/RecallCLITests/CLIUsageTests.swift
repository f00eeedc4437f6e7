import Foundation
import Testing

/// The built `recall` binary as a shell user meets it: help, exit codes, stdout versus stderr.
@Suite struct CLIUsageTests {
    static let subcommands = [
        "serve", "import", "search", "context", "add", "memories", "chats", "show", "forget", "extract", "stats",
        "export", "keys", "migrate",
    ]

    @Test func helpListsEverySubcommand() throws {
        let result = try RecallBinary.run(["--help"])
        #expect(result.exitCode == 0)
        for name in Self.subcommands {
            #expect(result.stdout.contains("\n  \(name) "), "help does not list \(name)")
        }
    }

    @Test func noSubcommandPrintsHelp() throws {
        let result = try RecallBinary.run([])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("USAGE: recall <subcommand>"))
    }

    @Test(arguments: [
        ["search"],
        ["forget"],
        ["add"],
        ["add", "a memory", "--messages", "turns.json"],
        ["chats", "--page", "0"],
        ["memories", "--limit", "500"],
        ["search", "tea", "--platform", "myspace"],
        ["extract"],
        ["no-such-command"],
    ])
    func usageMistakesExitWithTwo(_ arguments: [String]) throws {
        let store = try RecallBinary.temporaryStore()
        let result = try RecallBinary.run(arguments + (arguments == ["no-such-command"] ? [] : ["--db", store]))
        #expect(result.exitCode == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Usage:") || result.stderr.contains("Error:"))
        #expect(!FileManager.default.fileExists(atPath: store), "a usage mistake must not create the store")
    }

    @Test func failedOperationExitsWithOneAndSaysWhyOnStderr() throws {
        let result = try RecallBinary.run(["show", "chat_does_not_exist", "--db", try RecallBinary.temporaryStore()])
        #expect(result.exitCode == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: "))
    }

    @Test(arguments: [
        // Ends on the bracket that crosses the decoder's 512-level limit: Foundation traps on it.
        (opening: 513, closing: 0, tail: ""),
        (opening: 513, closing: 0, tail: "\r\n"),
        // Closed, but too deep to decode: refused with the same reason.
        (opening: 2_000, closing: 2_000, tail: "\n"),
    ])
    func messagesNestedTooDeepAreRefusedNotCrashedOn(_ shape: (opening: Int, closing: Int, tail: String)) throws {
        let json =
            String(repeating: "[", count: shape.opening) + String(repeating: "]", count: shape.closing) + shape.tail
        let store = try RecallBinary.temporaryStore()
        let file = URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("turns.json")
        try Data(json.utf8).write(to: file)
        for (arguments, stdin, name) in [(file.path, nil, file.path), ("-", Data(json.utf8), "stdin")] {
            let result = try RecallBinary.run(["add", "--messages", arguments, "--db", store], stdin: stdin)
            #expect(result.exitCode == 1, "\(name): \(result.stderr.prefix(300))")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.hasPrefix("Error: \(name) nests arrays or objects more than 512 levels deep."))
        }
    }

    @Test
    func statsPrintsJSON() throws {
        let result = try RecallBinary.run(["stats", "--db", try RecallBinary.temporaryStore(), "--json"])
        #expect(result.exitCode == 0)
        let object = try #require(JSONLine.object(result.stdout.replacingOccurrences(of: "\n", with: " ")))
        #expect(object["schema_version"] is Int)
        #expect(object["chats"] as? Int == 0)
        #expect(object["memories"] as? Int == 0)
    }

    @Test
    func addedMemoryIsListedAndExported() throws {
        let store = try RecallBinary.temporaryStore()
        let added = try RecallBinary.run(["add", "Prefers green tea over coffee", "--tag", "drinks", "--db", store])
        #expect(added.exitCode == 0)
        let listed = try RecallBinary.run(["memories", "--db", store])
        #expect(listed.stdout.contains("Prefers green tea"))
        let exported = try RecallBinary.run(["export", "--only", "memories", "--db", store])
        #expect(exported.exitCode == 0)
        let document = try #require(JSONLine.object(exported.stdout.replacingOccurrences(of: "\n", with: " ")))
        #expect(document["format"] as? String == "recall-export")
        #expect((document["memories"] as? [[String: Any]])?.count == 1)
        #expect(document["chats"] == nil)
    }
}

/// `recall keys`: a key is printed once, listed without its secret, and revoked by id.
@Suite struct KeysCommandTests {
    @Test func createListRevoke() throws {
        let store = try RecallBinary.temporaryStore()
        let created = try RecallBinary.run([
            "keys", "create", "--user", "me", "--scope", "read", "--json", "--db", store,
        ])
        #expect(created.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])
        let secret = try #require(object["secret"] as? String)
        let key = try #require(object["key"] as? [String: Any])
        let id = try #require(key["id"] as? String)
        #expect(secret.hasPrefix("rk_\(id)_"))
        #expect(key["account"] as? String == "me" && key["scope"] as? String == "read")

        let listed = try RecallBinary.run(["keys", "list", "--db", store])
        #expect(listed.stdout.contains(id) && listed.stdout.contains("me") && !listed.stdout.contains(secret))
        #expect(try RecallBinary.run(["keys", "revoke", id, "--db", store]).exitCode == 0)
        #expect(try RecallBinary.run(["keys", "list", "--db", store]).stdout.contains("revoked"))
        #expect(try RecallBinary.run(["keys", "revoke", "nope", "--db", store]).exitCode == 1)
    }
}
