import Foundation
import Testing

@testable import RecallCore

@Suite struct FactProposalTests {
    @Test(arguments: [
        #"{"facts":[{"message_id":"msg_1","content":"The user keeps bees.","type":"fact","confidence":0.8}]}"#,
        "Here you go:\n```json\n[{\"message_id\": \"msg_1\", \"content\": \"The user keeps bees.\", \"type\": \"fact\", \"confidence\": \"0.8\"}]\n```\nDone.",
    ])
    func repliesAreReadInTheUsualShapes(_ reply: String) {
        let parsed = FactProposal.parse(reply)
        #expect(parsed.problem == nil)
        #expect(
            parsed.proposals == [
                FactProposal(messageID: "msg_1", content: "The user keeps bees.", type: "fact", confidence: 0.8)
            ])
    }

    @Test func unreadableRepliesSayWhy() {
        #expect(FactProposal.parse("I could not find any facts.").problem == "the reply holds no JSON")
        #expect(FactProposal.parse("{not json}").problem == "the reply's JSON could not be read")
        #expect(FactProposal.parse(#"{"items": []}"#).problem == "the reply's JSON has no `facts` list")
        #expect(
            FactProposal.parse(
                #"{"facts": [1, {"content": "The user sings."}, {"message_id": 7, "content": "The user hums."}]}"#
            ).proposals == [
                FactProposal(messageID: "", content: "The user sings."),
                FactProposal(messageID: "7", content: "The user hums."),
            ])
    }

    @Test func thePromptLabelsOnlyTheUsersMessagesWithinItsBudget() {
        let inputs = [
            ExtractionInput(
                text: "I keep bees.", role: .user, date: Date(timeIntervalSince1970: 0),
                source: MemorySource(chatID: "chat_1", messageID: "msg_1")),
            ExtractionInput(
                text: "Bees are great.", role: .assistant, source: MemorySource(chatID: "chat_1", messageID: "msg_2")),
            ExtractionInput(
                text: String(repeating: "long ", count: 1_000), role: .user,
                source: MemorySource(chatID: "chat_1", messageID: "msg_3")),
            ExtractionInput(text: "Free text.", role: .user),
        ]
        let prompt = FactProposalPrompt(inputs: inputs, budget: 1_000)
        #expect(prompt.text.contains("[msg_1] (1970-01-01) I keep bees."))
        #expect(!prompt.text.contains("msg_2"))
        #expect(prompt.text.contains("[msg_3]"))
        #expect(!prompt.text.contains("[text]"))
        #expect(prompt.messagesIncluded == 2)
    }
}
