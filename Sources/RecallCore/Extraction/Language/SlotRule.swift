import Foundation

/// A kind of fact of which only one version is current — where the user lives, whether they like
/// Chinese food — recognised in a memory's normalised text (lowercase, punctuation as spaces).
///
/// Two memories with the same slot and different values contradict each other: the newer one
/// supersedes the older. The same slot and value say the same thing in other words.
struct SlotRule: Sendable {
    /// Anchored, matched against the whole normalised memory.
    let regex: NSRegularExpression
    /// The slot's name, with `{1}` for a group (`likes {1}`).
    let slot: String
    /// The value, with `{1}` for a group, or a constant (`+`, `-`).
    let value: String

    /// Creates a rule over normalised text.
    init(_ pattern: String, slot: String, value: String) {
        // A literal; `LiteralRegex` records one that does not compile and a test fails on it.
        self.regex = LiteralRegex.compile("^(?:" + pattern + ")$")
        self.slot = slot
        self.value = value
    }
}
