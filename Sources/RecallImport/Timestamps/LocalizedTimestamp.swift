import Foundation

/// Reads the timestamps Google Takeout writes into `MyActivity.html` in the account's language:
/// `Jan 5, 2025, 10:01:02 AM CET`, `5 Jan 2025, 10:01:02 GMT`, `05.01.2025, 10:01:02 MEZ`,
/// `1. 1. 2026 10:00:00 SEČ`, `2025/01/05 10:01:02 JST`, `2025年1月5日 10:01:02 GMT+08:00`.
///
/// It reads the parts rather than one pattern per locale: a time `h:mm[:ss]` with an optional
/// AM/PM marker, a zone (an abbreviation from a table, or `GMT±hh[:mm]`), a four-digit year, and
/// a month given by name (English and the main European languages) or by number. A year written
/// first means year-month-day; otherwise a month name settles the order, and two numbers are read
/// day-month, except with `/` where a first number up to 12 is the month (United States).
/// A zone it does not know is read as UTC and said so (`zoneKnown`). Text with long words that
/// are not month names is a sentence, not a timestamp, and gives nil.
enum LocalizedTimestamp {
    /// The instant, and whether its zone was understood.
    struct Reading: Equatable {
        /// The instant (UTC when the zone was not understood).
        var date: Date
        /// False when the text named no zone or one not in the table.
        var zoneKnown: Bool
    }

    /// Hours east of UTC for the zone abbreviations Takeout prints (diacritics removed, lower case).
    static let zones: [String: Double] = [
        "utc": 0, "gmt": 0, "wet": 0, "west": 1, "bst": 1, "cet": 1, "cest": 2, "mez": 1, "mesz": 2,
        "sec": 1, "selc": 2, "eet": 2, "eest": 3, "msk": 3, "pst": -8, "pdt": -7, "mst": -7, "mdt": -6,
        "cst": -6, "cdt": -5, "est": -5, "edt": -4, "akst": -9, "akdt": -8, "hst": -10, "jst": 9, "kst": 9,
        "hkt": 8, "sgt": 8, "awst": 8, "acst": 9.5, "acdt": 10.5, "aest": 10, "aedt": 11, "nzst": 12,
        "nzdt": 13, "brt": -3, "art": -3,
    ]

    /// Month-name beginnings (diacritics removed), longest first where they share a start.
    private static let months: [(prefix: String, month: Int)] = [
        ("juin", 6), ("juil", 7), ("jan", 1), ("ene", 1), ("gen", 1), ("feb", 2), ("fev", 2), ("mar", 3),
        ("mrt", 3), ("apr", 4), ("avr", 4), ("abr", 4), ("may", 5), ("mai", 5), ("mag", 5), ("mei", 5),
        ("jun", 6), ("giu", 6), ("jul", 7), ("lug", 7), ("aug", 8), ("aou", 8), ("ago", 8), ("sep", 9),
        ("set", 9), ("oct", 10), ("okt", 10), ("ott", 10), ("out", 10), ("nov", 11), ("dec", 12),
        ("dez", 12), ("dic", 12),
    ]

