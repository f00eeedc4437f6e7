"""Imports that cannot be turned against the user, probed through the real binary as a model
steered by what it read would probe them: paths that block a reader (FIFOs, the server's own
stdin, /proc/kmsg, the whole disk), links out of a folder, folders the user never allowed, and
files that are not what they seem. Nothing here is timed: a server that hangs fails the test
when the client gives up waiting for an answer."""

import os

import pytest

from stress_support.chatgpt_export import write_export
from stress_support.pipe_client import PipeClient

# Long enough for any answer on a loaded machine, short enough that a blocked server fails fast.
PATIENCE = 30.0

TRANSCRIPT = "# Holiday\n\n## User\nMy hideaway is {word}.\n\n## Assistant\nNoted: {word}.\n"


@pytest.fixture
def server(recall_bin, tmp_path):
    """A server that may import anywhere under `/`, so the probes reach the reading code."""
    client = PipeClient(recall_bin, tmp_path / "recall.sqlite", timeout=PATIENCE, allow_import=["/"])
    client.initialize()
    yield client
    client.kill()


def answered(server, path):
    """Asks for an import and returns (failed, text, summary); the server must answer."""
    return server.call("import_chats", {"path": str(path)})


def still_serves(server):
    assert "result" in server.request("ping")
    failed, text, stats = server.call("memory_stats", {})
    assert not failed, text
    return stats


def test_a_link_to_a_fifo_in_an_export_folder_does_not_block(server, tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    os.mkfifo(tmp_path / "pipe")
    (folder / "conversations.json").symlink_to(tmp_path / "pipe")
    os.mkfifo(folder / "inner-pipe.json")
    failed, text, _ = answered(server, folder)
    assert failed and "holds no readable export" in text, text
    still_serves(server)


def test_a_link_to_the_servers_own_stdin_neither_blocks_nor_swallows_requests(server, tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "conversations.json").symlink_to("/proc/self/fd/0")
    failed, text, _ = answered(server, folder)
    assert failed, text
    # Every request written after the import is still read by the protocol, in order.
    for _ in range(3):
        still_serves(server)


@pytest.mark.parametrize("path", ["/proc", "/proc/kmsg", "/proc/self/fd/0", "/dev/stdin", "/sys", "/"])
def test_system_paths_and_the_whole_disk_are_refused(server, path):
    failed, text, _ = answered(server, path)
    assert failed and path in text, text
    assert "/proc, /sys or /dev" in text or "whole file system" in text, text
    still_serves(server)


def test_a_link_to_proc_kmsg_in_a_folder_is_not_read(server, tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "conversations.json").symlink_to("/proc/kmsg")
    write_export(folder / "real.json", 2, prefix="kmsg")
    failed, text, summary = answered(server, folder)
    assert not failed, text
    assert summary["chats_added"] == 2
    still_serves(server)


def test_a_link_out_of_the_folder_is_not_imported(server, tmp_path):
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "outside.md").write_text(TRANSCRIPT.format(word="Quokkavault"), encoding="utf-8")
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "innocent.md").symlink_to("../secret/outside.md")
    write_export(folder / "conversations.json", 1, prefix="linked")
    failed, text, summary = answered(server, folder)
    assert not failed, text
    assert summary["chats_added"] == 1
    failed, text, hits = server.call("search", {"query": "Quokkavault"})
    assert not failed and hits["results"] == [], hits


def serve_at_home(recall_bin, tmp_path, *allow, env_dirs=None):
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True, exist_ok=True)
    env = {"PATH": os.environ.get("PATH", "/usr/bin"), "HOME": str(home)}
    if env_dirs is not None:
        env["RECALL_IMPORT_DIRS"] = env_dirs
    client = PipeClient(recall_bin, tmp_path / "recall.sqlite", timeout=PATIENCE, env=env, allow_import=allow)
    client.initialize()
    return client, home


def test_by_default_only_the_downloads_folder_may_be_imported(recall_bin, tmp_path):
    client, home = serve_at_home(recall_bin, tmp_path)
    try:
        write_export(home / "Downloads" / "conversations.json", 2, prefix="downloads")
        failed, text, summary = answered(client, "~/Downloads/conversations.json")
        assert not failed and summary["chats_added"] == 2, text
        (tmp_path / "elsewhere").mkdir()
        write_export(tmp_path / "elsewhere" / "conversations.json", 1, prefix="elsewhere")
        answers = []
        for path in [tmp_path / "elsewhere" / "conversations.json", tmp_path / "elsewhere" / "missing.json", "/etc/shadow"]:
            failed, text, _ = answered(client, path)
            assert failed and str(home / "Downloads") in text and "--allow-import" in text, text
            answers.append(text.replace(str(path), "PATH"))
        # Whether something is there or not, outside gets the same answer.
        assert len(set(answers)) == 1, answers
    finally:
        assert client.close() == 0


