"""Runs a stdio server and records both directions of its traffic, byte for byte.

Usage: python3 tee_proxy.py LOG_DIR COMMAND [ARGS...]

Register this as the server command in any client; it forwards stdin to the server and the
server's stdout back, appending each line to LOG_DIR/client.jsonl and LOG_DIR/server.jsonl.
stderr passes straight through. It exits with the server's exit code.
"""

import os
import subprocess
import sys
import threading


def pump(source, sink, log_path, close_sink):
    with open(log_path, "ab") as log:
        for line in iter(source.readline, b""):
            log.write(line)
            log.flush()
            try:
                sink.write(line)
                sink.flush()
            except (BrokenPipeError, ValueError):
                break
    if close_sink:
        try:
            sink.close()
        except (BrokenPipeError, OSError):
            pass


def main():
    log_dir, command = sys.argv[1], sys.argv[2:]
    os.makedirs(log_dir, exist_ok=True)
    server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    to_server = threading.Thread(
        target=pump,
        args=(sys.stdin.buffer, server.stdin, os.path.join(log_dir, "client.jsonl"), True),
        daemon=True,
    )
    to_server.start()
    # The server's stdout decides when the session is over: it ends when the server exits.
    pump(server.stdout, sys.stdout.buffer, os.path.join(log_dir, "server.jsonl"), False)
    sys.exit(server.wait())


if __name__ == "__main__":
    main()
