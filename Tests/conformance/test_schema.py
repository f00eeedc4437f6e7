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


@pytest.mark.parametrize("mode", ["legacy", "auto"])
@pytest.mark.filterwarnings("ignore:ping is removed")
def test_client_session_traffic(recall_bin, store, chatgpt_export, wire_schema, tmp_path, mode):
    pytest.importorskip("mcp", reason="the Python `mcp` package is missing: pip install -r Tests/conformance/requirements.txt")
    from mcp.shared.exceptions import MCPError

    traffic = tmp_path / "traffic"

    async def body():
        async with connect(recall_bin, store, mode=mode, record_dir=traffic) as tools:
            await tools.client.send_ping()
            await tools.list()
            await exercise_every_tool(tools, chatgpt_export)
            await tools.call_expecting_error("search", {})
            with pytest.raises(MCPError):
                await tools.client.call_tool("no_such_tool", {})

    run(body)
    assert_valid(wire_schema, read_jsonl(traffic / "client.jsonl"), read_jsonl(traffic / "server.jsonl"))


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
