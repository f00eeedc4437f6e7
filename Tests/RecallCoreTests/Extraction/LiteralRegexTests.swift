import Foundation
import Testing

@testable import RecallCore

/// Every regular expression the extraction tables write as a literal compiles; one that would not
/// is recorded and matches nothing instead of stopping the process.
@Suite struct LiteralRegexTests {
    @Test func everyTablePatternCompiles() {
        // Building the tables compiles every pattern they hold: clauses, slots, restatements, times.
        let languages = ExtractionLanguage.all
        #expect(languages.allSatisfy { !$0.patterns.isEmpty })
        _ = ProseCleaner.clean("I love `code` and [links](https://example.com).")
        _ = DurabilityRules.english
        _ = DurabilityRules.spanish
        #expect(LiteralRegex.failures.filter { !$0.hasPrefix(Self.brokenMarker) }.isEmpty)
    }

    @Test func aBrokenPatternMatchesNothingAndIsRecorded() {
        let pattern = Self.brokenMarker + "(unclosed"
        let regex = LiteralRegex.compile(pattern)
        let text = "(unclosed and anything else"
        let range = NSRange(text.startIndex..., in: text)
        #expect(regex.firstMatch(in: text, range: range) == nil)
        #expect(LiteralRegex.failures.contains(pattern))
    }

    @Test func aGoodPatternMatchesAsWritten() {
        let regex = LiteralRegex.compile("^i (?:love|like) (\\w+)$", options: [.caseInsensitive])
        let text = "I LOVE jazz"
        let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(match.map { (text as NSString).substring(with: $0.range(at: 1)) } == "jazz")
    }

    /// Marks the deliberately broken pattern, so the table check ignores the other test's entry.
    private static let brokenMarker = "literal-regex-test-"
}
