import Foundation
import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    /// A text file a model asks to import is a chat only with evidence: an exporter's header, or
    /// turns alternating from its first lines on.
    ///
    /// Notes and shell histories with a stray
    /// `User:` or `Assistant:` line stay out of the store.
    @Suite struct TranscriptEvidenceTests {
        let strict = TranscriptParser(requiresEvidence: true)

        func recognizes(_ text: String) -> Bool {
            strict.recognizes(.text(head: text))
        }

        @Test(arguments: [
            "bold-labels.md", "chatgpt-exporter.md", "chatgpt-exporter.txt", "claude-code-log.md",
            "human-assistant.txt",
            "obsidian-gemini.md", "prompt-response.md",
        ])
        func everyExporterDialectCarriesItsEvidence(fixture: String) throws {
            #expect(recognizes(String(decoding: try Fixture.data("transcript/\(fixture)"), as: UTF8.self)))
        }

        @Test(
            .enabled(if: Fixture.sharedExports != nil, "needs shared/fixtures/exports beside the package root"),
            arguments: [
                "deepseek-exporter-userscript.md", "deepseek2md-export.md", "now2ai-claude-export-transcript.md",
            ])
        func realExportsCarryTheirEvidence(file: String) throws {
            let url = try #require(Fixture.sharedExports).appendingPathComponent("markdown").appendingPathComponent(
                file)
            let head = try Data(contentsOf: url).prefix(DocumentMemberReader.headSize)
            #expect(recognizes(String(decoding: head, as: UTF8.self)))
        }

        @Test(arguments: [
            // A note with login details: role-like labels after a line that is no header.
            "Office wifi\nUser: admin\nAssistant: Maria (ext. 214)\npassword: hunter2\n",
            // A heading, then one plain exchange: notes look like that too.
            "# Contacts\n\nUser: jsmith\nAssistant: Maria\n",
            // A shell history that quotes a chat line.
            "cd ~/projects\nls -la\necho \"User: hello\"\nUser: root\nAssistant: none\nUser: x\nAssistant: y\n",
            // Labels that never take turns.
            "User: a\nUser: b\nAssistant: c\nAssistant: d\nUser: e\n",
            // Front matter of a note, then prose before the labels.
            "---\ntitle: Passwords\ndate: 2024-01-01\n---\nKeep these safe.\n\n## User\nadmin\n\n## Assistant\nhunter2\n",
        ])
        func notesWithRoleLabelsAreNotChats(text: String) {
            #expect(
                TranscriptParser().recognizes(.text(head: text)),
                "the lenient parser takes it, so the test means something")
            #expect(!recognizes(text))
            #expect(strict.nearMiss(.text(head: text))?.contains("pass the platform `transcript`") == true)
        }

        @Test func aHeaderThatNamesTheChatIsEnoughForOneExchange() {
            #expect(recognizes("# Claude Conversation Log\n\nSession ID: 0f8e\n\nHuman: hi\n\nAssistant: hello\n"))
            #expect(recognizes("**Link:** https://chatgpt.com/c/abc\n\nYou: hi\n\nChatGPT: hello\n"))
            #expect(
                !recognizes("# Chat\n\nHuman: hi\n\nAssistant: hello\n"),
                "plain labels need two exchanges without a header")
            #expect(recognizes("# Chat\n\nHuman: hi\n\nAssistant: hello\n\nHuman: and?\n\nAssistant: that is all\n"))
            #expect(recognizes("# Chat\n\n## User\nhi\n\n## Assistant\nhello\n"), "headings are an exporter's style")
        }

        @Test func throughAPolicyANoteIsRefusedUnlessTheTranscriptPlatformIsGiven() throws {
            let folder = try TemporaryFolder()
            let note = try folder.write("logins.md", "Office wifi\nUser: admin\nAssistant: Maria\n")
            let policy = ImportPolicy.restricted(to: [folder.path])
            let recall = Recall.inMemory()
            let error = #expect(throws: RecallError.self) {
                try recall.importChats(ImportRequest(path: note, policy: policy))
            }
            #expect(error?.code == .unrecognizedFormat)
            #expect(error?.message.contains("pass the platform `transcript` if it is one") == true)
            #expect(error?.message.contains("admin") == false)
            let forced = try recall.importChats(ImportRequest(path: note, platform: .transcript, policy: policy))
            #expect(forced.chatsAdded == 1)
            // A person at the terminal is trusted with their own notes, as before.
            let other = try folder.write("more.md", "Team\nUser: bob\nAssistant: Ann\n")
            #expect(try recall.importChats(ImportRequest(path: other)).chatsAdded == 1)
        }
    }
}
