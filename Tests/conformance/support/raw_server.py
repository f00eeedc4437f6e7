"""`recall serve` over raw pipes, for probes the official client will not send."""

import json
import queue
import subprocess
import threading
import time


class RawServer:
    """Writes JSON-RPC lines to the server and collects every stdout line it writes."""

    def __init__(self, recall_bin, store, extra_args=()):
        self.process = subprocess.Popen(
            [str(recall_bin), "serve", "--db", str(store), "--log-level", "warning", *extra_args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self.sent = []
        self.lines = []
        self._incoming = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in iter(self.process.stdout.readline, b""):
            self._incoming.put(line)
        self._incoming.put(None)

    def send_raw(self, data: bytes):
        """Writes bytes as they are (framing probes)."""
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message):
        """Writes one message as a compact JSON line."""
        line = json.dumps(message, separators=(",", ":"))
        self.sent.append(message)
        self.send_raw(line.encode() + b"\n")

    def request(self, id, method, params=None):
        """Sends a request and returns its response."""
        message = {"jsonrpc": "2.0", "id": id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return self.response(id)

    def initialize(self, version="2025-11-25", id=1):
        """Runs the handshake; returns the initialize result."""
        response = self.request(
            id,
            "initialize",
            {"protocolVersion": version, "capabilities": {}, "clientInfo": {"name": "raw-probe", "version": "1"}},
        )
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})
        return response["result"]

    def next_message(self, timeout=15.0):
        """The next stdout line as JSON; raises on a timeout or a line that is not JSON."""
        line = self._incoming.get(timeout=timeout)
        if line is None:
            raise EOFError("the server closed stdout")
        self.lines.append(line)
        return json.loads(line)

    def response(self, id, timeout=15.0):
        """Reads until the response with this id (matched by type and value) arrives."""
        deadline = time.monotonic() + timeout
        while True:
            message = self.next_message(max(0.01, deadline - time.monotonic()))
            if "method" not in message and "id" in message and _same_id(message["id"], id):
                return message

    def close(self, timeout=10.0):
        """Closes stdin, reads what is left, and returns the exit code."""
        if not self.process.stdin.closed:
            self.process.stdin.close()
        code = self.process.wait(timeout=timeout)
        self._reader.join(timeout)
        while True:
            try:
                line = self._incoming.get_nowait()
            except queue.Empty:
                break
            if line is not None:
                self.lines.append(line)
        return code

    def remaining_messages(self):
        """Every stdout line read so far, parsed (call after close)."""
        return [json.loads(line) for line in self.lines]

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def _same_id(a, b):
    # JSON-RPC ids must come back with the same type: 1 is not "1", and True is not 1.
    return type(a) is type(b) and a == b
