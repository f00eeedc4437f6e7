"""The web page of `recall serve --http` in headless Chromium, driven by Selenium.

Needs Debian's `chromium` and `chromium-driver` and the `selenium` package; scripts/test skips
the suite with one line when any is missing (and fails the run with CI=true). Screenshots of every page at 1440 and 360 px go
to $RECALL_SCREENSHOTS, or to the run's temporary folder.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def chromium_paths():
    """Debian's browser and driver, or None when either is missing."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="session")
def recall_bin():
    path = Path(os.environ.get("RECALL_BIN") or REPO_ROOT / ".build" / "debug" / "recall")
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(f"recall binary not found at {path}: run `swift build` first, or set RECALL_BIN")
    return path


@pytest.fixture(scope="session")
def shots(tmp_path_factory):
    """Where screenshots go."""
    folder = Path(os.environ.get("RECALL_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {folder}", file=sys.stderr)
    return folder


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_key(recall_bin, store, user):
    made = subprocess.run(
        [str(recall_bin), "keys", "create", "--user", user, "--json", "--db", str(store)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(made.stdout)["secret"]


@pytest.fixture(scope="session")
def server(recall_bin, tmp_path_factory):
    """`recall serve --http` on a free loopback port over a fresh store, with keys for two users."""
    store = tmp_path_factory.mktemp("store") / "recall.sqlite"
    keys = {user: make_key(recall_bin, store, user) for user in ("alice", "bob")}
    port = free_port()
    process = subprocess.Popen(
        [str(recall_bin), "serve", "--http", f"127.0.0.1:{port}", "--db", str(store), "--log-level", "warning",
         "--rate-limit-minute", "100000", "--no-semantic"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"the server exited: {process.stderr.read().decode()}")
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("the server did not start listening within a minute")
            time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "keys": keys}
    process.terminate()
    assert process.wait(timeout=30) == 0, "SIGTERM stops the server cleanly"


@pytest.fixture(scope="session")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = chromium_paths()
    if paths is None:
        # In CI a suite that cannot run fails the run, as scripts/test does for a missing suite.
        if os.environ.get("CI") == "true":
            pytest.fail("chromium and chromedriver are not installed, and CI=true requires the browser suite to run")
        pytest.skip("chromium and chromedriver are not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1440,1000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=paths[1]), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
