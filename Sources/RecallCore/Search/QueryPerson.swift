import Foundation

/// Rewrites a question asked in the first person ("where do I live?") in the person memories
/// are written in ("where does the user live?").
///
/// Memories are stored as third-person facts ("The user lives in Bergen."), and a sentence
/// model reads "I" and "the user" as different people: the question's cosine to its memory
/// doubles once it speaks of the user too (0.26 → 0.60 with all-MiniLM-L6-v2). Only the
/// meaning of a question asked of memories uses the rewrite; words are matched as typed.
enum QueryPerson {
    /// Whole-word replacements, longest first; matched without regard to case.
    private static let replacements: [(String, String)] = [
        ("do i", "does the user"), ("have i", "has the user"), ("am i", "is the user"),
        ("i am", "the user is"), ("i'm", "the user is"), ("i've", "the user has"),
        ("i'd", "the user would"), ("i'll", "the user will"),
        ("myself", "the user"), ("mine", "the user's"), ("my", "the user's"),
        ("me", "the user"), ("i", "the user"),
    ]

    /// `text` with first-person singular words replaced by "the user"; unchanged when it has none.
    static func aboutTheUser(_ text: String) -> String {
        let words = text.replacingOccurrences(of: "\u{2019}", with: "'")
        var result = ""
        var index = words.startIndex
        var changed = false
        while index < words.endIndex {
            let atWordStart = index == words.startIndex || !isWordCharacter(words[words.index(before: index)])
            if atWordStart, let (length, replacement) = match(words, at: index) {
                result += replacement
                index = words.index(index, offsetBy: length)
                changed = true
            } else {
                result.append(words[index])
                index = words.index(after: index)
            }
        }
        return changed ? result : text
    }

    /// The replacement that matches whole words at `index`, with the characters it covers.
    private static func match(_ text: String, at index: String.Index) -> (Int, String)? {
        for (pattern, replacement) in replacements {
            var cursor = index
            var matched = true
            for expected in pattern {
                guard cursor < text.endIndex, text[cursor].lowercased() == String(expected) else {
                    matched = false
                    break
                }
                cursor = text.index(after: cursor)
            }
            if matched, cursor == text.endIndex || !isWordCharacter(text[cursor]) {
                return (pattern.count, replacement)
            }
        }
        return nil
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "'" || character == "_"
    }
}
