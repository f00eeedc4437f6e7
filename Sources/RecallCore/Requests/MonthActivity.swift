/// Messages and memories stored for one calendar month (UTC).
public struct MonthActivity: Sendable, Codable, Equatable {
    /// The month as `YYYY-MM`.
    public var month: String
    /// Visible messages on active branches dated in that month.
    public var messages: Int
    /// Current (not superseded) memories true or said in that month (else stored in it).
    public var memories: Int

    /// Creates a month's counts.
    public init(month: String, messages: Int = 0, memories: Int = 0) {
        self.month = month
        self.messages = messages
        self.memories = memories
    }
}
