"""The official Python MCP client over Streamable HTTP against `recall serve --http`."""

import json
import socket
import subprocess
import time

import pytest

from conftest import EXPECTED_TOOLS, MISSING_MCP
from support.session import Tools, run

pytest.importorskip("mcp", reason=MISSING_MCP)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def http_server(recall_bin, store):
    """A server on a free loopback port and a key for it; stopped with SIGTERM afterwards."""
    made = subprocess.run(
        [str(recall_bin), "keys", "create", "--user", "me", "--json", "--db", str(store)],
        check=True, capture_output=True, text=True,
    )
    secret = json.loads(made.stdout)["secret"]
    port = free_port()
    process = subprocess.Popen(
        # Words alone: these tests are about the wire, and a debug build's transformer can take
        # longer than a client's timeout to embed the first memory.
        [str(recall_bin), "serve", "--http", f"127.0.0.1:{port}", "--db", str(store), "--log-level", "warning",
         "--rate-limit-minute", "1000000", "--no-semantic"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"the server exited: {process.stderr.read().decode()}")
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/mcp", secret
    process.terminate()
    assert process.wait(timeout=30) == 0, "SIGTERM stops the server cleanly"
    assert process.stdout.read() == b"", "nothing but logs, and those on stderr"


def client(url, secret, mode):
    import httpx2
    from mcp.client import Client
    from mcp.client.streamable_http import streamable_http_client

    http = httpx2.AsyncClient(headers={"Authorization": f"Bearer {secret}"}, timeout=30)
    return Client(streamable_http_client(url, http_client=http), mode=mode, read_timeout_seconds=30)


@pytest.mark.parametrize("mode", ["legacy", "auto", "2026-07-28"])
def test_lists_and_calls_every_tool(http_server, mode):
    url, secret = http_server

    async def body():
        async with client(url, secret, mode) as session:
            tools = Tools(session)
            names = {tool.name for tool in await tools.list()}
            assert names == EXPECTED_TOOLS
            added = await tools.call("add_memory", {"content": "I keep bees in Bergen."})
            memory_id = added["memories"][0]["id"]
            await tools.call("search", {"query": "bees"})
            await tools.call("get_context", {"query": "bees"})
            await tools.call("list_memories", {})
            await tools.call("update_memory", {"id": memory_id, "tags": ["hobby"]})
            await tools.call("list_chats", {})
            await tools.call("memory_stats", {})
            await tools.call("extract_memories", {"text": "I live in Oslo.", "dry_run": True})
            message = await tools.call_expecting_error("import_chats", {"path": "/etc/hostname"})
            assert "/api/upload" in message
            await tools.call_expecting_error("get_conversation", {"id": "chat_999"})
            await tools.call_expecting_error("update_chat", {"id": "chat_999", "pinned": True})
            await tools.call("forget", {"memory_ids": [memory_id]})

    run(body)


def test_wrong_key_is_refused(http_server):
    import urllib.error
    import urllib.request

    url, _ = http_server
    request = urllib.request.Request(url, data=b"{}", headers={"Authorization": "Bearer rk_x_y", "Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 401
    assert json.loads(refused.value.read()) == {"error": "Invalid API key"}


def test_schemathesis_finds_no_server_errors(http_server, tmp_path):
    """Property-based requests generated from /openapi.json: no 500s, responses match the document."""
    import shutil

    pytest.importorskip("schemathesis", reason="schemathesis is missing: python3 -m pip install schemathesis")
    url, secret = http_server
    base = url.removesuffix("/mcp")
    command = shutil.which("schemathesis") or shutil.which("st")
    if command is None:
        pytest.skip("the schemathesis command is not on PATH")
    result = subprocess.run(
        [command, "run", f"{base}/openapi.json", "--header", f"Authorization: Bearer {secret}",
         "--checks", "not_a_server_error", "--max-examples", "25", "--exclude-method", "DELETE"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


TOOL_CALLS = [
    ("add_memory", {"content": "I keep bees in Bergen."}),
    ("search", {"query": "bees"}),
    ("get_context", {"query": "bees"}),
    ("list_memories", {}),
    ("update_memory", {"id": "mem_1", "tags": ["hobby"]}),
    ("list_chats", {}),
    ("get_conversation", {"id": "chat_999"}),
    ("update_chat", {"id": "chat_999", "pinned": True}),
    ("extract_memories", {"text": "I live in Oslo.", "dry_run": True}),
    ("import_chats", {"path": "/etc/hostname"}),
    ("memory_stats", {}),
    ("forget", {"memory_ids": ["mem_1"], "dry_run": True}),
]


def test_every_message_over_http_matches_the_schema(http_server, wire_schema):
    """Raw Streamable HTTP: every server message (JSON bodies and SSE events) is a valid 2025-11-25 message."""
    import urllib.request

    url, secret = http_server
    session = {}
    client_messages, server_messages = [], []

    def post(message):
        headers = {
            "Authorization": f"Bearer {secret}", "Content-Type": "application/json",
            "Accept": "application/json, text/event-stream",
        }
        if "id" in session:
            headers["Mcp-Session-Id"] = session["id"]
            headers["MCP-Protocol-Version"] = "2025-11-25"
        client_messages.append(message)
        request = urllib.request.Request(url, data=json.dumps(message).encode(), headers=headers)
        with urllib.request.urlopen(request, timeout=30) as response:
            if response.headers.get("Mcp-Session-Id"):
                session["id"] = response.headers["Mcp-Session-Id"]
            body = response.read().decode()
            if response.status == 202:
                assert body == "" and "id" not in message
                return
            if response.headers.get("Content-Type", "").startswith("text/event-stream"):
                events = [block for block in body.split("\n\n") if block.strip()]
                for event in events:
                    assert event.startswith("event: message\ndata: "), event[:100]
                    server_messages.append(json.loads(event.split("data: ", 1)[1]))
            else:
                server_messages.append(json.loads(body))

    post({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "wire-check", "version": "1"}}})
    assert "id" in session, "initialize answers with Mcp-Session-Id"
    post({"jsonrpc": "2.0", "method": "notifications/initialized"})
    for number, method in enumerate(["ping", "tools/list", "resources/templates/list", "resources/list", "prompts/list"], 2):
        post({"jsonrpc": "2.0", "id": number, "method": method})
    for number, (name, arguments) in enumerate(TOOL_CALLS, 100):
        post({"jsonrpc": "2.0", "id": number, "method": "tools/call",
              "params": {"name": name, "arguments": arguments, "_meta": {"progressToken": number}}})
    post({"jsonrpc": "2.0", "id": "unknown", "method": "no/such/method"})

    answered = {json.dumps(m.get("id")) for m in server_messages if "result" in m or "error" in m}
    asked = {json.dumps(m["id"]) for m in client_messages if "id" in m}
    assert answered == asked, "every request is answered exactly on its own POST"
    problems = wire_schema.problems(client_messages, server_messages)
    assert not problems, "\n".join(problems)


STATELESS_META = {
    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
    "io.modelcontextprotocol/clientCapabilities": {},
    "io.modelcontextprotocol/clientInfo": {"name": "wire-check", "version": "1"},
}


def test_stateless_requests_over_http_match_their_schema(http_server, stateless_schema):
    """The 2026-07-28 revision over HTTP: no session, headers mirror the body, errors get their status."""
    import urllib.error
    import urllib.request

    url, secret = http_server
    client_messages, server_messages = [], []

    def post(message, name=None, headers=None):
        sent = {
            "Authorization": f"Bearer {secret}", "Content-Type": "application/json",
            "Accept": "application/json, text/event-stream",
            "MCP-Protocol-Version": "2026-07-28", "Mcp-Method": message["method"],
        }
        if name is not None:
            sent["Mcp-Name"] = name
        sent.update(headers or {})
        client_messages.append(message)
        request = urllib.request.Request(url, data=json.dumps(message).encode(), headers=sent)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                status, reply, session = response.status, response.read().decode(), response.headers.get("Mcp-Session-Id")
                kind = response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            status, reply, session, kind = error.code, error.read().decode(), None, "application/json"
        assert session is None, "the stateless revision has no sessions"
        if kind.startswith("text/event-stream"):
            events = [json.loads(block.split("data: ", 1)[1]) for block in reply.split("\n\n") if block.strip()]
        else:
            events = [json.loads(reply)]
        server_messages.extend(events)
        return status, events[-1]

    def params(**fields):
        return dict(fields, _meta=STATELESS_META)

    status, discover = post({"jsonrpc": "2.0", "id": 1, "method": "server/discover", "params": params()})
    assert status == 200 and discover["result"]["supportedVersions"][0] == "2026-07-28"
    status, listed = post({"jsonrpc": "2.0", "id": 2, "method": "tools/list", "params": params()})
    assert status == 200 and {tool["name"] for tool in listed["result"]["tools"]} == EXPECTED_TOOLS
    for number, (name, arguments) in enumerate(TOOL_CALLS, 100):
        call = params(name=name, arguments=arguments)
        call["_meta"] = dict(STATELESS_META, progressToken=number)
        status, answer = post({"jsonrpc": "2.0", "id": number, "method": "tools/call", "params": call}, name=name)
        assert status == 200 and answer["result"]["resultType"] == "complete", answer
    status, missing = post({"jsonrpc": "2.0", "id": 3, "method": "resources/read",
                            "params": params(uri="recall://conversation/chat_999")}, name="recall://conversation/chat_999")
    assert status == 400 and missing["error"]["code"] == -32602
    status, unknown = post({"jsonrpc": "2.0", "id": 4, "method": "no/such/method", "params": params()})
    assert status == 404 and unknown["error"]["code"] == -32601
    status, mismatch = post({"jsonrpc": "2.0", "id": 5, "method": "tools/call", "params": params(name="search", arguments={"query": "x"})},
                            name="forget")
    assert status == 400 and mismatch["error"]["code"] == -32020, "Mcp-Name must match the tool called"
    status, mismatch = post({"jsonrpc": "2.0", "id": 6, "method": "tools/list", "params": params()},
                            headers={"MCP-Protocol-Version": "2025-11-25"})
    assert status == 400 and mismatch["error"]["code"] == -32020
    status, old = post({"jsonrpc": "2.0", "id": 7, "method": "tools/list",
                        "params": {"_meta": dict(STATELESS_META, **{"io.modelcontextprotocol/protocolVersion": "2030-01-01"})}},
                       headers={"MCP-Protocol-Version": "2030-01-01"})
    assert status == 400 and old["error"]["code"] == -32022 and old["error"]["data"]["supported"] == ["2026-07-28"]

    problems = stateless_schema.problems(client_messages, server_messages)
    assert not problems, "\n".join(problems)
