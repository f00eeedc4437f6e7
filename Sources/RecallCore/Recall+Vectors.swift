import Foundation
import Synchronization

/// How far `recall reindex` (or the background back-fill) has come.
public struct ReindexProgress: Sendable, Equatable {
    /// What is being embedded: "messages" or "memories".
    public var kind: String
    /// The model making the vectors.
    public var model: String
    /// Rows given a vector so far in this run.
    public var done: Int
    /// Rows that had no vector when this part of the run started.
    public var total: Int

    /// Creates a progress report.
    public init(kind: String, model: String, done: Int, total: Int) {
        self.kind = kind
        self.model = model
        self.done = done
        self.total = total
    }
}

/// What a reindex did.
public struct ReindexSummary: Sendable, Codable, Equatable {
    /// Messages given a static vector.
    public var messagesEmbedded: Int
    /// Memory vectors made (one per memory and model).
    public var memoryVectorsEmbedded: Int
    /// Visible messages.
    public var messages: Int
    /// Visible messages that now have a vector.
    public var messagesWithVectors: Int
    /// Memories.
    public var memories: Int
    /// Memories that now have a vector of every model.
    public var memoriesWithVectors: Int

    /// Creates a summary.
    public init(
        messagesEmbedded: Int, memoryVectorsEmbedded: Int, messages: Int, messagesWithVectors: Int, memories: Int,
        memoriesWithVectors: Int
    ) {
        self.messagesEmbedded = messagesEmbedded
        self.memoryVectorsEmbedded = memoryVectorsEmbedded
        self.messages = messages
        self.messagesWithVectors = messagesWithVectors
        self.memories = memories
        self.memoriesWithVectors = memoriesWithVectors
    }
}

extension Recall {
    /// Rows embedded per transaction by a reindex: each batch is committed on its own, so an
    /// interrupted run keeps what it did and the next one carries on from there.
    static let reindexBatch = 500

    /// Gives every message and memory without a vector of the configured models its vector:
    /// for a store written before meaning was searched, or after a model changed.
    ///
    /// Resumable,
    /// safe while other processes use the store; does nothing with semantic search off.
    ///
    /// Vectors are upkeep of the store, not data an account reads: every account's rows are
    /// embedded and counted, whichever account's view runs it (the CLI's, or the back-fill).
    public func reindex(progress: @Sendable (ReindexProgress) -> Void = { _ in }) throws -> ReindexSummary {
        let database = try database()
        var messagesEmbedded = 0
        var memoryVectors = 0
        let coverage = {
            try database.vectorCoverage(
                messageModel: self.semantic.messageEncoder?.modelID ?? "",
                memoryModels: self.semantic.memoryEncoders.map(\.modelID))
        }
        let before = try coverage()
        if let encoder = semantic.messageEncoder {
            messagesEmbedded = try embedMissing(
                .messages, encoder: encoder, total: max(0, before.messages - before.messageVectors), progress: progress)
        }
        for (index, encoder) in semantic.memoryEncoders.enumerated() {
            memoryVectors += try embedMissing(
                .memories, encoder: encoder, total: max(0, before.memories - before.memoryVectors[index]),
                progress: progress)
        }
        let after = try coverage()
        return ReindexSummary(
            messagesEmbedded: messagesEmbedded, memoryVectorsEmbedded: memoryVectors, messages: after.messages,
            messagesWithVectors: semantic.messageEncoder == nil ? 0 : after.messageVectors, memories: after.memories,
            memoriesWithVectors: after.memoryVectors.min() ?? 0)
    }

    /// Embeds the rows of a kind that have no vector of the encoder's model, in committed batches.
    private func embedMissing(
        _ kind: VectorKind, encoder: any TextEncoder, after start: Int64 = 0, total: Int,
        progress: (ReindexProgress) -> Void
    ) throws -> Int {
        let database = try database()
        let name = kind == .messages ? "messages" : "memories"
        var after = start
        var done = 0
        if total > 0 { progress(ReindexProgress(kind: name, model: encoder.modelID, done: 0, total: total)) }
        while true {
            try Task.checkCancellation()
            let pending =
                switch kind {
                case .messages:
                    try database.messagesWithoutVectors(model: encoder.modelID, after: after, limit: Self.reindexBatch)
                case .memories:
                    try database.memoriesWithoutVectors(model: encoder.modelID, after: after, limit: Self.reindexBatch)
                }
            guard let last = pending.last?.id else { break }
            let vectors = MessageVectors.encode(pending.map(\.text), encoder: encoder)
            try database.storeMissingVectors(
                zip(pending, vectors).map { ($0.id, $1) }, kind: kind, model: encoder.modelID)
            done += pending.count
            after = last
            progress(ReindexProgress(kind: name, model: encoder.modelID, done: done, total: max(total, done)))
            if pending.count < Self.reindexBatch { break }
        }
        return done
    }

    /// The newest memory id now, to find the memories a write is about to add.
    func memoryHighWater() throws -> Int64 {
        guard !semantic.memoryEncoders.isEmpty else { return 0 }
        return try database().maxMemoryID()
    }

    /// Gives the memories stored after `after` their vectors of every memory model.
    func embedMemories(after: Int64) throws {
        for encoder in semantic.memoryEncoders {
            _ = try embedMissing(.memories, encoder: encoder, after: after, total: 0, progress: { _ in })
        }
    }

    /// Starts, once per process and only when asked for at creation, a back-fill of the rows
    /// that have no vector yet, on a background thread: a store written before semantic search
    /// (or imported with it off) becomes searchable by meaning while it keeps answering by words.
    func startBackfillIfNeeded() {
        guard backgroundIndexing, semantic.isOn else { return }
        // Once per store, whichever account searches first: the owner keeps the flag.
        if root !== self { return root.startBackfillIfNeeded() }
        let start = backfillStarted.withLock { started in
            defer { started = true }
            return !started
        }
        guard start else { return }
        DispatchQueue.global(qos: .utility).async { [self] in
            // A failure (a store busy past its timeout, a disk error) leaves the rest to the next
            // start or to `recall reindex`; searches meanwhile use the vectors that exist.
            _ = try? reindex()
        }
    }
}
