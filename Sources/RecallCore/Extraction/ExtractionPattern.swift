import Foundation

/// One rule of the rule-based extractor: a first-person pattern and the sentence it becomes.
///
/// Templates name capture groups as `{1}`, `{2}`; `{v1}` puts group 1 in the third person
/// through `verbs`, and every group has first-person pronouns turned into third-person ones.
struct ExtractionPattern: Sendable {
    /// Case-insensitive, matched against a whole clause.
    let regex: NSRegularExpression
    /// The memory type it yields.
    let type: MemoryType
    /// How explicit such a statement is.
    let confidence: Double
    /// The third-person sentence.
    let template: String
    /// First-person verb forms → third-person ones, for `{v1}`.
    let verbs: [String: String]
    /// Group indexes that must start with an upper-case letter in the original text (names).
    let capitalized: [Int]

    init(_ pattern: String, _ type: MemoryType, _ confidence: Double, _ template: String, verbs: [String: String] = [:], capitalized: [Int] = []) {
        // The patterns are literals checked by the tests; a typo is a programming error.
        self.regex = try! NSRegularExpression(pattern: "^" + pattern + "$", options: [.caseInsensitive])
        self.type = type
        self.confidence = confidence
        self.template = template
        self.verbs = verbs
        self.capitalized = capitalized
    }
}
