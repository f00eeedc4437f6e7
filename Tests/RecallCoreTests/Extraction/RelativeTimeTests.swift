import Foundation
import Testing

@testable import RecallCore

/// Relative time in a statement resolves against the message's own date, in UTC.
@Suite struct RelativeTimeTests {
    private let extractor = RuleBasedFactExtractor()

    /// Wednesday, 10 May 2023, 15:00 UTC.
    private static let wednesday = date("2023-05-10T15:00:00Z")

    private static func date(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? Date(timeIntervalSince1970: 0)
    }

    private func first(_ text: String, at date: Date = wednesday) throws -> MemoryCandidate {
        try #require(extractor.extract(from: ExtractionInput(text: text, role: .user, date: date)).first)
    }

    @Test(arguments: [
        (
            "I went to a support group yesterday.", "The user went to a support group on 9 May 2023.",
            "2023-05-09T00:00:00Z"
        ),
        (
            "Last Friday I went to a council meeting.", "The user went to a council meeting on 5 May 2023.",
            "2023-05-05T00:00:00Z"
        ),
        (
            "I ran a half marathon last week.", "The user ran a half marathon in the week of 1 May 2023.",
            "2023-05-01T00:00:00Z"
        ),
        (
            "I adopted a puppy last weekend.", "The user adopted a puppy on the weekend of 6 May 2023.",
            "2023-05-06T00:00:00Z"
        ),
        ("I started surfing two years ago.", "The user started surfing in 2021.", "2021-01-01T00:00:00Z"),
        ("I graduated from MIT in 2019.", "The user graduated from MIT in 2019.", "2019-01-01T00:00:00Z"),
        ("I moved to Oslo last month.", "The user moved to Oslo in April 2023.", "2023-04-01T00:00:00Z"),
        ("I want to visit Japan next month.", "The user wants to visit Japan in June 2023.", "2023-06-01T00:00:00Z"),
        (
            "I'm going to Lisbon next week.", "The user is going to Lisbon in the week of 15 May 2023.",
            "2023-05-15T00:00:00Z"
        ),
        ("I went to Paris in March.", "The user went to Paris in March 2023.", "2023-03-01T00:00:00Z"),
        ("I plan to hike in June.", "The user plans to hike in June 2023.", "2023-06-01T00:00:00Z"),
        ("I visited Rome 3 days ago.", "The user visited Rome on 7 May 2023.", "2023-05-07T00:00:00Z"),
        (
            "My daughter started kindergarten last week.",
            "The user's daughter started kindergarten in the week of 1 May 2023.", "2023-05-01T00:00:00Z"
        ),
    ])
    func relativeTimeResolves(_ text: String, _ content: String, _ when: String) throws {
        let candidate = try first(text)
        #expect(candidate.content == content)
        #expect(candidate.memoriesAt == Self.date(when))
    }

    @Test func factsAndPreferencesKeepTheMessageDate() throws {
        let candidate = try first("Today I realised I love jazz.")
        #expect(candidate.content == "The user loves jazz.")
        #expect(candidate.memoriesAt == Self.wednesday)
    }

    @Test func withoutADateThePhraseStays() throws {
        // What the rules write, before the durability head judges it: an event said without its
        // date is one the head keeps or drops by meaning (it drops this one), not by its phrase.
        let rules = RuleBasedFactExtractor(head: nil)
        let candidate = try #require(
            rules.extract(from: ExtractionInput(text: "I went to a support group yesterday.", role: .user)).first)
        #expect(candidate.content == "The user went to a support group yesterday.")
        #expect(candidate.memoriesAt == nil)
    }

    @Test func weekdaysAndWeekendsCountFromTheMessageDay() throws {
        // "last Friday" said on a Friday is a week earlier; "last weekend" said on Sunday is the one before.
        #expect(
            try first("Last Friday I went to a concert.", at: Self.date("2023-05-12T10:00:00Z")).content.hasSuffix(
                "on 5 May 2023."))
        #expect(
            try first("I went camping last weekend.", at: Self.date("2023-05-14T10:00:00Z")).content.hasSuffix(
                "the weekend of 6 May 2023."))
        #expect(
            try first("I went camping last weekend.", at: Self.date("2023-05-15T10:00:00Z")).content.hasSuffix(
                "the weekend of 13 May 2023."))
    }

    @Test func spanishPhrasesUseSpanishDates() throws {
        let candidate = try first("Quiero visitar Japón el mes que viene.")
        #expect(candidate.content == "El usuario quiere visitar Japón en junio de 2023.")
    }
}
