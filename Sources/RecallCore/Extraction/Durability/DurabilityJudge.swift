/// Decides whether a statement the patterns matched is a durable fact about the user, and why.
///
/// Who the user is (a name, a job, a diagnosis) is durable however it is worded, unless it is
/// part of a request or points at something the chat shows. What the user does or wants is
/// durable only when it is about their life or work: "I want to run a marathon next year" is a
/// goal, "I want to implement this in the base class" is the task of the moment, and
/// "I'm passing the function itself" describes code.
struct DurabilityJudge: Sendable {
    /// The language's words.
    let rules: DurabilityRules

    /// A judgement: keep or drop, the reason, and the kind the statement turned out to be.
    struct Judgement: Equatable {
        let verdict: CandidateVerdict
        let reason: String
        let kind: FactKind

        static func keep(_ kind: FactKind) -> Judgement {
            Judgement(verdict: .keep, reason: "durable: " + kind.label, kind: kind)
        }
        static func drop(_ reason: String, _ kind: FactKind) -> Judgement {
            Judgement(verdict: .drop, reason: reason, kind: kind)
        }
    }

    /// Why candidates are dropped.
    enum Reason {
        static let request = "request to the assistant"
        static let instruction = "instruction to the assistant"
        static let vague = "refers to something it does not name"
        static let code = "describes code"
        static let error = "reports an error"
        static let deliverable = "a piece of work for this chat"
        static let task = "the task of the moment"
        static let conversation = "about this conversation"
        static let passing = "a passing plan or state"
        static let generic = "says nothing particular"
        static let someone = "refers to someone it does not name"
        static let reaction = "a passing reaction"
        static let shown = "a reaction to what the chat shows"
    }

