import Foundation
import PostgresNIO

extension PostgresStore {
    /// The part of storing a batch that needs no write lock: each chat's content hash and, with
    /// an encoder, the vectors of every visible message of a new or changed chat.
    ///
    /// An import prepares the next batch while the previous one is written.
    func prepare(_ batch: [ParsedConversation], messageEncoder: (any TextEncoder)?) throws -> PreparedChats {
        let prepared = batch.map { parsed in
            let conversation = parsed.withStorableDates
            return PreparedChats.Item(conversation: conversation, hash: ConversationHash.of(conversation))
        }
        // A chat this account stored with the same content needs no vectors nor index values (a
        // re-import changes nothing); another account's copy of it is not this account's chat.
        let (stored, index) = try read { connection in
            let stored = try storedChats(prepared.map(\.conversation), on: connection)
            let changed = prepared.filter { stored[ChatKey($0.conversation)]?.contentHash != $0.hash }
            let records = changed.flatMap { item in
                item.conversation.messages.map { MessageRecord($0, chatID: 0).storableInPostgres }
            }
            return (stored, try PostgresIndexValues.make(records, on: connection))
        }
        let needed = prepared.map { item in stored[ChatKey(item.conversation)]?.contentHash != item.hash }
        let vectors = messageEncoder.map {
            MessageVectors(prepared.map(\.conversation), needed: needed, encoder: $0)
        }
        return PreparedChats(items: prepared, vectors: vectors, postgresIndex: index)
    }

    /// Writes a prepared batch in one transaction: new chats added, changed ones updated, the
    /// import's row made by the first chat added or updated (see `ImportRun`).
    func upsert(_ prepared: PreparedChats, run: ImportRun, bucket: String?) throws -> [ChatUpsert] {
        let vectors = prepared.vectors
        let earlier = run.rowID
        return try run.rollingBack {
            try write { connection in
                // The pool may run this body again; a row its last attempt made was rolled back.
                run.rewind(to: earlier)
                let modelID = try vectors.map { try Self.importVectorModelID($0.model, on: connection) }
                var chats = try storedChats(prepared.items.map(\.conversation), on: connection)
                var tally = PostgresWordTally()
                let results = try prepared.items.enumerated().map { index, item in
                    let encoded = vectors.flatMap { vectors in
                        modelID.map { (vectors.byConversation[index], $0, vectorStorage.keepsEmbeddings) }
                    }
                    return try upsert(
                        item, stored: &chats, run: run, bucket: bucket, vectors: encoded,
                        index: prepared.postgresIndex, tally: &tally, on: connection)
                }
                try tally.apply("messages", on: connection)
                return results
            }
        }
    }

    /// A chat's identity within an account: its platform and the platform's id for it.
    struct ChatKey: Hashable {
        /// The platform's raw value.
        var platform: String
        /// The platform's chat id.
        var sourceID: String

        init(platform: String, sourceID: String) {
            self.platform = platform
            self.sourceID = sourceID
        }

        init(_ conversation: ParsedConversation) {
            self.init(platform: conversation.platform.rawValue, sourceID: conversation.sourceID)
        }
    }

    /// This account's stored chats among the conversations, read in one query.
    private func storedChats(_ conversations: [ParsedConversation], on connection: PostgresConnection) throws
        -> [ChatKey: ChatRecord]
    {
        guard !conversations.isEmpty else { return [:] }
        let result = try connection.run(
            """
            SELECT \(unescaped: ChatRecord.postgresColumns) FROM chats
            WHERE account = \(account) AND (platform, source_id) IN (
                SELECT * FROM unnest(\(conversations.map(\.platform.rawValue))::text[], \(conversations.map(\.sourceID))::text[]))
            """)
        var chats: [ChatKey: ChatRecord] = [:]
        for row in result.rows {
            let chat = try ChatRecord(postgres: row)
            chats[ChatKey(platform: chat.platform, sourceID: chat.sourceId)] = chat
        }
        return chats
    }
}
