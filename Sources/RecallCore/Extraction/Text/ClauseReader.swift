import Foundation

/// Splits prose into the clauses that may be statements: sentences that are not questions or
/// hypotheticals, cut where another clause starts, with fillers, hedges and time phrases set apart.
struct ClauseReader: Sendable {
    /// The language's tables.
    let language: ExtractionLanguage
    /// Whether time phrases are set apart (only when the message has a date to resolve them against).
    let readsTime: Bool

    /// Longest clause read; longer runs are pasted material, not statements.
    static let maximumClause = 400

    /// The clauses of a text, in order.
    func clauses(in prose: String) -> [Clause] {
        sentencesInContext(prose).enumerated().flatMap { index, sentence in
            clauses(ofSentence: sentence.text).map { clause in
                var clause = clause
                clause.sentence = index
                clause.context = sentence.whole
                return clause
            }
        }
    }

    /// Sentences that end in anything but a question mark, and the statement that opens a
    /// question ("I'm a nurse, how can I sleep better?" gives "I'm a nurse").
    func sentences(in text: String) -> [String] {
        sentencesInContext(text).map(\.text)
    }

    /// The sentences, each with the whole sentence it was read from (a question's statement
    /// comes with its question).
    private func sentencesInContext(_ text: String) -> [(text: String, whole: String)] {
        var sentences: [(text: String, whole: String)] = []
        var current = ""
        var previous: Character = " "
        var iterator = text.makeIterator()
        var pending = iterator.next()
        while let character = pending {
            let next = iterator.next()
            // A full stop inside "3.5" or "node.js" is not the end of a sentence.
            let inWord =
                character == "." && (previous.isLetter || previous.isNumber)
                && (next.map { $0.isLetter || $0.isNumber } ?? false)
            if Self.terminators.contains(character) && !inWord {
                if character != "?" && character != "？" {
                    sentences.append((current, current))
                } else if let statement = statement(before: current) {
                    sentences.append((statement, current))
                }
                current = ""
            } else {
                current.append(character)
            }
            previous = character
            pending = next
        }
        sentences.append((current, current))
        return sentences.map { (String($0.text.trimmed()), $0.whole) }.filter { $0.text.count >= 4 }
    }

    /// The statement about the speaker before a question in one sentence, if there is one: it
    /// opens the sentence with a first-person word and a comma or "so" sets the question apart.
    private func statement(before question: String) -> String? {
        let lower = question.lowercased()
        guard let first = lower.split(separator: " ").first,
            language.firstPerson.contains(String(first)) || language.openers.contains(String(first)),
            !language.questionWords.contains(String(first))
        else { return nil }
        for separator in [", ", "; ", " - ", " – ", " so "] {
            var search = lower.startIndex
            while let found = lower.range(of: separator, range: search..<lower.endIndex) {
                let rest = lower[found.upperBound...].split(separator: " ").first.map(String.init) ?? ""
                if language.questionWords.contains(rest) {
                    let offset = lower.distance(from: lower.startIndex, to: found.lowerBound)
                    return String(question.prefix(offset))
                }
                search = found.upperBound
            }
        }
        return nil
    }

    private static let terminators: Set<Character> = [".", "!", "?", "\n", "。", "！", "？", "…"]

    /// The clauses an assistant attributes to the user ("As you mentioned, you're vegetarian"),
    /// turned into the user's own words, one per sentence at most.
    func restatedClauses(in prose: String, by restatement: Restatement, weight: Double) -> [Clause] {
        sentences(in: prose).enumerated().compactMap { index, sentence -> Clause? in
            if ByteSearch.containsAny(
                language.hypotheticalBytes, in: Self.asciiLowercased(Array((" " + sentence).utf8)))
            {
                return nil
            }
            let (text, mentions) =
                readsTime && language.time.mayMention(sentence) ? setTimeApart(sentence) : (sentence, [])
            guard let restated = restatement.userClause(in: text),
                var clause = clause(from: restated, opensSentence: false)
            else { return nil }
            clause.certainty *= weight
            clause.time = Self.mentions(in: ArraySlice(Array(text.utf8)), mentions).first
            clause.sentence = index
            return clause
        }
    }

    /// The clauses of one sentence.
    func clauses(ofSentence sentence: String) -> [Clause] {
        if ByteSearch.containsAny(language.hypotheticalBytes, in: Self.asciiLowercased(Array((" " + sentence).utf8))) {
            return []
        }
        let (text, mentions) = readsTime && language.time.mayMention(sentence) ? setTimeApart(sentence) : (sentence, [])
        let bytes = Array(text.utf8)
        let lower = Self.asciiLowercased(bytes)
        var starts: Set<Int> = [0]
        var ends: [Int] = []
        for separator in language.clauseStartBytes {
            var from = 0
            while let found = ByteSearch.first(separator, in: lower, from: from) {
                starts.insert(found + separator.count)
                from = found + 1
            }
        }
        for boundary in language.clauseEndBytes {
            var from = 1
            while let found = ByteSearch.first(boundary, in: lower, from: from) {
                ends.append(found)
                from = found + 1
            }
        }
        ends.sort()
        var clauses: [Clause] = []
        for start in starts.sorted() where start < bytes.count {
            // "My wife and I went …" is one statement: "my" and a word are not cut from it at "and".
            let possessive =
                lower[start...].starts(with: Array("my ".utf8))
                || lower[start...].starts(with: Array("me and my ".utf8))
            let cut = ends.first { end in
                guard end > start else { return false }
                if possessive, Self.startsWithAnd(lower, at: end), Self.words(in: lower[start..<end]) < 3 {
                    return false
                }
                // "mathematics, healthcare, and data processing": a list keeps its last item.
                return !continuesList(lower, from: start, at: end)
            }
            var end = min(bytes.count, cut ?? bytes.count, start + Self.maximumClause)
            // Never cut inside a UTF-8 sequence.
            while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            let raw = String(decoding: bytes[start..<end], as: UTF8.self)
            guard var clause = clause(from: raw, opensSentence: start == 0) else { continue }
            // A time phrase inside the clause applies to it; otherwise one that opened the sentence.
            clause.time =
                Self.mentions(in: bytes[start..<end], mentions).first
                ?? Self.mentions(in: bytes[0..<start], mentions).first
            clause.span = start..<end
            clause.context = sentence
            clauses.append(clause)
        }
        return clauses
    }

