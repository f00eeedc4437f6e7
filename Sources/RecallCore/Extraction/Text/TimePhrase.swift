import Foundation

/// A unit of relative time.
enum TimeUnit: String, Sendable {
    case day, weekend, week, month, year
}

/// Which way an unanchored phrase ("on Friday", "in May") points.
enum TimeDirection: Sendable {
    /// Before the message.
    case past
    /// After the message.
    case future
    /// After it for goals, before it for everything else.
    case byTense
}

/// How a time phrase moves from the message's date.
enum TimeShift: Sendable {
    /// A fixed step: `yesterday` is `.step(.day, -1)`, `next month` is `.step(.month, 1)`.
    case step(TimeUnit, Int)
    /// A counted step: the count in capture group 1 (digits or a number word), the unit in group 2;
    /// `sign` -1 for "ago", +1 for "in".
    case counted(sign: Int)
    /// A weekday named in group 1.
    case weekday(TimeDirection)
    /// A month named in group 1, with the year in group 2 when given.
    case month(TimeDirection)
    /// A year in group 1.
    case year
}

/// One time phrase of a language: a pattern and what it means.
struct TimePhrase: Sendable {
    /// Case-insensitive, matched on word boundaries anywhere in a sentence.
    let regex: NSRegularExpression
    /// How it moves from the message's date.
    let shift: TimeShift

    /// Creates a phrase rule.
    init(_ pattern: String, _ shift: TimeShift) {
        // A literal; `LiteralRegex` records one that does not compile and a test fails on it.
        self.regex = LiteralRegex.compile(
            "(?<![\\p{L}\\d])(?:" + pattern + ")(?![\\p{L}\\d])", options: [.caseInsensitive])
        self.shift = shift
    }
}

/// A language's words for time: the phrases, the names and numbers they use, and how a
/// resolved date is written back into a memory ("on 7 May 2023").
struct TimeVocabulary: Sendable {
    /// The phrases, longest first where one contains another ("the day before yesterday" before "yesterday").
    let phrases: [TimePhrase]
    /// Unit words, singular and plural.
    let units: [String: TimeUnit]
    /// Number words ("two", "a couple of").
    let numbers: [String: Int]
    /// Weekday names → 1 (Sunday) … 7 (Saturday).
    let weekdays: [String: Int]
    /// Month names, January first, as written in memories; parsing also accepts `monthAliases`.
    let months: [String]
    /// Other month spellings → 1…12 ("sept").
    let monthAliases: [String: Int]
    /// Templates per precision, with `{d}` day, `{m}` month name, `{y}` year.
    let formats: [TimeUnit: String]
    /// Words of which every phrase contains one (or a digit): sentences without any skip the patterns.
    let keywords: Set<String>

    /// Creates a vocabulary; `keywords` adds to the unit, weekday and month names.
    init(
        phrases: [TimePhrase], units: [String: TimeUnit], numbers: [String: Int], weekdays: [String: Int],
        months: [String],
        monthAliases: [String: Int], formats: [TimeUnit: String], keywords: Set<String>
    ) {
        self.phrases = phrases
        self.units = units
        self.numbers = numbers
        self.weekdays = weekdays
        self.months = months
        self.monthAliases = monthAliases
        self.formats = formats
        self.keywords = keywords.union(units.keys).union(weekdays.keys).union(months.map { $0.lowercased() }).union(
            monthAliases.keys)
    }

    /// Whether a sentence may hold a time phrase at all.
    func mayMention(_ sentence: String) -> Bool {
        if sentence.contains(where: \.isNumber) { return true }
        return sentence.lowercased().split(whereSeparator: { !$0.isLetter }).contains { keywords.contains(String($0)) }
    }

    /// The month number of a name, or nil.
    func month(named name: String) -> Int? {
        let lowered = name.lowercased()
        if let index = months.firstIndex(where: { $0.lowercased() == lowered }) { return index + 1 }
        return monthAliases[lowered]
    }

    /// A count written in digits or words.
    func count(_ text: String) -> Int? {
        Int(text) ?? numbers[text.lowercased()]
    }

    /// A resolved time written for a memory.
    func render(_ time: ResolvedTime) -> String {
        let parts = ResolvedTime.calendar.dateComponents([.year, .month, .day], from: time.date)
        let template = formats[time.precision] ?? formats[.day] ?? "{d} {m} {y}"
        return
            template
            .replacingOccurrences(of: "{d}", with: String(parts.day ?? 1))
            .replacingOccurrences(of: "{m}", with: months[max(0, min(11, (parts.month ?? 1) - 1))])
            .replacingOccurrences(of: "{y}", with: String(parts.year ?? 1970))
    }
}
