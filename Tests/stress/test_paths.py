"""`import_chats` paths as people type them: `~`, relative to the server's folder, spaces and
non-ASCII names, unreadable files, folders where a file was expected, and worse."""

import os

import pytest

from stress_support.chatgpt_export import write_export
from stress_support.pipe_client import PipeClient


@pytest.fixture
def home(tmp_path):
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def server(recall_bin, tmp_path, home):
    work = tmp_path / "work"
    work.mkdir()
    # Everything under the test's folder may be imported, the home folder included.
    env = {"PATH": os.environ.get("PATH", "/usr/bin"), "HOME": str(home), "RECALL_IMPORT_DIRS": str(tmp_path)}
    client = PipeClient(recall_bin, tmp_path / "recall.sqlite", env=env, cwd=work)
    client.initialize()
    client.work = work
    yield client
    assert client.close() == 0


def imports(server, path, count):
    failed, text, summary = server.call("import_chats", {"path": path})
    assert not failed, text
    assert summary["chats_added"] + summary["chats_unchanged"] == count, summary


def refuses(server, path, *words):
    failed, text, _ = server.call("import_chats", {"path": path})
    assert failed, f"{path!r} was accepted"
    for word in words:
        assert word in text, text
    return text


def test_a_path_under_home_with_a_tilde(server, home):
    (home / "Downloads").mkdir()
    write_export(home / "Downloads" / "conversations.json", 3, prefix="tilde")
    imports(server, "~/Downloads/conversations.json", 3)


def test_a_relative_path_is_read_from_the_servers_folder(server):
    (server.work / "exports").mkdir()
    write_export(server.work / "exports" / "conversations.json", 2, prefix="relative")
    imports(server, "exports/conversations.json", 2)
    imports(server, "./exports/../exports/conversations.json", 2)


def test_spaces_and_non_ascii_names(server, tmp_path):
    folder = tmp_path / "My Exports" / "Größe 会话 🗂"
    folder.mkdir(parents=True)
    write_export(folder / "conversations (1).json", 4, prefix="unicode")
    imports(server, str(folder / "conversations (1).json"), 4)
    imports(server, str(folder), 4)


def test_an_unreadable_file_says_permission_denied(server, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading")
    export = tmp_path / "locked.json"
    write_export(export, 1, prefix="locked")
    export.chmod(0)
    refuses(server, str(export), "locked.json", "permission")


def test_a_folder_named_like_a_file(server, tmp_path):
    folder = tmp_path / "conversations.json"
    folder.mkdir()
    refuses(server, str(folder), "conversations.json", "holds no readable export")


def test_a_path_through_a_file(server, tmp_path):
    export = tmp_path / "conversations.json"
    write_export(export, 1, prefix="through")
    refuses(server, str(export / "inner.json"), "No file or folder")


@pytest.mark.parametrize("path", ["", "   ", "/definitely/not/here.json", "~nobody-such-user/x.json"])
def test_missing_or_empty_paths(server, path):
    refuses(server, path)


def test_special_files_are_not_read_as_exports(server, tmp_path):
    refuses(server, "/dev/null", "/dev/null")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    # A FIFO would block a reader forever; it must be refused, not waited on.
    refuses(server, str(fifo), "pipe.json")
