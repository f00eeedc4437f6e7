import Foundation
import GRDB

/// What storing one parsed conversation did.
struct ChatUpsert: Sendable {
    /// Whether the chat was new, changed or the same.
    enum Outcome: Sendable { case added, updated, unchanged }
    /// The chat's row id.
    var chatID: Int64
    /// Whether the chat was new, changed or the same.
    var outcome: Outcome
    /// Messages inserted.
    var messagesAdded: Int
    /// Messages whose stored row changed.
    var messagesUpdated: Int
}

extension RecallDatabase {
    /// The part of storing a batch that needs no write lock: each chat's content hash
    /// and, with an encoder, the vectors of every visible message of a new or changed chat.
    ///
    /// An import prepares the next batch while the previous one is written.
    func prepare(_ batch: [ParsedConversation], messageEncoder: (any TextEncoder)?) throws -> PreparedChats {
        let prepared = batch.map { parsed in
            let conversation = parsed.withStorableDates
            return PreparedChats.Item(conversation: conversation, hash: ConversationHash.of(conversation))
        }
        guard let messageEncoder else { return PreparedChats(items: prepared, vectors: nil) }
        // A chat this account stored with the same content needs no vectors (a re-import
        // changes nothing); another account's copy of it is not this account's chat.
        let stored = try read { db in
            try prepared.map { item in
                try String.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT content_hash FROM chats WHERE account = ? AND platform = ? AND source_id = ?"),
                    arguments: [account, item.conversation.platform.rawValue, item.conversation.sourceID]) == item.hash
            }
        }
        let vectors = MessageVectors(prepared.map(\.conversation), needed: stored.map { !$0 }, encoder: messageEncoder)
        return PreparedChats(items: prepared, vectors: vectors)
    }

    /// Writes a prepared batch in one transaction (see `upsert(_:run:bucket:messageEncoder:)`).
    func upsert(_ prepared: PreparedChats, run: ImportRun, bucket: String?) throws -> [ChatUpsert] {
        let vectors = prepared.vectors
        return try run.rollingBack {
            try write { db in
                let modelID = try vectors.map { try vectorModelID($0.model, db: db) }
                return try prepared.items.enumerated().map { index, item in
                    let encoded = vectors.flatMap { vectors in modelID.map { (vectors.byConversation[index], $0) } }
                    return try Self.upsert(
                        item.conversation, hash: item.hash, run: run, bucket: bucket, account: account,
                        vectors: encoded, db: db)
                }
            }
        }
    }

    private static func upsert(
        _ conversation: ParsedConversation, hash: String, run: ImportRun, bucket: String?, account: String,
        vectors: (bySource: [String: PackedVector?], modelID: Int64)?, db: Database
    ) throws -> ChatUpsert {
        let existing =
            try ChatRecord
            .filter(
                Column("account") == account && Column("platform") == conversation.platform.rawValue
                    && Column("source_id") == conversation.sourceID
            )
            .fetchOne(db)
        if var chat = existing, let chatID = chat.id {
            if chat.contentHash == hash {
                let fingerprint = conversation.fingerprint ?? chat.fingerprint
                if let bucket, chat.bucket != bucket {
                    chat.bucket = bucket
                    chat.fingerprint = fingerprint
                    try chat.update(db)
                } else if fingerprint != chat.fingerprint {
                    // Same content from other bytes (a field Recall does not keep changed):
                    // the next re-import should recognise these.
                    chat.fingerprint = fingerprint
                    try chat.update(db)
                }
                return ChatUpsert(chatID: chatID, outcome: .unchanged, messagesAdded: 0, messagesUpdated: 0)
            }
            try run.id(in: db, account: account)
            let counts = try mergeMessages(conversation.messages, into: chatID, vectors: vectors, db: db)
            chat.apply(conversation, hash: hash)
            if let bucket { chat.bucket = bucket }
            try chat.update(db)
            return ChatUpsert(
                chatID: chatID, outcome: .updated, messagesAdded: counts.added, messagesUpdated: counts.updated)
        }
        var chat = ChatRecord(
            id: nil, platform: conversation.platform.rawValue, sourceId: conversation.sourceID, title: nil,
            titleOverride: nil, createdAt: nil, updatedAt: nil, pinned: false, bucket: bucket, tags: "[]",
            importId: try run.id(in: db, account: account), messageCount: 0, tokenCount: 0,
            contentHash: "", metadata: "{}", account: account)
        chat.apply(conversation, hash: hash)
        try chat.insert(db)
        let chatID = chat.id ?? 0
        for parsed in conversation.messages {
            var record = MessageRecord(parsed, chatID: chatID)
            try record.insertCached(db)
            try storeVector(of: parsed, rowID: record.id, vectors: vectors, db: db)
        }
        return ChatUpsert(
            chatID: chatID, outcome: .added, messagesAdded: conversation.messages.count, messagesUpdated: 0)
    }

    /// Stores a message's precomputed vector, if the batch computed one for it.
    private static func storeVector(
        of parsed: ParsedMessage, rowID: Int64?, vectors: (bySource: [String: PackedVector?], modelID: Int64)?,
        db: Database
    ) throws {
        guard let vectors, let rowID, let entry = vectors.bySource[parsed.sourceID] else { return }
        try storeVector(entry, kind: .messages, rowID: rowID, modelID: vectors.modelID, db: db)
    }

    private static func mergeMessages(
        _ messages: [ParsedMessage], into chatID: Int64, vectors: (bySource: [String: PackedVector?], modelID: Int64)?,
        db: Database
    ) throws -> (added: Int, updated: Int) {
        var stored: [String: MessageRecord] = [:]
        for record in try MessageRecord.filter(Column("chat_id") == chatID).fetchAll(db) {
            stored[record.sourceId] = record
        }
        var added = 0
        var updated = 0
        for parsed in messages {
            var record = MessageRecord(parsed, chatID: chatID)
            guard let old = stored.removeValue(forKey: parsed.sourceID) else {
                try record.insertCached(db)
                try storeVector(of: parsed, rowID: record.id, vectors: vectors, db: db)
                added += 1
                continue
            }
            record.id = old.id
            // Only changed columns are written, so the full-text triggers fire only for new text.
            if old.searchText != record.searchText {
                try record.updateChanges(db, from: old)
                try CJKIndex.index(message: record.id ?? 0, text: record.searchText, db: db)
                try storeVector(of: parsed, rowID: record.id, vectors: vectors, db: db)
                updated += 1
            } else if !old.matches(record) {
                try record.updateChanges(db, from: old)
                updated += 1
            }
        }
        // Messages a newer export no longer has stay stored, off the active branch.
        let gone = stored.values.compactMap(\.id)
        if !gone.isEmpty {
            try db.execute(
                sql: "UPDATE messages SET position = NULL WHERE id IN (\(SQLText.placeholders(gone.count)))",
                arguments: StatementArguments(gone))
        }
        return (added, updated)
    }

    /// Whether this account stores a chat last read from export bytes with this fingerprint.
    func storesChat(fingerprint: String) throws -> Bool {
        try read { db in
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT 1 FROM chats WHERE account = ? AND fingerprint = ? LIMIT 1"),
                arguments: [account, fingerprint]) ?? false
        }
    }

    /// One chat by public id, or a not-found error that says how to find ids.
    func chatRecord(_ id: String, field: String = "id", db: Database) throws -> ChatRecord {
        let rowID = try PublicID.chat.require(id, field: field)
        guard let chat = try ChatRecord.fetchOne(db, key: rowID), chat.account == account else {
            throw RecallError(.notFound, "No chat with id \(id). Use list_chats or search to find chat ids.")
        }
        return chat
    }

    /// Lists chats, pinned first, then most recently updated.
    func listChats(_ request: ChatListRequest) throws -> ChatPage {
        try read { db in
            var conditions: [String] = ["account = ?"]
            var arguments: StatementArguments = [account]
            if let platform = request.platform {
                conditions.append("platform = ?")
                _ = arguments.append(contentsOf: [platform.rawValue])
            }
            if let title = request.title, !title.isEmpty {
                conditions.append("COALESCE(title_override, title, '') LIKE ? ESCAPE '\\'")
                _ = arguments.append(contentsOf: ["%" + SQLText.escapeLike(title) + "%"])
            }
            if let from = request.dateFrom {
                conditions.append("COALESCE(updated_at, created_at) >= ?")
                _ = arguments.append(contentsOf: [from])
            }
            if let to = request.dateTo {
                conditions.append("COALESCE(created_at, updated_at) <= ?")
                _ = arguments.append(contentsOf: [to])
            }
            if request.pinnedOnly { conditions.append("pinned = 1") }
            if let importID = request.importID {
                conditions.append("import_id = ?")
                _ = arguments.append(contentsOf: [try PublicID.importRun.require(importID, field: "import_id")])
            }
            if let bucket = request.bucket {
                conditions.append("bucket = ?")
                _ = arguments.append(contentsOf: [bucket])
            }
            let whereClause = "WHERE " + conditions.joined(separator: " AND ")
            let total =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM chats \(whereClause)", arguments: arguments) ?? 0
            let offset = (request.page - 1) * request.pageSize
            let rows = try ChatRecord.fetchAll(
                db,
                sql:
                    "SELECT * FROM chats \(whereClause) ORDER BY pinned DESC, COALESCE(updated_at, created_at) DESC, id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [request.pageSize, offset])
            let totalPages = total == 0 ? 0 : (total + request.pageSize - 1) / request.pageSize
            return ChatPage(
                items: rows.map(\.chat), page: request.page, pageSize: request.pageSize, total: total,
                totalPages: totalPages)
        }
    }

    /// Changes a chat's own fields.
    ///
    /// A rename survives later re-imports.
    func updateChat(_ update: ChatUpdate) throws -> Chat {
        try write { db in
            var chat = try chatRecord(update.id, db: db)
            if let title = update.title { chat.titleOverride = title.isEmpty ? nil : title }
            if let pinned = update.pinned { chat.pinned = pinned }
            if let bucket = update.bucket { chat.bucket = bucket.isEmpty ? nil : bucket }
            if let tags = update.tags { chat.tags = JSONColumn.encode(JSONColumn.normalizedTags(tags)) }
            try chat.update(db)
            return chat.chat
        }
    }
}
