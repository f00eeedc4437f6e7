/// A turn's place: its chat and its position on the active branch.
struct MessageKey: Hashable, Comparable, Sendable {
    var chatID: Int64
    var position: Int

    static func < (lhs: MessageKey, rhs: MessageKey) -> Bool {
        (lhs.chatID, lhs.position) < (rhs.chatID, rhs.position)
    }

    /// The turns within `window` on each side.
    func neighbours(_ window: Int) -> [MessageKey] {
        (-window...window).compactMap { offset in
            offset == 0 || position + offset < 0 ? nil : MessageKey(chatID: chatID, position: position + offset)
        }
    }
}
