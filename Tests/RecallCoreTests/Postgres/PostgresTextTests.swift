import Foundation
import Testing

@testable import RecallCore

/// The index text's shortcuts for ASCII give what Foundation gives for every text.
struct PostgresTextTests {
    static let samples = [
        "", "Hello, World!", "e-mail a@b.com v2.0 [x]_y {z} `code` ~tilde^ @at", "ÉCOLE Straße naïve café",
        "東京タワー is tall", "emoji 👍🏽 ok", "Tabs\tand\nnew lines 12 34", "ǅungla İstanbul ΣΊΣΥΦΟΣ",
    ]

    @Test(arguments: samples) func foldingMatchesFoundation(_ text: String) {
        let expected = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        #expect(PostgresText.folded(text) == expected)
    }

    @Test(arguments: samples) func wordCountMatchesTheAlphanumericRuns(_ text: String) {
        var expected = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWord = CharacterSet.alphanumerics.contains(scalar)
            if isWord, !inWord { expected += 1 }
            inWord = isWord
        }
        #expect(PostgresText.wordCount(text) == expected)
    }
}
