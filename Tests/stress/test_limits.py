"""Every limit answers with a clear error and leaves the server serving: request line size,
JSON nesting depth, argument sizes, result size, import file size and ZIP expansion."""

import io
import json
import os
import zipfile

import pytest

from stress_support.chatgpt_export import write_export
from stress_support.pipe_client import PipeClient


@pytest.fixture
def server(recall_bin, store, tmp_path):
    client = PipeClient(recall_bin, store, allow_import=[tmp_path])
    client.initialize()
    yield client
    assert client.close() == 0


def still_serving(client):
    assert client.request("ping") == {"jsonrpc": "2.0", "id": client._next_id, "result": {}}


def test_a_line_over_64_mib_is_refused_without_buffering_it(server):
    server.send_raw(b'{"jsonrpc":"2.0","id":"big","method":"tools/call","params":{"name":"add_memory","arguments":{"content":"'
                    + b"a" * (65 << 20) + b'"}}}\n')
    reply = server.reply(None)
    assert reply["error"]["code"] == -32600
    assert "64 MiB" in reply["error"]["message"]
    still_serving(server)


def test_a_message_nested_too_deep_is_a_parse_error_that_says_so(server):
    server.send_raw(b"[" * 100_000 + b"]" * 100_000 + b"\n")
    reply = server.reply(None)
    assert reply["error"]["code"] == -32700
    assert "levels deep" in reply["error"]["message"]
    still_serving(server)


@pytest.mark.parametrize(
    "arguments, field, words",
    [
        ({"content": "x" * 200_000}, "`content`", "over the limit of 100000"),
        ({"content": "tags", "tags": ["t"] * 10_001}, "`tags`", "over the limit of 10000"),
        ({"query": "q " * 60_000}, "`query`", "over the limit of 100000"),
    ],
)
def test_oversized_arguments_name_the_field_and_the_limit(server, arguments, field, words):
    tool = "search" if "query" in arguments else "add_memory"
    failed, text, _ = server.call(tool, arguments)
    assert failed and field in text and words in text, text
    still_serving(server)


def test_arguments_nested_too_deep_are_refused(server):
    metadata = current = {}
    for _ in range(40):
        current["k"] = {}
        current = current["k"]
    failed, text, _ = server.call("add_memory", {"content": "deep metadata", "metadata": metadata})
    assert failed and "levels deep" in text, text


def test_a_result_over_the_size_limit_is_cut_to_fit_or_refused_with_advice(server):
    for index in range(3):
        failed, text, result = server.call("add_memory", {"content": f"long memory {index} " + "word " * 19_000})
        # The write happened, so it is reported (its echoed content cut to fit), never failed.
        assert not failed, text
        assert result["memories"][0]["id"].startswith("mem_")
        assert "more characters not shown" in result["memories"][0]["content"]
    # No page could hold one of these whole, so a read shows each cut, saying where the rest is.
    failed, text, result = server.call("list_memories", {"limit": 3})
    assert not failed, text
    assert len(text) <= 40_000
    for memory in result["memories"]:
        assert memory["content"].endswith(f"the whole memory is the resource recall://memory/{memory['id']}]")
    # Items that each fit can still make a page too large: paging smaller is the way on.
    for index in range(100):
        content = f"medium memory {index}: " + " ".join(f"w{index}x{word}" for word in range(50))
        failed, text, _ = server.call("add_memory", {"content": content})
        assert not failed, text
    failed, text, _ = server.call("list_memories", {"limit": 100})
    assert failed and "too large" in text and "smaller `limit`" in text, text


def test_a_file_over_the_size_limit_is_refused_before_reading(server, tmp_path):
    huge = tmp_path / "conversations.json"
    with open(huge, "wb") as sparse:
        sparse.truncate(17 << 30)  # sparse: no disk used, nothing to read
    failed, text, _ = server.call("import_chats", {"path": str(huge)})
    assert failed and "limit" in text and "conversations.json" in text, text


def test_a_zip_bomb_is_refused(server, tmp_path):
    bomb = tmp_path / "export.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("conversations.json", b"[" + b" " * (40 << 20) + b"]")
    assert os.path.getsize(bomb) < (1 << 20)
    failed, text, _ = server.call("import_chats", {"path": str(bomb)})
    assert failed and "ZIP bomb" in text, text
    still_serving(server)


def test_a_valid_zip_still_imports(server, tmp_path):
    export = tmp_path / "conversations.json"
    expected = write_export(export, 5, prefix="zip")
    archive_path = tmp_path / "export.zip"
    with zipfile.ZipFile(archive_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(export, "conversations.json")
    failed, text, summary = server.call("import_chats", {"path": str(archive_path)})
    assert not failed, text
    assert summary["chats_added"] == len(expected)


def test_a_line_whose_last_byte_crosses_the_depth_limit_does_not_kill_the_server(server):
    # Foundation's decoder traps on exactly this shape; found by fuzzing.
    server.send_raw(b"[" * 513 + b"\n")
    reply = server.reply(None)
    assert reply["error"]["code"] == -32700
    still_serving(server)
