extension RecallStore {
    /// Stores one conversation in its own transaction: wholly, or not at all.
    func upsert(
        _ parsed: ParsedConversation, importID: Int64?, bucket: String?, messageEncoder: (any TextEncoder)? = nil
    ) throws -> ChatUpsert {
        try upsert([parsed], run: ImportRun(existing: importID), bucket: bucket, messageEncoder: messageEncoder)[0]
    }

    /// Stores conversations in one transaction, so each chat is wholly present or absent and
    /// an import commits once per batch rather than once per chat (every commit rewrites the
    /// pages it touched and flushes the full-text index).
    ///
    /// Upserts by (platform, chat id, message id). Messages a newer export no longer has are
    /// kept, moved off the active branch, so nothing already stored is lost.
    ///
    /// The import's row is created by the first chat added or updated (see `ImportRun`); a
    /// batch of unchanged chats creates none.
    ///
    /// With an encoder, every visible message of a new or changed chat gets its vector in the
    /// same transaction; the vectors are computed before it, on every core.
    func upsert(
        _ batch: [ParsedConversation], run: ImportRun, bucket: String?, messageEncoder: (any TextEncoder)? = nil
    ) throws -> [ChatUpsert] {
        try upsert(prepare(batch, messageEncoder: messageEncoder), run: run, bucket: bucket)
    }
}
