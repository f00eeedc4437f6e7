"""Raw-pipe probes: framing, ids, error codes and shutdown, as no polite client would send them."""

import json
import time

import pytest

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


def test_before_initialize_ping_works_and_discover_is_unknown(server):
    assert server.request(1, "ping")["result"] == {}
    discover = server.request("probe-7", "server/discover", {})
    assert error_code(discover) == -32601 and discover["id"] == "probe-7"
    assert server.initialize(id=2)["protocolVersion"] == "2025-11-25", "a probe must not break the server"


def test_parse_error(server):
    server.initialize()
    server.send_raw(b"{not json\n")
    message = server.next_message()
    assert error_code(message) == -32700
    assert message.get("id") is None


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
