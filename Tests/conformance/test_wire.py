"""Raw-pipe probes: framing, ids, error codes and shutdown, as no polite client would send them."""

import json
import time

import pytest

from conftest import EXPECTED_TOOLS
from support.raw_server import RawServer

SUPPORTED_VERSIONS = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]


@pytest.fixture
def server(recall_bin, store):
    raw = RawServer(recall_bin, store)
    yield raw
    raw.kill()


def error_code(message):
    assert "error" in message, f"expected an error, got {json.dumps(message)[:300]}"
    return message["error"]["code"]


@pytest.mark.parametrize("requested", SUPPORTED_VERSIONS)
def test_supported_versions_are_echoed(server, requested):
    assert server.initialize(version=requested)["protocolVersion"] == requested


def test_unknown_version_gets_the_latest(server):
    result = server.initialize(version="1900-01-01")
    assert result["protocolVersion"] == "2025-11-25"
    assert result["serverInfo"]["name"] and result["serverInfo"]["version"]
    assert result["capabilities"]["tools"] is not None


def test_before_initialize_ping_works_and_a_bare_discover_is_an_error(server):
    assert server.request(1, "ping")["result"] == {}
    discover = server.request("probe-7", "server/discover", {})
    assert error_code(discover) == -32602 and discover["id"] == "probe-7", "discover needs its _meta envelope"
    assert server.initialize(id=2)["protocolVersion"] == "2025-11-25", "a probe must not break the server"


STATELESS_META = {
    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
    "io.modelcontextprotocol/clientCapabilities": {},
    "io.modelcontextprotocol/clientInfo": {"name": "raw", "version": "1"},
}


def test_stateless_requests_need_no_handshake(server):
    discover = server.request("d", "server/discover", {"_meta": STATELESS_META})["result"]
    assert discover["supportedVersions"][0] == "2026-07-28" and discover["resultType"] == "complete"
    listed = server.request(2, "tools/list", {"_meta": STATELESS_META})["result"]
    assert {tool["name"] for tool in listed["tools"]} == EXPECTED_TOOLS and listed["resultType"] == "complete" and listed["cacheScope"] == "private"
    wrong = server.request(3, "tools/list", {"_meta": dict(STATELESS_META, **{"io.modelcontextprotocol/protocolVersion": "2030-01-01"})})
    assert error_code(wrong) == -32022 and wrong["error"]["data"]["requested"] == "2030-01-01"
    assert error_code(server.request(4, "ping", {"_meta": STATELESS_META})) == -32601, "ping is gone in 2026-07-28"


def test_parse_error(server):
    server.initialize()
    server.send_raw(b"{not json\n")
    message = server.next_message()
    assert error_code(message) == -32700
    # JSON-RPC 2.0 section 5: an id that could not be read is answered with `"id": null`.
    assert "id" in message and message["id"] is None


@pytest.mark.parametrize("line", [b'{"jsonrpc":"2.0","id":null,"method":"ping"}', b'{"jsonrpc":"2.0","id":1.5,"method":"ping"}', b"[]"])
def test_an_unreadable_id_is_answered_with_null(server, line):
    server.initialize()
    server.send_raw(line + b"\n")
    message = server.next_message()
    assert error_code(message) == -32600
    assert "id" in message and message["id"] is None


def tool_result(response):
    assert "result" in response, f"expected a result, got {json.dumps(response)[:300]}"
    return response["result"]


@pytest.mark.parametrize("escape", ["\\ud83d", "\\ude00", "\\ud83d\\ud83d", "\\udfff\\ud800"])
def test_a_lone_surrogate_is_replaced_not_a_parse_error(server, escape):
    server.initialize()
    line = '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"add_memory","arguments":{"content":"Likes tea ' + escape + ' a lot \\ud83d\\ude00"}}}'
    server.send_raw(line.encode() + b"\n")
    result = tool_result(server.response(2))
    assert result["isError"] is False, result
    content = result["structuredContent"]["memories"][0]["content"]
    assert content.startswith("Likes tea \ufffd") and content.endswith(" a lot \U0001F600"), content
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in content)


def test_an_escaped_backslash_before_u_is_text_not_a_surrogate(server):
    server.initialize()
    line = r'{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"add_memory","arguments":{"content":"path C:\\ud800 \ud800"}}}'
    server.send_raw(line.encode() + b"\n")
    result = tool_result(server.response(2))
    assert result["structuredContent"]["memories"][0]["content"] == "path C:\\ud800 \ufffd"