    /// Judges a statement: its clause, the phrase it is about (the last captured group), the pattern's kind, and
    /// whether its time phrase falls within a couple of days of the message.
    ///
    /// `subject` is the phrase a statement without the user as subject is about ("art" in "art gives me freedom");
    /// `pointer` says the phrase named its thing with a pointer at the chat ("this series"), since made indefinite.
    func judge(
        clause: String, object: String, kind: FactKind, nearTime: Bool, sentence: String = "", subject: String = "",
        pointer: Bool = false
    ) -> Judgement {
        let clauseWords = DurabilityRules.words(clause)
        let padded = " " + clauseWords.joined(separator: " ") + " "
        if rules.instructionPhrases.contains(where: { padded.contains(" " + $0 + " ") })
            || rules.instructionOpenings.contains(where: { padded.hasPrefix(" " + $0 + " ") })
        {
            return .drop(Reason.instruction, kind)
        }
        if rules.requestPhrases.contains(where: { padded.contains(" " + $0 + " ") })
            || rules.requestOpenings.contains(where: { padded.hasPrefix(" " + $0 + " ") })
        {
            return .drop(Reason.request, kind)
        }
        let objectWords = DurabilityRules.words(object)
        if pointsAtTheChat(object, words: objectWords) { return .drop(Reason.vague, kind) }
        if pointsAtSomeone(objectWords) { return .drop(Reason.someone, kind) }
        // "I love this series" is about what the chat shows: "a series" names nothing.
        if pointer {
            if objectWords.contains(where: rules.conversationWords.contains) { return .drop(Reason.conversation, kind) }
            if objectWords.filter({ !Self.functionWords.contains($0) && !rules.pointerArticles.values.contains($0) })
                .count <= 1
            {
                return .drop(Reason.vague, kind)
            }
        }
        // "The colors make me feel calm", "seeing them brings me joy": the moment, not the user's life.
        if kind == .feeling, let first = DurabilityRules.words(subject).first, rules.reactionSubjects.contains(first) {
            return .drop(Reason.reaction, kind)
        }
        guard kind.describesDoing else { return .keep(kind) }
        // "I love the colors", "I like the second title": what the chat shows, not a taste of the user's.
        if kind == .taste, definite(objectWords.first == "all" ? String(object.drop { $0 != " " }.dropFirst()) : object)
        {
            return .drop(
                objectWords.contains(where: rules.conversationWords.contains) ? Reason.conversation : Reason.shown, kind
            )
        }
        let objectText = " " + objectWords.joined(separator: " ") + " "
        let future = kind == .goal || kind == .plan
        if future, rules.lifeGoals.contains(where: { objectText.hasPrefix(" " + $0 + " ") }) {
            return nearTime ? .drop(Reason.passing, kind) : .keep(kind)
        }
        if rules.ailments.contains(where: { objectText.contains(" " + $0 + " ") }) {
            return .drop(Reason.passing, kind)
        }
        if kind == .activity, let verb = clauseWords.drop(while: { $0 != "am" }).dropFirst().first,
            rules.setupVerbs.contains(verb)
        {
            return .drop(Reason.task, kind)
        }
        if future, rules.taskVerbs.contains(where: { objectText.hasPrefix(" " + $0 + " ") }) {
            return .drop(Reason.task, kind)
        }
        // "I'm trying to connect to Postgres but it crashes": the whole sentence reports the failure.
        if (objectWords + DurabilityRules.words(sentence)).contains(where: {
            rules.errorWords.contains($0) || $0.hasSuffix("error") || $0.hasSuffix("exception")
        }) {
            return .drop(Reason.error, kind)
        }
        // Making something ("developing a Django app for landlords") can be a long-lived project;
        // doing something to code is the task at hand.
        if kind == .activity || kind == .project, let project = project(objectWords) {
            if !project { return .drop(Reason.code, kind) }
            if kind == .project { return .keep(.project) }
        }
        if codeEvidence(object, words: objectWords) >= 2 { return .drop(Reason.code, kind) }
        // What the user plans or does today is passing; what they did today, or like, may not be.
        if [.goal, .plan, .activity, .possession, .project].contains(kind) {
            if nearTime || rules.passingTimes.contains(where: { objectText.contains(" " + $0 + " ") })
                || rules.passingEndings.contains(where: { objectText.hasSuffix(" " + $0 + " ") })
                || rules.passingStates.contains(where: { objectText.contains(" " + $0 + " ") })
            {
                return .drop(Reason.passing, kind)
            }
            if objectWords.contains(where: rules.deliverables.contains) { return .drop(Reason.deliverable, kind) }
        }
        if definite(object), objectWords.contains(where: rules.conversationWords.contains) {
            return .drop(Reason.conversation, kind)
        }
        // "I'm working on a short story, can you continue it?": what the user is doing is what they ask about.
        if kind == .activity || kind == .project {
            let whole = " " + DurabilityRules.words(sentence).joined(separator: " ") + " "
            if rules.requestPhrases.contains(where: { whole.contains(" " + $0 + " ") }) {
                return .drop(Reason.request, kind)
            }
        }
        // "Had a great time", "is staying positive": true, and nothing to remember.
        if !objectWords.contains(where: { !rules.genericWords.contains($0) && !Self.functionWords.contains($0) }) {
            return .drop(Reason.generic, kind)
        }
        return .keep(kind == .project ? .activity : kind)
    }

    /// Words too common to say anything: articles, pronouns, auxiliaries.
    private static let functionWords: Set<String> = [
        "a", "an", "the", "my", "their", "his", "her", "our", "its", "to", "of", "and", "or", "but", "so", "at", "for",
        "is",
        "are", "was", "were", "be", "been", "had", "have", "has", "do", "did", "some", "all", "any", "me", "i", "they",
        "it", "that", "really", "very", "just", "such", "quite", "pretty", "as", "from", "by", "about", "like",
        "lately",
        "recently", "again", "still", "too", "also", "more", "most", "less", "then", "than", "what", "when", "how",
    ]

    /// How strongly a phrase speaks of code: a code word or an identifier counts two, a word
    /// that is code only in context ("class", "table") one, and one more after "the".
    private func codeEvidence(_ object: String, words: [String]) -> Int {
        var score = 0
        for (index, word) in words.enumerated() {
            if rules.codeWords.contains(word) || Self.looksLikeCode(word) {
                score += 2
            } else if rules.weakCodeWords.contains(word) {
                score += 1
                if index > 0, rules.definiteArticles.contains(words[index - 1]) { score += 1 }
            }
        }
        if object.split(separator: " ").contains(where: Self.isCamelCase)
            || object.contains(where: Self.isCodePunctuation)
        {
            score += 2
        }
        return score
    }

