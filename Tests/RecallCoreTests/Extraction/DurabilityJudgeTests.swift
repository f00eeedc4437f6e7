import Foundation
import Testing

@testable import RecallCore

/// Durable facts about the user are kept; the task of the moment, worded as a goal, a preference or an experience, is
/// dropped with the reason.
///
/// The first examples are from a real export.
@Suite struct DurabilityJudgeTests {
    private let extractor = RuleBasedFactExtractor()

    private func candidates(_ text: String) -> [MemoryCandidate] {
        extractor.candidates(
            from: ExtractionInput(text: text, role: .user, date: Date(timeIntervalSince1970: 1_714_550_400)))
    }

    @Test(arguments: [
        (
            "I'm an experienced and driven software engineer, with a background in mathematics, healthcare, high-tech, and data processing.",
            "The user is an experienced and driven software engineer, with a background in mathematics, healthcare, high-tech, and data processing.",
            "durable: profession"
        ),
        (
            "I am an experienced software and data professional, specialized in Python and AI.",
            "The user is an experienced software and data professional, specialized in Python and AI.",
            "durable: profession"
        ),
        ("I am a ChatGPT Plus user.", "The user is a ChatGPT Plus user.", "durable: tool or platform"),
        (
            "I only take contracts with a clear rate.", "The user only takes contracts with a clear rate.",
            "durable: condition the user sets"
        ),
        (
            "I'm developing a Django app for managing rental properties.",
            "The user is developing a Django app for managing rental properties.", "durable: project"
        ),
        (
            "I work as a contractor in software programming and data engineering.",
            "The user works as a contractor in software programming and data engineering.", "durable: profession"
        ),
        (
            "I use Neovim with LazyVim as my main editor.", "The user uses Neovim with LazyVim as their main editor.",
            "durable: tool or platform"
        ),
        ("I have type 1 diabetes and I use a Dexcom G7.", "The user has type 1 diabetes.", "durable: health"),
        (
            "I want to run the Berlin marathon next year.", "The user wants to run the Berlin marathon in 2025.",
            "durable: goal"
        ),
        (
            "My main machine is a MacBook Pro M2.", "The user's main machine is a MacBook Pro M2.",
            "durable: tool or platform"
        ),
        ("I'm a big fan of type hints.", "The user is a big fan of type hints.", "durable: preference"),
    ])
    func durableStatementsAreKeptWithWhatTheyAreAbout(_ text: String, _ content: String, _ reason: String) throws {
        let first = try #require(candidates(text).first)
        #expect(first.content == content)
        #expect(first.verdict == .keep)
        #expect(first.reason == reason)
    }

