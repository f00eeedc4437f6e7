import Foundation

/// Reading a signature from a memory's words, with the languages' gist stop words and slot rules.
extension FactSignature {
    /// The signature of a memory's content, read with every language's tables.
    public init(_ content: String) {
        self.init(content, languages: ExtractionLanguage.all)
    }

    init(_ content: String, languages: [ExtractionLanguage]) {
        let normalized = Self.normalize(content)
        let stopWords = languages.reduce(into: Set<String>()) { $0.formUnion($1.gistStopWords) }
        let gist = Self.gist(of: normalized, stopWords: stopWords)
        var slot: String?
        var value: String?
        search: for language in languages {
            let unqualified = Self.unqualified(normalized, qualifiers: language.slotQualifiers)
            for rule in language.slots {
                guard
                    let found = rule.regex.firstMatch(
                        in: unqualified, range: NSRange(unqualified.startIndex..., in: unqualified))
                else { continue }
                let groups = (0..<found.numberOfRanges).map { index in
                    Range(found.range(at: index), in: unqualified).map { String(unqualified[$0]) } ?? ""
                }
                slot = Self.fill(rule.slot, groups: groups, stopWords: stopWords)
                value = Self.fill(rule.value, groups: groups, stopWords: stopWords, cut: true)
                break search
            }
        }
        self.init(gist: gist, slot: slot, value: value)
    }

    /// A normalised memory without the qualifiers that end it or follow its subject's first word
    /// ("the user really hates typescript these days" → "the user hates typescript").
    static func unqualified(_ normalized: String, qualifiers: [String]) -> String {
        guard !qualifiers.isEmpty else { return normalized }
        var words = normalized.split(separator: " ").map(String.init)
        var changed = true
        while changed {
            changed = false
            for qualifier in qualifiers {
                let parts = qualifier.split(separator: " ").map(String.init)
                // At the end, but never the whole fact.
                if words.count > parts.count + 2, Array(words.suffix(parts.count)) == parts {
                    words.removeLast(parts.count)
                    changed = true
                }
                // After "the user" (or "el usuario"): the subject's two words.
                if words.count > parts.count + 3, Array(words[2..<2 + parts.count]) == parts {
                    words.removeSubrange(2..<2 + parts.count)
                    changed = true
                }
            }
        }
        return words.joined(separator: " ")
    }

    /// Words that end a slot's value: "Oslo with their sister" and "Oslo" name the same home.
    private static let valueEnds: Set<String> = [
        "with", "for", "since", "near", "and", "as", "at", "because", "con", "desde", "y", "porque",
    ]

    private static func gist(of normalized: String, stopWords: Set<String>) -> String {
        normalized.split(separator: " ").map(String.init).filter { !stopWords.contains($0) }.map(stem).joined(
            separator: " ")
    }

    private static func fill(_ template: String, groups: [String], stopWords: Set<String>, cut: Bool = false) -> String
    {
        var text = template
        for index in stride(from: groups.count - 1, through: 1, by: -1) {
            var words = groups[index].split(separator: " ").map(String.init)
            if cut, let end = words.firstIndex(where: valueEnds.contains), end > 0 { words = Array(words[..<end]) }
            text = text.replacingOccurrences(
                of: "{\(index)}", with: gist(of: words.joined(separator: " "), stopWords: stopWords))
        }
        return text
    }

    /// A light suffix stemmer: "loves" → "love", "stories" → "story", "hiking" → "hik".
    static func stem(_ word: String) -> String {
        if word.count > 5, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        for suffix in ["ing", "es", "s"] where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            if suffix == "s", word.hasSuffix("ss") || word.hasSuffix("us") { continue }
            if suffix == "es", !["shes", "ches", "xes", "sses", "zes"].contains(where: word.hasSuffix) { continue }
            return String(word.dropLast(suffix.count))
        }
        return word
    }
}

extension FactSigning {
    /// Signatures read with every language's tables: what the store deduplicates by.
    public static let languages = FactSigning { FactSignature($0) }
}
