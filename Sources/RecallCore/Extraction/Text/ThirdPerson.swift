import Foundation

/// How first-person words and verbs become third-person ones in one language
/// ("my sister" → "their sister", "love" → "loves").
struct ThirdPerson: Sendable {
    /// Pronouns and possessives, lowercased ("my" → "their").
    let pronouns: [String: String]
    /// Verb forms that a rule cannot produce ("am" → "is", "don't" → "doesn't").
    let verbs: [String: String]
    /// Verbs that change with a replaced subject pronoun ("I was" → "they were").
    let agreement: [String: String]
    /// Whether other verbs take the English ending (-s, -es, -ies).
    let addsEnglishEnding: Bool

    /// A phrase with first-person pronouns replaced, everything else as typed.
    func phrase(_ text: String) -> String {
        var afterPronoun = false
        return text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            // Punctuation stays attached to the word it follows ("me," → "them,").
            let core = String(word.trimmed(while: \.isPunctuationExceptApostrophe))
            let lowered = core.lowercased()
            defer { afterPronoun = pronouns[lowered] != nil }
            guard let replacement = pronouns[lowered] ?? (afterPronoun ? agreement[lowered] : nil) else {
                return String(word)
            }
            return word.replacingOccurrences(of: core, with: replacement)
        }.joined(separator: " ")
    }

    /// A verb phrase whose first word is put in the third person singular ("don't like" → "doesn't like").
    func verb(_ phrase: String) -> String {
        let lowered = phrase.lowercased()
        if let whole = verbs[lowered] { return whole }
        var words = lowered.split(separator: " ").map(String.init)
        guard let first = words.first else { return phrase }
        if let irregular = verbs[first] {
            words[0] = irregular
        } else if addsEnglishEnding {
            words[0] = Self.englishEnding(first)
        }
        return words.joined(separator: " ")
    }

    /// "watch" → "watches", "study" → "studies", "love" → "loves".
    private static func englishEnding(_ verb: String) -> String {
        if ["s", "sh", "ch", "x", "z", "o"].contains(where: verb.hasSuffix) { return verb + "es" }
        if verb.hasSuffix("y"), let before = verb.dropLast().last, !"aeiou".contains(before) {
            return verb.dropLast() + "ies"
        }
        return verb + "s"
    }
}
