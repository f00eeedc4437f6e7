/// One language's words for telling a durable statement about the user from the task of the
/// moment: requests and instructions to the assistant, code, errors, one-off pieces of work,
/// passing plans, and references to material in the chat ("this", "the second version").
///
/// Every list is lowercase; phrases are matched on word boundaries.
struct DurabilityRules: Sendable {
    /// A clause opening with one of these asks the assistant for something ("help me", "tell me").
    let requestOpenings: [String]
    /// A clause holding one of these anywhere asks the assistant for something ("can you").
    let requestPhrases: [String]
    /// A clause holding one of these tells the assistant how to answer ("please").
    let instructionPhrases: [String]
    /// A clause opening with one of these tells the assistant what not to do ("don't give me
    /// disclaimers"): a statement about the user has a subject, an instruction has none.
    let instructionOpenings: [String]
    /// Words that point at something the chat shows rather than name it ("it", "this").
    let vagueWords: Set<String>
    /// Phrases that do the same ("the following", "the above").
    let vaguePhrases: [String]
    /// Pronouns for people named elsewhere in the chat ("them", "him"): a statement whose phrase
    /// rests on one ("I tried to apologize to them") does not say who.
    let personPronouns: Set<String>
    /// First words of a subject that is the moment rather than a thing in the user's life ("the
    /// colors", "those moments", "seeing them"): what it makes the user feel is a passing reaction.
    let reactionSubjects: Set<String>
    /// Words that name code wherever they stand ("function", "endpoint", "dataframe").
    let codeWords: Set<String>
    /// Words that name code only beside another such word, or after "the" ("class", "script",
    /// "table": a pottery class, a movie script and a kitchen table are not code).
    let weakCodeWords: Set<String>
    /// Words of a failure report ("error", "crashes").
    let errorWords: Set<String>
    /// One-off pieces of work someone asks help with ("cover letter", "speech").
    let deliverables: Set<String>
    /// Words naming the chat's own material ("version", "option", "answer").
    let conversationWords: Set<String>
    /// Words that say nothing particular ("great", "time", "positive"): a statement of what the
    /// user did or does made only of these ("had a great time") is not worth keeping.
    let genericWords: Set<String>
    /// Beginnings of a life or work goal ("become", "run a marathon", "move to").
    let lifeGoals: [String]
    /// Beginnings of a task for the assistant's chat ("implement", "rename", "proofread").
    let taskVerbs: [String]
    /// What a long-lived project is ("app", "novel", "thesis").
    let projectNouns: Set<String>
    /// Phrases of a passing moment ("tonight", "for dinner").
    let passingTimes: [String]
    /// Phrases of a passing moment when they end a statement ("… later", "… right now"), not
    /// inside it ("later in May").
    let passingEndings: [String]
    /// Verbs of an ongoing activity that only set up the task at hand ("using", "passing").
    let setupVerbs: Set<String>
    /// What a user has or plans only for a while ("a meeting", "an interview").
    let passingStates: [String]
    /// Passing illnesses ("a cold"): having had one is no more lasting than having one.
    let ailments: [String]
    /// Articles that make a phrase definite (a thing the chat already shows: "the form").
    let definiteArticles: Set<String>
    /// Phrases after a definite article that still name something in the world ("the world").
    let definiteExceptions: [String]

    /// Pointers before a noun and the indefinite words that replace them, so the memory names the
    /// thing without the chat ("this apple pie" → "an apple pie" in "I made this apple pie").
    let pointerArticles: [String: String]
    /// Words after which a pointer stands alone ("this is", "this in").
    let pointerStops: Set<String>
    /// Words after which a pointer names a time ("this summer", "these days"), which is no pointer at the chat.
    let timeNouns: Set<String>
    /// Whether "a" becomes "an" before a vowel.
    let anBeforeVowel: Bool
    /// Words after which a pointer becomes the definite article ("this next game" → "the next game").
    let ordinals: Set<String>

    /// A phrase with each pointer before a noun made indefinite.
    func indefinite(_ phrase: String) -> String {
        guard !pointerArticles.isEmpty else { return phrase }
        var words = phrase.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in words.indices.dropLast() {
            guard let article = pointerArticles[words[index].lowercased()] else { continue }
            let next = words[index + 1]
            let bare = next.lowercased().trimmed(while: \.isPunctuation).description
            guard let first = next.first, first.isLetter, !pointerStops.contains(bare), !timeNouns.contains(bare) else {
                continue
            }
            // "this next tourney", "all these games": the definite article says it without the chat.
            let previous = index > 0 ? words[index - 1].lowercased() : ""
            var replacement =
                ordinals.contains(bare) || previous == "all" || previous == "of"
                ? definiteArticles.first ?? article : article
            if anBeforeVowel, replacement == "a", "aeiouAEIOU".contains(first) { replacement = "an" }
            if words[index].first?.isUppercase == true, let head = replacement.first {
                replacement = head.uppercased() + replacement.dropFirst()
            }
            words[index] = replacement
        }
        return words.joined(separator: " ")
    }

    /// Lowercased words of a phrase: letters, digits, apostrophes and inner hyphens.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: {
            !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "-" || $0 == "+" || $0 == "#")
        })
        .map { String($0.trimmed(while: { $0 == "-" || $0 == "'" })) }.filter { !$0.isEmpty }
    }

    /// Whether `text` holds one of `phrases` as whole words.
    static func contains(_ phrases: [String], in text: String) -> Bool {
        let padded = " " + words(text).joined(separator: " ") + " "
        return phrases.contains { padded.contains(" " + $0 + " ") }
    }
}
