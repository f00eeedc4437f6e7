"""Every message the server writes, checked against the official MCP 2025-11-25 JSON Schema."""

import pytest

from support.raw_server import RawServer
from support.scenario import exercise_every_tool
from support.session import connect, run
from support.wire_schema import read_jsonl


def assert_valid(wire_schema, client_messages, server_messages):
    assert server_messages, "no traffic was recorded"
    problems = wire_schema.problems(client_messages, server_messages)
    assert not problems, "server messages that break the schema:\n" + "\n".join(problems)


@pytest.mark.parametrize("mode", ["legacy", "auto", "2026-07-28"])
@pytest.mark.filterwarnings("ignore:ping is removed")
def test_client_session_traffic(recall_bin, store, chatgpt_export, wire_schema, stateless_schema, tmp_path, mode):
    """`auto` probes `server/discover` and, answered, speaks the stateless revision: its traffic is
    checked against that revision's schema, the handshake's against 2025-11-25."""
    pytest.importorskip("mcp", reason="the Python `mcp` package is missing: pip install -r Tests/conformance/requirements.txt")
    from mcp.shared.exceptions import MCPError

    traffic = tmp_path / "traffic"

    async def body():
        async with connect(recall_bin, store, mode=mode, record_dir=traffic) as tools:
            if mode == "legacy":
                await tools.client.send_ping()  # gone from the stateless revision, which answers -32601
            await tools.list()
            await exercise_every_tool(tools, chatgpt_export)
            await tools.call_expecting_error("search", {})
            with pytest.raises(MCPError):
                await tools.client.call_tool("no_such_tool", {})

    run(body)
    client_messages = read_jsonl(traffic / "client.jsonl")
    methods = [m.get("method") for m in client_messages if isinstance(m, dict)]
    if mode == "legacy":
        assert "initialize" in methods and "server/discover" not in methods
        assert_valid(wire_schema, client_messages, read_jsonl(traffic / "server.jsonl"))
    else:
        assert "initialize" not in methods, "the stateless revision needs no handshake"
        assert methods[0] == "server/discover" or mode != "auto"
        assert_valid(stateless_schema, client_messages, read_jsonl(traffic / "server.jsonl"))


def test_raw_probe_traffic(recall_bin, store, wire_schema):
    server = RawServer(recall_bin, store)
    try:
        server.request(1, "ping")
        server.request("discover", "server/discover", {})
        server.request(2, "tools/list")  # before initialize: whatever the answer, it must be well-formed
        server.initialize(id=3)
        server.request(4, "tools/list")
        server.request(5, "nope/nothing", {})
        server.request(6, "tools/call", {"name": "no_such_tool", "arguments": {}})
        server.request(7, "tools/call", {"name": "search", "arguments": {}})
        server.request(8, "tools/call", {"name": "list_chats", "arguments": {"page_size": 5}})
        server.request(0, "ping")
        assert server.close() == 0
    finally:
        server.kill()
    assert_valid(wire_schema, server.sent, server.remaining_messages())


def test_parse_error_response(recall_bin, store, wire_schema):
    # JSON-RPC 2.0 answers an unreadable id with `"id": null`, which the MCP schema's RequestId
    # does not list; the check validates such an error without its id (see WireSchema).
    server = RawServer(recall_bin, store)
    try:
        server.initialize()
        server.send_raw(b"{not json\n")
        server.send({"jsonrpc": "2.0", "id": 9, "method": "ping"})
        server.response(9)
        assert server.close() == 0
    finally:
        server.kill()
    assert_valid(wire_schema, server.sent, server.remaining_messages())
