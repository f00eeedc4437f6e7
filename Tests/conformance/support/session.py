"""The official Python MCP client, pointed at `recall serve`."""

import json
import sys
from contextlib import asynccontextmanager
from pathlib import Path

TEE_PROXY = Path(__file__).with_name("tee_proxy.py")
TIMEOUT = 60


def run(async_fn, *args):
    """Runs an async test body with an overall deadline, so a silent server fails instead of hanging."""
    import anyio

    async def bounded():
        with anyio.fail_after(TIMEOUT):
            return await async_fn(*args)

    return anyio.run(bounded)


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def server_parameters(recall_bin, store, record_dir=None, allow_import=None):
    """How to launch the server; through the tee proxy when traffic should be recorded.

    `import_chats` may read the fixtures and the store's folder unless `allow_import` names
    other folders (an empty list leaves the server's default, the Downloads folder)."""
    from mcp.client.stdio import StdioServerParameters

    folders = [FIXTURES, Path(store).parent] if allow_import is None else allow_import
    args = ["serve", "--db", str(store), "--log-level", "warning"]
    args += [arg for folder in folders for arg in ("--allow-import", str(folder))]
    if record_dir is None:
        return StdioServerParameters(command=str(recall_bin), args=args)
    return StdioServerParameters(command=sys.executable, args=[str(TEE_PROXY), str(record_dir), str(recall_bin), *args])


@asynccontextmanager
async def connect(recall_bin, store, mode="legacy", record_dir=None):
    """An initialized client session wrapped as a `Tools` helper."""
    from mcp.client import Client

    params = server_parameters(recall_bin, store, record_dir)
    async with Client(params, mode=mode, read_timeout_seconds=30) as client:
        yield Tools(client)


class Tools:
    """Calls tools and checks the parts of every result the spec requires."""

    def __init__(self, client):
        self.client = client
        self._output_schemas = None

    async def list(self):
        """Every tool, following `nextCursor` if the server pages."""
        tools, cursor = [], None
        while True:
            page = await self.client.list_tools(cursor=cursor)
            tools += page.tools
            cursor = page.next_cursor
            if not cursor:
                return tools

    async def call(self, name, arguments=None):
        """Calls a tool that must succeed; returns its structured content."""
        result = await self.client.call_tool(name, arguments or {})
        text = text_of(result)
        assert not result.is_error, f"{name}({arguments}) failed: {text}"
        assert isinstance(result.structured_content, dict), f"{name}: structuredContent must be an object"
        assert json.loads(text) == result.structured_content, f"{name}: the text block must carry the same JSON"
        await self._check_output_schema(name, result.structured_content)
        return result.structured_content

    async def call_expecting_error(self, name, arguments):
        """Calls a tool that must fail as a tool error (`isError: true`); returns its message."""
        result = await self.client.call_tool(name, arguments)
        assert result.is_error, f"{name}({arguments}) should have been rejected"
        message = text_of(result)
        assert message.strip(), f"{name}: an error result needs a message the model can act on"
        return message

    async def _check_output_schema(self, name, structured):
        from jsonschema import Draft202012Validator

        if self._output_schemas is None:
            self._output_schemas = {tool.name: tool.output_schema for tool in await self.list()}
        schema = self._output_schemas.get(name)
        if schema:
            errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in Draft202012Validator(schema).iter_errors(structured)]
            assert not errors, f"{name}: structuredContent does not match outputSchema: {errors[:3]}"


def text_of(result):
    """The concatenated text blocks of a tool result."""
    return "".join(block.text for block in result.content if getattr(block, "type", None) == "text")
