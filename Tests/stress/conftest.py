"""Stress, crash and bad-input tests that drive the built `recall` binary as separate processes.

Nothing here is timed: loops are bounded by a count and a deadline, and only outcomes are
checked. Run `swift build` first, or point RECALL_BIN at a binary.
"""

import os
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def recall_bin():
    path = Path(os.environ.get("RECALL_BIN") or REPO_ROOT / ".build" / "debug" / "recall")
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(f"recall binary not found at {path}: run `swift build` first, or set RECALL_BIN")
    return path


@pytest.fixture
def store(tmp_path):
    """A path for a fresh store; nothing exists there yet."""
    return tmp_path / "store" / "recall.sqlite"
