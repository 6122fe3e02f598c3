"""A real git server for the collaboration tests: `git daemon` on 127.0.0.1, receive-pack enabled.

It listens on loopback only, serves only the repositories under its own folder, and is bounded:
it runs under `timeout`, so it stops by itself even if a test run is killed.
"""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LIFETIME_SECONDS = 600


class GitServer:
    """Bare repositories under `base`, served at git://127.0.0.1:<port>/<name>.git."""

    def __init__(self, base: Path, port: int) -> None:
        self.base = base
        self.port = port

    def url(self, name: str) -> str:
        """The URL of a repository on the server."""
        return f"git://127.0.0.1:{self.port}/{name}.git"

    def create(self, name: str) -> str:
        """An empty bare repository, made as `git init --bare` makes it (defaulting to master); its URL."""
        subprocess.run(["git", "init", "-q", "--bare", str(self.base / f"{name}.git")], check=True)
        return self.url(name)

    def git(self, name: str, *args: str) -> str:
        """Run git in a served repository (to look at what was pushed)."""
        out = subprocess.run(["git", f"--git-dir={self.base / f'{name}.git'}", *args], check=True,
                             capture_output=True, text=True)
        return out.stdout


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _wait_listening(port: int, process: subprocess.Popen[bytes], seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


@contextmanager
def git_daemon(base: Path) -> Iterator[GitServer]:
    """Start `git daemon` on a free loopback port serving `base`; stop it on exit."""
    base.mkdir(parents=True, exist_ok=True)
    for _attempt in range(3):  # another process may take the free port between probe and bind
        port = _free_port()
        process = subprocess.Popen(
            ["timeout", str(LIFETIME_SECONDS), "git", "daemon", "--reuseaddr", "--listen=127.0.0.1",
             f"--port={port}", f"--base-path={base}", "--export-all", "--enable=receive-pack",
             "--informative-errors", str(base)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        if _wait_listening(port, process):
            break
        process.kill()
        process.wait()
    else:
        raise RuntimeError("git daemon did not start on 127.0.0.1")
    try:
        yield GitServer(base, port)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
