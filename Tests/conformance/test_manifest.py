"""mcp-manifest.json: a valid MCPB v0.3 manifest whose tools are exactly what tools/list says."""

import json

import pytest

from conftest import EXPECTED_TOOLS, REPO_ROOT
from support.session import connect, run

MANIFEST = REPO_ROOT / "mcp-manifest.json"


@pytest.fixture(scope="module")
def manifest():
    with open(MANIFEST, encoding="utf-8") as file:
        return json.load(file)


def test_manifest_is_valid_mcpb_v0_3(manifest, mcpb_schema_path):
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is missing: pip install -r Tests/conformance/requirements.txt")
    with open(mcpb_schema_path, encoding="utf-8") as file:
        schema = json.load(file)
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(manifest)]
    assert not errors, "\n".join(errors)


def test_manifest_launches_recall_serve(manifest):
    server = manifest["server"]
    assert server["type"] == "binary"
    assert server["mcp_config"]["args"][0] == "serve"
    assert {tool["name"] for tool in manifest["tools"]} == EXPECTED_TOOLS


def test_manifest_tools_match_tools_list(manifest, recall_bin, store):
    pytest.importorskip("mcp", reason="the Python `mcp` package is missing: pip install -r Tests/conformance/requirements.txt")

    async def body():
        async with connect(recall_bin, store) as tools:
            return await tools.list()

    live = {tool.name: tool.description for tool in run(body)}
    declared = {tool["name"]: tool.get("description") for tool in manifest["tools"]}
    assert sorted(declared) == sorted(live), "tool names differ between mcp-manifest.json and tools/list"
    differing = {name: (declared[name], live[name]) for name in live if declared[name] != live[name]}
    assert not differing, "descriptions differ (manifest, tools/list):\n" + "\n".join(
        f"  {name}:\n    {pair[0]!r}\n    {pair[1]!r}" for name, pair in sorted(differing.items())
    )
