"""The files under Examples/ stay true: the session runs clean and every config launches `recall serve`."""

import json
import subprocess

import pytest

from conftest import REPO_ROOT

EXAMPLES = REPO_ROOT / "Examples"


def test_piped_example_session_is_answered_in_full(recall_bin, tmp_path):
    script = (EXAMPLES / "session.jsonl").read_bytes()
    requests = [json.loads(line) for line in script.splitlines() if line.strip()]
    completed = subprocess.run(
        [str(recall_bin), "serve", "--db", str(tmp_path / "recall.sqlite"), "--log-level", "warning"],
        input=script,
        capture_output=True,
        timeout=30,
    )
    assert completed.returncode == 0, completed.stderr.decode(errors="replace")
    responses = {}
    for line in completed.stdout.splitlines():
        message = json.loads(line)
        if "id" in message and "method" not in message:
            responses[message["id"]] = message
    assert set(responses) == {request["id"] for request in requests if "id" in request}
    for id, response in responses.items():
        assert "error" not in response, f"request {id} failed: {response['error']}"
        assert not response["result"].get("isError"), f"request {id} failed: {response['result']}"


@pytest.mark.parametrize(
    "name, servers_key",
    [
        ("claude_desktop_config.json", "mcpServers"),
        ("cursor-mcp.json", "mcpServers"),
        ("windsurf-mcp_config.json", "mcpServers"),
        ("vscode-mcp.json", "servers"),
    ],
)
def test_client_configs_launch_recall_serve(name, servers_key):
    config = json.loads((EXAMPLES / "client-config" / name).read_text(encoding="utf-8"))
    entry = config[servers_key]["recall"]
    assert entry["command"].endswith("recall") and entry["args"][0] == "serve"
    if servers_key == "servers":
        assert entry["type"] == "stdio"


def test_claude_code_command_launches_recall_serve():
    script = (EXAMPLES / "client-config" / "claude-code.sh").read_text(encoding="utf-8")
    assert "claude mcp add --scope user recall -- /usr/local/bin/recall serve" in script
