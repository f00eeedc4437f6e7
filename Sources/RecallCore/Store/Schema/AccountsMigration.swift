import Foundation
import GRDB

/// Schema v8: every chat, import and memory carries the account that owns it (existing rows
/// belong to the local account), and the server's API keys and rate-limit counters get tables.
enum AccountsMigration {
    static func run(_ db: Database) throws {
        let local = Account.local
        for table in ["imports", "memories"] {
            try db.alter(table: table) { t in t.add(column: "account", .text).notNull().defaults(to: local) }
        }
        try rebuildChatsUniquePerAccount(db)
        try db.create(index: "chats_account_updated", on: "chats", columns: ["account", "updated_at"])
        try db.create(index: "imports_account", on: "imports", columns: ["account"])
        try db.create(index: "memories_account_user", on: "memories", columns: ["account", "user_id"])

        try db.create(table: "api_keys") { t in
            // The public part of the key (`rk_<id>_…`), shown by `recall keys list`.
            t.column("id", .text).primaryKey()
            t.column("account", .text).notNull()
            t.column("scope", .text).notNull()
            // SHA-256 of the whole key; the key itself is never stored.
            t.column("hash", .blob).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("revoked_at", .datetime)
            t.column("per_minute", .integer)
            t.column("per_month", .integer)
        }
        try db.create(table: "rate_usage") { t in
            t.column("key_id", .text).notNull().references("api_keys", onDelete: .cascade)
            // `minute:<epoch minute>` or `month:<yyyy-mm>`.
            t.column("window", .text).notNull()
            t.column("count", .integer).notNull()
            t.primaryKey(["key_id", "window"])
        }
    }

    /// Chats were unique by (platform, platform id); two accounts importing the same export
    /// must each get their own copy, so the key gains the account.
    ///
    /// SQLite cannot change a table
    /// constraint in place: the table is rebuilt from its own stored definition, which keeps
    /// every column a migration before this one added, and rows are copied by column name.
    private static func rebuildChatsUniquePerAccount(_ db: Database) throws {
        guard
            let definition = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'chats'")
        else { return }
        let keyRange =
            definition.range(of: #"UNIQUE ("platform", "source_id")"#)
            ?? definition.range(of: #"UNIQUE("platform", "source_id")"#)
        guard let keyRange, let nameRange = definition.range(of: #""chats""#) else {
            throw RecallError(
                .storeUnavailable, "Cannot upgrade the store: the chats table has an unexpected definition.")
        }
        let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(chats)").map {
            #"""# + ($0["name"] as String) + #"""#
        }.joined(separator: ", ")
        let indexes = try String.fetchAll(
            db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'chats' AND sql IS NOT NULL")
        var rebuilt = definition
        rebuilt.replaceSubrange(
            keyRange,
            with:
                #""account" TEXT NOT NULL DEFAULT '\#(Account.local)', UNIQUE("account", "platform", "source_id")"#
        )
        rebuilt.replaceSubrange(rebuilt.range(of: #""chats""#) ?? nameRange, with: #""chats_v8""#)
        try db.execute(sql: rebuilt)
        try db.execute(sql: #"INSERT INTO "chats_v8" (\#(columns)) SELECT \#(columns) FROM "chats""#)
        try db.execute(sql: #"DROP TABLE "chats""#)
        try db.execute(sql: #"ALTER TABLE "chats_v8" RENAME TO "chats""#)
        for index in indexes { try db.execute(sql: index) }
    }
}
