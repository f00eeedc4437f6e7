import Foundation

/// What a memory says, reduced to compare it with others.
///
/// The same gist means the same fact in other words; the same slot with another value means a
/// contradiction. Extraction reads it from a memory's words; the store gets it through
/// `FactSigning`.
///
/// ```swift
/// FactSignature("The user really loves Rust!").gist == FactSignature("the user loves rust").gist   // true
/// FactSignature("The user lives in Oslo.").slot == FactSignature("The user lives in Bergen.").slot // "residence"
/// ```
public struct FactSignature: Sendable, Equatable {
    /// The content words in order, without articles, intensifiers and pronoun variants, lightly
    /// stemmed: "The user really loves the TypeScript language" → "user love typescript language".
    public let gist: String
    /// What the fact is about when only one version can be current ("residence", "likes chinese food").
    public let slot: String?
    /// The slot's value ("bergen", "+" for likes, "-" for dislikes).
    public let value: String?

    /// A signature made of its parts.
    public init(gist: String, slot: String?, value: String?) {
        self.gist = gist
        self.slot = slot
        self.value = value
    }

    /// Lowercased, with everything but letters and digits turned into single spaces.
    public static func normalize(_ content: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in content.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                result.unicodeScalars.append(scalar)
                pendingSpace = false
            } else {
                pendingSpace = true
            }
        }
        return result
    }
}
