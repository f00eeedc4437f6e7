import Foundation
import Synchronization

/// The vectors of a batch of conversations' visible messages, computed before the batch's
/// write transaction (on every core) so the write lock is held no longer than without them.
struct MessageVectors: Sendable {
    /// The model that made them.
    let model: String
    /// Per conversation of the batch, by message source id: the vector, or nil for a text with
    /// nothing to encode.
    ///
    /// A conversation stored unchanged has no entry.
    let byConversation: [[String: PackedVector?]]

    /// Encodes the visible messages of the conversations `needed` marks.
    init(_ conversations: [ParsedConversation], needed: [Bool], encoder: any TextEncoder) {
        model = encoder.modelID
        var texts: [(conversation: Int, id: String, text: String)] = []
        for (index, conversation) in conversations.enumerated() where needed[index] {
            for message in conversation.messages where !message.hidden {
                texts.append((index, message.sourceID, MessageRecord(message, chatID: 0).searchText))
            }
        }
        let vectors = Self.encode(texts.map(\.text), encoder: encoder)
        var result = [[String: PackedVector?]](repeating: [:], count: conversations.count)
        for (item, vector) in zip(texts, vectors) { result[item.conversation][item.id] = .some(vector) }
        byConversation = result
    }

    /// Encodes texts on every core, results in order.
    static func encode(_ texts: [String], encoder: any TextEncoder) -> [PackedVector?] {
        guard !texts.isEmpty else { return [] }
        let parts = min(texts.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let results = Mutex([PackedVector?](repeating: nil, count: texts.count))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (texts.count * part / parts)..<(texts.count * (part + 1) / parts)
            let encoded = texts[range].map { encoder.vector(for: $0) }
            results.withLock { all in
                for (offset, vector) in encoded.enumerated() { all[range.lowerBound + offset] = vector }
            }
        }
        return results.withLock { $0 }
    }
}
