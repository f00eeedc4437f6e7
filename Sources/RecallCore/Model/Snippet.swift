/// Snippets for passages the word index did not match (CJK, neighbouring turns, recency lists).
enum Snippet {
    /// Most characters of a lead snippet.
    static let length = 240

    /// The start of a text, cut at a word boundary when it is long.
    static func lead(_ text: String) -> String {
        guard text.count > length else { return text }
        let cut = text.prefix(length)
        let boundary = cut.lastIndex(where: { $0 == " " || $0 == "\n" }) ?? cut.endIndex
        return String(cut[..<boundary]) + "…"
    }
}
