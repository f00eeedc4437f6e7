import Foundation

/// Which copy of each conversation a sharded export should keep: the one with the largest
/// `update_time`, the later one on a tie (shards are written in order).
///
/// Memory holds one small entry per conversation id, never a conversation: the shards are
/// streamed through `JSONArraySplitter`, and only `id` and `update_time` are decoded.
struct ShardIndex {
    private struct Copy {
        var time: Double
        var member: Int
        var index: Int
    }

    private struct Probe: Decodable {
        @Lenient var id: String?
        @Lenient var conversationID: String?
        @Lenient var updateTime: Double?

        private enum CodingKeys: String, CodingKey {
            case id
            case conversationID = "conversation_id"
            case updateTime = "update_time"
        }
    }

    private var newest: [String: Copy] = [:]
    private var losers: [Int: Set<Int>] = [:]

    /// Creates an empty index.
    init() {}

    /// Streams one member and records its conversations.
    ///
    /// A member that is not a readable list
    /// is indexed as far as it goes; the reading pass reports what is wrong with it.
    mutating func add(member: Int, limits: ImportLimits, stream: (_ consume: (Data) throws -> Void) throws -> Void) {
        var splitter = JSONArraySplitter(maxElementSize: limits.maxConversationSize)
        var found: [(id: String, time: Double, index: Int)] = []
        do {
            try stream { chunk in
                try splitter.feed(chunk) { event in
                    guard case .element(let element) = event,
                        let probe = try? JSONDecoder().decode(Probe.self, from: element.data),
                        let id = [probe.id, probe.conversationID].compactMap({ $0 }).first(where: { !$0.isEmpty })
                    else { return }
                    found.append((id, probe.updateTime ?? -.infinity, element.index))
                }
            }
        } catch {
            // Not JSON, damaged, or refused by a container limit: the reading pass says so.
        }
        for entry in found {
            record(id: entry.id, Copy(time: entry.time, member: member, index: entry.index))
        }
    }

    /// For each member, the indices of elements an other copy replaces.
    func superseded() -> [Int: Set<Int>] { losers }

    private mutating func record(id: String, _ copy: Copy) {
        guard let kept = newest[id] else {
            newest[id] = copy
            return
        }
        if copy.time >= kept.time {
            losers[kept.member, default: []].insert(kept.index)
            newest[id] = copy
        } else {
            losers[copy.member, default: []].insert(copy.index)
        }
    }
}
