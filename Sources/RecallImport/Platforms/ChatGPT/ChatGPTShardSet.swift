import Foundation

/// The conversation files of one folder of a sharded ChatGPT export, read as one list.
///
/// Since early 2026 ChatGPT may split `conversations.json` into `conversations-000.json` …
/// `conversations-NNN.json` (beside an opaque `conversations.json.index`). A conversation can
/// appear in more than one shard; the copy with the larger `update_time` is the one to keep.
/// Reading stays streamed and each conversation is emitted once, its newest copy: a first pass
/// over the shards builds a small index (`ShardIndex`: id → newest copy), a second pass reads
/// them as usual and passes over every older copy. A `conversations.json` in the same folder
/// joins the set, so an export that ships both is not imported twice.
struct ChatGPTShardSet {
    /// One file of the set, as diagnostics name it.
    struct Member {
        /// How diagnostics name it.
        var name: String
        /// Its size, for progress, when known.
        var size: Int?
    }

    /// The `/`-separated paths of the set's files, in name order.
    let paths: [String]

    /// Whether a file name is one of ChatGPT's shard names, `conversations-<digits>.json`.
    static func isShard(_ name: String) -> Bool {
        let lowered = name.lowercased()
        guard lowered.hasPrefix("conversations-"), lowered.hasSuffix(".json") else { return false }
        let digits = lowered.dropFirst("conversations-".count).dropLast(".json".count)
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }

    /// The sets among `paths`: per folder, its shards and its `conversations.json`, when the
    /// folder has at least one shard and the set has at least two files (one file needs no merging).
    static func sets(in paths: [String]) -> [ChatGPTShardSet] {
        var byFolder: [String: [String]] = [:]
        var order: [String] = []
        for path in paths {
            let name = (path as NSString).lastPathComponent
            guard isShard(name) || name.lowercased() == "conversations.json" else { continue }
            let folder = (path as NSString).deletingLastPathComponent
            if byFolder[folder] == nil { order.append(folder) }
            byFolder[folder, default: []].append(path)
        }
        return order.compactMap { folder in
            let members = byFolder[folder] ?? []
            guard members.count > 1, members.contains(where: { isShard(($0 as NSString).lastPathComponent) }) else {
                return nil
            }
            return ChatGPTShardSet(paths: members.sorted())
        }
    }

    /// Indexes the members, then reads each one, passing over the conversations a later or
    /// newer copy replaces.
    ///
    /// `stream` delivers the bytes of the member at an ordinal, from the start, each time it is
    /// called (once per pass).
    static func read(
        _ members: [Member], into stage: ContainerStage,
        stream: (_ ordinal: Int, _ consume: (Data) throws -> Void) throws -> Void
    ) throws {
        var index = ShardIndex()
        for ordinal in members.indices {
            index.add(member: ordinal, limits: stage.limits) { consume in
                try withoutActuallyEscaping(consume) { consume in try stream(ordinal, consume) }
            }
        }
        let superseded = index.superseded()
        for (ordinal, member) in members.enumerated() {
            try stage.readMember(
                name: member.name, size: member.size, explicit: false, superseded: superseded[ordinal] ?? []
            ) { consume in
                try withoutActuallyEscaping(consume) { consume in try stream(ordinal, consume) }
            }
        }
    }
}
