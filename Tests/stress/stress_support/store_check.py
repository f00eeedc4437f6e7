"""Looks inside a store with Python's own sqlite3: integrity, and what each chat holds."""

import sqlite3


def open_readonly(path):
    # Read-only through a URI, so a check never changes the store it checks.
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)


def integrity(path):
    """The result of `PRAGMA integrity_check`: "ok" for a sound store."""
    with open_readonly(path) as db:
        rows = db.execute("PRAGMA integrity_check").fetchall()
    return "; ".join(row[0] for row in rows)


def chat_message_counts(path, platform="chatgpt"):
    """{platform's conversation id: messages stored for it}."""
    with open_readonly(path) as db:
        rows = db.execute(
            "SELECT c.source_id, COUNT(m.id) FROM chats c LEFT JOIN messages m ON m.chat_id = c.id "
            "WHERE c.platform = ? GROUP BY c.id",
            (platform,),
        ).fetchall()
    return dict(rows)


def memory_rows(path):
    """Every memory as (id, content)."""
    with open_readonly(path) as db:
        return db.execute("SELECT id, content FROM memories").fetchall()
