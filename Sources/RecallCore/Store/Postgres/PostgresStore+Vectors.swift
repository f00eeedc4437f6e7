import Foundation
import NIOCore
import PostgresNIO

extension PostgresStore {
    /// The store's id for a model name, registered on first use (inside a write).
    func vectorModelID(_ name: String, connection: PostgresConnection) throws -> Int64 {
        if let known = try knownVectorModelID(name, connection: connection) { return known }
        let rows = try connection.run("INSERT INTO vector_models (name) VALUES (\(name)) RETURNING id").rows
        guard let id = try rows.first?.decode(Int64.self) else {
            throw RecallError(.internalError, "A vector model insert returned no id.")
        }
        return id
    }

    private func knownVectorModelID(_ name: String, connection: PostgresConnection) throws -> Int64? {
        try connection.run("SELECT id FROM vector_models WHERE name = \(name)").rows.first?.decode(Int64.self)
    }

    /// The store's id for a model name, or nil when no vector of it was ever stored.
    func knownVectorModelID(_ name: String) throws -> Int64? {
        try read { connection in try knownVectorModelID(name, connection: connection) }
    }

    /// Stores vectors computed outside a transaction, for rows that still exist and still have
    /// no vector of this model (an import that rewrote a message meanwhile stored a newer one).
    ///
    /// A stored vector replaces the row's vector of another model (a message keeps one vector)
    /// with a new, higher id, as SQLite's INSERT OR REPLACE does: searches pick it up as new.
    func storeMissingVectors(_ vectors: [(rowID: Int64, vector: PackedVector?)], kind: VectorKind, model: String) throws
    {
        guard !vectors.isEmpty else { return }
        try write { connection in
            let modelID = try vectorModelID(model, connection: connection)
            let owner = kind == .messages ? "messages" : "memories"
            for item in vectors {
                let pending = try connection.run(
                    """
                    SELECT 1 FROM \(unescaped: owner) o WHERE o.id = \(item.rowID) AND NOT EXISTS (
                        SELECT 1 FROM \(unescaped: kind.table) v
                        WHERE v.\(unescaped: kind.rowColumn) = o.id AND v.model_id = \(modelID))
                    """
                ).rows.first
                guard pending != nil else { continue }
                if kind == .messages {
                    _ = try connection.run("DELETE FROM message_vectors WHERE message_id = \(item.rowID)")
                }
                let bytes = ByteBuffer(bytes: item.vector?.bytes ?? [])
                _ = try connection.run(
                    """
                    INSERT INTO \(unescaped: kind.table) (\(unescaped: kind.rowColumn), model_id, vector)
                    VALUES (\(item.rowID), \(modelID), \(bytes))
                    """)
            }
        }
    }

    /// The newest memory's id (0 when there is none).
    func maxMemoryID() throws -> Int64 { try maxID("memories") }

    /// The newest message's id: about how many messages the store holds (0 when none).
    func maxMessageID() throws -> Int64 { try maxID("messages") }

    /// The newest vector row's id of a kind (0 when there is none).
    func lastVectorID(_ kind: VectorKind) throws -> Int64 { try maxID(kind.table) }

    private func maxID(_ table: String) throws -> Int64 {
        try read { connection in
            try connection.run("SELECT COALESCE(MAX(id), 0) FROM \(unescaped: table)").rows.first?.decode(Int64.self)
                ?? 0
        }
    }

    /// The account's vector rows of one model with ids in `after+1...upTo`, oldest first, at
    /// most `limit`; a message's row names its chat, so filters can narrow a scan by chat.
    ///
    /// Only the account's rows: an index built from them cannot rank another account's
    /// messages or memories, nor let them crowd the account's own out of the nearest.
    func vectorRows(_ kind: VectorKind, modelID: Int64, after vectorID: Int64, upTo last: Int64, limit: Int) throws
        -> [VectorIndex.Row]
    {
        let query: PostgresQuery =
            switch kind {
            case .messages:
                """
                SELECT v.id, v.message_id, m.chat_id, v.vector FROM message_vectors v
                JOIN messages m ON m.id = v.message_id JOIN chats c ON c.id = m.chat_id
                WHERE v.id > \(vectorID) AND v.id <= \(last) AND v.model_id = \(modelID) AND c.account = \(account)
                ORDER BY v.id LIMIT \(limit)
                """
            case .memories:
                """
                SELECT v.id, v.memory_id, 0::bigint, v.vector FROM memory_vectors v
                JOIN memories mem ON mem.id = v.memory_id
                WHERE v.id > \(vectorID) AND v.id <= \(last) AND v.model_id = \(modelID) AND mem.account = \(account)
                ORDER BY v.id LIMIT \(limit)
                """
            }
        return try read { connection in
            try connection.run(query).rows.map { row in
                let (id, rowID, group, bytes) = try row.decode((Int64, Int64, Int64, ByteBuffer).self)
                return VectorIndex.Row(
                    vectorID: id, rowID: rowID, group: group, bytes: Array(bytes.readableBytesView))
            }
        }
    }
}
