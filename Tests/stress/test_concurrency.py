"""Four `recall serve` processes and `recall import` share one fresh store, as Claude Desktop,
its sibling process, Cursor and a terminal do: they add, import, search and forget at once.

Afterwards no request has failed (a locking error must never surface), every acknowledged
memory is stored exactly once unless this test forgot it, every imported chat is whole, and
SQLite's integrity check passes. Loops are bounded by a count and a deadline; nothing is timed.
"""

import random
import subprocess
import threading
import time
import uuid

from stress_support.chatgpt_export import write_export
from stress_support.pipe_client import PipeClient
from stress_support.store_check import chat_message_counts, integrity, memory_rows

SERVERS = 4
OPERATIONS_PER_SERVER = 160
CLI_IMPORTS = 4
DEADLINE_SECONDS = 30


class Outcome:
    """What the workers saw, gathered under one lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.failures = []
        self.kept = {}  # memory id -> content, acknowledged and not forgotten
        self.forgotten = {}  # memory id -> content
        self.operations = 0

    def fail(self, message):
        with self.lock:
            self.failures.append(message)


def serve_worker(recall_bin, store, worker, exports, deadline, outcome):
    rng = random.Random(worker)
    client = PipeClient(recall_bin, store, allow_import=[exports[0].parent])
    mine = []
    try:
        client.initialize()
        for operation in range(OPERATIONS_PER_SERVER):
            if time.monotonic() > deadline:
                break
            roll = rng.random()
            if roll < 0.45 or not mine:
                content = f"stress note from server {worker}, operation {operation}: {uuid.uuid4().hex}"
                failed, text, result = client.call("add_memory", {"content": content, "tags": ["stress"]})
                if not failed:
                    memory_id = result["memories"][0]["id"]
                    mine.append(memory_id)
                    with outcome.lock:
                        outcome.kept[memory_id] = content
            elif roll < 0.70:
                failed, text, _ = client.call("search", {"query": rng.choice(["tea", "garden travel", "stress note", "river"])})
            elif roll < 0.80:
                victim = mine.pop(rng.randrange(len(mine)))
                failed, text, _ = client.call("forget", {"memory_ids": [victim]})
                if not failed:
                    with outcome.lock:
                        outcome.forgotten[victim] = outcome.kept.pop(victim)
            elif roll < 0.90:
                failed, text, _ = client.call("import_chats", {"path": str(rng.choice(exports))})
            else:
                failed, text, _ = client.call("list_memories", {"limit": 20})
            with outcome.lock:
                outcome.operations += 1
            if failed:
                outcome.fail(f"server {worker}, operation {operation}: {text}")
    except Exception as error:  # a dead server or a protocol violation ends this worker
        outcome.fail(f"server {worker}: {type(error).__name__}: {error}")
    finally:
        try:
            code = client.close()
            if code != 0:
                outcome.fail(f"server {worker} exited with {code}: {client.stderr[-500:]!r}")
        except subprocess.TimeoutExpired:
            client.kill()
            outcome.fail(f"server {worker} did not exit after its input closed")
        if b"locked" in client.stderr.lower() or b"sqlite_busy" in client.stderr.lower():
            outcome.fail(f"server {worker} logged a locking error: {client.stderr[-500:]!r}")


def cli_worker(recall_bin, store, exports, deadline, outcome):
    for run in range(CLI_IMPORTS):
        if run and time.monotonic() > deadline:
            break
        path = exports[run % len(exports)]
        done = subprocess.run(
            [str(recall_bin), "import", "--db", str(store), "--json", str(path)],
            capture_output=True, timeout=300, stdin=subprocess.DEVNULL,
        )
        if done.returncode != 0:
            outcome.fail(f"recall import {path.name} exited with {done.returncode}: {done.stderr[-500:]!r}")


def test_four_servers_and_the_cli_share_one_store(recall_bin, store, tmp_path):
    expected = {}
    tool_exports = []
    for index in range(3):
        path = tmp_path / f"tool-export-{index}.json"
        expected.update(write_export(path, 30, prefix=f"tool{index}", seed=index))
        tool_exports.append(path)
    cli_export = tmp_path / "cli-export.json"
    expected.update(write_export(cli_export, 200, prefix="cli", seed=99))

    outcome = Outcome()
    deadline = time.monotonic() + DEADLINE_SECONDS
    threads = [
        threading.Thread(target=serve_worker, args=(recall_bin, store, worker, tool_exports, deadline, outcome))
        for worker in range(SERVERS)
    ]
    threads.append(threading.Thread(target=cli_worker, args=(recall_bin, store, [cli_export, *tool_exports], deadline, outcome)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not outcome.failures, f"{len(outcome.failures)} failures, first ones: {outcome.failures[:5]}"
    assert outcome.operations >= SERVERS * 10, f"only {outcome.operations} operations ran"

    assert integrity(store) == "ok"
    stored = {}
    for row_id, content in memory_rows(store):
        stored.setdefault(content, []).append(f"mem_{row_id}")
    for memory_id, content in outcome.kept.items():
        assert stored.get(content) == [memory_id], f"acknowledged {memory_id} is stored as {stored.get(content)}"
    for memory_id, content in outcome.forgotten.items():
        assert content not in stored, f"forgotten {memory_id} is still stored"

    counts = chat_message_counts(store)
    assert set(counts) <= set(expected), "the store holds chats no export had"
    wrong = {conv: (count, expected[conv]) for conv, count in counts.items() if count != expected[conv]}
    assert not wrong, f"chats whose stored messages differ from the export (stored, expected): {list(wrong.items())[:5]}"
    for prefix in ("cli", "tool0", "tool1", "tool2"):
        chats = [conv for conv in expected if conv.startswith(prefix + "-")]
        present = [conv for conv in chats if conv in counts]
        # Every import that was answered finished, so an export is in whole or (if never imported) not at all.
        assert len(present) in (0, len(chats)), f"{prefix}: {len(present)} of {len(chats)} chats stored"
    assert all(conv in counts for conv in expected if conv.startswith("cli-")), "the CLI import is incomplete"


def test_processes_opening_a_fresh_store_at_once_all_succeed(recall_bin, tmp_path):
    # Clients start their servers together: the first use of a new store races to create it.
    for round_number in range(6):
        store = tmp_path / f"fresh-{round_number}" / "recall.sqlite"
        # The folder exists (a typed --db whose folder is missing is refused); the store does not.
        store.parent.mkdir()
        processes = [
            subprocess.Popen([str(recall_bin), "stats", "--db", str(store), "--json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
            for _ in range(6)
        ]
        for process in processes:
            _, errors = process.communicate(timeout=120)
            assert process.returncode == 0, f"round {round_number}: {errors.decode()[-500:]}"
        assert integrity(store) == "ok"