    /// Whether the phrase names its thing through the chat ("it", "this", "the following").
    private func pointsAtTheChat(_ object: String, words: [String]) -> Bool {
        // "IT" is a field of work, "it" a pointer; case tells them apart. A pointer late in a long
        // phrase points back inside it ("a 2012 Civic with 200,000 km on it").
        let original = object.split(whereSeparator: { !($0.isLetter || $0 == "'") })
        for (index, word) in original.enumerated() where word != "IT" && rules.vagueWords.contains(word.lowercased()) {
            if index + 1 < original.count, rules.timeNouns.contains(original[index + 1].lowercased()) { continue }
            if index < 3 || original.count <= 5 || Self.demonstrative.contains(word.lowercased()) { return true }
        }
        let padded = " " + words.joined(separator: " ") + " "
        return rules.vaguePhrases.contains { padded.contains(" " + $0 + " ") }
    }

    /// Whether the phrase rests on a pronoun for someone the chat named ("apologize to them",
    /// "having them around"); late in a long phrase it points back inside it ("working with
    /// trans people, helping them …").
    private func pointsAtSomeone(_ words: [String]) -> Bool {
        words.enumerated().contains { index, word in
            rules.personPronouns.contains(word) && (index < 3 || words.count <= 5)
        }
    }

    /// Pointers that point at the chat wherever they stand.
    private static let demonstrative: Set<String> = ["this", "these", "esto", "eso"]

    /// Whether a phrase of an ongoing activity is a long-lived project ("a Django app for
    /// landlords"): true if it names one, false if it names code, nil if neither.
    private func project(_ words: [String]) -> Bool? {
        // The head: up to what the thing is for or about.
        let head = words.prefix {
            !["for", "that", "which", "called", "named", "about", "set", "where", "to", "with", "on", "in"].contains($0)
        }
        guard let first = head.first, ["a", "an", "my", "our", "the"].contains(first) || head.count > 1 else {
            return nil
        }
        if first == "the", !head.dropFirst().contains(where: { $0.first?.isNumber == true }) { return nil }
        let phrase = " " + head.joined(separator: " ") + " "
        let names = rules.projectNouns.contains { phrase.contains(" " + $0 + " ") }
        if codeEvidence(head.joined(separator: " "), words: Array(head)) >= 2 { return names ? nil : false }
        return names ? true : nil
    }

    /// Whether a phrase starts with a definite article before a common noun ("the form"), which
    /// points at something the chat already shows.
    private func definite(_ object: String) -> Bool {
        let original = object.split(separator: " ")
        guard let first = original.first, rules.definiteArticles.contains(first.lowercased()) else { return false }
        // "the Berlin marathon" names a thing in the world.
        if original.dropFirst().first?.first?.isUppercase == true { return false }
        let padded = " " + DurabilityRules.words(object).joined(separator: " ") + " "
        return !rules.definiteExceptions.contains { padded.hasPrefix(" " + $0 + " ") }
    }

    /// An identifier rather than a word: `useState`, `user_id`, `app.py`.
    static func looksLikeCode(_ word: String) -> Bool {
        word.contains("_") || word.contains("()")
            || (word.dropFirst().contains(".") && word.last?.isLetter == true && !word.hasSuffix("."))
    }

    /// `useState`, `fetchData`: a lowercase run, then a capital (not `iPhone` or `macOS`).
    static func isCamelCase(_ word: Substring) -> Bool {
        guard let capital = word.firstIndex(where: \.isUppercase) else { return false }
        return word.distance(from: word.startIndex, to: capital) >= 2 && word[..<capital].allSatisfy(\.isLowercase)
    }

    private static func isCodePunctuation(_ character: Character) -> Bool {
        "(){}[]=<>;`_".contains(character)
    }
}
