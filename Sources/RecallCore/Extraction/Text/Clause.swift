/// One clause of a sentence that may state something about the speaker.
struct Clause: Sendable, Equatable {
    /// The clause, without fillers, hedges and time phrases.
    var text: String
    /// Whether it opens its sentence (statements without a subject count only there).
    var opensSentence: Bool
    /// How much a hedge ("I think", "maybe") weakens it: 1 when it is plain.
    var certainty: Double
    /// The time phrase that applies to it, if any.
    var time: TimeMention?
    /// The sentence it is part of, for what the rest of it says ("… but it crashes").
    var context = ""
    /// Which sentence of the message it is in, and where in that sentence (UTF-8 offsets).
    var sentence = 0
    var span = 0..<0
}

/// A time phrase found in a sentence, not yet resolved against a date.
struct TimeMention: Sendable, Equatable {
    /// Which rule of the language matched.
    let phrase: Int
    /// Its capture groups, group 0 being the whole phrase.
    let groups: [String]
}
