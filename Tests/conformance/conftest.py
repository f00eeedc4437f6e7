"""Shared fixtures: the built binary, temporary stores, and the official schemas.

This suite builds nothing: run `swift build` first, or point RECALL_BIN at a binary.
"""

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = REPO_ROOT.parent / "shared" / "mcp-schema"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

EXPECTED_TOOLS = {
    "search",
    "get_context",
    "add_memory",
    "list_memories",
    "update_memory",
    "forget",
    "import_chats",
    "list_chats",
    "get_conversation",
    "update_chat",
    "extract_memories",
    "memory_stats",
}

MISSING_MCP = "the Python `mcp` package is missing: pip install -r Tests/conformance/requirements.txt"


@pytest.fixture(scope="session")
def recall_bin():
    path = Path(os.environ.get("RECALL_BIN") or REPO_ROOT / ".build" / "debug" / "recall")
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(f"recall binary not found at {path}: run `swift build` first, or set RECALL_BIN")
    return path


@pytest.fixture
def store(tmp_path):
    """A path for a fresh store; the server creates the file."""
    return tmp_path / "recall.sqlite"


@pytest.fixture(scope="session")
def chatgpt_export():
    """A tiny ChatGPT `conversations.json`: two chats, one with a regenerated answer off the active branch."""
    return FIXTURES / "chatgpt-conversations.json"


def schema_file(name):
    path = SCHEMA_DIR / name
    if not path.is_file():
        pytest.skip(f"{path} is absent: the schema checks need the shared/ folder beside the repository")
    return path


@pytest.fixture(scope="session")
def wire_schema():
    """The MCP 2025-11-25 JSON Schema, as a validator."""
    pytest.importorskip("jsonschema", reason="jsonschema is missing: pip install -r Tests/conformance/requirements.txt")
    from support.wire_schema import WireSchema

    return WireSchema(schema_file("schema-2025-11-25.json"))


@pytest.fixture(scope="session")
def stateless_schema():
    """The MCP 2026-07-28 (stateless revision) JSON Schema, as a validator."""
    pytest.importorskip("jsonschema", reason="jsonschema is missing: pip install -r Tests/conformance/requirements.txt")
    from support.wire_schema import WireSchema

    return WireSchema(schema_file("schema-2026-07-28.json"))


@pytest.fixture(scope="session")
def mcpb_schema_path():
    """The MCPB manifest v0.3 JSON Schema."""
    return schema_file("mcpb-manifest-v0.3.schema.json")
