import Foundation
import GRDB

/// The store's schema as append-only history.
///
/// Never edit a shipped migration: add one.
enum Schema {
    /// Migration identifiers in order; the schema version is how many have run.
    static let migrationIDs = [
        "v1-chats-messages-memories", "v2-authors-cjk-index", "v3-memories-signatures",
        "v4-message-index-written-by-import",
        "v5-recall-application-id",
        "v6-vector-side-tables",
        "v7-memory-slots-set-qualifiers-aside",
        "v8-accounts-api-keys-rate-limits",
        "v9-chat-fingerprints",
    ]

    /// The migrator, written in database terms (string table names, not record types); the
    /// migrations that sign the memories already stored read their signatures with `signing`.
    static func migrator(signing: FactSigning) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-chats-messages-memories") { db in
            try db.create(table: "imports") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("path", .text).notNull()
                t.column("platform", .text).notNull()
                t.column("started_at", .datetime).notNull()
                t.column("finished_at", .datetime)
                t.column("chats_added", .integer).notNull().defaults(to: 0)
                t.column("chats_updated", .integer).notNull().defaults(to: 0)
                t.column("chats_unchanged", .integer).notNull().defaults(to: 0)
                t.column("messages_added", .integer).notNull().defaults(to: 0)
                t.column("messages_updated", .integer).notNull().defaults(to: 0)
                t.column("skipped", .integer).notNull().defaults(to: 0)
                t.column("memories_extracted", .integer).notNull().defaults(to: 0)
                t.column("diagnostics", .text).notNull().defaults(to: "[]")
            }
            try db.create(table: "chats") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("platform", .text).notNull()
                t.column("source_id", .text).notNull()
                t.column("title", .text)
                t.column("title_override", .text)
                t.column("created_at", .datetime)
                t.column("updated_at", .datetime)
                t.column("pinned", .boolean).notNull().defaults(to: false)
                t.column("bucket", .text)
                t.column("tags", .text).notNull().defaults(to: "[]")
                t.column("import_id", .integer).references("imports", onDelete: .setNull)
                t.column("message_count", .integer).notNull().defaults(to: 0)
                t.column("token_count", .integer).notNull().defaults(to: 0)
                t.column("content_hash", .text).notNull().defaults(to: "")
                t.column("metadata", .text).notNull().defaults(to: "{}")
                t.uniqueKey(["platform", "source_id"])
            }
            try db.create(index: "chats_updated_at", on: "chats", columns: ["updated_at"])
            try db.create(index: "chats_import_id", on: "chats", columns: ["import_id"])
            try db.create(table: "messages") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("chat_id", .integer).notNull().references("chats", onDelete: .cascade)
                t.column("source_id", .text).notNull()
                t.column("parent_source_id", .text)
                t.column("role", .text).notNull()
                t.column("content", .text).notNull()
                // Text the platform extracted from attachments: searchable, shown apart.
                t.column("attachment_text", .text)
                t.column("attachments", .text)
                t.column("created_at", .datetime)
                // Index on the active branch; NULL for messages on other branches.
                t.column("position", .integer)
                t.column("hidden", .boolean).notNull().defaults(to: false)
                t.column("content_type", .text)
                t.uniqueKey(["chat_id", "source_id"])
            }
            try db.create(index: "messages_chat_position", on: "messages", columns: ["chat_id", "position"])
            try db.create(virtualTable: "messages_fts", using: FTS5()) { t in
                t.synchronize(withTable: "messages")
                t.tokenizer = .porter(wrapping: .unicode61(diacritics: .remove))
                t.column("content")
                t.column("attachment_text")
            }
            try db.create(table: "memories") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("content", .text).notNull()
                // Lowercased, punctuation-free form used to find duplicates.
                t.column("normalized", .text).notNull()
                t.column("type", .text).notNull()
                t.column("confidence", .double).notNull()
                t.column("tags", .text).notNull().defaults(to: "[]")
                t.column("bucket", .text)
                t.column("user_id", .text).notNull().defaults(to: "default")
                t.column("owner", .text)
                t.column("memories_at", .datetime)
                t.column("latitude", .double)
                t.column("longitude", .double)
                t.column("metadata", .text)
                t.column("image_ref", .text)
                t.column("image_description", .text)
                t.column("source_chat_id", .integer).references("chats", onDelete: .cascade)
                t.column("source_message_id", .integer).references("messages", onDelete: .setNull)
                t.column("pinned", .boolean).notNull().defaults(to: false)
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
                t.column("supersedes", .integer).references("memories", onDelete: .setNull)
                t.column("superseded_by", .integer).references("memories", onDelete: .setNull)
            }
            try db.create(index: "memories_user_normalized", on: "memories", columns: ["user_id", "normalized"])
            try db.create(index: "memories_source_chat", on: "memories", columns: ["source_chat_id"])
            try db.create(index: "memories_created_at", on: "memories", columns: ["created_at"])
            try db.create(table: "memory_sources") { t in
                t.column("memory_id", .integer).notNull().references("memories", onDelete: .cascade)
                t.column("chat_id", .integer).notNull().references("chats", onDelete: .cascade)
                t.column("message_id", .integer).references("messages", onDelete: .cascade)
                t.uniqueKey(["memory_id", "chat_id", "message_id"])
            }
            try db.create(virtualTable: "memories_fts", using: FTS5()) { t in
                t.synchronize(withTable: "memories")
                t.tokenizer = .porter(wrapping: .unicode61(diacritics: .remove))
                t.column("content")
                t.column("image_description")
            }
        }
        migrator.registerMigration("v2-authors-cjk-index") { db in
            try db.alter(table: "messages") { t in t.add(column: "author", .text) }
            // Character and pair grams of CJK text (see CJKGrams), kept by the store's own writes;
            // the triggers only remove rows, which needs no Recall code.
            try db.create(virtualTable: "messages_cjk", using: FTS5()) { t in
                t.tokenizer = .unicode61()
                t.column("grams")
            }
            try db.create(virtualTable: "memories_cjk", using: FTS5()) { t in
                t.tokenizer = .unicode61()
                t.column("grams")
            }
            // Reindex text only when text changes: moving a message on or off the active branch,
            // or changing a memory's confidence, must not rewrite the full-text index.
            try db.execute(
                sql: """
                    DROP TRIGGER "__messages_fts_au";
                    CREATE TRIGGER "__messages_fts_au" AFTER UPDATE OF content, attachment_text ON messages BEGIN
                        INSERT INTO messages_fts(messages_fts, rowid, content, attachment_text) VALUES('delete', old.id, old.content, old.attachment_text);
                        INSERT INTO messages_fts(rowid, content, attachment_text) VALUES (new.id, new.content, new.attachment_text);
                    END;
                    DROP TRIGGER "__memories_fts_au";
                    CREATE TRIGGER "__memories_fts_au" AFTER UPDATE OF content, image_description ON memories BEGIN
                        INSERT INTO memories_fts(memories_fts, rowid, content, image_description) VALUES('delete', old.id, old.content, old.image_description);
                        INSERT INTO memories_fts(rowid, content, image_description) VALUES (new.id, new.content, new.image_description);
                    END;
                    CREATE TRIGGER messages_cjk_delete AFTER DELETE ON messages BEGIN
                        DELETE FROM messages_cjk WHERE rowid = old.id;
                    END;
                    CREATE TRIGGER memories_cjk_delete AFTER DELETE ON memories BEGIN
                        DELETE FROM memories_cjk WHERE rowid = old.id;
                    END;
                    """)
            let messages = try Row.fetchCursor(db, sql: "SELECT id, content, attachment_text FROM messages")
            while let row = try messages.next() {
                try CJKIndex.index(
                    message: row["id"],
                    text: (row["content"] as String) + " " + (row["attachment_text"] as String? ?? ""), db: db)
            }
            let memories = try Row.fetchCursor(db, sql: "SELECT id, content, image_description FROM memories")
            while let row = try memories.next() {
                try CJKIndex.index(
                    memory: row["id"],
                    text: (row["content"] as String) + " " + (row["image_description"] as String? ?? ""), db: db)
            }
        }
        migrator.registerMigration("v3-memories-signatures") { db in
            // What a memory says, reduced for comparison (see FactSignature): near-duplicates
            // share a gist; facts of which only one version is current share a slot.
            try db.alter(table: "memories") { t in
                t.add(column: "gist", .text)
                t.add(column: "slot", .text)
            }
            try db.create(index: "memories_user_gist", on: "memories", columns: ["user_id", "gist"])
            try db.create(index: "memories_user_slot", on: "memories", columns: ["user_id", "slot"])
            // Memories stored before get theirs now, so they take part in deduplication at once.
            for row in try Row.fetchAll(db, sql: "SELECT id, content FROM memories") {
                let signature = signing(row["content"] as String)
                try db.execute(
                    sql: "UPDATE memories SET gist = ?, slot = ? WHERE id = ?",
                    arguments: [signature.gist, signature.slot, row["id"] as Int64])
            }
        }
        migrator.registerMigration("v4-message-index-written-by-import") { db in
            // A per-row trigger makes a bulk import several times slower than inserting the
            // index row next to the message; the store's one message insert does that now
            // (see MessageRecord.insertCached). Updates and deletes keep their triggers.
            try db.execute(sql: #"DROP TRIGGER "__messages_fts_ai""#)
        }
        migrator.registerMigration("v5-recall-application-id") { db in
            // Marks the file as Recall's, on a new store and on an older one alike, so that
            // Recall later opens only its own stores (see StoreIdentity).
            try db.execute(sql: "PRAGMA application_id = \(StoreIdentity.applicationID)")
        }
        migrator.registerMigration("v6-vector-side-tables") { db in
            // Embedding vectors beside the rows they describe (see Semantic/). Each names the
            // model that made it, so a model change re-embeds; an empty vector marks a text
            // with nothing to encode, so it is not tried again. The own id only grows
            // (AUTOINCREMENT), so a search process loads what is new since its last look.
            try db.create(table: "vector_models") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
            }
            try db.create(table: "message_vectors") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("message_id", .integer).notNull().unique().references("messages", onDelete: .cascade)
                t.column("model_id", .integer).notNull().references("vector_models")
                t.column("vector", .blob).notNull()
            }
            try db.create(table: "memory_vectors") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("memory_id", .integer).notNull().references("memories", onDelete: .cascade)
                t.column("model_id", .integer).notNull().references("vector_models")
                t.column("vector", .blob).notNull()
                t.uniqueKey(["memory_id", "model_id"])
            }
        }
        migrator.registerMigration("v7-memory-slots-set-qualifiers-aside") { db in
            // A slot now ignores qualifiers ("hates TypeScript these days" is about liking
            // TypeScript): memories stored before get the slot they would get now, so a later
            // statement supersedes or merges with them.
            for row in try Row.fetchAll(db, sql: "SELECT id, content FROM memories") {
                let signature = signing(row["content"] as String)
                try db.execute(
                    sql: "UPDATE memories SET slot = ? WHERE id = ?", arguments: [signature.slot, row["id"] as Int64])
            }
        }
        migrator.registerMigration("v8-accounts-api-keys-rate-limits") { db in
            try AccountsMigration.run(db)
        }
        migrator.registerMigration("v9-chat-fingerprints") { db in
            // The fingerprint of the export bytes a chat was last read from, so a re-import
            // passes over an unchanged chat without decoding it. Chats stored before have none
            // and are compared the slow way once.
            try db.alter(table: "chats") { t in t.add(column: "fingerprint", .text) }
            try db.create(index: "chats_account_fingerprint", on: "chats", columns: ["account", "fingerprint"])
        }
        return migrator
    }

    /// The upgrade procedure over this build's migrations.
    static func upgrade(signing: FactSigning) -> StoreUpgrade {
        StoreUpgrade(migrator: migrator(signing: signing), identifiers: migrationIDs)
    }

    /// Brings a store up to date, refusing one written by a newer Recall (left untouched), and
    /// writing a backup copy next to a store that held data before any migration changes it.
    ///
    /// Safe when several processes open the same store at once: see `StoreUpgrade`.
    static func migrate(_ writer: any DatabaseWriter, location: StoreLocation, signing: FactSigning) throws {
        do {
            try upgrade(signing: signing).run(writer, location: location)
        } catch let error as RecallError {
            throw error
        } catch {
            throw RecallError(
                .storeUnavailable,
                "Cannot prepare the store at \(location.displayPath): \(RecallDatabase.describe(error)).")
        }
    }
}
