"""`extract_memories` with `use_sampling`: the official client's model (a sampling callback here)
proposes facts, and the server's rules keep the valid ones and say why the others were dropped."""

import json
import re

import pytest

pytest.importorskip("mcp", reason="the Python `mcp` package is missing: pip install -r Tests/conformance/requirements.txt")

from support.session import Tools, run, server_parameters
from support.wire_schema import read_jsonl


def test_sampling_proposals_are_checked_by_the_rules(recall_bin, store, wire_schema, tmp_path):
    from mcp import types
    from mcp.client import Client

    seen = {}
    traffic = tmp_path / "traffic"

    async def propose(context, params):
        prompt = params.messages[0].content.text
        seen["prompt"], seen["max_tokens"] = prompt, params.max_tokens
        label = re.search(r"^\[([^\]]+)\]", prompt, re.MULTILINE).group(1)
        facts = [
            {"message_id": label, "content": "The user keeps bees on their roof.", "type": "fact", "confidence": 0.8},
            {"message_id": "msg_404", "content": "The user is an astronaut."},
        ]
        return types.CreateMessageResult(
            role="assistant", model="callback-model", content=types.TextContent(type="text", text=json.dumps({"facts": facts}))
        )

    async def body():
        params = server_parameters(recall_bin, store, record_dir=traffic)
        async with Client(params, mode="legacy", read_timeout_seconds=30, sampling_callback=propose) as client:
            tools = Tools(client)
            extracted = await tools.call("extract_memories", {"text": "There are two beehives on my roof. I love jazz.", "use_sampling": True})
            listed = await tools.call("list_memories", {"order": "oldest"})
            return extracted, listed

    extracted, listed = run(body)
    assert "There are two beehives on my roof." in seen["prompt"] and seen["max_tokens"] > 0
    report = extracted["sampling"]
    assert report["used"] is True and report["model"] == "callback-model"
    assert report["proposed"] == 2 and report["accepted"] == 1
    assert [r["reason"] for r in report["rejected"]] == ["cites msg_404, which is not one of the messages read"]
    assert [(c["origin"], c["content"]) for c in extracted["candidates"]] == [
        ("rules", "The user loves jazz."),
        ("model", "The user keeps bees on their roof."),
    ]
    assert [m["content"] for m in listed["memories"]] == ["The user loves jazz.", "The user keeps bees on their roof."]

    # The server's sampling request is a valid `sampling/createMessage` request, and all its traffic is valid.
    server_messages = read_jsonl(traffic / "server.jsonl")
    requests = [m for m in server_messages if m.get("method") == "sampling/createMessage"]
    assert len(requests) == 1
    assert not list(wire_schema.validator("CreateMessageRequest").iter_errors(requests[0]))
    assert not wire_schema.problems(read_jsonl(traffic / "client.jsonl"), server_messages)


def test_without_a_sampling_callback_the_rules_answer_alone(recall_bin, store):
    from mcp.client import Client

    async def body():
        async with Client(server_parameters(recall_bin, store), mode="legacy", read_timeout_seconds=30) as client:
            return await Tools(client).call("extract_memories", {"text": "I love jazz.", "use_sampling": True})

    extracted = run(body)
    assert extracted["sampling"]["used"] is False
    assert [c["content"] for c in extracted["candidates"]] == ["The user loves jazz."]
