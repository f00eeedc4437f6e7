import Foundation
import PostgresNIO

/// The PostgreSQL store's schema as append-only history, written in PostgreSQL's own terms.
///
/// Never edit a shipped migration: add one. Migrations run in one transaction under an advisory
/// lock, so two servers starting together upgrade once, and a half-run upgrade never commits.
enum PostgresSchema {
    /// Migrations in order; the schema version is how many have run.
    static let migrations: [(id: String, sql: String)] = [
        ("v1-recall-on-postgres", version1),
        ("v2-lz4-text-and-cheaper-gram-counts", version2),
    ]

    /// The advisory lock key every migration run holds (`hashtext('recall schema')` would do;
    /// a constant keeps it readable in `pg_locks`).
    static let lockKey: Int64 = 0x5265_6361_6C6C_0001

    /// The marker table: its row says the database is Recall's.
    static let markerTable = "recall_store"

    /// The full-text configuration: PostgreSQL's parser, English stems, no stop words.
    ///
    /// Every word a question holds can match, as with SQLite's porter tokenizer, which drops none.
    /// Text is folded (case, diacritics) by the store before it reaches the configuration.
    static let wordsConfiguration = "recall_words"

    static let version1 = """
        CREATE TABLE recall_store (
            singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            application text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        INSERT INTO recall_store (application) VALUES ('recall');

        CREATE TEXT SEARCH DICTIONARY recall_english_stem (TEMPLATE = snowball, Language = english);
        CREATE TEXT SEARCH CONFIGURATION recall_words (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION recall_words
            ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
            WITH recall_english_stem;

        CREATE TABLE imports (
            id bigserial PRIMARY KEY,
            account text NOT NULL,
            path text NOT NULL,
            platform text NOT NULL,
            started_at timestamptz NOT NULL,
            finished_at timestamptz,
            chats_added integer NOT NULL DEFAULT 0,
            chats_updated integer NOT NULL DEFAULT 0,
            chats_unchanged integer NOT NULL DEFAULT 0,
            messages_added integer NOT NULL DEFAULT 0,
            messages_updated integer NOT NULL DEFAULT 0,
            skipped integer NOT NULL DEFAULT 0,
            memories_extracted integer NOT NULL DEFAULT 0,
            diagnostics text NOT NULL DEFAULT '[]'
        );
        CREATE INDEX imports_account ON imports (account);

        CREATE TABLE chats (
            id bigserial PRIMARY KEY,
            account text NOT NULL,
            platform text NOT NULL,
            source_id text NOT NULL,
            title text,
            title_override text,
            created_at timestamptz,
            updated_at timestamptz,
            pinned boolean NOT NULL DEFAULT false,
            bucket text,
            tags jsonb NOT NULL DEFAULT '[]',
            import_id bigint REFERENCES imports ON DELETE SET NULL,
            message_count integer NOT NULL DEFAULT 0,
            token_count integer NOT NULL DEFAULT 0,
            content_hash text NOT NULL DEFAULT '',
            metadata text NOT NULL DEFAULT '{}',
            fingerprint text,
            UNIQUE (account, platform, source_id)
        );
        CREATE INDEX chats_account_updated ON chats (account, updated_at);
        CREATE INDEX chats_import_id ON chats (import_id);
        CREATE INDEX chats_account_fingerprint ON chats (account, fingerprint);

        -- words: the folded text's lexemes, content weighted A and attachment text B; word_count:
        -- its length in tokens, for bm25. grams: CJK character and pair grams (see CJKGrams).
        CREATE TABLE messages (
            id bigserial PRIMARY KEY,
            chat_id bigint NOT NULL REFERENCES chats ON DELETE CASCADE,
            source_id text NOT NULL,
            parent_source_id text,
            role text NOT NULL,
            content text NOT NULL,
            attachment_text text,
            attachments text,
            created_at timestamptz,
            position integer,
            hidden boolean NOT NULL DEFAULT false,
            content_type text,
            author text,
            words tsvector NOT NULL DEFAULT ''::tsvector,
            word_count integer NOT NULL DEFAULT 0,
            grams tsvector NOT NULL DEFAULT ''::tsvector,
            UNIQUE (chat_id, source_id)
        );
        CREATE INDEX messages_chat_position ON messages (chat_id, position);
        CREATE INDEX messages_words ON messages USING gin (words);
        CREATE INDEX messages_grams ON messages USING gin (grams);

        CREATE TABLE memories (
            id bigserial PRIMARY KEY,
            account text NOT NULL,
            content text NOT NULL,
            normalized text NOT NULL,
            type text NOT NULL,
            confidence double precision NOT NULL,
            tags jsonb NOT NULL DEFAULT '[]',
            bucket text,
            user_id text NOT NULL DEFAULT 'default',
            owner text,
            memories_at timestamptz,
            latitude double precision,
            longitude double precision,
            metadata text,
            image_ref text,
            image_description text,
            source_chat_id bigint REFERENCES chats ON DELETE CASCADE,
            source_message_id bigint REFERENCES messages ON DELETE SET NULL,
            pinned boolean NOT NULL DEFAULT false,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            supersedes bigint REFERENCES memories ON DELETE SET NULL,
            superseded_by bigint REFERENCES memories ON DELETE SET NULL,
            gist text,
            slot text,
            words tsvector NOT NULL DEFAULT ''::tsvector,
            word_count integer NOT NULL DEFAULT 0,
            grams tsvector NOT NULL DEFAULT ''::tsvector
        );
        CREATE INDEX memories_account_user ON memories (account, user_id);
        CREATE INDEX memories_user_normalized ON memories (user_id, normalized);
        CREATE INDEX memories_user_gist ON memories (user_id, gist);
        CREATE INDEX memories_user_slot ON memories (user_id, slot);
        CREATE INDEX memories_source_chat ON memories (source_chat_id);
        CREATE INDEX memories_created_at ON memories (created_at);
        CREATE INDEX memories_words ON memories USING gin (words);
        CREATE INDEX memories_grams ON memories USING gin (grams);

        CREATE TABLE memory_sources (
            id bigserial PRIMARY KEY,
            memory_id bigint NOT NULL REFERENCES memories ON DELETE CASCADE,
            chat_id bigint NOT NULL REFERENCES chats ON DELETE CASCADE,
            message_id bigint REFERENCES messages ON DELETE CASCADE,
            UNIQUE NULLS NOT DISTINCT (memory_id, chat_id, message_id)
        );
        CREATE INDEX memory_sources_chat ON memory_sources (chat_id);
        CREATE INDEX memory_sources_message ON memory_sources (message_id);

        -- Vectors beside the rows they describe, each naming its model. Ids grow in commit
        -- order (writes hold the store's write lock), so a server loads what is new since its
        -- last look.
        CREATE TABLE vector_models (
            id bigserial PRIMARY KEY,
            name text NOT NULL UNIQUE
        );
        CREATE TABLE message_vectors (
            id bigserial PRIMARY KEY,
            message_id bigint NOT NULL UNIQUE REFERENCES messages ON DELETE CASCADE,
            model_id bigint NOT NULL REFERENCES vector_models,
            vector bytea NOT NULL
        );
        CREATE TABLE memory_vectors (
            id bigserial PRIMARY KEY,
            memory_id bigint NOT NULL REFERENCES memories ON DELETE CASCADE,
            model_id bigint NOT NULL REFERENCES vector_models,
            vector bytea NOT NULL,
            UNIQUE (memory_id, model_id)
        );

        CREATE TABLE api_keys (
            id text PRIMARY KEY,
            account text NOT NULL,
            scope text NOT NULL,
            hash bytea NOT NULL,
            created_at timestamptz NOT NULL,
            revoked_at timestamptz,
            per_minute integer,
            per_month integer
        );
        CREATE TABLE rate_usage (
            key_id text NOT NULL REFERENCES api_keys ON DELETE CASCADE,
            "window" text NOT NULL,
            count integer NOT NULL,
            PRIMARY KEY (key_id, "window")
        );

        -- bm25's collection figures per kind: for 'messages' and 'memories' how many rows there
        -- are and their word_count in all, kept by the store's writes; for 'message_grams' and
        -- 'memory_grams' how many rows have grams and their grams in all (the SQLite gram tables
        -- hold rows with CJK text only, and bm25 reads its figures over them), kept by triggers
        -- once per statement, so every write and every cascade counts.
        CREATE TABLE word_stats (
            kind text PRIMARY KEY,
            documents bigint NOT NULL DEFAULT 0,
            words bigint NOT NULL DEFAULT 0
        );
        INSERT INTO word_stats (kind) VALUES ('messages'), ('memories'), ('message_grams'), ('memory_grams');

        CREATE FUNCTION recall_gram_count(grams tsvector) RETURNS bigint LANGUAGE sql IMMUTABLE
            AS 'SELECT COALESCE(sum(cardinality(positions)), 0) FROM unnest(grams)';
        CREATE FUNCTION recall_gram_stats() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            rows_added bigint := 0; grams_added bigint := 0; rows_removed bigint := 0; grams_removed bigint := 0;
        BEGIN
            IF TG_OP <> 'DELETE' THEN
                SELECT count(*) FILTER (WHERE length(grams) > 0), COALESCE(sum(recall_gram_count(grams)), 0)
                INTO rows_added, grams_added FROM new_rows;
            END IF;
            IF TG_OP <> 'INSERT' THEN
                SELECT count(*) FILTER (WHERE length(grams) > 0), COALESCE(sum(recall_gram_count(grams)), 0)
                INTO rows_removed, grams_removed FROM old_rows;
            END IF;
            IF rows_added <> rows_removed OR grams_added <> grams_removed THEN
                UPDATE word_stats SET documents = documents + rows_added - rows_removed,
                    words = words + grams_added - grams_removed
                WHERE kind = TG_ARGV[0];
            END IF;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER messages_grams_inserted AFTER INSERT ON messages REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION recall_gram_stats('message_grams');
        CREATE TRIGGER messages_grams_updated AFTER UPDATE ON messages
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION recall_gram_stats('message_grams');
        CREATE TRIGGER messages_grams_deleted AFTER DELETE ON messages REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION recall_gram_stats('message_grams');
        CREATE TRIGGER memories_grams_inserted AFTER INSERT ON memories REFERENCING NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION recall_gram_stats('memory_grams');
        CREATE TRIGGER memories_grams_updated AFTER UPDATE ON memories
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
            FOR EACH STATEMENT EXECUTE FUNCTION recall_gram_stats('memory_grams');
        CREATE TRIGGER memories_grams_deleted AFTER DELETE ON memories REFERENCING OLD TABLE AS old_rows
            FOR EACH STATEMENT EXECUTE FUNCTION recall_gram_stats('memory_grams');
        """

