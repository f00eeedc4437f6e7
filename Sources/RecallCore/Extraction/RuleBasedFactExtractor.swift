import Foundation

/// Extracts facts with tables of statement patterns: deterministic, offline, fast.
///
/// ```swift
/// let extractor = RuleBasedFactExtractor()
/// let facts = extractor.extract(from: ExtractionInput(text: "I love TypeScript.", role: .user, date: now))
/// // facts[0].content == "The user loves TypeScript.", facts[0].type == .preference
/// ```
///
/// Only the user's own statements count, plus an assistant's explicit restatement of them
/// ("As you mentioned, you're vegetarian"). Code, quotations, links, questions and hypotheticals
/// are set aside first, so "if I lived in Paris…" or a code comment never becomes a fact.
/// Relative times ("last week") are resolved against the message's own date.
public struct RuleBasedFactExtractor: FactExtractor {
    /// The languages read; nil for all.
    ///
    /// The tables' patterns are compiled on first use, not here: a server creates its extractor at start-up and must
    /// answer `initialize` at once.
    private let pinned: [ExtractionLanguage]?
    /// Judges what the rules keep; nil judges by the rules alone.
    private let head: DurabilityHead?

    /// Creates an extractor reading every language it has tables for, with the embedded
    /// durability head after the rules.
    public init() {
        self.init(head: DurabilityHead.embedded)
    }

    /// Creates an extractor whose kept statements the given head judges again; nil keeps what
    /// the rules keep (benchmarks compare the two).
    public init(head: DurabilityHead?) {
        self.pinned = nil
        self.head = head
    }

    /// Creates an extractor limited to some languages (tests pin one).
    init(languages: [ExtractionLanguage]) {
        self.pinned = languages.isEmpty ? nil : languages
        self.head = DurabilityHead.embedded
    }

    private var languages: [ExtractionLanguage] { pinned ?? ExtractionLanguage.all }

    /// Longest message text read; longer messages are pasted documents, not statements.
    static let maximumText = 20_000

    /// How much less an assistant's restatement counts than the user's own words.
    static let restatementWeight = 0.8

    /// Every candidate one message yields, kept or dropped, in the order they appear.
    public func candidates(from input: ExtractionInput) -> [MemoryCandidate] {
        guard input.role == .user || input.role == .assistant, !input.text.isEmpty,
            input.text.utf8.count <= Self.maximumText || input.text.count <= Self.maximumText
        else { return [] }
        // An assistant's message counts only where it restates the user, which a quick look rules out for most.
        if input.role == .assistant, !languages.contains(where: { $0.restatement?.mayOccur(in: input.text) == true }) {
            return []
        }
        let prose = ProseCleaner.clean(input.text)
        let language = ExtractionLanguage.detect(prose, among: languages)
        if input.role == .assistant, language.restatement == nil { return [] }
        let reader = ClauseReader(language: language, readsTime: input.date != nil)
        var seen: Set<String> = []
        var result: [MemoryCandidate] = []
        // A clause inside one that already made a fact restates part of it ("family keep me at
        // peace" inside "creativity and family keep me at peace").
        var covered: (sentence: Int, end: Int) = (-1, 0)
        let clauses =
            input.role == .user
            ? reader.clauses(in: prose)
            : language.restatement.map { reader.restatedClauses(in: prose, by: $0, weight: Self.restatementWeight) }
                ?? []
        for var clause in clauses {
            if clause.sentence == covered.sentence, clause.span.lowerBound < covered.end { continue }
            clause.text = language.expandingContractions(clause.text)
            guard let candidate = match(clause, language: language, input: input) else { continue }
            covered = (clause.sentence, clause.span.upperBound)
            if seen.insert(candidate.content.lowercased()).inserted { result.append(candidate) }
        }
        return result
    }

    private func match(_ clause: Clause, language: ExtractionLanguage, input: ExtractionInput) -> MemoryCandidate? {
        let firstWord = clause.text.prefix { $0 != " " }.lowercased()
        for pattern in language.patterns
        where (clause.opensSentence || !pattern.sentenceStartOnly) && (pattern.leadingWord ?? firstWord) == firstWord {
            guard var groups = pattern.groups(in: clause.text) else { continue }
            // "I made this apple pie" names a thing the chat shows; the memory names it without the chat.
            let said = groups
            groups = groups.map(language.durability.indefinite)
            guard var content = FactRenderer(language: language).render(pattern, groups: groups) else { continue }
            let last = groups.indices.dropFirst().last { !groups[$0].isEmpty }
            let object = last.map { groups[$0] } ?? clause.text
            let judgement = DurabilityJudge(rules: language.durability).judge(
                clause: clause.text, object: object, kind: pattern.kind,
                nearTime: clause.time.map { Self.isNear($0, language: language) } ?? false,
                sentence: clause.context, subject: pattern.subjectGroups.first.map { groups[$0] } ?? "",
                pointer: last.map { said[$0] != groups[$0] } ?? false)
            // A long-lived project is a standing fact about the user, not something that happened.
            let type = judgement.kind == .project && pattern.type == .experience ? .fact : pattern.type
            var memoriesAt = input.date
            // Events carry their date; a preference or a standing fact is simply true as of the message.
            if type == .experience || type == .goal || type == .relationship, let mention = clause.time,
                let date = input.date
            {
                let phrase = language.time.phrases[mention.phrase]
                if let time = ResolvedTime.resolve(
                    phrase.shift, groups: mention.groups, from: date, future: type == .goal, vocabulary: language.time)
                {
                    content = String(content.dropLast()) + " " + language.time.render(time) + "."
                    memoriesAt = time.date
                }
            }
            let confidence = (pattern.confidence * clause.certainty * 100).rounded() / 100
            var (verdict, reason) = (judgement.verdict, judgement.reason)
            // What the rules keep, the head judges again by meaning; a taste ("I love jazz") is
            // durable by definition, however short, so the head leaves it to the rules. The head
            // learned from English memories only, so other languages keep the rules' verdict.
            if verdict == .keep, type != .preference, language.code == "en", let head,
                let probability = head.probability(of: content), probability < head.threshold
            {
                (verdict, reason) = (.drop, DurabilityHead.reason(probability))
            }
            return MemoryCandidate(
                content: content, type: type, confidence: confidence, memoriesAt: memoriesAt, source: input.source,
                verdict: verdict, reason: reason)
        }
        return nil
    }

    /// Whether a time phrase points at today or the next few days ("tonight", "this weekend",
    /// "on Saturday"): what a user plans for then is passing, unlike what they did then.
    static func isNear(_ mention: TimeMention, language: ExtractionLanguage) -> Bool {
        switch language.time.phrases[mention.phrase].shift {
        case .step(.day, let days): days >= 0
        case .step(.weekend, let weekends): weekends >= 0
        case .weekday(let direction): direction != .past
        default: false
        }
    }
}
