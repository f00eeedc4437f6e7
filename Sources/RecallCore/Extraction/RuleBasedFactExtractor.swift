import Foundation

/// Extracts facts with a table of first-person patterns: deterministic, offline, fast.
///
/// Only the user's own statements count. Questions, hypotheticals, quoted text and code are
/// removed first, so "if I lived in Paris…" or a code comment never becomes a fact.
public struct RuleBasedFactExtractor: FactExtractor {
    private let patterns: [ExtractionPattern]

    /// Creates an extractor with the English rules.
    public init() {
        self.patterns = EnglishPatterns.all
    }

    /// Longest message text read; longer messages are pasted documents, not statements.
    static let maximumText = 20_000

    /// The candidates one message yields.
    public func extract(from input: ExtractionInput) -> [MemoryCandidate] {
        guard input.role == .user, !input.text.isEmpty, input.text.count <= Self.maximumText else { return [] }
        var seen: Set<String> = []
        var result: [MemoryCandidate] = []
        for clause in Self.clauses(in: Self.prose(of: input.text)) {
            guard let candidate = match(clause, input: input), seen.insert(candidate.content.lowercased()).inserted else { continue }
            result.append(candidate)
        }
        return result
    }

    private func match(_ clause: String, input: ExtractionInput) -> MemoryCandidate? {
        let range = NSRange(clause.startIndex..., in: clause)
        for pattern in patterns {
            guard let found = pattern.regex.firstMatch(in: clause, range: range) else { continue }
            var groups: [String] = []
            for index in 0..<found.numberOfRanges {
                let groupRange = found.range(at: index)
                groups.append(groupRange.location == NSNotFound ? "" : (Range(groupRange, in: clause).map { String(clause[$0]) } ?? ""))
            }
            if pattern.capitalized.contains(where: { groups[$0].first?.isUppercase != true }) { continue }
            guard let content = Self.render(pattern, groups: groups) else { continue }
            let dated = pattern.type == .experience || pattern.type == .goal
            return MemoryCandidate(content: content, type: pattern.type, confidence: pattern.confidence, memoriesAt: dated ? input.date : input.date, source: input.source)
        }
        return nil
    }

    private static func render(_ pattern: ExtractionPattern, groups: [String]) -> String? {
        var text = pattern.template
        for index in stride(from: groups.count - 1, through: 1, by: -1) {
            let value = tidy(groups[index])
            if text.contains("{v\(index)}") {
                text = text.replacingOccurrences(of: "{v\(index)}", with: pattern.verbs[value.lowercased()] ?? value)
            }
            text = text.replacingOccurrences(of: "{\(index)}", with: ThirdPerson.convert(value))
        }
        // A fact needs substance: a few words, no code, no leftover first person.
        let body = text.dropFirst("The user".count)
        guard body.count >= 4, body.count <= 200, !text.contains(where: { "{}<>=;`|\\".contains($0) }) else { return nil }
        return text.hasSuffix(".") ? text : text + "."
    }

    /// Trims a captured phrase at the first clause boundary and drops trailing punctuation.
    private static func tidy(_ phrase: String) -> String {
        var text = phrase
        for boundary in [" but ", " because ", " although ", " though ", " so that ", " which ", ";", " - ", " — ", "("] {
            if let range = text.range(of: boundary, options: .caseInsensitive) { text = String(text[..<range.lowerBound]) }
        }
        return text.trimmingCharacters(in: CharacterSet(charactersIn: " .,!:;\"'").union(.whitespacesAndNewlines))
    }

    /// The text with code, quotes and links removed.
    static func prose(of text: String) -> String {
        var result = text.replacingOccurrences(of: "```[\\s\\S]*?(```|$)", with: "\n", options: .regularExpression)
        result = result.replacingOccurrences(of: "`[^`\n]*`", with: " ", options: .regularExpression)
        result = result.replacingOccurrences(of: "(?m)^\\s*>.*$", with: "\n", options: .regularExpression)
        result = result.replacingOccurrences(of: "\"[^\"\n]{0,300}\"|“[^”\n]{0,300}”", with: " ", options: .regularExpression)
        result = result.replacingOccurrences(of: "https?://\\S+", with: " ", options: .regularExpression)
        return result
    }

    /// Statement clauses: sentences that are not questions or hypotheticals, with leading filler removed.
    static func clauses(in text: String) -> [String] {
        var clauses: [String] = []
        var sentence = ""
        func flush(_ terminator: Character?) {
            defer { sentence = "" }
            guard terminator != "?" else { return }
            let trimmed = sentence.trimmingCharacters(in: .whitespacesAndNewlines)
            let lower = trimmed.lowercased()
            if trimmed.isEmpty || hypothetical.contains(where: { lower.hasPrefix($0) || lower.contains(" " + $0) }) { return }
            for part in trimmed.components(separatedBy: ", ") {
                let clause = stripFiller(part)
                if clause.count >= 6 { clauses.append(clause) }
            }
        }
        for character in text {
            if character == "." || character == "!" || character == "?" || character == "\n" || character == "。" || character == "！" || character == "？" {
                flush(character == "？" ? "?" : character)
            } else {
                sentence.append(character)
            }
        }
        flush(nil)
        return clauses
    }

    private static let hypothetical = ["if ", "what if", "suppose", "imagine", "would i ", "should i ", "could i ", "do i ", "am i ", "can i ", "let's say", "pretend", "unless "]
    private static let filler = try! NSRegularExpression(pattern: "^(?:(?:well|so|actually|honestly|also|btw|by the way|oh|and|but|yeah|yes|no|hi|hey|hello|fyi|ok|okay|anyway|personally|basically)[,!]?\\s+)+", options: [.caseInsensitive])

    private static func stripFiller(_ clause: String) -> String {
        let trimmed = clause.trimmingCharacters(in: .whitespacesAndNewlines)
        return filler.stringByReplacingMatches(in: trimmed, range: NSRange(trimmed.startIndex..., in: trimmed), withTemplate: "")
    }
}
