import Foundation
import Testing
@testable import RecallCore

@Suite struct RuleBasedFactExtractorTests {
    private let extractor = RuleBasedFactExtractor()

    private func facts(_ text: String, role: MessageRole = .user) -> [String] {
        extractor.extract(from: ExtractionInput(text: text, role: role)).map(\.content)
    }

    @Test(arguments: [
        ("I love TypeScript.", "The user loves TypeScript.", MemoryType.preference),
        ("Honestly, I don't eat meat.", "The user doesn't eat meat.", .preference),
        ("My name is Dana Whitfield.", "The user's name is Dana Whitfield.", .fact),
        ("I work at Acme Robotics as a welder.", "The user works at Acme Robotics as a welder.", .fact),
        ("I live in Porto with my sister.", "The user lives in Porto with their sister.", .fact),
        ("My daughter is named Ivy.", "The user's daughter is named Ivy.", .relationship),
        ("I want to run a marathon next year.", "The user wants to run a marathon next year.", .goal),
        ("I just adopted a beagle!", "The user adopted a beagle.", .experience),
    ])
    func firstPersonStatementsBecomeThirdPersonFacts(_ text: String, _ expected: String, _ type: MemoryType) {
        let found = extractor.extract(from: ExtractionInput(text: text, role: .user))
        #expect(found.map(\.content) == [expected])
        #expect(found.first?.type == type)
        #expect((found.first?.confidence ?? 0) > 0 && (found.first?.confidence ?? 2) <= 1)
    }

    @Test(arguments: [
        "Do I love TypeScript?", "If I lived in Paris I would walk more.", "What if I moved to Berlin",
        "```\n// I love globals\nlet x = 1\n```", "> I love quoted text", "She said \"I love cats\" yesterday.",
        "", "🙂🙂🙂", "def f():\n    return 1", "my daughter is named ivy",
    ])
    func questionsHypotheticalsQuotesAndCodeAreNotFacts(_ text: String) {
        #expect(facts(text).isEmpty)
    }

    @Test func onlyTheUsersOwnWordsCount() {
        #expect(facts("I love helping you.", role: .assistant).isEmpty)
    }

    @Test func enormousMessagesAreSkippedWithoutWork() {
        #expect(facts(String(repeating: "I love tea. ", count: 10_000)).isEmpty)
    }
}
