import Foundation

/// A stable fingerprint of a parsed conversation, so a re-import can say "unchanged" cheaply.
enum ConversationHash {
    /// 64-bit FNV-1a over every stored field, as hex.
    ///
    /// Stable across runs and platforms.
    static func of(_ conversation: ParsedConversation) -> String {
        var hasher = FNV1a()
        hasher.add(conversation.title ?? "\u{0}")
        hasher.add(conversation.createdAt.map { "\($0.timeIntervalSince1970)" } ?? "-")
        hasher.add(conversation.updatedAt.map { "\($0.timeIntervalSince1970)" } ?? "-")
        hasher.add(JSONColumn.encode(conversation.metadata))
        for message in conversation.messages {
            hasher.add(message.sourceID)
            hasher.add(message.parentSourceID ?? "\u{0}")
            hasher.add(message.role.rawValue)
            hasher.add(message.text)
            hasher.add(message.createdAt.map { "\($0.timeIntervalSince1970)" } ?? "-")
            hasher.add(message.hidden ? "h" : "v")
            hasher.add(message.activePosition.map(String.init) ?? "-")
            hasher.add(message.contentType ?? "")
            hasher.add(message.attachments.isEmpty ? "" : JSONColumn.encode(message.attachments))
            // Only when present, so fingerprints of exports without authors stay as they were.
            if let author = message.author { hasher.add(author) }
        }
        return String(hasher.value, radix: 16)
    }

    private struct FNV1a {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ text: String) {
            for byte in text.utf8 {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01b3
            }
            // A separator byte, so ("ab","c") and ("a","bc") differ.
            value ^= 0xff
            value = value &* 0x0000_0100_0000_01b3
        }
    }
}
