extension StringProtocol {
    /// The text without leading and trailing characters for which `edge` holds.
    ///
    /// Native, unlike Foundation's `trimmingCharacters(in:)`, which bridges every call and
    /// dominated the extractor's time.
    func trimmed(while edge: (Character) -> Bool = \.isWhitespace) -> SubSequence {
        guard let first = firstIndex(where: { !edge($0) }), let last = lastIndex(where: { !edge($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }

}

extension Character {
    /// Punctuation other than the apostrophe, which belongs to words ("don't").
    var isPunctuationExceptApostrophe: Bool { isPunctuation && self != "'" }

    /// White space or punctuation other than the apostrophe.
    var isSpaceOrPunctuation: Bool { isWhitespace || isPunctuationExceptApostrophe }
}
