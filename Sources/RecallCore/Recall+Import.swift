import Foundation

extension Recall {
    /// Imports an export (a file, ZIP or folder), one conversation per transaction, so an
    /// interrupted import leaves every chat wholly present or absent and a re-run completes it.
    ///
    /// Re-importing the same file changes nothing and says so; a newer export adds and updates.
    public func importChats(
        _ request: ImportRequest, progress: @Sendable (ImportProgress) -> Void = { _ in }
    ) throws -> ImportSummary {
        let path = StoreLocation.expand(request.path)
        let database = try database()
        let importRowID = try database.beginImport(path: path, platform: request.platform?.rawValue ?? "auto", at: clock())
        var summary = ImportSummary(importID: PublicID.importRun.string(importRowID), platform: request.platform?.rawValue ?? "unknown")
        do {
            let read = try ExportReader().read(
                path: path, platform: request.platform,
                emit: { conversation, _ in
                    try Task.checkCancellation()
                    try store(conversation, importRowID: importRowID, bucket: request.bucket, extract: request.extract, summary: &summary)
                },
                diagnostic: { summary.diagnostics.append($0) },
                progress: progress)
            summary.files = read.files
            summary.skipped = read.skipped
            summary.platform = read.platforms.count == 1 ? read.platforms.first?.rawValue ?? "unknown" : (read.platforms.isEmpty ? "unknown" : "mixed")
        } catch is CancellationError {
            try? database.finishImport(importRowID, summary: summary, at: clock())
            throw RecallError(.cancelled, "The import of \(path) was cancelled after \(summary.chatsAdded + summary.chatsUpdated + summary.chatsUnchanged) conversations; what was stored stays. Run it again to finish.")
        } catch {
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
        for conversation in conversations {
            try store(conversation, importRowID: importRowID, bucket: bucket, extract: extract, summary: &summary)
        }
        return summary
    }

    /// Upserts one conversation and, when asked, extracts memories from it.
    private func store(_ conversation: ParsedConversation, importRowID: Int64, bucket: String?, extract: Bool, summary: inout ImportSummary) throws {
        let database = try database()
        let outcome = try database.upsert(conversation, importID: importRowID, bucket: bucket)
        switch outcome.outcome {
        case .added: summary.chatsAdded += 1
        case .updated: summary.chatsUpdated += 1
        case .unchanged: summary.chatsUnchanged += 1
        }
        summary.messagesAdded += outcome.messagesAdded
        summary.messagesUpdated += outcome.messagesUpdated
        // Unchanged chats too: a first import without extraction can be followed by one with it;
        // deduplication keeps it idempotent.
        if extract {
            let candidates = try database.extractionInputs(chatIDs: [outcome.chatID]).flatMap { extractor.extract(from: $0) }
            summary.memoriesExtracted += try database.store(candidates, userID: Memory.defaultUserID, now: clock()).added
        }
    }
}
