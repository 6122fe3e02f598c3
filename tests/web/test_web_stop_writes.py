"""SIGTERM to `regdraft review` (`systemctl stop`, `kill`) while a member's comment is being recorded (r40 web40).

uvicorn handles the signal itself: it stops taking connections, waits `connections.GRACE` seconds for the requests
in flight, then cancels them. The write went on in its thread and was committed, but the member's browser was
answered 500 (the server's log holding a traceback), and the server ended with no word. The request now waits for
its write and answers what it did, the workspace is left clean (no journal, no lock held: `check` finds nothing),
and the terminal says the server stopped. Each test runs the server in its own process and sends the signal from
inside the write, at a point of the store's journal (`REGDRAFT_TEST_INTERRUPT_AT`)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx
import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT
from tests.web.conftest import SLUG, comment_form

GUARD = 60.0  # seconds: only a guard against a test hanging, never what is measured

# The server, its write held at the journal's point (after the signal it sends there) until uvicorn has cancelled the
# requests in flight, its grace over: the write then outlives the request's own end.
HELD_WRITE = """
import logging, os, sys, threading
from regdraft.workspace import store_writes

cancelled = threading.Event()
signalled = store_writes.stop_point


class Cancelled(logging.Handler):
    def emit(self, record):
        if "timeout graceful shutdown exceeded" in record.getMessage():
            cancelled.set()


def held(name):
    signalled(name)
    if name == os.environ["REGDRAFT_TEST_INTERRUPT_AT"] and os.environ.get("HOLD_PAST_GRACE"):
        logging.getLogger("uvicorn.error").addHandler(Cancelled())
        cancelled.wait(60)


store_writes.stop_point = held
sys.argv = ["regdraft", "review", "--port", sys.argv[1], "-C", sys.argv[2]]
from regdraft.cli import main
main()
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(("point", "held"), [("journal-written", False), ("file-written", False),
                                             ("file-written", True)])
def test_a_comment_being_written_when_the_server_is_stopped_is_committed_and_answered(
        review_ws: Workspace, point: str, held: bool) -> None:
    root, port = review_ws.root, _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "REGDRAFT_TEST_INTERRUPT_AT": point,
           "REGDRAFT_TEST_INTERRUPT_SIGNAL": "SIGTERM", "HOLD_PAST_GRACE": "1" if held else ""}
    before = _git(root, "rev-parse", "HEAD").strip()
    server = subprocess.Popen([sys.executable, "-c", HELD_WRITE, str(port), str(root)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + GUARD
        while True:
            try:
                httpx.get(url + "/favicon.ico", timeout=GUARD)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.05)
        with httpx.Client(base_url=url, timeout=GUARD) as browser:
            page = browser.get(f"/a/{SLUG}/redline").text
            found = re.search(r'name="csrf" value="([^"]+)"', page)
            assert found
            sent = browser.post(f"/a/{SLUG}/comments", data=comment_form(found.group(1)))
        out, err = server.communicate(timeout=GUARD)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    # Answered as recorded, the comment committed whole: one commit, nothing left in the working tree.
    assert sent.status_code == 303, (sent.status_code, err)
    added = re.search(r"added=([0-9a-f]+)", sent.headers["location"])
    assert added
    assert _git(root, "rev-parse", "HEAD~1").strip() == before
    assert f"Comment {added.group(1)} on {SLUG}" in _git(root, "log", "-1", "--format=%s")
    assert _git(root, "status", "--porcelain", "--untracked-files=all") == ""
    checked = subprocess.run([sys.executable, "-c", "from regdraft.cli import main; main()", "check"], cwd=root,
                             env={**os.environ, "PYTHONPATH": str(REPO_ROOT)}, capture_output=True, text=True,
                             timeout=GUARD)
    assert checked.stdout.strip() == "No problems found.", checked.stdout + checked.stderr
    # The terminal: the server said it stopped, and no traceback.
    assert "Traceback" not in err and "CancelledError" not in err, err
    assert f"Stopped serving the review of {root}; every write it had begun was finished." in err
    assert ("a write in progress is finished first" in err) is held
    assert server.returncode == 143 and "Serving the review" in out  # ended by SIGTERM, as every command is


@pytest.mark.parametrize(("stop", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGHUP, 129)])
def test_a_stopped_server_exits_as_every_command_stopped_so_does(review_ws: Workspace, stop: int, code: int) -> None:
    # It exited 0 (uvicorn takes the signal and returns): `systemctl` and scripts read a server stopped by `kill` or
    # Ctrl-C as one that had finished its work.
    root, port = review_ws.root, _free_port()
    command = [sys.executable, "-c", "from regdraft.console import main; main()", "review", "--port", str(port)]
    server = subprocess.Popen(command, cwd=root, env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + GUARD
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/favicon.ico", timeout=GUARD)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.05)
        server.send_signal(stop)
        out, err = server.communicate(timeout=GUARD)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert server.returncode == code, (server.returncode, err)
    assert f"Stopped serving the review of {root}; every write it had begun was finished." in err
    # A closed terminal (SIGHUP) too: uvicorn handles no SIGHUP, and the stop reached the server as an exception
    # inside its loop, logged with a CancelledError traceback (r41 left).
    assert "Traceback" not in err and "CancelledError" not in err and "Serving the review" in out
