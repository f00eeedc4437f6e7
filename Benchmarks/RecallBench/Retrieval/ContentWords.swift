import Foundation

/// The words that carry a fact's meaning, for matching extracted memories against gold facts.
///
/// Lowercased alphanumeric tokens without stop words, subject words (the speakers' names,
/// "user"), digits and month names (memories carry absolute dates that gold facts phrase as
/// "recently"), with a light suffix stemmer so "attended" meets "attend" and "stories" "story".
struct ContentWords {
    private let subjects: Set<String>

    /// A matcher that ignores these names as subjects.
    init(subjects: [String]) {
        self.subjects = Set(subjects.map { $0.lowercased() } + ["user", "user's", "users"])
    }

    /// The content words of a sentence.
    func of(_ text: String) -> Set<String> {
        var words: Set<String> = []
        for token in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") }) {
            var word = String(token).trimmingCharacters(in: ["'"])
            if word.hasSuffix("'s") { word.removeLast(2) }
            guard word.count > 1, !subjects.contains(word), !Self.stopWords.contains(word), !Self.months.contains(word),
                !word.allSatisfy(\.isNumber)
            else { continue }
            words.insert(Self.stem(word))
        }
        return words
    }

    /// Jaccard similarity of two content-word sets.
    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }

    /// A few English suffixes, longest first, keeping at least a four-letter stem.
    static func stem(_ word: String) -> String {
        if word.hasSuffix("ies"), word.count > 5 { return String(word.dropLast(3)) + "y" }
        for suffix in ["ing", "ed", "es", "s", "ly"] where word.hasSuffix(suffix) && word.count - suffix.count >= 4 {
            if suffix == "s", word.hasSuffix("ss") { continue }
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    private static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    static let stopWords: Set<String> = [
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
        "before",
        "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "during", "each", "for", "from",
        "had",
        "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
        "in",
        "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now",
        "of",
        "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same", "she", "so", "some", "such",
        "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those",
        "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "really", "recently",
        "currently",
        "lately", "week", "weekend", "month", "year", "years", "day", "days", "ago", "last", "next", "yesterday",
        "today",
        "tomorrow", "tonight", "around", "within",
    ]
}
