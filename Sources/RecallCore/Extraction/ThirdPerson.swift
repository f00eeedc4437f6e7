/// Turns first-person words in a captured phrase into third-person ones ("my sister" → "their sister").
enum ThirdPerson {
    private static let words: [String: String] = [
        "i": "they", "me": "them", "my": "their", "mine": "theirs", "myself": "themselves",
        "i'm": "they're", "i've": "they've", "i'd": "they'd", "i'll": "they'll", "we": "they", "our": "their", "us": "them",
    ]

    /// The phrase with first-person pronouns replaced, keeping everything else as typed.
    static func convert(_ phrase: String) -> String {
        phrase.split(separator: " ", omittingEmptySubsequences: false).map { word in
            words[word.lowercased()] ?? String(word)
        }.joined(separator: " ")
    }
}