def test_allowed_folders_come_from_the_flag_and_the_environment(recall_bin, tmp_path):
    folders = [tmp_path / name for name in ("flag", "env-a", "env-b", "other")]
    for index, folder in enumerate(folders):
        folder.mkdir()
        write_export(folder / "conversations.json", 1, prefix=f"f{index}")
    client, home = serve_at_home(recall_bin, tmp_path, folders[0], env_dirs=f"{folders[1]}:{folders[2]}")
    try:
        for folder in folders[:3]:
            failed, text, _ = answered(client, folder / "conversations.json")
            assert not failed, text
        failed, text, _ = answered(client, folders[3] / "conversations.json")
        assert failed and all(str(folder) in text for folder in folders[:3]), text
        # Naming folders replaces the Downloads default.
        write_export(home / "Downloads" / "conversations.json", 1, prefix="dl")
        failed, text, _ = answered(client, home / "Downloads" / "conversations.json")
        assert failed, text
    finally:
        assert client.close() == 0


def test_a_note_is_not_a_chat_and_errors_quote_nothing(server, tmp_path):
    note = tmp_path / "logins.md"
    note.write_text("Office wifi\nUser: admin\nAssistant: Maria\npassword: hunter2\n", encoding="utf-8")
    failed, text, _ = answered(server, note)
    assert failed and "pass the platform `transcript`" in text, text
    assert "hunter2" not in text and "admin" not in text
    secret = tmp_path / "secret.json"
    secret.write_text("r2d2 is the password\n", encoding="utf-8")
    failed, text, _ = answered(server, secret)
    assert failed and "expected `[` or `{` at byte 0" in text, text
    assert "`r`" not in text and "r2d2" not in text
    failed, text, summary = server.call("import_chats", {"path": str(note), "platform": "transcript"})
    assert not failed and summary["chats_added"] == 1, text


def test_a_folder_import_counts_the_files_it_skipped_without_naming_them(server, tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    write_export(folder / "conversations.json", 1, prefix="named")
    (folder / "passwords.txt").write_text("router: hunter2\n", encoding="utf-8")
    (folder / "diary.md").write_text("Dear diary\n", encoding="utf-8")
    failed, text, summary = answered(server, folder)
    assert not failed, text
    assert "passwords" not in text and "diary" not in text and "hunter2" not in text
    assert any("skipped 2 files (1 .md, 1 .txt)" in d["message"] for d in summary["diagnostics"]), summary


def test_forget_leaves_no_text_in_the_store_or_its_wal_while_the_server_runs(server, tmp_path):
    store = tmp_path / "recall.sqlite"
    export = tmp_path / "Zanzibar-holiday.md"
    export.write_text(TRANSCRIPT.format(word="Zanzibarquokka"), encoding="utf-8")
    failed, text, imported = answered(server, export)
    assert not failed, text
    failed, text, added = server.call("add_memory", {"content": "The user hides gold at Quixotrefuge.", "extract": False})
    assert not failed, text
    failed, text, _ = server.call("add_memory", {"content": "The user likes green tea.", "extract": False})

    def on_disk(word):
        found = []
        for suffix in ("", "-wal"):
            path = f"{store}{suffix}"
            if os.path.exists(path) and word.encode() in open(path, "rb").read():
                found.append(suffix or "store")
        return found

    assert on_disk("Zanzibarquokka") and on_disk("Quixotrefuge")
    failed, text, _ = server.call("forget", {"import_id": imported["import_id"]})
    assert not failed, text
    failed, text, _ = server.call("forget", {"memory_ids": [added["memories"][0]["id"]]})
    assert not failed, text
    for word in ("Zanzibarquokka", "Quixotrefuge", "Zanzibar-holiday.md"):
        assert on_disk(word) == [], f"{word} is still in {on_disk(word)}"
    stats = still_serves(server)
    assert all(entry["id"] != imported["import_id"] for entry in stats["imports"]), stats["imports"]
