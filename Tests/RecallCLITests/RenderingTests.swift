import Foundation
import RecallCore
import Testing

@testable import recall

/// What a person reads for each result: the key facts are there, one item per row.
@Suite struct RenderingTests {
    static let day = Date(timeIntervalSince1970: 1_714_564_800)

    @Test func searchShowsEachHitsChatAndItsSnippetAcrossTheWidth() {
        var hit = SearchHit(
            kind: .message, id: "msg_7", score: 3.25,
            snippet: "I prefer **green tea**\nin the morning " + String(repeating: "and then some more ", count: 12),
            createdAt: Self.day)
        hit.chatID = "chat_3"
        hit.chatTitle = "Morning tea"
        hit.role = .user
        hit.matchedBy = [.keyword, .meaning]
        var memory = SearchHit(kind: .memory, id: "mem_2", score: 1.5, snippet: "Prefers green tea")
        memory.memoryType = .preference
        memory.tags = ["drinks"]
        let lines = SearchPage(results: [hit, memory], nextCursor: "c2").render(width: 100).split(separator: "\n").map(
            String.init)
        #expect(lines[0].hasPrefix("KIND") && lines[0].contains("CHAT") && lines[0].contains("FOUND BY"))
        #expect(
            lines[1].contains("msg_7") && lines[1].contains("chat_3") && lines[1].contains("3.25")
                && lines[1].contains("user in Morning tea"))
        #expect(lines[1].contains("keyword+meaning"))
        // The snippet has the whole width below its row, not what a column would leave it.
        #expect(lines[2].hasPrefix("    I prefer green tea in the morning and then"))
        #expect(lines[2].count > 80 && lines[2].count <= 100)
        #expect(lines[3].hasPrefix("    ") && lines[3].count <= 100)
        let memoryRow = lines.firstIndex { $0.hasPrefix("memory") } ?? 0
        #expect(lines[memoryRow].contains("preference · drinks") && lines[memoryRow + 1] == "    Prefers green tea")
        #expect(lines.last == "More results: --cursor c2")
        #expect(SearchPage(results: [], nextCursor: nil).renderText() == "No results.")
    }

    @Test func chatsShowPinsAndThePage() {
        let chat = Chat(
            id: "chat_1", platform: .chatgpt, sourceID: "x", title: "Morning tea", messageCount: 4, tokenCount: 90,
            createdAt: Self.day, updatedAt: Self.day, pinned: true, bucket: nil, tags: [], importID: "imp_1"
        )
        let text = ChatPage(items: [chat], page: 1, pageSize: 20, total: 1, totalPages: 1).renderText()
        #expect(text.contains("chat_1 *") && text.contains("ChatGPT") && text.contains("Morning tea"))
        #expect(text.hasSuffix("Page 1 of 1, 1 chat."))
    }

    @Test func conversationShowsEveryMessageWholeAndHowToReadOn() {
        let messages = [
            Message(
                id: "msg_1", sourceMessageID: "a", role: .user, content: "First line\nsecond line", createdAt: nil,
                hidden: false),
            Message(
                id: "msg_2", sourceMessageID: "b", role: .assistant, content: "Answer", createdAt: Self.day,
                hidden: true),
        ]
        let page = ConversationPage(
            id: "chat_1", title: "Morning tea", platform: .chatgpt, createdAt: Self.day, messages: messages, offset: 0,
            nextOffset: 2, total: 5
        )
        let text = page.renderText()
        #expect(text.contains("── user · - · msg_1\nFirst line\nsecond line"))
        #expect(text.contains("── assistant (hidden)"))
        #expect(text.hasSuffix("Messages 1–2 of 5. More: recall show chat_1 --offset 2"))
    }

    @Test func importSummaryCountsAndPlacesEachProblem() {
        var summary = ImportSummary(importID: "imp_3", platform: "chatgpt")
        summary.files = ["conversations.json"]
        summary.chatsAdded = 2
        summary.skipped = 1
        summary.diagnostics = [
            ImportDiagnostic(
                severity: .error, file: "conversations.json", conversation: "#4", offset: 1200,
                message: "mapping is not an object")
        ]
        let text = summary.renderText()
        #expect(text.hasPrefix("Import imp_3 (ChatGPT, 1 file):"))
        #expect(text.contains("2 added, 0 updated, 0 unchanged, 1 skipped"))
        #expect(text.contains("error: conversations.json, conversation #4, byte 1200: mapping is not an object"))
    }

    @Test func aDryRunShowsEachCandidatesVerdictAndReason() {
        let kept = MemoryCandidate(
            content: "The user is a nurse.", type: .fact, confidence: 0.8, verdict: .keep, reason: "durable: profession"
        )
        let dropped = MemoryCandidate(
            content: "The user wants to implement this in the base class.", type: .goal, confidence: 0.75,
            verdict: .drop,
            reason: "refers to something it does not name")
        let preview = ExtractResult(
            dryRun: true, messagesScanned: 2, candidates: [kept, dropped], memories: [], added: 1, dropped: 1)
        let lines = preview.renderText().split(separator: "\n")
        #expect(
            lines[0]
                == "Read 2 messages, found 2 candidates (1 kept, 1 dropped); storing the kept ones would give 1 new, 0 already known, 0 superseding older ones. Nothing was stored (dry run)."
        )
        #expect(lines[1].hasPrefix("VERDICT") && lines[1].contains("OUTCOME") && lines[1].hasSuffix("REASON"))
        #expect(lines[2].hasPrefix("keep") && lines[2].hasSuffix("durable: profession"))
        #expect(lines[3].hasPrefix("drop") && lines[3].hasSuffix("refers to something it does not name"))
        let stored = ExtractResult(
            dryRun: false, messagesScanned: 2, candidates: [kept], memories: [], added: 1, dropped: 1)
        let storedLines = stored.renderText().split(separator: "\n")
        #expect(
            storedLines[0]
                == "Read 2 messages, found 2 candidates (1 kept, 1 dropped): 1 new, 0 already known, 0 superseding older ones. Use --dry-run to see why candidates were dropped."
        )
        #expect(storedLines[1].hasPrefix("OUTCOME") && !storedLines[1].contains("VERDICT"))
    }

    @Test func statsListsBreakdownsLargestFirst() throws {
        let stats = StoreStats(
            path: "/data/recall.sqlite", sizeBytes: 2_048_000, schemaVersion: 3, chats: 12, messages: 300, memories: 40,
            supersededMemories: 2, chatsByPlatform: ["claude": 2, "chatgpt": 10], memoriesByType: ["fact": 40],
            byBucket: [:], byTag: [:], imports: []
        )
        let text = stats.renderText()
        #expect(text.contains("Memories:  40 current, 2 superseded"))
        let chatgpt = try #require(text.range(of: "ChatGPT"))
        let claude = try #require(text.range(of: "Claude"))
        #expect(chatgpt.lowerBound < claude.lowerBound)
        #expect(!text.contains("BUCKET"), "empty breakdowns are left out")
    }
}
