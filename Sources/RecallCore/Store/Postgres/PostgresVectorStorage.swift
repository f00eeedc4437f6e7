import PostgresNIO

/// Where a PostgreSQL store keeps the vectors a search by meaning reads, chosen when the store
/// opens: pgvector with an HNSW index per model when the database has the `vector` extension,
/// else `bytea` only, scanned in each Recall server's memory.
///
/// Either way the packed `bytea` vector stays the row's source of truth (what `recall migrate`
/// copies and the in-memory scan reads); with pgvector a trigger keeps an `embedding` column of
/// type `vector` beside it, so no write path needs to know which storage is in use; the import,
/// the one path where converting row by row showed, sends the embeddings itself.
enum PostgresVectorStorage: Sendable, Equatable {
    /// Packed vectors only; `note` says why pgvector is not in use when it could be.
    case bytea(note: String?)
    /// pgvector of this version, searched through its HNSW indexes.
    case pgvector(version: String)

    /// Whether rows carry a pgvector `embedding` beside the packed vector.
    var keepsEmbeddings: Bool {
        if case .pgvector = self { return true }
        return false
    }

    /// What `memory_stats` reports.
    var description: String {
        switch self {
        case .bytea(nil): "bytea"
        case .bytea(let note?): "bytea (\(note))"
        case .pgvector(let version): "pgvector \(version), HNSW"
        }
    }

    /// Sets up the storage under the schema lock: installs pgvector's column, trigger and
    /// conversion where the extension is installed (or can be, by this role), and converts the
    /// vectors stored before it was.
    static func prepare(_ pool: PostgresPool) throws -> PostgresVectorStorage {
        try pool.transaction { connection in
            _ = try connection.run("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey))")
            let version = try installedVersion(connection) ?? installIfAvailable(connection) ?? .bytea(note: nil)
            guard case .pgvector = version else { return version }
            let converting = try !hasEmbeddings(connection)
            for statement in setup { try connection.execute(statement) }
            if converting {
                // Vectors stored before pgvector was: converted once, here, by the same function.
                for table in ["message_vectors", "memory_vectors"] {
                    try connection.execute(
                        "UPDATE \(table) SET embedding = recall_embedding(vector) WHERE length(vector) > 4")
                }
            }
            return version
        }
    }

    private static func installedVersion(_ connection: PostgresConnection) throws -> PostgresVectorStorage? {
        try connection.run("SELECT extversion FROM pg_extension WHERE extname = 'vector'").rows.first.map {
            .pgvector(version: try $0.decode(String.self))
        }
    }

    /// Creates the extension when the server has it and this role may; a role that may not
    /// leaves the store on `bytea`, saying what would change that.
    private static func installIfAvailable(_ connection: PostgresConnection) throws -> PostgresVectorStorage? {
        let available = try connection.run("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'").rows
        guard available.first != nil else { return nil }
        try connection.execute("SAVEPOINT recall_vector_extension")
        do {
            try connection.execute("CREATE EXTENSION IF NOT EXISTS vector")
        } catch {
            try connection.execute("ROLLBACK TO SAVEPOINT recall_vector_extension")
            return .bytea(note: missingPrivilege)
        }
        return try installedVersion(connection)
    }

    /// Why a store on a server with pgvector keeps `bytea`, and what changes that.
    static let missingPrivilege =
        "the vector extension is on the server but this role cannot create it; "
        + "CREATE EXTENSION vector as its owner enables pgvector"

    private static func hasEmbeddings(_ connection: PostgresConnection) throws -> Bool {
        try connection.run(
            """
            SELECT 1 FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = 'message_vectors' AND column_name = 'embedding'
            """
        ).rows.first != nil
    }

    /// The column, conversion and triggers; each statement is safe to run again.
    ///
    /// The triggers name the `embedding` column, so dropping the extension (which drops the
    /// column) drops them too, and a store back on `bytea` writes as before.
    ///
    /// The conversion keeps the int8 values as they are: the cosine an HNSW search ranks by
    /// ignores length, so the packed scale is not needed, and scores match the in-memory scan's.
    private static let setup =
        [
            "ALTER TABLE message_vectors ADD COLUMN IF NOT EXISTS embedding vector",
            "ALTER TABLE memory_vectors ADD COLUMN IF NOT EXISTS embedding vector",
            """
            CREATE OR REPLACE FUNCTION recall_embedding(packed bytea) RETURNS vector
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                SELECT CASE WHEN length(packed) > 4 THEN (
                    SELECT array_agg(((get_byte(packed, i) + 128) % 256 - 128)::real ORDER BY i)
                    FROM generate_series(0, length(packed) - 5) AS i)::vector END
            $$
            """,
            """
            CREATE OR REPLACE FUNCTION recall_set_embedding() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.embedding := recall_embedding(NEW.vector);
                RETURN NEW;
            END
            $$
            """,
        ] + ["message_vectors", "memory_vectors"].flatMap(embeddingTriggers)

    /// A table's two triggers: an inserted row without an embedding gets one, and so does an
    /// updated row whose packed vector changed while its embedding did not.
    private static func embeddingTriggers(_ table: String) -> [String] {
        [
            """
            CREATE OR REPLACE TRIGGER \(table)_embedding BEFORE INSERT ON \(table)
            FOR EACH ROW WHEN (NEW.embedding IS NULL) EXECUTE FUNCTION recall_set_embedding()
            """,
            """
            CREATE OR REPLACE TRIGGER \(table)_embedding_changed BEFORE UPDATE OF vector, embedding ON \(table)
            FOR EACH ROW WHEN (NEW.embedding IS NULL
                OR (NEW.vector IS DISTINCT FROM OLD.vector AND NEW.embedding IS NOT DISTINCT FROM OLD.embedding))
            EXECUTE FUNCTION recall_set_embedding()
            """,
        ]
    }
}
