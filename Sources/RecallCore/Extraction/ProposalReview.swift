import Foundation

/// Checks facts another model proposed against the messages they came from.
///
/// The rules are the validator: a proposal must cite a user message of the input, be one sentence about the user in the
/// third person, and share at least one content word with the message it cites.
struct ProposalReview: Sendable {
    /// The messages the proposals are about.
    let inputs: [ExtractionInput]

    /// The most a proposal's confidence can be: a model's reading is not the user's own words.
    static let maximumConfidence = 0.85
    /// A proposal's confidence when it gives none.
    static let defaultConfidence = 0.7

    /// Accepted proposals as candidates, in order, and the rejected ones with their reasons.
    func review(_ proposals: [FactProposal]) -> (accepted: [MemoryCandidate], rejected: [RejectedProposal]) {
        var byLabel: [String: ExtractionInput] = [:]
        for input in inputs {
            byLabel[FactProposalPrompt.label(of: input)] = byLabel[FactProposalPrompt.label(of: input)] ?? input
        }
        var accepted: [MemoryCandidate] = []
        var rejected: [RejectedProposal] = []
        var seen: Set<String> = []
        for proposal in proposals {
            switch check(proposal, byLabel: byLabel) {
            case .failure(let reason):
                rejected.append(
                    RejectedProposal(
                        messageID: proposal.messageID, content: String(proposal.content.prefix(300)),
                        reason: reason.text))
            case .success(let candidate):
                guard seen.insert(FactSignature.normalize(candidate.content)).inserted else {
                    rejected.append(
                        RejectedProposal(
                            messageID: proposal.messageID, content: proposal.content, reason: "repeats another proposal"
                        ))
                    continue
                }
                accepted.append(candidate)
            }
        }
        return (accepted, rejected)
    }

    /// Why a proposal was dropped.
    struct Reason: Error {
        let text: String
        init(_ text: String) { self.text = text }
    }

    private func check(_ proposal: FactProposal, byLabel: [String: ExtractionInput]) -> Result<MemoryCandidate, Reason>
    {
        let id = proposal.messageID.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty else { return .failure(Reason("cites no message")) }
        guard let input = byLabel[id] else {
            return .failure(Reason("cites \(id.prefix(40)), which is not one of the messages read"))
        }
        guard input.role == .user else { return .failure(Reason("cites a message the user did not write")) }
        var content = String(proposal.content.trimmed())
        guard content.count >= 8, content.count <= 300 else { return .failure(Reason("is not one short sentence")) }
        guard !content.hasSuffix("?") else { return .failure(Reason("is a question")) }
        guard !content.contains(where: { "{}<>=;`|\\".contains($0) }) else {
            return .failure(Reason("contains code or markup"))
        }
        let language = ExtractionLanguage.detect(content)
        let lower = content.lowercased()
        let words = Self.words(lower)
        if words.contains(where: { language.firstPerson.contains($0) || language.secondPerson.contains($0) }) {
            return .failure(Reason("speaks in the first or second person"))
        }
        guard ExtractionLanguage.all.contains(where: { $0.userPhrases.contains(where: lower.contains) }) else {
            return .failure(Reason("is not a sentence about the user (say \"The user …\")"))
        }
        guard grounded(words, in: input.text, language: language) else {
            return .failure(Reason("shares no content word with the message it cites"))
        }
        // The same test as the rules' own candidates: no request, instruction or pointer at the chat.
        let judgement = DurabilityJudge(rules: language.durability).judge(
            clause: content, object: content, kind: .identity, nearTime: false)
        if judgement.verdict == .drop { return .failure(Reason(judgement.reason)) }
        if !content.hasSuffix(".") { content += "." }
        if let first = content.first, first.isLowercase { content = first.uppercased() + content.dropFirst() }
        var type = MemoryType(rawValue: (proposal.type ?? "").lowercased()) ?? .fact
        if type == .note { type = .fact }
        var memoriesAt = input.date
        if let date = input.date,
            let (dated, when) = Self.resolveTime(in: content, from: date, future: type == .goal, language: language)
        {
            content = dated
            if type == .experience || type == .goal { memoriesAt = when }
        }
        let confidence = min(Self.maximumConfidence, max(0, proposal.confidence ?? Self.defaultConfidence))
        var candidate = MemoryCandidate(
            content: content, type: type, confidence: (confidence * 100).rounded() / 100, memoriesAt: memoriesAt,
            source: input.source)
        candidate.origin = .model
        return .success(candidate)
    }

    /// Whether some content word of the proposal (not "user", not a stop word) occurs in the message.
    private func grounded(_ words: [String], in message: String, language: ExtractionLanguage) -> Bool {
        let ignored = language.gistStopWords.union([
            "user", "usuario", "is", "was", "has", "have", "the", "and", "their", "they",
        ])
        let said = Set(Self.words(message.lowercased()).map(FactSignature.stem))
        return words.contains { word in
            word.count > 2 && !ignored.contains(word) && said.contains(FactSignature.stem(word))
        }
    }

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") }).map(String.init)
    }

    /// A relative time phrase in the sentence ("yesterday") replaced by the date it means.
    private static func resolveTime(in content: String, from date: Date, future: Bool, language: ExtractionLanguage)
        -> (String, Date)?
    {
        let range = NSRange(content.startIndex..., in: content)
        for phrase in language.time.phrases {
            guard let found = phrase.regex.firstMatch(in: content, range: range),
                let whole = Range(found.range, in: content)
            else { continue }
            let groups = (0..<found.numberOfRanges).map {
                Range(found.range(at: $0), in: content).map { String(content[$0]) } ?? ""
            }
            guard
                let time = ResolvedTime.resolve(
                    phrase.shift, groups: groups, from: date, future: future, vocabulary: language.time)
            else { return nil }
            return (content.replacingCharacters(in: whole, with: language.time.render(time)), time.date)
        }
        return nil
    }
}
