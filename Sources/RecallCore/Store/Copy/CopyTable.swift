/// A table `recall migrate` copies, described once for both stores: its columns in the
/// order rows carry them, and how each is typed.
///
/// Derived data is not copied: each store rebuilds its own full-text index from the text.
struct CopyTable: Sendable, Equatable {
    /// How a column's values travel between the stores.
    enum Kind: Sendable, Equatable {
        case integer, real, text, boolean, blob
        /// A date (SQLite text, PostgreSQL timestamptz).
        case date
        /// A JSON array or object (SQLite text, PostgreSQL jsonb).
        case json
    }

    /// The table's name, the same in both stores.
    let name: String
    /// The columns, in the order rows carry them; the first is the key rows are paged by.
    let columns: [(name: String, kind: Kind)]
    /// Columns that point at rows of the same table, filled in a second pass once every row exists.
    var links: [String] = []

    static func == (lhs: CopyTable, rhs: CopyTable) -> Bool { lhs.name == rhs.name }

    /// The key's column.
    var key: String { columns[0].name }
    /// Whether rows are paged by an integer key (else the table is read whole: it is small).
    var pagedByID: Bool { columns[0].kind == .integer }

    /// Every table, parents before children.
    static let all: [CopyTable] = [
        imports, chats, messages, memories, memorySources, vectorModels, messageVectors, memoryVectors, apiKeys,
        rateUsage,
    ]

    static let imports = CopyTable(
        name: "imports",
        columns: [
            ("id", .integer), ("account", .text), ("path", .text), ("platform", .text), ("started_at", .date),
            ("finished_at", .date), ("chats_added", .integer), ("chats_updated", .integer),
            ("chats_unchanged", .integer), ("messages_added", .integer), ("messages_updated", .integer),
            ("skipped", .integer), ("memories_extracted", .integer), ("diagnostics", .text),
        ])
    static let chats = CopyTable(
        name: "chats",
        columns: [
            ("id", .integer), ("account", .text), ("platform", .text), ("source_id", .text), ("title", .text),
            ("title_override", .text), ("created_at", .date), ("updated_at", .date), ("pinned", .boolean),
            ("bucket", .text), ("tags", .json), ("import_id", .integer), ("message_count", .integer),
            ("token_count", .integer), ("content_hash", .text), ("metadata", .text), ("fingerprint", .text),
        ])
    static let messages = CopyTable(
        name: "messages",
        columns: [
            ("id", .integer), ("chat_id", .integer), ("source_id", .text), ("parent_source_id", .text),
            ("role", .text), ("content", .text), ("attachment_text", .text), ("attachments", .text),
            ("created_at", .date), ("position", .integer), ("hidden", .boolean), ("content_type", .text),
            ("author", .text),
        ])
    static let memories = CopyTable(
        name: "memories",
        columns: [
            ("id", .integer), ("account", .text), ("content", .text), ("normalized", .text), ("type", .text),
            ("confidence", .real), ("tags", .json), ("bucket", .text), ("user_id", .text), ("owner", .text),
            ("memories_at", .date), ("latitude", .real), ("longitude", .real), ("metadata", .text),
            ("image_ref", .text), ("image_description", .text), ("source_chat_id", .integer),
            ("source_message_id", .integer), ("pinned", .boolean), ("created_at", .date), ("updated_at", .date),
            ("supersedes", .integer), ("superseded_by", .integer), ("gist", .text), ("slot", .text),
        ],
        links: ["supersedes", "superseded_by"])
    /// SQLite keeps no id for a memory's extra sources: its rowid stands in.
    static let memorySources = CopyTable(
        name: "memory_sources",
        columns: [("id", .integer), ("memory_id", .integer), ("chat_id", .integer), ("message_id", .integer)])
    static let vectorModels = CopyTable(name: "vector_models", columns: [("id", .integer), ("name", .text)])
    static let messageVectors = CopyTable(
        name: "message_vectors",
        columns: [("id", .integer), ("message_id", .integer), ("model_id", .integer), ("vector", .blob)])
    static let memoryVectors = CopyTable(
        name: "memory_vectors",
        columns: [("id", .integer), ("memory_id", .integer), ("model_id", .integer), ("vector", .blob)])
    static let apiKeys = CopyTable(
        name: "api_keys",
        columns: [
            ("id", .text), ("account", .text), ("scope", .text), ("hash", .blob), ("created_at", .date),
            ("revoked_at", .date), ("per_minute", .integer), ("per_month", .integer),
        ])
    static let rateUsage = CopyTable(
        name: "rate_usage", columns: [("key_id", .text), ("window", .text), ("count", .integer)])
}
