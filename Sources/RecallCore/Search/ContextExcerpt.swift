import Foundation

/// Consecutive turns of one chat quoted in a context block.
struct ContextExcerpt: Sendable {
    var chatID: Int64
    var chatTitle: String
    var platform: Platform
    /// Turns keyed by their active-branch position, so merged windows stay in order without repeats.
    var turns: [Int: Message]

    init(_ window: MessageWindow) {
        chatID = window.chatID
        chatTitle = window.chatTitle
        platform = window.platform
        turns = Dictionary(zip(window.positions, window.messages), uniquingKeysWith: { first, _ in first })
    }

    /// True when the window shares or touches a turn of this excerpt.
    func overlaps(_ window: MessageWindow) -> Bool {
        guard window.chatID == chatID, let low = turns.keys.min(), let high = turns.keys.max() else { return false }
        return window.positions.contains { $0 >= low - 1 && $0 <= high + 1 }
    }

    /// Adds a window's turns.
    mutating func merge(_ window: MessageWindow) {
        for (position, message) in zip(window.positions, window.messages) where turns[position] == nil {
            turns[position] = message
        }
    }

    /// The turns in conversation order.
    var ordered: [Message] {
        turns.keys.sorted().compactMap { turns[$0] }
    }
}