    /// Message text compressed with lz4 where the server has it (about five times faster to
    /// write than the default pglz, which took a tenth of an import's server time), and the
    /// gram counts read only of rows that have grams.
    static let version2 = """
        DO $$
        BEGIN
            IF 'lz4' = ANY (SELECT unnest(enumvals) FROM pg_settings WHERE name = 'default_toast_compression') THEN
                ALTER TABLE messages ALTER COLUMN content SET COMPRESSION lz4,
                    ALTER COLUMN attachment_text SET COMPRESSION lz4, ALTER COLUMN words SET COMPRESSION lz4;
            END IF;
        END
        $$;
        CREATE OR REPLACE FUNCTION recall_gram_stats() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            rows_added bigint := 0; grams_added bigint := 0; rows_removed bigint := 0; grams_removed bigint := 0;
        BEGIN
            IF TG_OP <> 'DELETE' THEN
                SELECT count(*) FILTER (WHERE length(grams) > 0),
                    COALESCE(sum(recall_gram_count(grams)) FILTER (WHERE length(grams) > 0), 0)
                INTO rows_added, grams_added FROM new_rows;
            END IF;
            IF TG_OP <> 'INSERT' THEN
                SELECT count(*) FILTER (WHERE length(grams) > 0),
                    COALESCE(sum(recall_gram_count(grams)) FILTER (WHERE length(grams) > 0), 0)
                INTO rows_removed, grams_removed FROM old_rows;
            END IF;
            IF rows_added <> rows_removed OR grams_added <> grams_removed THEN
                UPDATE word_stats SET documents = documents + rows_added - rows_removed,
                    words = words + grams_added - grams_removed
                WHERE kind = TG_ARGV[0];
            END IF;
            RETURN NULL;
        END
        $$;
        """
}
