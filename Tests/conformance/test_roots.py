"""`import_chats` reads only inside the roots the official client declares: the server asks with
`roots/list`, asks again after `notifications/roots/list_changed`, and refuses other paths with
a tool error that names the allowed folders."""

import shutil
import warnings

import pytest

pytest.importorskip("mcp", reason="the Python `mcp` package is missing: pip install -r Tests/conformance/requirements.txt")

from support.session import Tools, run, server_parameters
from support.wire_schema import read_jsonl

TRANSCRIPT = "# Porto\n\n## User\nWhere should I stay in Porto?\n\n## Assistant\nRibeira, by the river.\n"


def test_imports_stay_inside_the_clients_roots(recall_bin, store, chatgpt_export, wire_schema, tmp_path):
    from mcp import types
    from mcp.client import Client

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    shutil.copy(chatgpt_export, first / "conversations.json")
    (second / "porto.md").write_text(TRANSCRIPT, encoding="utf-8")
    roots = [first]
    asked = []

    async def list_roots(context):
        asked.append([str(root) for root in roots])
        return types.ListRootsResult(roots=[types.Root(uri=root.as_uri(), name=root.name) for root in roots])

    traffic = tmp_path / "traffic"

    async def body():
        # No folder besides the roots: the server's default (Downloads) holds none of these.
        params = server_parameters(recall_bin, store, record_dir=traffic, allow_import=[])
        async with Client(params, mode="legacy", read_timeout_seconds=30, list_roots_callback=list_roots) as client:
            tools = Tools(client)
            out = {"first": await tools.call("import_chats", {"path": str(first / "conversations.json")})}
            out["outside"] = await tools.call_expecting_error("import_chats", {"path": str(second / "porto.md")})
            roots[:] = [second]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # roots are deprecated in the 2026 revision, not in 2025-11-25
                await client.send_roots_list_changed()
            out["second"] = await tools.call("import_chats", {"path": str(second / "porto.md")})
            out["former"] = await tools.call_expecting_error("import_chats", {"path": str(first / "conversations.json")})
            return out

    out = run(body)
    assert out["first"]["chats_added"] == 2
    assert "outside the folders Recall may import from" in out["outside"] and str(first) in out["outside"]
    assert out["second"]["chats_added"] == 1
    assert str(second) in out["former"]
    # Asked once, and once more after the change; never for the calls in between.
    assert asked == [[str(first)], [str(second)]]

    server_messages = read_jsonl(traffic / "server.jsonl")
    requests = [m for m in server_messages if m.get("method") == "roots/list"]
    assert len(requests) == 2
    for request in requests:
        assert not list(wire_schema.validator("ListRootsRequest").iter_errors(request))
    assert not wire_schema.problems(read_jsonl(traffic / "client.jsonl"), server_messages)


def test_without_the_roots_capability_the_configured_folders_apply(recall_bin, store, chatgpt_export, tmp_path):
    from mcp.client import Client

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(chatgpt_export, elsewhere / "conversations.json")

    async def body():
        params = server_parameters(recall_bin, store, allow_import=[tmp_path / "allowed"])
        async with Client(params, mode="legacy", read_timeout_seconds=30) as client:
            return await Tools(client).call_expecting_error("import_chats", {"path": str(elsewhere / "conversations.json")})

    message = run(body)
    assert "outside the folders Recall may import from" in message and str(tmp_path / "allowed") in message
    assert "--allow-import" in message
