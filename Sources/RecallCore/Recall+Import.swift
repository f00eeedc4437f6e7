import Foundation

extension Recall {
    /// Imports an export (a file, ZIP or folder). Conversations are stored in batches of whole
    /// chats, one transaction each, so an interrupted import leaves every chat wholly present
    /// or absent and a re-run completes it.
    ///
    /// Re-importing the same file changes nothing and says so; a newer export adds and updates.
    ///
    /// The request's `policy` says what may be read; a path it does not allow is refused before
    /// anything is stored. When its time limit runs out, the import stops between conversations
    /// and the summary says so in `stoppedEarly`.
    public func importChats(
        _ request: ImportRequest, progress: @Sendable (ImportProgress) -> Void = { _ in }
    ) throws -> ImportSummary {
        let path = StoreLocation.expand(request.path)
        try ExportReader.admit(path, policy: request.policy)
        let database = try database()
        let importRowID = try database.beginImport(path: path, platform: request.platform?.rawValue ?? "auto", at: clock())
        var summary = ImportSummary(importID: PublicID.importRun.string(importRowID), platform: request.platform?.rawValue ?? "unknown")
        var batch = ImportBatch()
        func save(_ conversations: [ParsedConversation]) throws {
            try store(conversations, importRowID: importRowID, bucket: request.bucket, extract: request.extract, summary: &summary)
        }
        func flush() throws { try save(batch.take()) }
        do {
            let read = try ExportReader().read(
                path: path, platform: request.platform, policy: request.policy, clock: clock,
                emit: { conversation, _ in
                    try Task.checkCancellation()
                    if let full = batch.add(conversation) { try save(full) }
                },
                diagnostic: { summary.diagnostics.append($0) },
                progress: progress)
            try flush()
            summary.files = read.files
            summary.skipped = read.skipped
            summary.platform = read.platforms.count == 1 ? read.platforms.first?.rawValue ?? "unknown" : (read.platforms.isEmpty ? "unknown" : "mixed")
        } catch let stop as ImportTimeLimitReached {
            try flush()
            return try stopped(stop, path: path, importRowID: importRowID, summary: summary)
        } catch is CancellationError {
            // What was read before the cancellation is kept, as a re-run would store it anyway.
            try? flush()
            try? database.finishImport(importRowID, summary: summary, at: clock())
            throw RecallError(.cancelled, "The import of \(path) was cancelled after \(summary.chatsAdded + summary.chatsUpdated + summary.chatsUnchanged) conversations; what was stored stays. Run it again to finish.")
        } catch {
            // Conversations read whole before a later part of the export failed are kept.
            try? flush()
            // A file that could not be read at all leaves no trace; a partial import is recorded.
            if summary.chatsAdded + summary.chatsUpdated + summary.chatsUnchanged == 0 {
                try? database.discardImport(importRowID)
            } else {
                try? database.finishImport(importRowID, summary: summary, at: clock())
            }
            throw error
        }
        try database.finishImport(importRowID, summary: summary, at: clock())
        return summary
    }

    /// Ends an import whose time ran out, once what was read whole is stored: the summary says
    /// the import stopped; with nothing stored at all, it fails and leaves no trace.
    private func stopped(
        _ stop: ImportTimeLimitReached, path: String, importRowID: Int64, summary: ImportSummary
    ) throws -> ImportSummary {
        var summary = summary
        let database = try database()
        let stored = summary.chatsAdded + summary.chatsUpdated + summary.chatsUnchanged
        guard stored > 0 else {
            try? database.discardImport(importRowID)
            throw RecallError(
                .tooLarge,
                "The import of \(path) stopped after \(stop.limitDescription), its time limit, before any conversation was read; nothing was stored. Import a smaller part of it (one file instead of its folder), or use `recall import`, which has no time limit.")
        }
        summary.files = stop.read.files
        summary.skipped = stop.read.skipped
        let platforms = stop.read.platforms
        summary.platform = platforms.count == 1 ? platforms.first?.rawValue ?? "unknown" : (platforms.isEmpty ? "unknown" : "mixed")
        summary.stoppedEarly = "the import stopped after \(stop.limitDescription), its time limit; the \(stored) conversations read by then are stored. Run it again to continue (conversations already stored are passed over), or use `recall import`, which has no time limit."
        try database.finishImport(importRowID, summary: summary, at: clock())
        return summary
    }

    /// Stores conversations that an adapter or a benchmark built itself, exactly as an import
    /// stores parsed exports: same upserts, same counts, same optional extraction.
    public func importConversations(
        _ conversations: [ParsedConversation], label: String, bucket: String? = nil, extract: Bool = false
    ) throws -> ImportSummary {
        let database = try database()
        let platforms = Set(conversations.map(\.platform))
        let platform = platforms.count == 1 ? platforms.first?.rawValue ?? "unknown" : "mixed"
        let importRowID = try database.beginImport(path: label, platform: platform, at: clock())
        var summary = ImportSummary(importID: PublicID.importRun.string(importRowID), platform: platform)
        summary.files = [label]
        defer { try? database.finishImport(importRowID, summary: summary, at: clock()) }
        var batch = ImportBatch()
        for conversation in conversations {
            if let full = batch.add(conversation) { try store(full, importRowID: importRowID, bucket: bucket, extract: extract, summary: &summary) }
        }
        try store(batch.take(), importRowID: importRowID, bucket: bucket, extract: extract, summary: &summary)
        return summary
    }

    /// Upserts a batch of conversations in one transaction and, when asked, extracts memories from them.
    private func store(_ conversations: [ParsedConversation], importRowID: Int64, bucket: String?, extract: Bool, summary: inout ImportSummary) throws {
        guard !conversations.isEmpty else { return }
        let database = try database()
        let outcomes = try database.upsert(conversations, importID: importRowID, bucket: bucket, messageEncoder: semantic.messageEncoder)
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
            let candidates = try database.extractionInputs(chatIDs: outcomes.map(\.chatID)).flatMap { extractor.extract(from: $0) }
            let mark = try memoryHighWater()
            summary.memoriesExtracted += try database.store(candidates, userID: Memory.defaultUserID, now: clock()).added
            try? embedMemories(after: mark)
        }
    }
}
