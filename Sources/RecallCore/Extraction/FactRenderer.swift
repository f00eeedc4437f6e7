import Foundation

/// Fills a pattern's template with the captured phrases, in the third person, and refuses
/// results that say nothing ("The user loves it.") or are not prose.
struct FactRenderer: Sendable {
    /// The language's tables.
    let language: ExtractionLanguage

    /// Longest memory written; a longer capture is a run-on clause, not one fact.
    static let maximumLength = 240

    /// The memory sentence, or nil when the captures make no sensible fact.
    func render(_ pattern: ExtractionPattern, groups: [String]) -> String? {
        var text = pattern.template
        var lastUsed: String?
        for index in stride(from: groups.count - 1, through: 1, by: -1) {
            let verbSlot = "{v\(index)}"
            let slot = "{\(index)}"
            guard text.contains(verbSlot) || text.contains(slot) else { continue }
            // Filler and dangling words are trimmed from the phrase the fact is about (the last one),
            // not from verbs such as "went to".
            let value = lastUsed == nil ? tidy(groups[index]) : tidy(groups[index], keepingWords: true)
            if !value.isEmpty, !acceptable(value) { return nil }
            if pattern.subjectGroups.contains(index), startsVaguely(value) || speaksOfSpeaker(value) { return nil }
            if lastUsed == nil, !value.isEmpty { lastUsed = value }
            text = text.replacingOccurrences(of: verbSlot, with: language.thirdPerson.verb(value))
            text = text.replacingOccurrences(of: slot, with: language.thirdPerson.phrase(value))
        }
        // The phrase a fact is about (the last one captured) must say something on its own.
        guard let object = lastUsed, !startsVaguely(object) else { return nil }
        text = text.split(separator: " ").joined(separator: " ").replacingOccurrences(of: " .", with: ".")
        guard text.count <= Self.maximumLength, !text.contains(where: { "{}<>=;`|\\$#@".contains($0) }) else {
            return nil
        }
        if let first = text.first, first.isLowercase { text = first.uppercased() + text.dropFirst() }
        return text.hasSuffix(".") ? text : text + "."
    }

    /// A captured phrase without surrounding punctuation, symbols and (unless `keepingWords`)
    /// trailing filler words.
    func tidy(_ phrase: String, keepingWords: Bool = false) -> String {
        let kept = phrase.unicodeScalars.filter { scalar in
            !(scalar.properties.isEmojiPresentation || (scalar.properties.isEmoji && scalar.value > 0xFF)
                || scalar.value == 0xFE0F || scalar.value == 0x200D)
        }
        var text = String(String.UnicodeScalarView(kept))
        var previous = ""
        while previous != text {
            previous = text
            text = String(text.trimmed(while: { $0.isWhitespace || " .,!:;\"'…~*".contains($0) }))
            let lower = text.lowercased()
            if !keepingWords, let filler = language.trailingFillers.first(where: { lower.hasSuffix($0) }) {
                text = String(text.dropLast(filler.count))
            }
        }
        return text
    }

    /// No words addressed to the listener, and at least one letter.
    private func acceptable(_ value: String) -> Bool {
        guard value.contains(where: { $0.isLetter || $0.isNumber }),
            !value.contains(where: { "{}<>=;`|\\".contains($0) })
        else { return false }
        let words = value.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "!" || $0 == "." })
        return !words.contains { language.secondPerson.contains(String($0)) }
    }

    private func speaksOfSpeaker(_ value: String) -> Bool {
        value.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).contains {
            language.firstPerson.contains(String($0))
        }
    }

    private func startsVaguely(_ value: String) -> Bool {
        let lower = value.lowercased()
        let firstWord = String(lower.prefix { $0.isLetter || $0 == "'" || $0 == "-" })
        // "to Toronto" says where; "to", "to it" and "to do that" say nothing.
        if firstWord == "to" {
            let words = lower.split(separator: " ").map(String.init)
            return words.count == 1 || language.vagueStarts.contains(words[1])
                || language.demonstratives.contains(words[1])
                || (words.count == 2 && words[1] == "do")
        }
        if language.vagueStarts.contains(firstWord) || language.vagueStarts.contains(lower) { return true }
        if language.demonstratives.contains(firstWord) {
            // "that lake sunrise" names a thing; "that", "that is" and "that one" do not.
            let words = lower.split(separator: " ")
            guard words.count > 1 else { return true }
            return language.vagueStarts.contains(String(words[1]))
        }
        return language.vagueStarts.contains { $0.contains(" ") && lower.hasPrefix($0 + " ") }
    }
}
