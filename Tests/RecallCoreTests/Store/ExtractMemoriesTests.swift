import Foundation
import RecallTestSupport
import Testing

@testable import RecallCore

@Suite(.eachStore) struct ExtractMemoriesTests {
    let clock = TestClock()

    private func recallWithChat(_ texts: [String], day: Int = 1) throws -> (Recall, String) {
        let recall = Recall.testStore(clock: clock.now)
        _ = try recall.importConversations([Chats.said(texts, day: day, id: "c")], label: "test")
        let chatID = try #require(try recall.listChats(ChatListRequest()).items.first).id
        return (recall, chatID)
    }

    @Test func extractionKeepsProvenanceAndReportsOutcomes() throws {
        let (recall, chatID) = try recallWithChat(["I love hiking and I live in Lisbon.", "What should I pack?"])
        let result = try recall.extractMemories(ExtractRequest(chatIDs: [chatID]))
        #expect(result.messagesScanned == 2)
        #expect(result.candidates.map(\.content) == ["The user loves hiking.", "The user lives in Lisbon."])
        #expect(
            result.candidates.allSatisfy { $0.outcome == .new && $0.origin == .rules && $0.source?.chatID == chatID })
        #expect(result.added == 2)
        let memory = try #require(result.memories.first)
        #expect(memory.source?.chatID == chatID)
        #expect(memory.source?.messageID == result.candidates[0].source?.messageID)
    }

    @Test func aDryRunReportsWhatStoringWouldDoAndStoresNothing() throws {
        let (recall, chatID) = try recallWithChat(["I live in Porto.", "I love jazz."])
        _ = try recall.addMemory(AddMemoryRequest(content: "The user lives in Oslo."))
        _ = try recall.addMemory(AddMemoryRequest(content: "The user loves jazz."))
        let before = try recall.stats().memories
        let preview = try recall.extractMemories(ExtractRequest(chatIDs: [chatID], dryRun: true))
        #expect(preview.dryRun && preview.memories.isEmpty)
        #expect(preview.candidates.map(\.outcome) == [.supersedes, .duplicate])
        #expect(preview.candidates.allSatisfy { $0.existingMemoryID != nil })
        #expect(preview.superseded == 1 && preview.merged == 1)
        #expect(try recall.stats().memories == before)
        #expect(
            try recall.listMemories(MemoryListRequest()).memories.contains { $0.content == "The user lives in Oslo." })
    }

    @Test func aDryRunShowsWhatWasDroppedAndWhyAndARealRunStoresOnlyWhatWasKept() throws {
        let (recall, chatID) = try recallWithChat([
            "I'm a data engineer at a logistics company. I want to implement this in the base class.",
            "I'm passing the function itself to be called each time a new object is created.",
        ])
        let preview = try recall.extractMemories(ExtractRequest(chatIDs: [chatID], dryRun: true))
        #expect(preview.candidates.map(\.verdict) == [.keep, .drop, .drop])
        #expect(
            preview.candidates.map(\.reason) == [
                "durable: profession", "refers to something it does not name", "the task of the moment",
            ])
        #expect(preview.candidates.map(\.outcome) == [.new, nil, nil])
        #expect(preview.dropped == 2 && preview.added == 1)
        let stored = try recall.extractMemories(ExtractRequest(chatIDs: [chatID]))
        #expect(stored.candidates.map(\.content) == ["The user is a data engineer at a logistics company."])
        #expect(stored.dropped == 2 && stored.added == 1)
        #expect(try recall.listMemories(MemoryListRequest()).total == 1)
    }

    @Test func anImportIsReadChatByChat() throws {
        let recall = Recall.testStore(clock: clock.now)
        let summary = try recall.importConversations(
            [Chats.said(["I love tea."], day: 1, id: "a"), Chats.said(["I play chess."], day: 2, id: "b")],
            label: "two chats")
        let result = try recall.extractMemories(ExtractRequest(importID: summary.importID))
        #expect(result.messagesScanned == 2)
        #expect(Set(result.memories.map(\.content)) == ["The user loves tea.", "The user plays chess."])
        #expect(Set(result.memories.compactMap(\.source?.chatID)).count == 2)
    }

    @Test func textIsReadAsOneUserMessage() throws {
        let recall = Recall.testStore(clock: clock.now)
        let result = try recall.extractMemories(ExtractRequest(text: "I play the banjo. Do you?", dryRun: true))
        #expect(result.candidates.map(\.content) == ["The user plays the banjo."])
        #expect(result.candidates[0].source == nil)
        #expect(throws: RecallError.self) { try recall.extractMemories(ExtractRequest()) }
    }

    @Test func proposalsAreCheckedAgainstTheMessagesTheyCite() throws {
        let (recall, chatID) = try recallWithChat(
            ["We adopted a greyhound called Pixel yesterday.", "What food suits greyhounds?"], day: 3)
        let inputs = try recall.extractionInputs(ExtractRequest(chatIDs: [chatID]))
        let first = try #require(inputs.first?.source?.messageID)
        let second = try #require(inputs.last?.source?.messageID)
        let proposals = [
            FactProposal(
                messageID: first, content: "The user adopted a greyhound named Pixel yesterday", type: "relationship",
                confidence: 0.99),
            FactProposal(messageID: "msg_999", content: "The user owns a cat."),
            FactProposal(messageID: first, content: "I adopted a greyhound."),
            FactProposal(messageID: first, content: "Greyhounds are fast dogs."),
            FactProposal(messageID: first, content: "The user is an astronaut."),
            FactProposal(messageID: second, content: "Does the user feed the greyhound?"),
            FactProposal(messageID: first, content: "The user's dog = {Pixel}."),
            FactProposal(messageID: "", content: "The user adopted a greyhound."),
            FactProposal(messageID: first, content: "Please remind the user to feed the greyhound."),
            FactProposal(messageID: first, content: "The user adopted it."),
        ]
        let result = try recall.extractMemories(ExtractRequest(chatIDs: [chatID], proposals: proposals))
        let report = try #require(result.sampling)
        #expect(report.proposed == 10 && report.accepted == 1)
        #expect(
            report.rejected.map(\.reason) == [
                "cites msg_999, which is not one of the messages read", "speaks in the first or second person",
                "is not a sentence about the user (say \"The user …\")",
                "shares no content word with the message it cites",
                "is a question", "contains code or markup", "cites no message", "instruction to the assistant",
                "refers to something it does not name",
            ])
        let accepted = try #require(result.candidates.first { $0.origin == .model })
        #expect(accepted.content == "The user adopted a greyhound named Pixel on 3 May 2024.")
        #expect(accepted.type == .relationship)
        #expect(accepted.confidence == ProposalReview.maximumConfidence)
        #expect(accepted.source?.messageID == first)
    }

    @Test func proposalsMayNotCiteTheAssistant() throws {
        let recall = Recall.testStore(clock: clock.now)
        var chat = Chats.said(["Any tips?"], day: 1, id: "x")
        chat.messages.append(
            ParsedMessage(
                sourceID: "x-a", parentSourceID: "x-0", role: .assistant, text: "You love climbing.",
                createdAt: Conversations.date(1), activePosition: 1))
        _ = try recall.importConversations([chat], label: "x")
        let chatID = try #require(try recall.listChats(ChatListRequest()).items.first).id
        let assistant = try #require(
            try recall.extractionInputs(ExtractRequest(chatIDs: [chatID])).last?.source?.messageID)
        let result = try recall.extractMemories(
            ExtractRequest(
                chatIDs: [chatID], dryRun: true,
                proposals: [FactProposal(messageID: assistant, content: "The user loves climbing.")]))
        #expect(result.sampling?.rejected.first?.reason == "cites a message the user did not write")
    }
}
