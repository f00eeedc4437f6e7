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
        ("I hate Chinese food.", "The user hates Chinese food.", .preference),
        ("I'm not a fan of horror movies.", "The user is not a fan of horror movies.", .preference),
        ("I'm vegetarian.", "The user is vegetarian.", .preference),
        ("My favorite band is Radiohead.", "The user's favorite band is Radiohead.", .preference),
        ("My name is Dana Whitfield.", "The user's name is Dana Whitfield.", .fact),
        ("I'm 34 years old.", "The user is 34 years old.", .fact),
        ("I'm 29, I live in Austin.", "The user is 29 years old.", .fact),
        ("I work at Acme Robotics as a welder.", "The user works at Acme Robotics as a welder.", .fact),
        ("I live in Porto with my sister.", "The user lives in Porto with their sister.", .fact),
        ("I'm a nurse at the children's hospital.", "The user is a nurse at the children's hospital.", .fact),
        ("I play the cello in a quartet.", "The user plays the cello in a quartet.", .fact),
        ("My daughter is named Ivy.", "The user's daughter is named Ivy.", .relationship),
        ("My sister Anna is a pilot.", "The user's sister Anna is a pilot.", .relationship),
        ("I have two cats.", "The user has two cats.", .relationship),
        ("I want to run a marathon next year.", "The user wants to run a marathon next year.", .goal),
        ("My goal is to learn Japanese.", "The user's goal is to learn Japanese.", .goal),
        ("I'm planning to move to Lisbon.", "The user is planning to move to Lisbon.", .goal),
        ("I just adopted a beagle!", "The user adopted a beagle.", .experience),
        ("I've been learning the piano.", "The user has been learning the piano.", .experience),
        (
            "I'm reading a fantasy book by Patrick Rothfuss.",
            "The user is reading a fantasy book by Patrick Rothfuss.", .experience
        ),
        ("Lost my job as a banker.", "The user lost their job as a banker.", .experience),
        ("Dancing brings me joy.", "Dancing brings the user joy.", .preference),
    ])
    func statementsBecomeThirdPersonFacts(_ text: String, _ expected: String, _ type: MemoryType) {
        let found = extractor.extract(from: ExtractionInput(text: text, role: .user))
        #expect(found.map(\.content).first == expected)
        #expect(found.first?.type == type)
        #expect((found.first?.confidence ?? 0) > 0 && (found.first?.confidence ?? 2) <= 1)
    }

    @Test func severalStatementsInOneMessage() {
        #expect(
            facts("Hi! I love hiking and I live in Lisbon. Can you suggest trails?") == [
                "The user loves hiking.", "The user lives in Lisbon.",
            ])
    }

    @Test(arguments: [
        "Do I love TypeScript?", "If I lived in Paris I would walk more.", "What if I moved to Berlin",
        "I wish I lived by the sea.", "Imagine I'm a pirate captain.", "Let's say I work at Google.",
        "```\n// I love globals\nlet x = 1\n```", "> I love quoted text",
        "She said \"I love cats and I live in Rome\" yesterday.",
        "", "🙂🙂🙂", "def f():\n    return 1", "my daughter is named ivy", "I love it.", "I love how you explain things.",
        "I want to know more about that.", "I went there.", "<div>I love <b>HTML</b></div>;", "我喜欢猫。我住在北京。",
        "Я люблю кошек.", "أنا أحب القطط", "I want you to write a poem.", "print(\"I love Python\")",
        "    I love indented code", "`I love inline code`", "I'm a bit tired.",
    ])
    func questionsHypotheticalsQuotesCodeAndVagueStatementsAreNotFacts(_ text: String) {
        #expect(facts(text).isEmpty, "\(facts(text))")
    }

    @Test func capturedPhrasesTurnToTheThirdPersonToo() {
        #expect(
            facts("I've been into dancing since I was a kid.") == [
                "The user has been into dancing since they were a kid."
            ])
        #expect(facts("I'm working at a bakery near my flat.") == ["The user works at a bakery near their flat."])
    }

    @Test func negationIsKeptNotInverted() {
        #expect(facts("I don't like cilantro.") == ["The user doesn't like cilantro."])
        #expect(facts("I can't have dairy.") == ["The user can't have dairy."])
        #expect(facts("I never drink coffee.") == ["The user doesn't drink coffee."])
    }

    @Test func markupAroundProseIsIgnoredNotTheProse() {
        #expect(
            facts("## About me\n- I **love** [Rust](https://rust-lang.org)\n- I live in *Oslo*") == [
                "The user loves Rust.", "The user lives in Oslo.",
            ])
        #expect(
            facts("Here is my code:\n```swift\nlet likes = [\"I love globals\"]\n```\nI work at Spotify.") == [
                "The user works at Spotify."
            ])
        #expect(
            facts("I loved \"Becoming Nicole\" by Amy Ellis Nutt.") == [
                "The user loved Becoming Nicole by Amy Ellis Nutt."
            ])
    }

    @Test func assistantMessagesCountOnlyWhereTheyRestateTheUser() {
        #expect(
            facts("As you mentioned, you're vegetarian, so try the lentil soup.", role: .assistant) == [
                "The user is vegetarian."
            ])
        #expect(
            facts("You told me that your wife is named Maria.", role: .assistant) == ["The user's wife is named Maria."]
        )
        #expect(facts("Since you live in Oslo, the ferry is easiest.", role: .assistant) == ["The user lives in Oslo."])
        #expect(facts("I love helping with that. Python is a great language.", role: .assistant).isEmpty)
        #expect(facts("You're vegetarian? Then try the soup.", role: .assistant).isEmpty)
        #expect(facts("I love TypeScript.", role: .system).isEmpty)
    }

    @Test func confidenceFollowsHowExplicitTheStatementIs() throws {
        func confidence(_ text: String, role: MessageRole = .user) throws -> Double {
            try #require(extractor.extract(from: ExtractionInput(text: text, role: role)).first).confidence
        }
        #expect(try confidence("My name is Dana.") > confidence("I'm a teacher."))
        #expect(try confidence("I live in Oslo.") > confidence("I think I live in Oslo now."))
        #expect(try confidence("I love jazz.") > confidence("Maybe I love jazz."))
        #expect(
            try confidence("I'm vegetarian.") > confidence("As you mentioned, you're vegetarian.", role: .assistant))
    }

    @Test func provenanceIsCarriedOntoEveryCandidate() {
        let source = MemorySource(chatID: "chat_3", messageID: "msg_9")
        let found = extractor.extract(
            from: ExtractionInput(text: "I love tea. I live in Kyoto.", role: .user, source: source))
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.source == source })
    }

    @Test func statementsWithoutASubjectCountOnlyAtTheStartOfASentence() {
        #expect(facts("Started a pottery class.") == ["The user started a pottery class."])
        #expect(
            facts("My brother quit smoking and started a pottery class.") == [
                "The user's brother quit smoking and started a pottery class."
            ])
    }

    @Test func aSecondLanguageIsOneMoreTable() {
        #expect(
            facts("Hola. Vivo en Madrid y me encanta el flamenco.") == [
                "El usuario vive en Madrid.", "Al usuario le encanta el flamenco.",
            ])
        #expect(ExtractionLanguage.detect("Me llamo Lucía y vivo en Sevilla").code == "es")
        #expect(ExtractionLanguage.detect("My name is Lucy and I live in Leeds").code == "en")
        #expect(facts("Si viviera en París, me encantaría el pan.").isEmpty)
    }

    @Test func enormousMessagesAreSkippedWithoutWork() {
        #expect(facts(String(repeating: "I love tea. ", count: 10_000)).isEmpty)
    }

    @Test func randomTextNeverCrashesAndCodeNeverBecomesAFact() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array(
            "abcdefghijklmnopqrstuvwxyz ABCXYZ.,!?;:'\"`{}()[]<>#*_-=/\\\n\t0123456789éüñ中文😀🙂‍↔️\u{0}\u{FFFD}\u{E000}")
        for _ in 0..<300 {
            let length = Int.random(in: 0..<400, using: &generator)
            let text = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
            let found = extractor.extract(
                from: ExtractionInput(text: "I love " + text, role: .user, date: Date(timeIntervalSince1970: 0)))
            for candidate in found {
                #expect(!candidate.content.contains(where: { "{}<>=;`|\\".contains($0) }), "\(candidate.content)")
            }
        }
        let code =
            "I love this:\nfunc f() -> Int { return 1 }\nclass A { var x = 2; }\nSELECT * FROM users WHERE name = 'I love SQL';"
        #expect(extractor.extract(from: ExtractionInput(text: code, role: .user)).isEmpty)
    }
}
