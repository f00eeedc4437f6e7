import Foundation
import Testing

/// The CLI mirrors every tool (`update` for update_memory, `chat` for update_chat), says so
/// when a subcommand does not exist, and guards a mistyped `--db`.
@Suite struct CommandMirrorTests {
    /// A store holding the conformance suite's ChatGPT export (two chats).
    private func storeWithChats() throws -> String {
        let store = try RecallBinary.temporaryStore()
        let export = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("conformance/fixtures/chatgpt-conversations.json")
        let imported = try RecallBinary.run(["import", export.path, "--db", store])
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        return store
    }

    @Test func updateChangesAMemoryLikeTheTool() throws {
        let store = try RecallBinary.temporaryStore()
        _ = try RecallBinary.run(["add", "Likes tea", "--db", store])
        let changed = try RecallBinary.run([
            "update", "mem_1", "--content", "Likes green tea", "--tag", "drinks", "--pin", "--db", store, "--json",
        ])
        #expect(changed.exitCode == 0, "\(changed.stderr)")
        let memory = try #require(JSONLine.object(changed.stdout.replacingOccurrences(of: "\n", with: " ")))
        #expect(memory["content"] as? String == "Likes green tea")
        #expect(memory["supersedes"] as? String == "mem_1")
        #expect(memory["tags"] as? [String] == ["drinks"] && memory["pinned"] as? Bool == true)
        let moved = try RecallBinary.run([
            "update", "mem_2", "--no-pin", "--bucket", "home", "--type", "preference", "--db", store, "--json",
        ])
        let after = try #require(JSONLine.object(moved.stdout.replacingOccurrences(of: "\n", with: " ")))
        #expect(
            after["bucket"] as? String == "home" && after["pinned"] as? Bool == false
                && after["type"] as? String == "preference")
        let nothing = try RecallBinary.run(["update", "mem_2", "--db", store])
        #expect(nothing.exitCode == 2 && nothing.stderr.contains("Say what to change"))
    }

    @Test func chatRenamesPinsMovesAndTagsAChat() throws {
        let store = try storeWithChats()
        let changed = try RecallBinary.run([
            "chat", "chat_1", "--title", "Tea notes", "--pin", "--bucket", "home", "--tag", "tea", "--db", store,
            "--json",
        ])
        #expect(changed.exitCode == 0, "\(changed.stderr)")
        let chat = try #require(JSONLine.object(changed.stdout.replacingOccurrences(of: "\n", with: " ")))
        #expect(chat["title"] as? String == "Tea notes" && chat["pinned"] as? Bool == true)
        #expect(chat["bucket"] as? String == "home" && chat["tags"] as? [String] == ["tea"])
        let listed = try RecallBinary.run(["chats", "--pinned", "--db", store])
        #expect(listed.stdout.contains("chat_1 *") && listed.stdout.contains("Tea notes"))
    }

    @Test(arguments: [["serach", "tea"], ["frobnicate"], ["updat", "mem_1"]])
    func anUnknownSubcommandSaysSo(_ arguments: [String]) throws {
        let result = try RecallBinary.run(arguments)
        #expect(result.exitCode == 2 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: Unknown subcommand '\(arguments[0])'."), "\(result.stderr)")
        #expect(result.stderr.contains("Subcommands: serve, import, search"))
        if arguments[0] == "serach" { #expect(result.stderr.contains("Did you mean 'search'?")) }
    }

    @Test func searchShowsEachHitsChatAndShowOpensAMessagesChatAroundIt() throws {
        let store = try storeWithChats()
        let found = try RecallBinary.run(["search", "sencha", "--scope", "messages", "--db", store])
        let row = try #require(found.stdout.split(separator: "\n").first { $0.hasPrefix("message") })
        #expect(row.contains("chat_1"), "\(found.stdout)")
        let messageID = try #require(row.split(separator: " ").dropFirst().first.map(String.init))
        let shown = try RecallBinary.run(["show", messageID, "--before", "0", "--after", "0", "--db", store])
        #expect(shown.exitCode == 0, "\(shown.stderr)")
        #expect(shown.stdout.hasPrefix("Morning tea") && shown.stdout.contains("· \(messageID)\n"))
        #expect(shown.stdout.contains("Messages ") && shown.stdout.contains(" of 4."))
    }

    @Test(arguments: [["stats"], ["search", "tea"], ["memories"], ["chats"], ["add", "Likes tea"], ["export"]])
    func aMistypedStoreFolderIsAnError(_ arguments: [String]) throws {
        let folder = URL(fileURLWithPath: try RecallBinary.temporaryStore()).deletingLastPathComponent()
        let store = folder.appendingPathComponent("no-such-folder/recall.sqlite").path
        let result = try RecallBinary.run(arguments + ["--db", store])
        #expect(result.exitCode == 1 && result.stdout.isEmpty)
        #expect(
            result.stderr.hasPrefix("Error: There is no folder \(folder.path)/no-such-folder for the store"),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("no-such-folder").path))
    }

    @Test func importAndServeCreateAMissingFolderAndSaySoOnce() throws {
        let folder = URL(fileURLWithPath: try RecallBinary.temporaryStore()).deletingLastPathComponent()
        let store = folder.appendingPathComponent("new/deeper/recall.sqlite").path
        let added = try RecallBinary.run(["import", "--db", store, "/nonexistent-export.json"])
        #expect(added.exitCode == 1)
        #expect(added.stderr.components(separatedBy: "Created the folder").count == 2, "\(added.stderr)")
        let again = try RecallBinary.run(["import", "--db", store, "/nonexistent-export.json"])
        #expect(!again.stderr.contains("Created the folder"))
        let served = folder.appendingPathComponent("served/recall.sqlite").path
        let ping = #"{"jsonrpc":"2.0","id":1,"method":"ping"}"# + "\n"
        let server = try RecallBinary.run(["serve", "--db", served, "--log-level", "warning"], stdin: Data(ping.utf8))
        #expect(server.exitCode == 0 && server.stdout.contains(#""id":1"#))
        #expect(server.stderr.components(separatedBy: "Created the folder").count == 2, "\(server.stderr)")
    }

    @Test func logLevelGovernsEveryLineAndThereIsOneFormat() throws {
        let store = try RecallBinary.temporaryStore()
        let session = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"log-test","version":"1"}}}
            {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_chats","arguments":{"import_id":"imp_99"}}}

            """
        let quiet = try RecallBinary.run(["serve", "--db", store, "--log-level", "error"], stdin: Data(session.utf8))
        #expect(quiet.exitCode == 0)
        #expect(quiet.stderr.isEmpty, "with --log-level error nothing below error is written: \(quiet.stderr)")
        let chatty = try RecallBinary.run(["serve", "--db", store, "--log-level", "debug"], stdin: Data(session.utf8))
        let lines = chatty.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.contains { $0.contains("serving MCP on stdio") }
                && lines.contains { $0.contains("initialize from log-test") })
        for line in lines {
            #expect(line.wholeMatch(of: /recall serve \[(debug|info|warning|error)\] .+/) != nil, "\(line)")
        }
    }

    @Test func extractDryRunPrintsEachCandidatesOutcome() throws {
        let store = try RecallBinary.temporaryStore()
        _ = try RecallBinary.run(["add", "The user lives in Oslo.", "--db", store])
        let preview = try RecallBinary.run([
            "extract", "--text", "I live in Porto. I love jazz.", "--dry-run", "--db", store,
        ])
        #expect(preview.exitCode == 0, "\(preview.stderr)")
        let lines = preview.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("Nothing was stored (dry run)") == true, "\(preview.stdout)")
        #expect(lines.contains { $0.hasPrefix("VERDICT") && $0.contains("OUTCOME") })
        #expect(
            lines.contains {
                $0.hasPrefix("keep") && $0.contains("supersedes") && $0.contains("mem_1")
                    && $0.contains("The user lives in Porto.")
            })
        #expect(lines.contains { $0.hasPrefix("keep") && $0.contains(" new ") && $0.contains("The user loves jazz.") })
        let listed = try RecallBinary.run(["memories", "--db", store])
        #expect(!listed.stdout.contains("Porto"), "a dry run stores nothing")
    }
}