    @Test(arguments: [
        (
            "I want to create an API call in Python that calls ChatGPT model3.5 to find the bug in the following piece of code.",
            "refers to something it does not name"
        ),
        ("I want to implement this in the base class MagicLinkBase.", "refers to something it does not name"),
        ("I am passing the function itself to be called each time a new object is created.", "the task of the moment"),
        ("I'm working on a migration script that moves users from MySQL to Postgres.", "describes code"),
        ("I want to write a function that merges two sorted arrays.", "the task of the moment"),
        ("I'm using React Native 0.72.", "the task of the moment"),
        ("I have a pandas DataFrame with a datetime index.", "describes code"),
        ("I'm getting a TypeError when I run it.", ""),
        ("I'm trying to connect to Postgres but it crashes with a timeout.", "reports an error"),
        ("I want to send a follow-up email after the interview.", "the task of the moment"),
        ("I'm writing a cover letter for a marketing role.", "a piece of work for this chat"),
        ("I want to bake cookies this afternoon.", "a passing plan or state"),
        ("I'm making pancakes for breakfast.", "a passing plan or state"),
        ("I like the second title better.", "about this conversation"),
        ("I had a great time.", "says nothing particular"),
        ("I'd love it if you could help me help me with this, can you?", ""),
    ])
    func theTaskOfTheMomentIsDroppedWithTheReason(_ text: String, _ reason: String) {
        let found = candidates(text)
        #expect(found.allSatisfy { $0.verdict == .drop }, "\(found.map(\.content))")
        if !reason.isEmpty { #expect(found.first?.reason == reason, "\(found.map(\.content))") }
        #expect(extractor.extract(from: ExtractionInput(text: text, role: .user)).isEmpty)
    }

    @Test(arguments: [
        ("Don't give me medical disclaimers, I know to see a doctor.", "instruction to the assistant"),
        ("Never make me feel bad for asking.", "instruction to the assistant"),
        ("I tried to apologize to them.", "refers to someone it does not name"),
        ("I love having them around.", "refers to someone it does not name"),
        ("I love this series.", "refers to something it does not name"),
        ("I don't like this version, it's too long.", "about this conversation"),
        ("The colors make me feel calm.", "a passing reaction"),
        ("Seeing them play brings me joy.", "a passing reaction"),
        ("I love the color and texture.", "a reaction to what the chat shows"),
        ("I love all the yellow leaves.", "a reaction to what the chat shows"),
        ("I went to an event.", "says nothing particular"),
    ])
    func whatNamesNothingOfTheUsersLifeIsDropped(_ text: String, _ reason: String) {
        let found = candidates(text)
        #expect(found.allSatisfy { $0.verdict == .drop }, "\(found.map(\.content))")
        #expect(found.first?.reason == reason, "\(found.map { "\($0.content) \($0.reason ?? "")" })")
    }

    @Test(arguments: [
        ("I don't eat meat.", "The user doesn't eat meat."),
        (
            "I'm considering working with trans people, helping them accept themselves.",
            "The user is considering working with trans people, helping them accept themselves."
        ),
        ("I made this apple pie for my kids.", "The user made an apple pie for their kids."),
        ("Dancing brings me joy.", "Dancing brings the user joy."),
        ("I love the ocean.", "The user loves the ocean."),
        ("I love the Beatles.", "The user loves the Beatles."),
        ("I went to a pottery fair in Leeds.", "The user went to a pottery fair in Leeds."),
        ("I went to a tour of Rome, which was amazing.", "The user went to a tour of Rome."),
    ])
    func durableStatementsBesideThoseClassesAreKept(_ text: String, _ content: String) throws {
        let first = try #require(candidates(text).first)
        #expect(first.content == content)
        #expect(first.verdict == .keep, "\(first.reason ?? "")")
    }

    @Test func aRequestBesideAFactDropsOnlyTheRequest() {
        let found = candidates("I'm a nurse working night shifts, so please make the plan fit that. I'm vegetarian.")
        #expect(
            found.filter { $0.verdict == .keep }.map(\.content) == [
                "The user is a nurse working night shifts.", "The user is vegetarian.",
            ])
    }

    @Test func aStatementBeforeAQuestionInOneSentenceCounts() {
        let facts = { (text: String) in extractor.extract(from: ExtractionInput(text: text, role: .user)).map(\.content)
        }
        #expect(
            facts("I'm a nurse working night shifts, how can I sleep better during the day?") == [
                "The user is a nurse working night shifts."
            ])
        #expect(facts("I live in Leeds so what should I see in York?") == ["The user lives in Leeds."])
        #expect(facts("Do I love TypeScript, or do I just know it?").isEmpty)
        #expect(facts("I love it, can you make another?").isEmpty)
    }

    @Test func aPointerBeforeANounBecomesIndefiniteAndAlonePointsAtTheChat() {
        #expect(
            extractor.extract(from: ExtractionInput(text: "I made this apple pie for my kids.", role: .user)).map(
                \.content) == [
                    "The user made an apple pie for their kids."
                ])
        #expect(extractor.extract(from: ExtractionInput(text: "I love this.", role: .user)).isEmpty)
        #expect(
            extractor.extract(from: ExtractionInput(text: "I hate Chinese food these days.", role: .user)).map(
                \.content) == [
                    "The user hates Chinese food these days."
                ])
    }

    @Test func noKeptMemoryBeginsWithPleaseOrPointsAtTheFollowing() {
        let texts = [
            "Please give me the implementation steps of how to create a containerized microservices architecture.",
            "Please answer in bullet points, I prefer it that way.", "I want the following function to be faster.",
            "Help me write a poem for my wife, she loves roses.",
        ]
        for text in texts {
            for candidate in extractor.extract(from: ExtractionInput(text: text, role: .user)) {
                #expect(!candidate.content.hasPrefix("Please"), "\(candidate.content)")
                #expect(!candidate.content.contains("the following"), "\(candidate.content)")
            }
        }
    }
}