    /// A clause without time markers, fillers and hedges, or nil when it cannot be a statement.
    private func clause(from raw: String, opensSentence: Bool) -> Clause? {
        var text = Self.removingMentions(raw)
        var certainty = 1.0
        var changed = true
        while changed {
            changed = false
            let lowered = text.lowercased()
            if let hedge = language.hedgeOpenings.first(where: lowered.hasPrefix) {
                text = String(text.dropFirst(hedge.count))
                certainty = 0.75
                changed = true
            }
            let first = lowered.prefix { !$0.isWhitespace }
            if language.fillers.contains(String(first.trimmed(while: \.isPunctuation))), first.count < text.count {
                text = String(text.dropFirst(first.count).trimmed())
                changed = true
            }
        }
        text = String(text.trimmed(while: \.isSpaceOrPunctuation))
        guard text.count >= 5 else { return nil }
        let words = text.lowercased().split(separator: " ").map {
            String($0.trimmed(while: \.isPunctuationExceptApostrophe))
        }
        guard let first = words.first,
            language.openers.contains(first) || words.contains(where: language.firstPerson.contains)
        else { return nil }
        if words.contains(where: language.hedgeWords.contains) { certainty = min(certainty, 0.75) }
        return Clause(text: text, opensSentence: opensSentence, certainty: certainty, time: nil)
    }

    /// Whether ", and " at `offset` joins the last item of a list ("a, b, and c") rather than a new
    /// clause ("…, and my sister lives there").
    private func continuesList(_ lower: [UInt8], from start: Int, at offset: Int) -> Bool {
        let joiner = Array(", and ".utf8)
        guard offset + joiner.count < lower.count, Array(lower[offset..<offset + joiner.count]) == joiner else {
            return false
        }
        guard ByteSearch.first(Array(", ".utf8), in: Array(lower[start..<offset])) != nil else { return false }
        let next = lower[(offset + joiner.count)...].prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ",") }
        let word = String(decoding: next, as: UTF8.self)
        return !language.firstPerson.contains(word) && !language.listBreakers.contains(word)
    }

    /// Whether the text at `offset` is " and ".
    private static func startsWithAnd(_ lower: [UInt8], at offset: Int) -> Bool {
        offset + 5 <= lower.count && Array(lower[offset..<offset + 5]) == Array(" and ".utf8)
    }

    /// How many words some bytes hold.
    private static func words(in bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for byte in bytes {
            let isSpace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: ",")
            if !isSpace, !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }

    /// ASCII letters lowercased; other bytes unchanged, so offsets stay those of the original text.
    private static func asciiLowercased(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { (65...90).contains($0) ? $0 + 32 : $0 }
    }

    /// Replaces each time phrase with one private-use character that stands for it.
    private func setTimeApart(_ sentence: String) -> (String, [TimeMention]) {
        var text = sentence
        var mentions: [TimeMention] = []
        for (index, phrase) in language.time.phrases.enumerated() {
            while mentions.count < 64,
                let found = phrase.regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                let whole = Range(found.range, in: text)
            {
                let groups = (0..<found.numberOfRanges).map { group -> String in
                    Range(found.range(at: group), in: text).map { String(text[$0]) } ?? ""
                }
                let marker = Character(Unicode.Scalar(Self.markerBase + UInt32(mentions.count)) ?? " ")
                text.replaceSubrange(whole, with: String(marker))
                mentions.append(TimeMention(phrase: index, groups: groups))
            }
        }
        return (text, mentions)
    }

    /// First code point of the private-use range that stands for time phrases.
    private static let markerBase: UInt32 = 0xE000

    /// The time phrases whose markers occur in some bytes of the text, in order.
    private static func mentions(in bytes: ArraySlice<UInt8>, _ mentions: [TimeMention]) -> [TimeMention] {
        guard !mentions.isEmpty else { return [] }
        var found: [TimeMention] = []
        var index = bytes.startIndex
        // U+E000 + k is EE 80 (80 + k) in UTF-8 for k < 64.
        while index + 2 < bytes.endIndex {
            if bytes[index] == 0xEE, bytes[index + 1] == 0x80 {
                let k = Int(bytes[index + 2]) - 0x80
                if k >= 0, k < mentions.count { found.append(mentions[k]) }
            }
            index += 1
        }
        return found
    }

    /// The text without time markers, spaces collapsed.
    static func removingMentions(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { $0.value < markerBase || $0.value >= markerBase + 64 }
        return String(String.UnicodeScalarView(kept)).split(separator: " ").joined(separator: " ")
    }
}
