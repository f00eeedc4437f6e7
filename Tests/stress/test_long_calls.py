"""Long calls never wedge the server: while an import or an extraction runs, reads and short
writes sent on the same connection are answered from what is committed so far, before the long
call ends; short calls keep their order among themselves; the long call reports progress.

The export is large enough that importing it takes seconds, far longer than the round trips
sent meanwhile; what is checked is the order of the answers, never a time.
"""

import json
import subprocess
import threading
import queue

from stress_support.chatgpt_export import write_export

CONVERSATIONS = 1_500


class Server:
    """`recall serve` over pipes, collecting every message it writes, in order."""

    def __init__(self, recall_bin, store, allow_import):
        # import_chats reads only the folders it is allowed (`--allow-import`).
        self.process = subprocess.Popen(
            [str(recall_bin), "serve", "--db", str(store), "--log-level", "error", "--allow-import", str(allow_import)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        self.messages = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in iter(self.process.stdout.readline, b""):
            self.messages.put(json.loads(line))
        self.messages.put(None)

    def send(self, message):
        self.process.stdin.write(json.dumps(message).encode() + b"\n")
        self.process.stdin.flush()

    def call(self, id, tool, arguments, progress=False):
        params = {"name": tool, "arguments": arguments}
        if progress:
            params["_meta"] = {"progressToken": f"p{id}"}
        self.send({"jsonrpc": "2.0", "id": id, "method": "tools/call", "params": params})

    def until(self, id):
        """Every message up to and including the response to `id`."""
        seen = []
        while True:
            message = self.messages.get(timeout=600)
            assert message is not None, "the server stopped"
            seen.append(message)
            if message.get("id") == id and "method" not in message:
                return seen

    def close(self):
        self.process.stdin.close()
        return self.process.wait(timeout=120)


def answered(messages):
    return [m["id"] for m in messages if "id" in m and "method" not in m]


def test_reads_and_short_writes_are_answered_while_an_import_and_an_extraction_run(recall_bin, store, tmp_path):
    export = tmp_path / "conversations.json"
    expected = write_export(export, CONVERSATIONS, turns=(4, 12))
    store.parent.mkdir(parents=True, exist_ok=True)
    server = Server(recall_bin, store, allow_import=tmp_path)
    try:
        server.send({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "stress", "version": "1"}}})
        server.until(0)
        server.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

        server.call(1, "import_chats", {"path": str(export)}, progress=True)
        server.call(2, "memory_stats", {})
        server.call(3, "add_memory", {"content": "The user keeps bees on the roof."})
        server.call(4, "search", {"query": "bees roof", "scope": "memories"})
        seen = server.until(1)
        order = answered(seen)
        by_id = {m["id"]: m for m in seen if "id" in m and "method" not in m}
        assert by_id[1]["result"]["isError"] is False, by_id[1]
        assert order.index(2) < order.index(1), f"memory_stats waited for the import: {order}"
        assert order.index(3) < order.index(1), f"add_memory waited for the import: {order}"
        assert order.index(4) < order.index(1), f"search waited for the import: {order}"
        assert len(by_id[4]["result"]["structuredContent"]["results"]) == 1, "a read sees the short write sent before it"
        progress = [m for m in seen if m.get("method") == "notifications/progress" and m["params"]["progressToken"] == "p1"]
        assert progress, "the import reported progress"
        summary = by_id[1]["result"]["structuredContent"]
        assert summary["chats_added"] == len(expected)
        assert by_id[2]["result"]["structuredContent"]["chats"] < len(expected), "the read saw the import part-way"

        server.call(5, "extract_memories", {"import_id": summary["import_id"]}, progress=True)
        server.call(6, "search", {"query": "garden"})
        server.call(7, "list_chats", {"page_size": 5})
        seen = server.until(5)
        order = answered(seen)
        assert order.index(6) < order.index(5) and order.index(7) < order.index(5), f"reads waited for the extraction: {order}"
        result = {m["id"]: m for m in seen if "id" in m and "method" not in m}[5]["result"]
        assert result["isError"] is False, result
        assert result["structuredContent"]["messages_scanned"] == sum(expected.values())
        progress = [m["params"] for m in seen if m.get("method") == "notifications/progress" and m["params"]["progressToken"] == "p5"]
        assert progress and progress[-1]["progress"] <= progress[-1]["total"] == sum(expected.values())
        assert [p["progress"] for p in progress] == sorted({p["progress"] for p in progress}), "progress only grows"
    finally:
        assert server.close() == 0
