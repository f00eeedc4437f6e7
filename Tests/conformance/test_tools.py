"""Every tool, called through the official Python client, on a small imported store."""

import re

import pytest

pytest.importorskip("mcp", reason="the Python `mcp` package is missing: pip install -r Tests/conformance/requirements.txt")

from conftest import EXPECTED_TOOLS
from support.session import connect, run, text_of

FORBIDDEN_SCHEMA_KEYS = {"oneOf", "anyOf", "allOf", "$ref", "$defs", "$schema"}


def schema_problems(schema, path="inputSchema"):
    """Keywords some clients reject (Cursor, Gemini): combinators, references and type arrays."""
    problems = []
    if isinstance(schema, dict):
        problems += [f"{path}.{key}" for key in FORBIDDEN_SCHEMA_KEYS & schema.keys()]
        if isinstance(schema.get("type"), list):
            problems.append(f"{path}.type is an array")
        for key, value in schema.items():
            problems += schema_problems(value, f"{path}.{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            problems += schema_problems(value, f"{path}[{index}]")
    return problems


@pytest.fixture(scope="module")
def seeded(recall_bin, chatgpt_export, tmp_path_factory):
    """A store holding the ChatGPT fixture; tests that delete use their own store."""
    store = tmp_path_factory.mktemp("seeded") / "recall.sqlite"

    async def seed():
        async with connect(recall_bin, store) as tools:
            return await tools.call("import_chats", {"path": str(chatgpt_export)})

    return store, run(seed)


def chat_titled(chats, title):
    return next(chat for chat in chats["items"] if chat["title"] == title)


@pytest.mark.parametrize("mode, negotiated", [("legacy", "2025-11-25"), ("auto", "2026-07-28")])
def test_lists_exactly_the_twelve_tools(recall_bin, store, mode, negotiated):
    async def body():
        async with connect(recall_bin, store, mode=mode) as tools:
            assert tools.client.protocol_version == negotiated
            return await tools.list()

    listed = run(body)
    names = [tool.name for tool in listed]
    assert len(names) == len(EXPECTED_TOOLS) and set(names) == EXPECTED_TOOLS, names
    for tool in listed:
        assert re.fullmatch(r"[a-z_]{1,40}", tool.name) and len(f"mcp__recall__{tool.name}") <= 64
        assert tool.title, f"{tool.name} has no title"
        assert tool.description and len(tool.description) <= 300, f"{tool.name}: description must be 1–300 chars"
        assert tool.input_schema.get("type") == "object", f"{tool.name}: inputSchema must be an object schema"
        assert not schema_problems(tool.input_schema), f"{tool.name}: {schema_problems(tool.input_schema)}"
        assert tool.output_schema and tool.output_schema.get("type") == "object", f"{tool.name}: no outputSchema"
        hints = tool.annotations
        assert hints is not None and hints.open_world_hint is False, f"{tool.name}: openWorldHint must be false"
        assert hints.read_only_hint is not None, f"{tool.name}: readOnlyHint must be set"


def test_import_reports_counts_and_is_idempotent(recall_bin, store, chatgpt_export):
    async def body():
        async with connect(recall_bin, store) as tools:
            first = await tools.call("import_chats", {"path": str(chatgpt_export)})
            again = await tools.call("import_chats", {"path": str(chatgpt_export)})
            return first, again

    first, again = run(body)
    assert first["platform"] == "chatgpt"
    assert first["import_id"]
    assert first["chats_added"] == 2 and first["skipped"] == 0
    assert first["messages_added"] >= 6
    assert isinstance(first["diagnostics"], list)
    assert again["chats_added"] == 0 and again["chats_unchanged"] == 2 and again["messages_added"] == 0


def test_list_chats_pages_with_totals(recall_bin, seeded):
    store, _ = seeded

    async def body():
        async with connect(recall_bin, store) as tools:
            return await tools.call("list_chats", {"page": 1, "page_size": 1}), await tools.call("list_chats", {})

    first_page, everything = run(body)
    assert (first_page["page"], first_page["page_size"], first_page["total"], first_page["total_pages"]) == (1, 1, 2, 2)
    assert len(first_page["items"]) == 1
    chat = chat_titled(everything, "Morning tea")
    for key in ("id", "platform", "message_count", "token_count", "created_at", "updated_at", "pinned", "import_id"):
        assert key in chat, f"a chat lacks {key}"
    assert chat["platform"] == "chatgpt" and chat["message_count"] == 4


def test_get_conversation_reads_the_active_branch(recall_bin, seeded):
    store, _ = seeded

    async def body():
        async with connect(recall_bin, store) as tools:
            chat = chat_titled(await tools.call("list_chats", {}), "Morning tea")
            whole = await tools.call("get_conversation", {"id": chat["id"]})
            paged = await tools.call("get_conversation", {"id": chat["id"], "offset": 1, "limit": 2})
            return whole, paged

    whole, paged = run(body)
    assert whole["title"] == "Morning tea" and whole["platform"] == "chatgpt" and whole["offset"] == 0
    roles = [message["role"] for message in whole["messages"]]
    assert roles == ["user", "assistant", "user", "assistant"]
    assert "green tea" in whole["messages"][0]["content"]
    assert not any("five minutes" in message["content"] for message in whole["messages"]), "an inactive branch leaked"
    for key in ("id", "source_message_id", "role", "content", "hidden"):
        assert key in whole["messages"][0]
    assert [m["id"] for m in paged["messages"]] == [m["id"] for m in whole["messages"][1:3]]
    assert paged["next_offset"] == 3


def test_update_chat_pins_and_renames(recall_bin, seeded):
    store, _ = seeded

    async def body():
        async with connect(recall_bin, store) as tools:
            chat = chat_titled(await tools.call("list_chats", {}), "Trip planning")
            updated = await tools.call("update_chat", {"id": chat["id"], "pinned": True, "title": "Sintra with Ana"})
            pinned = await tools.call("list_chats", {"pinned_only": True})
            return chat, updated, pinned

    chat, updated, pinned = run(body)
    updated = updated.get("chat", updated)
    assert updated["id"] == chat["id"] and updated["pinned"] is True and updated["title"] == "Sintra with Ana"
    assert [item["id"] for item in pinned["items"]] == [chat["id"]]


def test_search_finds_messages_with_snippets(recall_bin, seeded):
    store, _ = seeded

    async def body():
        async with connect(recall_bin, store) as tools:
            return await tools.call("search", {"query": "sencha", "limit": 5})

    results = run(body)["results"]
    assert results, "search found nothing for a word in the fixture"
    hit = results[0]
    assert hit["kind"] == "message" and hit["chat_id"] and hit["snippet"] and "score" in hit
    assert hit["platform"] == "chatgpt" and hit["source_message_id"]


def test_get_context_cites_and_keeps_its_budget(recall_bin, seeded):
    store, _ = seeded

    async def body():
        async with connect(recall_bin, store) as tools:
            return await tools.call("get_context", {"query": "green tea brewing", "max_tokens": 300})

    block = run(body)
    assert isinstance(block["context"], str) and block["context"].strip()
    assert block["citations"] and 0 < block["tokens"] <= 300


def test_memories_are_added_listed_and_superseded(recall_bin, store):
    async def body():
        async with connect(recall_bin, store) as tools:
            added = await tools.call(
                "add_memory", {"content": "Prefers green tea over coffee", "tags": ["drinks"], "memory_type": "preference"}
            )
            original = added["memories"][0]
            listed = await tools.call("list_memories", {"limit": 10})
            updated = await tools.call("update_memory", {"id": original["id"], "content": "Prefers oolong tea"})
            current = await tools.call("list_memories", {})
            history = await tools.call("list_memories", {"include_superseded": True})
            return original, listed, updated.get("memory", updated), current, history

    original, listed, updated, current, history = run(body)
    assert original["content"] == "Prefers green tea over coffee" and original["type"] == "preference"
    assert original["tags"] == ["drinks"]
    assert [m["id"] for m in listed["memories"]] == [original["id"]] and listed["total"] == 1
    assert updated["id"] != original["id"] and updated["content"] == "Prefers oolong tea"
    assert updated["supersedes"] == original["id"]
    assert [m["id"] for m in current["memories"]] == [updated["id"]]
    old = next(m for m in history["memories"] if m["id"] == original["id"])
    assert old["superseded_by"] == updated["id"]


def test_text_that_looks_like_a_data_url_is_stored_unchanged(recall_bin, store):
    content = "data:text/plain;base64,SGVsbG8sIFJlY2FsbA== café ☕ 東京 \u2028 done"

    async def body():
        async with connect(recall_bin, store) as tools:
            await tools.call("add_memory", {"content": content})
            return await tools.call("list_memories", {})

    assert run(body)["memories"][0]["content"] == content


def test_extract_memories_dry_run_stores_nothing(recall_bin, store):
    async def body():
        async with connect(recall_bin, store) as tools:
            dry = await tools.call(
                "extract_memories", {"text": "I live in Porto and I love hiking in the mountains.", "dry_run": True}
            )
            return dry, await tools.call("list_memories", {})

    dry, memories = run(body)
    assert dry["dry_run"] is True and dry["candidates"] and dry["memories"] == []
    assert memories["total"] == 0


def test_memory_stats_counts_the_store(recall_bin, seeded):
    store, summary = seeded

    async def body():
        async with connect(recall_bin, store) as tools:
            return await tools.call("memory_stats")

    stats = run(body)
    assert stats["chats"] == 2 and stats["chats_by_platform"] == {"chatgpt": 2}
    assert stats["messages"] >= 6 and stats["schema_version"] >= 1
    assert stats["path"] == str(store) and stats["size_bytes"] > 0
    assert any(entry["id"] == summary["import_id"] for entry in stats["imports"])


def test_forget_dry_run_then_for_real(recall_bin, store, chatgpt_export):
    async def body():
        async with connect(recall_bin, store) as tools:
            await tools.call("import_chats", {"path": str(chatgpt_export)})
            chat_id = chat_titled(await tools.call("list_chats", {}), "Morning tea")["id"]
            memory_id = (await tools.call("add_memory", {"content": "Lives in Lisbon"}))["memories"][0]["id"]
            dry = await tools.call("forget", {"chat_ids": [chat_id], "memory_ids": [memory_id], "dry_run": True})
            still = await tools.call("list_chats", {})
            done = await tools.call("forget", {"chat_ids": [chat_id], "memory_ids": [memory_id]})
            after = await tools.call("list_chats", {})
            hits = await tools.call("search", {"query": "sencha"})
            return dry, still, done, after, hits

    dry, still, done, after, hits = run(body)
    assert dry["dry_run"] is True and dry["chats_deleted"] == 1 and dry["memories_deleted"] == 1
    assert still["total"] == 2
    assert done["dry_run"] is False and done["chats_deleted"] == 1 and done["messages_deleted"] >= 4
    assert after["total"] == 1
    assert hits["results"] == [], "forgotten messages must leave the search index"


def test_bad_arguments_come_back_as_tool_errors(recall_bin, store):
    async def body():
        async with connect(recall_bin, store) as tools:
            missing = await tools.call_expecting_error("search", {})
            unknown_chat = await tools.call_expecting_error("get_conversation", {"id": "chat_does_not_exist"})
            bad_limit = await tools.call_expecting_error("list_memories", {"limit": 0})
            return missing, unknown_chat, bad_limit

    missing, unknown_chat, bad_limit = run(body)
    assert "query" in missing
    assert "chat_does_not_exist" in unknown_chat or "not found" in unknown_chat.lower()
    assert "limit" in bad_limit
