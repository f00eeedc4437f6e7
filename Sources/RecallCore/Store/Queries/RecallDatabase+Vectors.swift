import Foundation
import GRDB

/// Which rows a vector describes.
enum VectorKind: Sendable {
    case messages, memories

    /// The side table.
    var table: String {
        switch self {
        case .messages: "message_vectors"
        case .memories: "memory_vectors"
        }
    }

    /// Its column naming the described row.
    var rowColumn: String {
        switch self {
        case .messages: "message_id"
        case .memories: "memory_id"
        }
    }
}

extension RecallDatabase {
    /// The store's id for a model name, registered on first use.
    func vectorModelID(_ name: String, db: Database) throws -> Int64 {
        if let known = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM vector_models WHERE name = ?"), arguments: [name])
        {
            return known
        }
        try db.execute(sql: "INSERT INTO vector_models (name) VALUES (?)", arguments: [name])
        return db.lastInsertedRowID
    }

    /// The store's id for a model name, or nil when no vector of it was ever stored.
    func knownVectorModelID(_ name: String) throws -> Int64? {
        try read { db in
            try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM vector_models WHERE name = ?"), arguments: [name])
        }
    }

    /// Stores (or replaces) one row's vector; nil stores the empty mark of a text with nothing to encode.
    static func storeVector(_ vector: PackedVector?, kind: VectorKind, rowID: Int64, modelID: Int64, db: Database)
        throws
    {
        // INSERT OR REPLACE gives a replaced vector a new, higher id: searches pick it up as new.
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO \(kind.table) (\(kind.rowColumn), model_id, vector) VALUES (?, ?, ?)"
        )
        .execute(arguments: [rowID, modelID, Data(vector?.bytes ?? [])])
    }

    /// Stores vectors computed outside a transaction, for rows that still exist and still have
    /// no vector of this model (an import that rewrote a message meanwhile stored a newer one).
    func storeMissingVectors(_ vectors: [(rowID: Int64, vector: PackedVector?)], kind: VectorKind, model: String) throws
    {
        guard !vectors.isEmpty else { return }
        try write { db in
            let modelID = try vectorModelID(model, db: db)
            let owner = kind == .messages ? "messages" : "memories"
            let pending = """
                SELECT 1 FROM \(owner) o WHERE o.id = ?
                AND NOT EXISTS (SELECT 1 FROM \(kind.table) v WHERE v.\(kind.rowColumn) = o.id AND v.model_id = ?)
                """
            for item in vectors
            where try Bool.fetchOne(db.cachedStatement(sql: pending), arguments: [item.rowID, modelID]) != nil {
                try Self.storeVector(item.vector, kind: kind, rowID: item.rowID, modelID: modelID, db: db)
            }
        }
    }

    /// The newest memory's id (0 when there is none).
    func maxMemoryID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM memories") ?? 0 }
    }

    /// The newest message's id: about how many messages the store holds (0 when none).
    func maxMessageID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM messages") ?? 0 }
    }

    /// The newest vector row's id of a kind (0 when there is none).
    func lastVectorID(_ kind: VectorKind) throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \(kind.table)") ?? 0 }
    }

    /// The account's vector rows of one model with ids in `after+1...upTo`, oldest first, at
    /// most `limit`; a message's row names its chat, so filters can narrow a scan by chat.
    ///
    /// Only the account's rows: an index built from them cannot rank another account's
    /// messages or memories, nor let them crowd the account's own out of the nearest.
    ///
    /// CROSS JOIN keeps the vector rows' id range first, so a batch stops after `limit` rows; left
    /// to itself the planner started from every chat (or memory) of the account and sorted the
    /// whole join for each batch, which made loading a million message vectors take 22 s, not 1.
    func vectorRows(_ kind: VectorKind, modelID: Int64, after vectorID: Int64, upTo last: Int64, limit: Int) throws
        -> [VectorIndex.Row]
    {
        try read { db in
            let sql =
                switch kind {
                case .messages:
                    """
                    SELECT v.id, v.message_id, m.chat_id, v.vector FROM message_vectors v
                    CROSS JOIN messages m ON m.id = v.message_id CROSS JOIN chats c ON c.id = m.chat_id
                    WHERE v.id > ? AND v.id <= ? AND v.model_id = ? AND c.account = ? ORDER BY v.id LIMIT ?
                    """
                case .memories:
                    """
                    SELECT v.id, v.memory_id, 0, v.vector FROM memory_vectors v
                    CROSS JOIN memories mem ON mem.id = v.memory_id
                    WHERE v.id > ? AND v.id <= ? AND v.model_id = ? AND mem.account = ? ORDER BY v.id LIMIT ?
                    """
                }
            var rows: [VectorIndex.Row] = []
            let cursor = try Row.fetchCursor(
                db.cachedStatement(sql: sql), arguments: [vectorID, last, modelID, account, limit])
            while let row = try cursor.next() {
                let bytes: Data = row[3]
                rows.append(VectorIndex.Row(vectorID: row[0], rowID: row[1], group: row[2], bytes: [UInt8](bytes)))
            }
            return rows
        }
    }

    /// None: SQLite has no vector index of its own, so searches scan the vectors in memory.
    func servedVectors(_ kind: VectorKind, model: String) throws -> (any NearestVectors)? { nil }

    /// Visible messages after `messageID` with no vector of this model: their ids and text, oldest first.
    func messagesWithoutVectors(model: String, after messageID: Int64, limit: Int) throws -> [(id: Int64, text: String)]
    {
        try read { db in
            let modelID =
                try Int64.fetchOne(db, sql: "SELECT id FROM vector_models WHERE name = ?", arguments: [model]) ?? -1
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT m.id, m.content, m.attachment_text FROM messages m
                    WHERE m.id > ? AND m.hidden = 0
                    AND NOT EXISTS (SELECT 1 FROM message_vectors v WHERE v.message_id = m.id AND v.model_id = ?)
                    ORDER BY m.id LIMIT ?
                    """, arguments: [messageID, modelID, limit]
            ).map { row in
                let attachment: String? = row[2]
                return (row[0], attachment.map { (row[1] as String) + "\n" + $0 } ?? row[1])
            }
        }
    }

    /// Memories after `memoryID` with no vector of this model: their ids and text, oldest first.
    func memoriesWithoutVectors(model: String, after memoryID: Int64, limit: Int) throws -> [(id: Int64, text: String)]
    {
        try read { db in
            let modelID =
                try Int64.fetchOne(db, sql: "SELECT id FROM vector_models WHERE name = ?", arguments: [model]) ?? -1
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT mem.id, mem.content, mem.image_description FROM memories mem
                    WHERE mem.id > ? AND NOT EXISTS (SELECT 1 FROM memory_vectors v WHERE v.memory_id = mem.id AND v.model_id = ?)
                    ORDER BY mem.id LIMIT ?
                    """, arguments: [memoryID, modelID, limit]
            ).map { row in
                let description: String? = row[2]
                return (row[0], description.map { (row[1] as String) + "\n" + $0 } ?? row[1])
            }
        }
    }

    /// How many visible messages and memories there are, and how many have a vector of each model.
    func vectorCoverage(messageModel: String, memoryModels: [String]) throws -> (
        messages: Int, messageVectors: Int, memories: Int, memoryVectors: [Int]
    ) {
        try read { db in
            let messages = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages WHERE hidden = 0") ?? 0
            let messageVectors =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM message_vectors v JOIN vector_models model ON model.id = v.model_id WHERE model.name = ?
                        """, arguments: [messageModel]) ?? 0
            let memories = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM memories") ?? 0
            let memoryVectors = try memoryModels.map { name in
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM memory_vectors v JOIN vector_models model ON model.id = v.model_id WHERE model.name = ?
                        """, arguments: [name]) ?? 0
            }
            return (messages, messageVectors, memories, memoryVectors)
        }
    }
}
