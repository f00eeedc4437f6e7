import Foundation
import PostgresNIO

extension PostgresStore {
    /// Stores one conversation of a batch: unchanged (its bucket and fingerprint kept current),
    /// updated (messages merged) or added (messages inserted a few statements at a time).
    ///
    /// `stored` holds the batch's chats already in the store and gains those this call makes, so
    /// a chat twice in one batch is updated the second time, as one by one.
    func upsert(
        _ item: PreparedChats.Item, stored: inout [ChatKey: ChatRecord], run: ImportRun, bucket: String?,
        vectors: PostgresBatchVectors?, index: PostgresIndexValues? = nil, tally: inout PostgresWordTally,
        on connection: PostgresConnection
    ) throws -> ChatUpsert {
        let conversation = item.conversation
        let key = ChatKey(conversation)
        if var chat = stored[key], let chatID = chat.id {
            if chat.contentHash == item.hash {
                let fingerprint = conversation.fingerprint ?? chat.fingerprint
                if let bucket, chat.bucket != bucket {
                    chat.bucket = bucket
                    chat.fingerprint = fingerprint
                    try Self.updateChatRow(chat, on: connection)
                } else if fingerprint != chat.fingerprint {
                    // Same content from other bytes (a field Recall does not keep changed):
                    // the next re-import should recognise these.
                    chat.fingerprint = fingerprint
                    try Self.updateChatRow(chat, on: connection)
                }
                stored[key] = chat
                return ChatUpsert(chatID: chatID, outcome: .unchanged, messagesAdded: 0, messagesUpdated: 0)
            }
            try rowID(of: run, on: connection)
            let counts = try Self.mergeMessages(
                conversation.messages, into: chatID, vectors: vectors, index: index, tally: &tally, on: connection)
            chat.apply(conversation, hash: item.hash)
            if let bucket { chat.bucket = bucket }
            try Self.updateChatRow(chat, on: connection)
            stored[key] = chat
            return ChatUpsert(
                chatID: chatID, outcome: .updated, messagesAdded: counts.added, messagesUpdated: counts.updated)
        }
        var chat = ChatRecord(
            id: nil, platform: conversation.platform.rawValue, sourceId: conversation.sourceID, title: nil,
            titleOverride: nil, createdAt: nil, updatedAt: nil, pinned: false, bucket: bucket, tags: "[]",
            importId: try rowID(of: run, on: connection), messageCount: 0, tokenCount: 0, contentHash: "",
            metadata: "{}", account: account)
        chat.apply(conversation, hash: item.hash)
        let chatID = try Self.insertChatRow(chat, on: connection)
        chat.id = chatID
        stored[key] = chat
        let records = conversation.messages.map { MessageRecord($0, chatID: chatID).storableInPostgres }
        let ids = try Self.insertMessages(records, index: index, tally: &tally, on: connection)
        try Self.storeMessageVectors(
            records.compactMap { record in ids[record.sourceId].map { (record.sourceId, $0) } }, vectors: vectors,
            replacing: false, on: connection)
        return ChatUpsert(
            chatID: chatID, outcome: .added, messagesAdded: conversation.messages.count, messagesUpdated: 0)
    }

    /// The import's row id, inserting the row within this transaction the first time.
    @discardableResult
    func rowID(of run: ImportRun, on connection: PostgresConnection) throws -> Int64? {
        try run.id {
            let result = try connection.run(
                """
                INSERT INTO imports (account, path, platform, started_at)
                VALUES (\(account), \(run.path), \(run.platform), \(run.startedAt)) RETURNING id
                """)
            guard let row = result.rows.first else {
                throw RecallError(.storeUnavailable, "The store could not record the import of \(run.path).")
            }
            return try row.decode(Int64.self)
        }
    }

    /// Inserts a chat's row; its new id.
    private static func insertChatRow(_ chat: ChatRecord, on connection: PostgresConnection) throws -> Int64 {
        let result = try connection.run(
            """
            INSERT INTO chats (account, platform, source_id, title, title_override, created_at, updated_at, pinned,
                               bucket, tags, import_id, message_count, token_count, content_hash, metadata, fingerprint)
            VALUES (\(chat.account), \(chat.platform), \(chat.sourceId), \(chat.title), \(chat.titleOverride),
                    \(chat.createdAt), \(chat.updatedAt), \(chat.pinned), \(chat.bucket), \(chat.tags)::jsonb,
                    \(chat.importId), \(chat.messageCount), \(chat.tokenCount), \(chat.contentHash), \(chat.metadata),
                    \(chat.fingerprint))
            RETURNING id
            """)
        guard let row = result.rows.first else {
            throw RecallError(.storeUnavailable, "The store could not add the chat \(chat.sourceId).")
        }
        return try row.decode(Int64.self)
    }

    /// Writes every column of a stored chat's row.
    static func updateChatRow(_ chat: ChatRecord, on connection: PostgresConnection) throws {
        _ = try connection.run(
            """
            UPDATE chats SET title = \(chat.title), title_override = \(chat.titleOverride),
                created_at = \(chat.createdAt), updated_at = \(chat.updatedAt), pinned = \(chat.pinned),
                bucket = \(chat.bucket), tags = \(chat.tags)::jsonb, import_id = \(chat.importId),
                message_count = \(chat.messageCount), token_count = \(chat.tokenCount),
                content_hash = \(chat.contentHash), metadata = \(chat.metadata), fingerprint = \(chat.fingerprint)
            WHERE id = \(chat.id ?? 0)
            """)
    }
}
