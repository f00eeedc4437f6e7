"""A minimal MCP client over pipes for stress tests: one `recall serve` process, requests
answered in order of asking, every stdout line checked to be JSON-RPC."""

import json
import subprocess
import threading
import queue


class ProtocolViolation(AssertionError):
    """The server wrote something that is not a JSON-RPC message."""


class PipeClient:
    """Drives one server from one thread at a time."""

    def __init__(self, recall_bin, store, timeout=60.0, env=None, cwd=None, allow_import=(), wrapper=()):
        """`allow_import` lists the folders `import_chats` may read (`--allow-import`); `wrapper`
        is a command line the server runs under (another user, a mount namespace)."""
        self.timeout = timeout
        allowed = [arg for folder in allow_import for arg in ("--allow-import", str(folder))]
        self.process = subprocess.Popen(
            [*map(str, wrapper), str(recall_bin), "serve", "--db", str(store), "--log-level", "error", *allowed],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=cwd,
        )
        self._lines = queue.Queue()
        self._next_id = 0
        self.stderr = b""
        threading.Thread(target=self._read_stdout, daemon=True).start()
        self._stderr_reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._stderr_reader.start()

    def _read_stdout(self):
        for line in iter(self.process.stdout.readline, b""):
            self._lines.put(line)
        self._lines.put(None)

    def _read_stderr(self):
        self.stderr = self.process.stderr.read()

    def send_raw(self, data):
        """Writes bytes as they are."""
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def request(self, method, params=None):
        """Sends a request and returns its response (result or error), skipping notifications."""
        self._next_id += 1
        request_id = self._next_id
        message = {"jsonrpc": "2.0", "id": request_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send_raw(json.dumps(message, separators=(",", ":")).encode() + b"\n")
        return self.reply(request_id)

    def reply(self, request_id):
        """Reads until the response to `request_id` (None: an error without an id) arrives."""
        while True:
            line = self._lines.get(timeout=self.timeout)
            if line is None:
                raise EOFError(f"the server closed stdout; stderr: {self.stderr[-2000:]!r}")
            try:
                reply = json.loads(line)
            except ValueError as error:
                raise ProtocolViolation(f"stdout line is not JSON: {line[:200]!r}") from error
            if not isinstance(reply, dict) or reply.get("jsonrpc") != "2.0":
                raise ProtocolViolation(f"stdout line is not JSON-RPC 2.0: {line[:200]!r}")
            if "method" in reply:
                continue  # a notification (progress, log)
            if reply.get("id") != request_id or (request_id is None and "error" not in reply):
                raise ProtocolViolation(f"expected the response to {request_id}, got {line[:200]!r}")
            return reply

    def initialize(self):
        reply = self.request(
            "initialize",
            {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "stress", "version": "1"}},
        )
        self.process.stdin.write(b'{"jsonrpc":"2.0","method":"notifications/initialized"}\n')
        self.process.stdin.flush()
        return reply["result"]

    def call(self, tool, arguments):
        """Calls a tool; returns (is_error, text, structured content)."""
        reply = self.request("tools/call", {"name": tool, "arguments": arguments})
        if "error" in reply:
            return True, f"JSON-RPC error {reply['error'].get('code')}: {reply['error'].get('message')}", None
        result = reply["result"]
        text = "".join(block.get("text", "") for block in result.get("content", []))
        return bool(result.get("isError")), text, result.get("structuredContent")

    def close(self, timeout=30.0):
        """Closes stdin and returns the exit code once the server has answered and exited."""
        if not self.process.stdin.closed:
            self.process.stdin.close()
        code = self.process.wait(timeout=timeout)
        self._stderr_reader.join(timeout)
        return code

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
