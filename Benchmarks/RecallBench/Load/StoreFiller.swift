import Foundation
import RecallCore

/// Grows a store to a number of chat messages through RecallCore's own import path
/// (`importConversations`: the same upserts and search index as a real import), in batches so
/// memory stays flat whatever the size.
struct StoreFiller {
    /// The store being filled.
    let recall: Recall
    private var text = SyntheticText(seed: 7)
    private(set) var messages = 0
    private(set) var memories = 0
    private var conversations = 0

    init(path: String) {
        recall = Recall(location: .file(path))
    }

    /// A filler for the store at `location` (a file or a PostgreSQL database).
    init(location: StoreLocation) {
        recall = Recall(location: location)
    }

    /// Adds conversations of 50 messages until the store holds at least `target` messages.
    mutating func grow(to target: Int) throws {
        while messages < target {
            var batch: [ParsedConversation] = []
            while messages < target, batch.count < 200 {
                batch.append(nextConversation())
            }
            _ = try recall.importConversations(batch, label: "recall-bench fill")
        }
    }

    /// Saves short memories with `add_memory`'s path (vectors included) until there are `target`.
    mutating func addMemories(upTo target: Int) throws {
        while memories < target {
            let content = "The user " + text.sentence(Int.random(in: 5...14, using: &text.random)) + "."
            _ = try recall.addMemory(AddMemoryRequest(content: content, tags: ["bench"]))
            memories += 1
        }
    }

    private mutating func nextConversation() -> ParsedConversation {
        let start = Date(timeIntervalSince1970: 1_600_000_000 + Double(conversations) * 3_600)
        var turns: [ParsedMessage] = []
        for index in 0..<50 {
            let length = Int.random(in: 12...40, using: &text.random)
            let role: MessageRole = index % 2 == 0 ? .user : .assistant
            let parent: String? = index == 0 ? nil : "m\(index - 1)"
            let time = start.addingTimeInterval(Double(index) * 30)
            turns.append(
                ParsedMessage(
                    sourceID: "m\(index)", parentSourceID: parent, role: role, text: text.sentence(length),
                    createdAt: time, activePosition: index))
        }
        conversations += 1
        messages += turns.count
        return ParsedConversation(
            platform: .chatgpt, sourceID: "bench-\(conversations)", title: text.sentence(4), createdAt: start,
            updatedAt: start.addingTimeInterval(1_500), messages: turns)
    }
}
