import Foundation

/// One rule of the rule-based extractor: a statement pattern and the sentence it becomes.
///
/// Templates name capture groups as `{1}`, `{2}`; `{v1}` puts group 1 in the third person as a
/// verb, and every group has first-person words turned into third-person ones. Patterns may use
/// the language's macros (`{I'M}` for "i am|i'm|im") so the table stays readable.
struct ExtractionPattern: Sendable {
    /// Case-insensitive, anchored at the start of a clause.
    let regex: NSRegularExpression
    /// The memory type it yields.
    let type: MemoryType
    /// What the statement is about, for judging it and giving the reason.
    let kind: FactKind
    /// How explicit such a statement is, 0–1.
    let confidence: Double
    /// The third-person sentence.
    let template: String
    /// Group indexes that must start with an upper-case letter in the original text (names).
    let capitalized: [Int]
    /// Group indexes that are a subject of their own ("Dancing" in "Dancing brings me joy"): they
    /// must not be vague or speak of the speaker, or the clause was longer than one statement.
    let subjectGroups: [Int]
    /// The word every match starts with, when the pattern names one ("my", "i"): clauses that start
    /// otherwise are not tried against it, which saves most regular-expression runs.
    let leadingWord: String?
    /// Only at the start of a sentence: statements without a subject ("Started a new job") take
    /// the speaker as subject only there.
    let sentenceStartOnly: Bool

    /// Creates a rule; `macros` are replaced in `pattern` before it is compiled.
    init(
        _ pattern: String, _ type: MemoryType, _ kind: FactKind, _ confidence: Double, _ template: String,
        macros: [String: String] = [:], capitalized: [Int] = [], subjectGroups: [Int] = [],
        sentenceStartOnly: Bool = false
    ) {
        var expanded = pattern
        for (name, value) in macros { expanded = expanded.replacingOccurrences(of: name, with: value) }
        // A literal; `LiteralRegex` records one that does not compile and a test fails on it.
        self.regex = LiteralRegex.compile("^(?:" + expanded + ")$", options: [.caseInsensitive])
        let head = expanded.prefix { $0.isLetter }
        self.leadingWord = !head.isEmpty && expanded.dropFirst(head.count).first == " " ? head.lowercased() : nil
        self.type = type
        self.kind = kind
        self.confidence = confidence
        self.template = template
        self.capitalized = capitalized
        self.subjectGroups = subjectGroups
        self.sentenceStartOnly = sentenceStartOnly
    }

    /// The capture groups of a match of the whole clause, or nil; group 0 is the clause.
    func groups(in clause: String) -> [String]? {
        guard let found = regex.firstMatch(in: clause, range: NSRange(clause.startIndex..., in: clause)) else {
            return nil
        }
        var groups: [String] = []
        for index in 0..<found.numberOfRanges {
            let range = found.range(at: index)
            var group = range.location == NSNotFound ? "" : Range(range, in: clause).map { String(clause[$0]) } ?? ""
            // A verb capitalised only because it opens a sentence without a subject ("Took a trip").
            if sentenceStartOnly, index > 0, range.location == 0, !capitalized.contains(index), let first = group.first,
                group.dropFirst().first?.isLowercase == true
            {
                group = first.lowercased() + group.dropFirst()
            }
            groups.append(group)
        }
        if capitalized.contains(where: { $0 >= groups.count || groups[$0].first?.isUppercase != true }) { return nil }
        return groups
    }
}