@pytest.mark.parametrize("arguments", [
    {"name": "add_memory", "arguments": {"content": "Likes tea\u0000 and coffee"}},
    {"name": "add_memory", "arguments": {"content": "\u0000"}},
    {"name": "add_memory", "arguments": {"messages": [{"role": "user", "content": "I live in Oslo\u0000"}]}},
    {"name": "extract_memories", "arguments": {"text": "I live in Oslo\u0000"}},
])
def test_a_nul_in_content_is_refused_like_an_empty_string(server, arguments):
    server.initialize()
    refused = tool_result(server.request(2, "tools/call", arguments))
    assert refused["isError"] is True
    assert "NUL" in refused["content"][0]["text"]
    listed = tool_result(server.request(3, "tools/call", {"name": "list_memories", "arguments": {}}))
    assert listed["structuredContent"]["memories"] == [], "nothing may be stored"


def test_a_nul_in_new_content_leaves_the_memory_as_it_was(server):
    server.initialize()
    added = tool_result(server.request(2, "tools/call", {"name": "add_memory", "arguments": {"content": "Likes tea"}}))
    memory_id = added["structuredContent"]["memories"][0]["id"]
    refused = tool_result(server.request(3, "tools/call", {"name": "update_memory", "arguments": {"id": memory_id, "content": "Likes\u0000 coffee"}}))
    assert refused["isError"] is True and "NUL" in refused["content"][0]["text"]
    listed = tool_result(server.request(4, "tools/call", {"name": "list_memories", "arguments": {"include_superseded": True}}))
    assert [m["content"] for m in listed["structuredContent"]["memories"]] == ["Likes tea"]


def test_invalid_request(server):
    server.initialize()
    server.send({"jsonrpc": "2.0", "id": 5})
    assert error_code(server.next_message()) == -32600


def test_unknown_method_and_unknown_tool(server):
    server.initialize()
    assert error_code(server.request(2, "tools/frobnicate", {})) == -32601
    assert error_code(server.request(3, "tools/call", {"name": "no_such_tool", "arguments": {}})) == -32602


def test_bad_arguments_are_a_tool_error_not_a_protocol_error(server):
    server.initialize()
    response = server.request(2, "tools/call", {"name": "search", "arguments": {}})
    result = response["result"]
    assert result["isError"] is True
    assert "query" in result["content"][0]["text"]


@pytest.mark.parametrize("request_id", [0, -1, 2**53 - 1, "5b3f7a4e-9c1d-4e2f-8a6b-0d1c2e3f4a5b", ""])
def test_ids_are_echoed_with_their_type(server, request_id):
    server.initialize()
    response = server.request(request_id, "ping")
    assert response["id"] == request_id and type(response["id"]) is type(request_id)


def test_unknown_notification_gets_no_answer(server):
    server.initialize()
    server.send({"jsonrpc": "2.0", "method": "notifications/something_new", "params": {}})
    server.send({"jsonrpc": "2.0", "id": 9, "method": "ping"})
    message = server.next_message()
    while "method" in message:  # log notifications may come first; nothing else may
        message = server.next_message()
    assert message.get("id") == 9 and message["result"] == {}


def test_framing_crlf_batched_and_split_lines(server):
    server.initialize()
    server.send_raw(b'{"jsonrpc":"2.0","id":2,"method":"ping"}\r\n')
    assert server.response(2)["result"] == {}
    server.send_raw(b'{"jsonrpc":"2.0","id":3,"method":"ping"}\n\n{"jsonrpc":"2.0","id":4,"method":"ping"}\n')
    assert server.response(3)["result"] == {} and server.response(4)["result"] == {}
    server.send_raw(b'{"jsonrpc":"2.0","id":5,')
    time.sleep(0.05)
    server.send_raw(b'"method":"ping"}\n')
    assert server.response(5)["result"] == {}


def test_piped_script_gets_every_response_then_exits(server):
    # `cat session.jsonl | recall serve`: everything arrives at once and stdin closes at once.
    script = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "cat", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
        {"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "add_memory", "arguments": {"content": "Likes figs"}}},
        {"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": {"name": "memory_stats", "arguments": {}}},
        {"jsonrpc": "2.0", "id": 5, "method": "ping"},
    ]
    server.send_raw(b"".join(json.dumps(m).encode() + b"\n" for m in script))
    started = time.monotonic()
    assert server.close(timeout=10) == 0
    assert time.monotonic() - started < 5, "the server should exit promptly at EOF"
    answered = {m["id"] for m in server.remaining_messages() if "id" in m and "method" not in m}
    assert answered == {1, 2, 3, 4, 5}


def test_stdout_carries_only_json(server):
    server.initialize()
    server.request(2, "tools/list")
    server.request(3, "tools/call", {"name": "memory_stats", "arguments": {}})
    assert server.close() == 0
    for line in server.lines:
        assert line.endswith(b"\n") and not line.endswith(b"\r\n")
        json.loads(line)  # raises on anything that is not JSON
