/// What kind of thing a memory says about the user.
public enum MemoryType: String, Sendable, Codable, CaseIterable, Hashable {
    /// Likes, dislikes and ways they want things done.
    case preference
    /// A stable fact about them (job, home, name).
    case fact
    /// Something that happened to them.
    case experience
    /// Something they want or plan.
    case goal
    /// A person in their life and how they relate.
    case relationship
    /// Anything saved by hand that fits no other type.
    case note
}
