import Foundation

extension Recall {
    /// Imports an export (a file, ZIP or folder). Conversations are stored in batches of whole
    /// chats, one transaction each, so an interrupted import leaves every chat wholly present
    /// or absent and a re-run completes it.
    ///
    /// Re-importing the same file changes nothing and says so; a newer export adds and updates.
    public func importChats(
        _ request: ImportRequest, progress: @Sendable (ImportProgress) -> Void = { _ in }
    ) throws -> ImportSummary {
        let path = StoreLocation.expand(request.path)
        // Open the store first: a store that cannot be opened fails before any file is read.
        _ = try database()
        let run = ImportRun(path: path, platform: request.platform?.rawValue ?? "auto", startedAt: clock())
        var summary = ImportSummary(importID: nil, platform: request.platform?.rawValue ?? "unknown")
        var batch = ImportBatch()
        var reported = Set<String>()
        func save(_ conversations: [ParsedConversation]) throws {
            try store(conversations, run: run, bucket: request.bucket, extract: request.extract, summary: &summary)
        }
        func flush() throws { try save(batch.take()) }
        do {
            let read = try ExportReader().read(
                path: path, platform: request.platform,
                emit: { conversation, _ in
                    try Task.checkCancellation()
                    if let full = batch.add(conversation) { try save(full) }
                },
                // Each problem once: a file reached twice (a folder and its shard set, say)
                // still gets one line.
                diagnostic: { diagnostic in
                    let key = "\(diagnostic.severity)|\(diagnostic.file)|\(diagnostic.conversation ?? "")|\(diagnostic.offset ?? -1)|\(diagnostic.message)"
                    if reported.insert(key).inserted { summary.diagnostics.append(diagnostic) }
                },
                progress: progress)
            try flush()
            summary.files = read.files
            summary.skipped += read.skipped
            summary.platform = read.platforms.count == 1 ? read.platforms.first?.rawValue ?? "unknown" : (read.platforms.isEmpty ? "unknown" : "mixed")
        } catch is CancellationError {
            // What was read before the cancellation is kept, as a re-run would store it anyway.
            try? flush()
            try? finish(run, summary: &summary)
            throw RecallError(.cancelled, "The import of \(path) was cancelled after \(summary.chatsAdded + summary.chatsUpdated + summary.chatsUnchanged) conversations; what was stored stays. Run it again to finish.")
        } catch {
            // Conversations read whole before a later part of the export failed are kept, and
            // recorded; a file that could not be read at all leaves no trace.
            try? flush()
            try? finish(run, summary: &summary)
            throw error
        }
        try finish(run, summary: &summary)
        return summary
    }

    /// Stores conversations that an adapter or a benchmark built itself, exactly as an import
    /// stores parsed exports: same upserts, same counts, same optional extraction.
    public func importConversations(
        _ conversations: [ParsedConversation], label: String, bucket: String? = nil, extract: Bool = false
    ) throws -> ImportSummary {
        let platforms = Set(conversations.map(\.platform))
        let platform = platforms.count == 1 ? platforms.first?.rawValue ?? "unknown" : "mixed"
        let run = ImportRun(path: label, platform: platform, startedAt: clock())
        var summary = ImportSummary(importID: nil, platform: platform)
        summary.files = [label]
        var batch = ImportBatch()
        do {
            for conversation in conversations {
                if let full = batch.add(conversation) { try store(full, run: run, bucket: bucket, extract: extract, summary: &summary) }
            }
            try store(batch.take(), run: run, bucket: bucket, extract: extract, summary: &summary)
        } catch {
            try? finish(run, summary: &summary)
            throw error
        }
        try finish(run, summary: &summary)
        return summary
    }

    /// Records how the import ended, in its row if it stored anything; an import that stored
    /// nothing (it failed first, or every chat was already there) takes no id and adds no row.
    private func finish(_ run: ImportRun, summary: inout ImportSummary) throws {
        run.platform = summary.platform
        let database = try database()
        if run.rowID == nil, summary.memoriesExtracted > 0 {
            _ = try database.write { db in try run.id(in: db) }
        }
        guard let rowID = run.rowID else { return }
        summary.importID = PublicID.importRun.string(rowID)
        try database.finishImport(rowID, summary: summary, at: clock())
    }

    /// Upserts a batch of conversations in one transaction and, when asked, extracts memories
    /// from them. A conversation without a single visible message is not stored: it counts as
    /// skipped (an empty "New chat", one holding only a system prompt).
    private func store(_ conversations: [ParsedConversation], run: ImportRun, bucket: String?, extract: Bool, summary: inout ImportSummary) throws {
        let stored = conversations.filter { conversation in conversation.messages.contains { !$0.hidden } }
        summary.skipped += conversations.count - stored.count
        guard !stored.isEmpty else { return }
        let database = try database()
        let outcomes = try database.upsert(stored, run: run, bucket: bucket)
        for outcome in outcomes {
            switch outcome.outcome {
            case .added: summary.chatsAdded += 1
            case .updated: summary.chatsUpdated += 1
            case .unchanged: summary.chatsUnchanged += 1
            }
            summary.messagesAdded += outcome.messagesAdded
            summary.messagesUpdated += outcome.messagesUpdated
        }
        // Unchanged chats too: a first import without extraction can be followed by one with it;
        // deduplication keeps it idempotent.
        if extract {
            // Each memory goes into its chat's bucket, which the import's `bucket` has just set.
            let candidates = try database.extractionInputs(chatIDs: outcomes.map(\.chatID)).flatMap(candidates(from:))
            summary.memoriesExtracted += try database.store(candidates, userID: Memory.defaultUserID, now: clock(), describing: 0).added
        }
    }
}
