"""`--db` pointed at the wrong file, and stores that cannot be written, through the real binary:
another application's database is refused and left byte for byte as it was; a read-only store
(or a read-only disk) serves reads and refuses writes with a clear error."""

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from stress_support.pipe_client import PipeClient

NOBODY = 65534


def fingerprint(path):
    """The file's content hash and mode, and what lies beside it."""
    with open(path, "rb") as file:
        digest = hashlib.sha256(file.read()).hexdigest()
    return digest, stat.S_IMODE(os.stat(path).st_mode), sorted(os.listdir(os.path.dirname(path)))


def test_another_applications_database_is_refused_untouched(recall_bin, tmp_path):
    other = tmp_path / "bookmarks.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE bookmarks (url TEXT)")
        db.execute("INSERT INTO bookmarks VALUES ('https://example.com')")
    os.chmod(other, 0o644)
    before = fingerprint(other)

    cli = subprocess.run([str(recall_bin), "stats", "--db", str(other)], capture_output=True, text=True, timeout=60)
    assert cli.returncode == 1 and f"The file at {other} is not a Recall store" in cli.stderr, cli.stderr

    client = PipeClient(recall_bin, other, timeout=60)
    try:
        client.initialize()
        for tool, arguments in [("memory_stats", {}), ("add_memory", {"content": "The user likes tea."})]:
            failed, text, _ = client.call(tool, arguments)
            assert failed and str(other) in text and "not a Recall store" in text, text
    finally:
        assert client.close() == 0
    assert fingerprint(other) == before


def make_store(recall_bin, path):
    """A store holding one memory, written by this Recall."""
    subprocess.run(
        [str(recall_bin), "add", "The user likes green tea.", "--db", str(path)], check=True, capture_output=True, timeout=60
    )


def check_reads_served_and_writes_refused(client):
    client.initialize()
    failed, text, hits = client.call("search", {"query": "green tea"})
    assert not failed and len(hits["results"]) == 1, text
    failed, text, _ = client.call("memory_stats", {})
    assert not failed, text
    failed, text, _ = client.call("add_memory", {"content": "The user likes coffee."})
    assert failed and "read-only" in text and "reads work" in text, text
    # The refusal does not spoil later reads.
    failed, text, _ = client.call("list_memories", {})
    assert not failed, text


def as_another_user():
    """A command prefix that runs the server as `nobody`, since root may write any file."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot make a store read-only for the server")
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


@pytest.fixture
def shared_tmp():
    """A folder every user can reach (pytest's own is private to its user)."""
    path = Path(tempfile.mkdtemp(prefix="recall-ro-"))
    os.chmod(path, 0o755)
    yield path
    for root, folders, _ in os.walk(path):
        for name in folders:
            os.chmod(os.path.join(root, name), 0o755)
    shutil.rmtree(path, ignore_errors=True)


@pytest.mark.parametrize("folder_writable", [True, False])
def test_a_read_only_store_serves_reads_and_refuses_writes(recall_bin, shared_tmp, folder_writable):
    wrapper = as_another_user()
    tmp_path = shared_tmp
    binary = tmp_path / "recall"
    shutil.copy(recall_bin, binary)
    folder = tmp_path / "store"
    folder.mkdir()
    store = folder / "recall.sqlite"
    make_store(binary, store)
    if wrapper:
        for path in [folder, *folder.iterdir()]:
            os.chown(path, NOBODY, NOBODY)
    os.chmod(store, 0o444)
    if not folder_writable:
        os.chmod(folder, 0o555)
    before = fingerprint(store)[0]
    client = PipeClient(binary, store, timeout=60, wrapper=wrapper)
    try:
        check_reads_served_and_writes_refused(client)
    finally:
        assert client.close() == 0
    assert fingerprint(store)[0] == before


def test_a_store_on_a_read_only_disk_serves_reads(recall_bin, tmp_path):
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare to mount a read-only file system")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("cannot make a mount namespace here")
    source = tmp_path / "source.sqlite"
    make_store(recall_bin, source)
    mount = tmp_path / "disk"
    mount.mkdir()
    # The disk exists only in the server's own mount namespace, and goes when it exits.
    script = (
        f"mount -t tmpfs -o size=64m tmpfs '{mount}' && cp '{source}' '{mount}/recall.sqlite'"
        f" && mount -o remount,ro '{mount}' && exec \"$0\" \"$@\""
    )
    client = PipeClient(recall_bin, mount / "recall.sqlite", timeout=60, wrapper=["unshare", "-m", "sh", "-c", script])
    try:
        check_reads_served_and_writes_refused(client)
    finally:
        assert client.close() == 0
