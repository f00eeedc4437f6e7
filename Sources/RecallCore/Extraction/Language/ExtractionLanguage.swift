import Foundation

/// Everything the rule-based extractor knows about one language, as tables: the statements it
/// recognises and the sentences they become, what makes a sentence hypothetical, relative time
/// phrases, and which facts replace each other.
///
/// English is the reference table (`ExtractionLanguage.english`); a language is added by writing
/// one more value of this type (`ExtractionLanguage.spanish` is a small example) and listing it in
/// `all`. Nothing outside the tables is specific to a language except sentence punctuation.
final class ExtractionLanguage: Sendable {
    /// ISO 639-1 code.
    let code: String
    /// Frequent function words, to guess which language a message is in.
    let markers: Set<String>
    /// Words a statement about the speaker starts with; clauses starting otherwise are skipped
    /// before any pattern runs.
    let openers: Set<String>
    /// Statements, most specific first; the first that matches a clause wins.
    let patterns: [ExtractionPattern]
    /// Words or phrases that make a whole sentence hypothetical, conditional or someone else's.
    let hypotheticals: [String]
    /// Openings that weaken a statement ("I think"); they are dropped and lower the confidence.
    let hedgeOpenings: [String]
    /// Words anywhere in a clause that weaken it ("maybe"); they lower the confidence.
    let hedgeWords: Set<String>
    /// Where another clause can start inside a sentence (", ", " and ").
    let clauseStarts: [String]
    /// Where a clause ends inside a sentence (" because ", " and it ").
    let clauseEnds: [String]
    /// Leading words dropped from a clause ("well", "honestly").
    let fillers: Set<String>
    /// Trailing words dropped from a captured phrase ("too", "lol").
    let trailingFillers: [String]
    /// A captured phrase starting with one of these says nothing on its own ("it", "that").
    let vagueStarts: Set<String>
    /// Words that point at something ("that"): vague alone or before a verb, fine before a noun
    /// ("that lake sunrise").
    let demonstratives: Set<String>
    /// Words addressing the other party: a fact about the user never contains them.
    let secondPerson: Set<String>
    /// Words that mark the speaker, for the quick test of whether a clause can be about them.
    let firstPerson: Set<String>
    /// Words that start a new clause after a list's comma and "and" ("…, and it was great").
    let listBreakers: Set<String>
    /// Words a question starts with ("how", "can"), to find where a question follows a statement.
    let questionWords: Set<String>
    /// Contractions written out before matching ("i'm" → "I am"), so patterns name one form.
    let contractions: [String: String]
    /// How memories name the user ("the user"); a proposed fact must mention them.
    let userPhrases: [String]
    /// How first-person words and verbs become third-person ones.
    let thirdPerson: ThirdPerson
    /// How an assistant's explicit restatement of the user's words becomes the user's clause.
    let restatement: Restatement?
    /// Relative and absolute time phrases, and how to write the dates they resolve to.
    let time: TimeVocabulary
    /// Facts of which only one version is current (where the user lives), to find contradictions.
    let slots: [SlotRule]
    /// Words that qualify a fact without changing which fact it is ("these days", "really"), set aside before its slot
    /// is read: "hates TypeScript these days" is about liking TypeScript.
    ///
    /// Normalised (lowercase, no punctuation); removed at the end of a memory and after its subject.
    let slotQualifiers: [String]
    /// Words that do not change what a memory says ("really", "the"), for near-duplicates.
    let gistStopWords: Set<String>
    /// What tells a durable statement from a request, code or the task of the moment.
    let durability: DurabilityRules

    /// Lowercased UTF-8 forms of `clauseStarts`, `clauseEnds` and `hypotheticals`, for fast scanning.
    let clauseStartBytes: [[UInt8]]
    let clauseEndBytes: [[UInt8]]
    let hypotheticalBytes: [[UInt8]]

    /// Creates a language table.
    init(
        code: String,
        markers: Set<String>,
        openers: Set<String>,
        patterns: [ExtractionPattern],
        hypotheticals: [String],
        hedgeOpenings: [String],
        hedgeWords: Set<String>,
        clauseStarts: [String],
        clauseEnds: [String],
        fillers: Set<String>,
        trailingFillers: [String],
        vagueStarts: Set<String>,
        demonstratives: Set<String>,
        secondPerson: Set<String>,
        firstPerson: Set<String>,
        listBreakers: Set<String>,
        questionWords: Set<String>,
        contractions: [String: String],
        userPhrases: [String],
        thirdPerson: ThirdPerson,
        restatement: Restatement?,
        time: TimeVocabulary,
        slots: [SlotRule],
        slotQualifiers: [String],
        gistStopWords: Set<String>,
        durability: DurabilityRules
    ) {
        self.code = code
        self.markers = markers
        self.openers = openers
        self.patterns = patterns
        self.hypotheticals = hypotheticals
        self.hedgeOpenings = hedgeOpenings
        self.hedgeWords = hedgeWords
        self.clauseStarts = clauseStarts
        self.clauseEnds = clauseEnds
        self.fillers = fillers
        self.trailingFillers = trailingFillers
        self.vagueStarts = vagueStarts
        self.demonstratives = demonstratives
        self.secondPerson = secondPerson
        self.firstPerson = firstPerson
        self.listBreakers = listBreakers
        self.questionWords = questionWords
        self.contractions = contractions
        self.userPhrases = userPhrases
        self.thirdPerson = thirdPerson
        self.restatement = restatement
        self.time = time
        self.slots = slots
        self.slotQualifiers = slotQualifiers
        self.gistStopWords = gistStopWords
        self.durability = durability
        self.clauseStartBytes = clauseStarts.map { Array($0.lowercased().utf8) }
        self.clauseEndBytes = clauseEnds.map { Array($0.lowercased().utf8) }
        self.hypotheticalBytes = hypotheticals.map { Array((" " + $0).lowercased().utf8) }
    }

    /// A clause with its contractions written out.
    func expandingContractions(_ clause: String) -> String {
        guard !contractions.isEmpty else { return clause }
        return clause.split(separator: " ", omittingEmptySubsequences: false).map { word in
            contractions[word.lowercased()] ?? String(word)
        }.joined(separator: " ")
    }

    /// Every language the extractor reads, the default first.
    static let all: [ExtractionLanguage] = [.english, .spanish]

    /// The language whose function words a text uses most; the first language on a tie.
    static func detect(_ text: String, among languages: [ExtractionLanguage] = all) -> ExtractionLanguage {
        guard languages.count > 1 else { return languages.first ?? .english }
        var counts = [Int](repeating: 0, count: languages.count)
        // The first few hundred words decide; a long message does not change its language halfway.
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).prefix(300) {
            for (index, language) in languages.enumerated() where language.markers.contains(String(word)) {
                counts[index] += 1
            }
        }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        return languages[best]
    }
}
