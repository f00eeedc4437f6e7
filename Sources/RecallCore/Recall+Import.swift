import Foundation

extension Recall {
    /// Imports an export (a file, ZIP or folder).
    ///
    /// Conversations are stored in batches of whole
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
        // `~` and relative paths are expanded here, once; the reader takes them as given.
        let path = StoreLocation.expand(request.path)
        var policy = request.policy
        policy.allowedFolders = policy.allowedFolders?.map { StoreLocation.expand($0) }
        do {
            try ExportReader.admit(path, policy: policy)
        } catch let error as ImportError {
            throw RecallError(error)
        }
        // Open the store first: a store that cannot be opened fails before any file is read.
        _ = try database()
        let run = ImportRun(path: path, platform: request.platform?.rawValue ?? "auto", startedAt: clock())
        var summary = ImportSummary(importID: nil, platform: request.platform?.rawValue ?? "unknown")
        var batch = ImportBatch()
        var reported = Set<String>()
        // Batches are parsed and encoded here and written on the writer's thread meanwhile; the
        // writer keeps its own counts, added to the summary once it has finished.
        let written = ImportTally(run: run)
        let writer = ImportWriter<PreparedChats> { [self] prepared in
            try written.add(
                write(prepared, run: written.run, bucket: request.bucket, extract: request.extract))
        }
        var drained = false
        func save(_ conversations: [ParsedConversation]) throws {
            guard !drained, let prepared = try prepare(conversations, summary: &summary) else { return }
            try writer.submit(prepared)
        }
        func flush() throws { try save(batch.take()) }
        // Waits for the writer, once, and takes its counts; its error, if it failed, comes out here.
        func drain() throws {
            guard !drained else { return }
            drained = true
            defer { summary.add(written.counts) }
            try writer.finish()
        }
        do {
            // A chat read from the very bytes it was stored from is passed over unparsed, unless
            // the import must touch every chat anyway (a bucket to set, memories to extract).
            let passesOverStored = request.bucket == nil && !request.extract
            let read = try ExportReader().read(
                path: path, platform: request.platform, policy: policy, clock: clock,
                isStored: { fingerprint in
                    guard passesOverStored, (try? database().storesChat(fingerprint: fingerprint)) == true else {
                        return false
                    }
                    summary.chatsUnchanged += 1
                    return true
                },
                emit: { conversation, _ in
                    try Task.checkCancellation()
                    if let full = batch.add(conversation) { try save(full) }
                },
                // Each problem once: a file reached twice (a folder and its shard set, say)
                // still gets one line.
                diagnostic: { diagnostic in
                    let key =
                        "\(diagnostic.severity)|\(diagnostic.file)|\(diagnostic.conversation ?? "")|\(diagnostic.offset ?? -1)|\(diagnostic.message)"
                    if reported.insert(key).inserted { summary.diagnostics.append(diagnostic) }
                },
                progress: progress)
            try flush()
            try drain()
            summary.files = read.files
            summary.skipped += read.skipped
            summary.platform =
                read.platforms.count == 1
                ? read.platforms.first?.rawValue ?? "unknown" : (read.platforms.isEmpty ? "unknown" : "mixed")
        } catch let stop as ImportTimeLimitReached {
            try flush()
            try drain()
            return try stopped(stop, path: path, run: run, summary: summary)
        } catch is CancellationError {
            // What was read before the cancellation is kept, as a re-run would store it anyway.
            try? flush()
            try? drain()
            try? finish(run, summary: &summary)
            throw RecallError(
                .cancelled,
                "The import of \(path) was cancelled after \(summary.chatsAdded + summary.chatsUpdated + summary.chatsUnchanged) conversations; what was stored stays. Run it again to finish."
            )
        } catch {
            // Conversations read whole before a later part of the export failed are kept, and
            // recorded; a file that could not be read at all leaves no trace.
            try? flush()
            try? drain()
            try? finish(run, summary: &summary)
            if let error = error as? ImportError { throw RecallError(error) }
            throw error
        }
        try finish(run, summary: &summary)
        return summary
    }

    /// Ends an import whose time ran out, once what was read whole is stored: the summary says
    /// the import stopped; with nothing stored at all, it fails and leaves no trace (an import
    /// row exists only once a chat was added or updated).
    private func stopped(
        _ stop: ImportTimeLimitReached, path: String, run: ImportRun, summary: ImportSummary
    ) throws -> ImportSummary {
        var summary = summary
        let stored = summary.chatsAdded + summary.chatsUpdated + summary.chatsUnchanged
        guard stored > 0 else {
            try? finish(run, summary: &summary)
            throw RecallError(
                .tooLarge,
                "The import of \(path) stopped after \(stop.limitDescription), its time limit, before any conversation was read; nothing was stored. Import a smaller part of it (one file instead of its folder), or use `recall import`, which has no time limit."
            )
        }
        summary.files = stop.read.files
        summary.skipped += stop.read.skipped
        let platforms = stop.read.platforms
        summary.platform =
            platforms.count == 1 ? platforms.first?.rawValue ?? "unknown" : (platforms.isEmpty ? "unknown" : "mixed")
        summary.stoppedEarly =
            "the import stopped after \(stop.limitDescription), its time limit; the \(stored) conversations read by then are stored. Run it again to continue (conversations already stored are passed over), or use `recall import`, which has no time limit."
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
                if let full = batch.add(conversation) {
                    try store(full, run: run, bucket: bucket, extract: extract, summary: &summary)
                }
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
            try database.recordImport(run)
        }
        guard let rowID = run.rowID else { return }
        summary.importID = PublicID.importRun.string(rowID)
        try database.finishImport(rowID, summary: summary, at: clock())
    }

    /// Stores a batch of conversations in one transaction and, when asked, extracts memories
    /// from them.
    private func store(
        _ conversations: [ParsedConversation], run: ImportRun, bucket: String?, extract: Bool,
        summary: inout ImportSummary
    ) throws {
        guard let prepared = try prepare(conversations, summary: &summary) else { return }
        summary.add(try write(prepared, run: run, bucket: bucket, extract: extract))
    }

    /// Makes a batch ready to store (content hashes, vectors), without the write lock.
    ///
    /// A conversation without a single visible message is not stored: it counts as
    /// skipped (an empty "New chat", one holding only a system prompt).
    private func prepare(_ conversations: [ParsedConversation], summary: inout ImportSummary) throws -> PreparedChats? {
        let stored = conversations.filter { conversation in conversation.messages.contains { !$0.hidden } }
        summary.skipped += conversations.count - stored.count
        guard !stored.isEmpty else { return nil }
        return try database().prepare(stored, messageEncoder: semantic.messageEncoder)
    }

    /// Writes a prepared batch in one transaction and, when asked, extracts memories from it;
    /// the counts of what it did.
    private func write(_ prepared: PreparedChats, run: ImportRun, bucket: String?, extract: Bool) throws
        -> ImportSummary
    {
        var summary = ImportSummary(importID: nil, platform: "")
        let database = try database()
        let outcomes = try database.upsert(prepared, run: run, bucket: bucket)
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
                .filter { $0.verdict == .keep }
            let mark = try memoryHighWater()
            summary.memoriesExtracted += try database.store(
                candidates, userID: Memory.defaultUserID, now: clock(), dryRun: false, describing: 0
            ).added
            try? embedMemories(after: mark)
        }
        return summary
    }
}
