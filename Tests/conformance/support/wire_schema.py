"""Checks JSON-RPC traffic against the official MCP JSON Schema.

Every server message must be a valid `JSONRPCMessage`; a result is also checked against the
result type of the request it answers (found by id among the client's messages).

One exception: JSON-RPC 2.0 (section 5) requires `"id": null` in the error for a request whose id
could not be read (a parse error, an id of the wrong type). The MCP schema types ids as string or
integer and makes the error's id optional for that case, so such an error is validated without
its null id.
"""

import json

from jsonschema import Draft7Validator, Draft202012Validator

RESULT_TYPES = {
    "initialize": "InitializeResult",
    "ping": "EmptyResult",
    "tools/list": "ListToolsResult",
    "tools/call": "CallToolResult",
    "resources/list": "ListResourcesResult",
    "resources/templates/list": "ListResourceTemplatesResult",
    "resources/read": "ReadResourceResult",
    "prompts/list": "ListPromptsResult",
    "prompts/get": "GetPromptResult",
    "completion/complete": "CompleteResult",
    "logging/setLevel": "EmptyResult",
    "server/discover": "DiscoverResult",
}


class WireSchema:
    """One revision's schema, with a validator per definition."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as file:
            self.schema = json.load(file)
        self.defs_key = "$defs" if "$defs" in self.schema else "definitions"
        self.validator_class = Draft202012Validator if self.defs_key == "$defs" else Draft7Validator
        self._validators = {}

    def validator(self, definition):
        if definition not in self._validators:
            rooted = dict(self.schema, **{"$ref": f"#/{self.defs_key}/{definition}"})
            self._validators[definition] = self.validator_class(rooted)
        return self._validators[definition]

    def problems(self, client_messages, server_messages):
        """Returns one line per invalid server message; empty when all are valid."""
        methods = {
            _key(m["id"]): m["method"]
            for m in client_messages
            if isinstance(m, dict) and "id" in m and "method" in m
        }
        problems = []
        for index, message in enumerate(server_messages, 1):
            checked = message
            if isinstance(message, dict) and "error" in message and message.get("id", 0) is None:
                checked = {key: value for key, value in message.items() if key != "id"}
            errors = list(self.validator("JSONRPCMessage").iter_errors(checked))
            method = methods.get(_key(message.get("id"))) if isinstance(message, dict) else None
            if not errors and isinstance(message, dict) and "result" in message and method in RESULT_TYPES:
                errors = list(self.validator(RESULT_TYPES[method]).iter_errors(message["result"]))
            if errors:
                where = method or (message.get("method") if isinstance(message, dict) else None)
                details = "; ".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message[:160]}" for e in errors[:3])
                problems.append(f"message {index} ({where}): {details}\n    {json.dumps(message)[:300]}")
        return problems


def read_jsonl(path):
    """Parses a log of one JSON message per line; a line that is not JSON fails loudly."""
    messages = []
    with open(path, "rb") as file:
        for number, line in enumerate(file, 1):
            if line.strip():
                try:
                    messages.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise AssertionError(f"{path} line {number} is not JSON: {line[:200]!r}") from error
    return messages


def _key(id):
    return json.dumps(id)
