/// A run of visible turns around a hit, for context blocks: what the store reads and the
/// context builder arranges, so it lives with the other shared values.
struct MessageWindow: Sendable {
    /// The chat's row id.
    var chatID: Int64
    /// The chat's title.
    var chatTitle: String
    /// The platform the chat came from.
    var platform: Platform
    /// The turns, in order.
    var messages: [Message]
    /// Each turn's position on the active branch.
    var positions: [Int]
}
