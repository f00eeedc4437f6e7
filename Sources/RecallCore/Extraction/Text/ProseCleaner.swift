import Foundation

/// Reduces a message to the prose a person wrote about themselves: code, quoted speech, links,
/// markup and pasted material are removed, so they never become facts.
enum ProseCleaner {
    /// The text with code, quotes, links and markup removed; curly apostrophes made straight.
    static func clean(_ text: String) -> String {
        var result =
            text.contains(where: { $0 == "’" || $0 == "‘" })
            ? String(text.map { $0 == "’" || $0 == "‘" ? "'" : $0 }) : text
        // A leading newline lets "at the start of a line" triggers see the first line too.
        var bytes = Array(("\n" + result).utf8)
        for substitution in substitutions
        where substitution.needles.contains(where: { ByteSearch.first($0, in: bytes) != nil }) {
            result = substitution.regex.stringByReplacingMatches(
                in: result, range: NSRange(result.startIndex..., in: result), withTemplate: substitution.template)
            bytes = Array(("\n" + result).utf8)
        }
        if bytes.contains(where: { $0 == UInt8(ascii: "\"") }) || result.contains(where: { $0 == "“" || $0 == "«" }) {
            result = removeSpeech(from: result)
        }
        // Lines that look like code (not sentences) go too; prose lines stay.
        return result.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in looksLikeCode(line) ? "" : String(line) }
            .joined(separator: "\n")
    }

    /// One cleaning pass: it runs only when one of its needles occurs (most messages have no code
    /// or markup, and a regular-expression pass costs far more than the check).
    private struct Substitution: Sendable {
        let needles: [[UInt8]]
        let regex: NSRegularExpression
        let template: String

        init(_ needles: [String], _ pattern: String, _ template: String) {
            self.needles = needles.map { Array($0.utf8) }
            self.regex = ProseCleaner.regex(pattern)
            self.template = template
        }
    }

    private static func regex(_ pattern: String) -> NSRegularExpression {
        // A literal; `LiteralRegex` records one that does not compile and a test fails on it.
        LiteralRegex.compile(pattern)
    }

    /// Applied in order.
    private static let substitutions: [Substitution] = [
        // Fenced code, closed or not.
        Substitution(["```", "~~~"], "```[\\s\\S]*?(?:```|$)|~~~[\\s\\S]*?(?:~~~|$)", "\n"),
        Substitution(["\n    ", "\n\t"], "(?m)^(?: {4}|\\t).*$", ""),  // indented code
        Substitution(["`"], "`[^`\\n]*`", " "),  // inline code
        Substitution([">"], "(?m)^\\s*>.*$", "\n"),  // quoted replies
        Substitution(["<"], "<[^<>\\n]{1,200}>", " "),  // HTML and XML tags
        Substitution(["]("], "!?\\[([^\\]\\n]{0,200})\\]\\([^)\\s]*\\)", "$1"),  // Markdown links keep their text
        // URLs and e-mail addresses.
        Substitution(["://", "www.", "@"], "(?:https?|ftp)://\\S+|www\\.\\S+|\\S+@\\S+\\.\\w+", " "),
        Substitution(
            ["\n#", "\n-", "\n*", "\n+", "\n•", "\n ", "\n1", "\n2", "\n3", "\n4", "\n5", "\n6", "\n7", "\n8", "\n9"],
            "(?m)^\\s{0,3}(?:#{1,6}\\s+|[-*+•]\\s+|\\d{1,3}[.)]\\s+)", ""),  // headings, bullets, numbered items
        Substitution(["**", "__", "~~"], "\\*\\*|__|~~", ""),  // bold and strike-through markers
        Substitution(["*", "_"], "(?<![\\p{L}\\d])[*_]([^*_\\n]+)[*_](?![\\p{L}\\d])", "$1"),  // italics
    ]

    /// Removes quotations that are someone's speech ("She said "I love cats""); short titles
    /// ("I loved "Becoming Nicole"") stay, because they name what the speaker means.
    private static func removeSpeech(from text: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        var result = ""
        var last = text.startIndex
        for match in quotes.matches(in: text, range: range) {
            guard let whole = Range(match.range, in: text) else { continue }
            let inner = (1...3).compactMap { Range(match.range(at: $0), in: text) }.first.map { String(text[$0]) } ?? ""
            let words = inner.split(separator: " ")
            let isTitle =
                words.count <= 6 && !inner.contains(where: { ".!?".contains($0) })
                && !words.contains(where: {
                    pronouns.contains(String($0.lowercased().trimmed(while: \.isPunctuationExceptApostrophe)))
                })
            result += text[last..<whole.lowerBound]
            result += isTitle ? inner : " "
            last = whole.upperBound
        }
        return result + text[last...]
    }

    private static let quotes = regex("\"([^\"\\n]{0,400})\"|“([^”\\n]{0,400})”|«([^»\\n]{0,400})»")

    /// Words that make a quotation speech rather than a title.
    private static let pronouns: Set<String> = ["i", "i'm", "my", "me", "you", "your", "we", "yo", "mi", "tú"]

    /// A line with code punctuation or keywords and no sentence shape.
    private static func looksLikeCode(_ line: Substring) -> Bool {
        let trimmed = line.trimmed()
        guard !trimmed.isEmpty else { return false }
        if trimmed.hasSuffix(";") || trimmed.hasSuffix("{") || trimmed.hasSuffix("}") || trimmed.hasPrefix("}") {
            return true
        }
        let bytes = Array(trimmed.utf8)
        if codeMarkers.contains(where: { ByteSearch.first($0, in: bytes) != nil }) { return true }
        let firstWord = trimmed.prefix { !$0.isWhitespace }
        return codeKeywords.contains(String(firstWord)) && trimmed.contains(where: { "(){}=:;".contains($0) })
    }

    private static let codeMarkers: [[UInt8]] = [
        "=>", "==", "!=", "::", "->", "():", "();", "#include", "#!/", "<?", "&&", "||", "+=", "</",
    ].map { Array($0.utf8) }
    private static let codeKeywords: Set<String> = [
        "def", "class", "import", "from", "func", "function", "let", "var", "const", "return", "public", "private",
        "static", "struct", "enum", "if", "for", "while", "SELECT", "INSERT", "UPDATE", "CREATE", "print",
        "console.log",
        "fn", "pub", "package", "using", "namespace", "@", "elif", "else",
    ]
}
