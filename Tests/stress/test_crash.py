"""`recall import` killed with SIGKILL at random moments of a large import.

After every kill the store opens, passes SQLite's integrity check, and holds each chat wholly
or not at all (its stored message count is the export's); the next run completes the import
with the right totals. The moments are random but seeded, so a failure can be replayed with
RECALL_CRASH_SEED; nothing waits for a state, the kill simply lands wherever the import is.
"""

import json
import os
import random
import shutil
import subprocess
import time

from stress_support.chatgpt_export import write_export
from stress_support.store_check import chat_message_counts, integrity

KILLS = 20
MAX_RUNS = 60
CONVERSATIONS = 1200


def run_import(recall_bin, store, export):
    return subprocess.Popen(
        [str(recall_bin), "import", "--db", str(store), "--json", str(export)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )


def check_store(store, expected, context):
    assert integrity(store) == "ok", f"{context}: integrity check failed"
    counts = chat_message_counts(store)
    partial = {conv: (count, expected.get(conv)) for conv, count in counts.items() if count != expected.get(conv)}
    assert not partial, f"{context}: chats stored in part (stored, expected): {list(partial.items())[:5]}"
    return counts


def test_killed_imports_leave_whole_chats_and_resume(recall_bin, tmp_path):
    seed = int(os.environ.get("RECALL_CRASH_SEED", "20240611"))
    rng = random.Random(seed)
    export = tmp_path / "conversations.json"
    expected = write_export(export, CONVERSATIONS, prefix="big", seed=seed, turns=(2, 14), words=(10, 80))

    # One clean import gives the duration over which kills are spread, and the reference totals.
    reference = tmp_path / "reference" / "recall.sqlite"
    started = time.monotonic()
    done = subprocess.run([str(recall_bin), "import", "--db", str(reference), "--json", str(export)],
                          capture_output=True, stdin=subprocess.DEVNULL, timeout=600)
    duration = time.monotonic() - started
    assert done.returncode == 0, done.stderr[-1000:]
    summary = json.loads(done.stdout)
    assert summary["chats_added"] == CONVERSATIONS
    assert summary["messages_added"] == sum(expected.values())
    assert check_store(reference, expected, "reference") == expected

    kills, runs, generation = 0, 0, 0
    store = tmp_path / "killed-0" / "recall.sqlite"
    while kills < KILLS and runs < MAX_RUNS:
        runs += 1
        process = run_import(recall_bin, store, export)
        try:
            process.wait(timeout=rng.uniform(0.0, duration))
            finished = True
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            finished = False
        process.stdout.close()
        process.stderr.close()
        if finished:
            assert process.returncode == 0, f"run {runs}: the import failed on its own"
            check_store(store, expected, f"run {runs} (finished)")
            # Start over so later kills land in the middle of writing again.
            generation += 1
            store = tmp_path / f"killed-{generation}" / "recall.sqlite"
            continue
        kills += 1
        if store.exists():
            check_store(store, expected, f"after kill {kills} (run {runs}, seed {seed})")

    assert kills >= KILLS, f"only {kills} of {runs} runs were killed mid-import"

    # The interrupted store finishes with one more run, and its totals add up.
    before = chat_message_counts(store) if store.exists() else {}
    done = subprocess.run([str(recall_bin), "import", "--db", str(store), "--json", str(export)],
                          capture_output=True, stdin=subprocess.DEVNULL, timeout=600)
    assert done.returncode == 0, done.stderr[-1000:]
    summary = json.loads(done.stdout)
    assert summary["chats_added"] == CONVERSATIONS - len(before)
    assert summary["chats_unchanged"] == len(before)
    assert summary["chats_updated"] == 0
    assert summary["messages_added"] == sum(count for conv, count in expected.items() if conv not in before)
    assert check_store(store, expected, "after the final run") == expected
    shutil.rmtree(tmp_path / "reference", ignore_errors=True)
