import Foundation

/// What the writer thread of an import has stored so far, and the run its rows belong to.
///
/// Only the writer touches it until `ImportWriter.finish` returns; the caller reads it after.
final class ImportTally: @unchecked Sendable {
    // @unchecked: handed from the reading thread to the writer and back, never shared at once
    // (the writer's lock orders the hand-overs).

    /// The import's row, created by the first batch that adds or updates a chat.
    let run: ImportRun
    /// Chats and messages stored, and memories extracted.
    private(set) var counts = ImportSummary(importID: nil, platform: "")

    /// A tally for `run`, with nothing stored yet.
    init(run: ImportRun) {
        self.run = run
    }

    /// Adds the counts of one written batch.
    func add(_ batch: ImportSummary) {
        counts.add(batch)
    }
}

extension ImportSummary {
    /// Adds another part's counts of chats, messages and memories (files, platform and
    /// diagnostics stay as they are).
    mutating func add(_ other: ImportSummary) {
        chatsAdded += other.chatsAdded
        chatsUpdated += other.chatsUpdated
        chatsUnchanged += other.chatsUnchanged
        messagesAdded += other.messagesAdded
        messagesUpdated += other.messagesUpdated
        memoriesExtracted += other.memoriesExtracted
    }
}