    private enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case symbol(Character)
    }

    /// The instant the text names, or nil when it holds no date and time.
    static func reading(from text: String) -> Reading? {
        var tokens = tokenize(text)
        guard let (clockHour, minute, second) = takeTime(&tokens) else { return nil }
        var hour = clockHour
        var offset: Double?
        var dateParts: [Token] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard case .word(let word) = token else {
                dateParts.append(token)
                continue
            }
            if word == "am" || word == "午前" || word == "오전" {
                if hour == 12 { hour = 0 }
            } else if word == "pm" || word == "午後" || word == "오후" {
                if hour < 12 { hour += 12 }
            } else if word == "gmt" || word == "utc", index < tokens.count, case .symbol(let sign) = tokens[index],
                sign == "+" || sign == "-"
            {
                offset = zoneOffset(sign: sign, tokens: tokens, after: &index)
            } else if let hours = zones[word] {
                offset = hours
            } else {
                dateParts.append(token)
            }
        }
        guard let (year, month, day) = date(from: dateParts), (1...12).contains(month), (1...31).contains(day),
            (1970...2200).contains(year), hour < 24, minute < 60, second <= 60
        else { return nil }
        var components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        components.timeZone = TimeZone(secondsFromGMT: 0)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        guard let utc = calendar.date(from: components) else { return nil }
        return Reading(date: utc.addingTimeInterval(-(offset ?? 0) * 3600), zoneKnown: offset != nil)
    }

    private static func tokenize(_ text: String) -> [Token] {
        let lowered = text.lowercased().replacingOccurrences(of: "a.m.", with: "am").replacingOccurrences(
            of: "p.m.", with: "pm")
        var tokens: [Token] = []
        var digits = ""
        var letters = ""
        func flush() {
            if !digits.isEmpty { tokens.append(.number(Int(digits) ?? 0, digits: digits.count)) }
            if !letters.isEmpty {
                // Accents go from Latin words only ("févr", "SEČ"): folding would take Hangul apart.
                let latin = letters.unicodeScalars.allSatisfy { $0.value < 0x250 }
                tokens.append(.word(latin ? letters.folding(options: .diacriticInsensitive, locale: nil) : letters))
            }
            digits = ""
            letters = ""
        }
        for character in lowered {
            if character.isASCII, character.isNumber {
                if !letters.isEmpty { flush() }
                digits.append(character)
            } else if character.isLetter {
                if !digits.isEmpty { flush() }
                letters.append(character)
            } else {
                flush()
                if !character.isWhitespace { tokens.append(.symbol(character)) }
            }
        }
        flush()
        return tokens
    }

    /// Removes the first `h:mm[:ss]` from the tokens and returns it.
    private static func takeTime(_ tokens: inout [Token]) -> (Int, Int, Int)? {
        for start in tokens.indices where start + 2 < tokens.count {
            guard case .number(let hour, let hourDigits) = tokens[start], hourDigits <= 2,
                tokens[start + 1] == .symbol(":"), case .number(let minute, 2) = tokens[start + 2]
            else { continue }
            var end = start + 3
            var second = 0
            if end + 1 < tokens.count, tokens[end] == .symbol(":"), case .number(let value, 2) = tokens[end + 1] {
                second = value
                end += 2
                // A fraction of a second, if one is written, is dropped.
                if end + 1 < tokens.count, tokens[end] == .symbol("."), case .number = tokens[end + 1] { end += 2 }
            }
            tokens.removeSubrange(start..<end)
            return (hour, minute, second)
        }
        return nil
    }

    private static func zoneOffset(sign: Character, tokens: [Token], after index: inout Int) -> Double? {
        index += 1  // the sign
        guard index < tokens.count, case .number(let value, let digits) = tokens[index] else { return 0 }
        index += 1
        var hours = Double(digits > 2 ? value / 100 : value)
        var minutes = Double(digits > 2 ? value % 100 : 0)
        if index + 1 < tokens.count, tokens[index] == .symbol(":"), case .number(let extra, _) = tokens[index + 1] {
            minutes = Double(extra)
            index += 2
        }
        hours += minutes / 60
        return sign == "-" ? -hours : hours
    }

    /// Year, month and day from what is left once time and zone are taken out.
    private static func date(from parts: [Token]) -> (Int, Int, Int)? {
        var year: Int?
        var monthByName: Int?
        var numbers: [Int] = []
        var yearFirst = false
        var firstSeparator: Character?
        var unknownWords = 0
        for (index, token) in parts.enumerated() {
            switch token {
            case .number(let value, let digits) where digits == 4:
                if year == nil {
                    year = value
                    yearFirst = numbers.isEmpty && monthByName == nil
                }
            case .number(let value, _):
                if numbers.isEmpty, index + 1 < parts.count, case .symbol(let symbol) = parts[index + 1] {
                    firstSeparator = symbol
                }
                numbers.append(value)
            case .word(let word):
                if let match = months.first(where: { word.hasPrefix($0.prefix) }) {
                    monthByName = monthByName ?? match.month
                } else {
                    // Short words glue dates together ("de", "um", "à", 年); a long one means this
                    // is a sentence that happens to hold a time, not a timestamp.
                    unknownWords += 1
                    guard word.count <= 4, unknownWords <= 3 else { return nil }
                }
            case .symbol:
                continue
            }
        }
        guard let year else { return nil }
        if let monthByName {
            guard let day = numbers.first else { return nil }
            return (year, monthByName, day)
        }
        guard numbers.count >= 2 else { return nil }
        let (first, second) = (numbers[0], numbers[1])
        if yearFirst { return (year, first, second) }
        if firstSeparator == "/", first <= 12, second <= 31 { return (year, first, second) }
        return (year, second, first)
    }
}
