"""`-o` naming a device or a named pipe: written into, never replaced (`render.files._write_into`).

The sweep's timing script ran `amend preview … -o /dev/null` as root: the preview was written beside /dev/null and
renamed over it, and /dev/null became a plain file every other program then wrote into (r44, mine). These tests use a
named pipe and a link to /dev/null in the test's own folder, so that the old code, run against them, replaces only
the pipe or the link, never the machine's /dev/null."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from regdraft.render.files import write_atomic
from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT, SHIPPED_AMENDMENT, Invoke


def _reading(pipe: Path) -> tuple[threading.Thread, list[bytes]]:
    """A reader of the named pipe `pipe`, as `cat pipe` would be: what it read, once joined."""
    got: list[bytes] = []

    def read() -> None:
        with pipe.open("rb") as source:
            got.append(source.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader, got


def test_export_into_a_named_pipe_writes_the_page_into_it_and_leaves_the_pipe(
        mini_workspace: Workspace, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = mini_workspace.root.parent / "page.html"
    os.mkfifo(pipe)
    reader, got = _reading(pipe)
    monkeypatch.chdir(mini_workspace.root)
    result = invoke(mini_workspace, "export", "MINI-QC", "-o", str(pipe))
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(pipe.lstat().st_mode)  # the old code renamed a file over it: a plain file after
    assert got and got[0].startswith(b"<!DOCTYPE html>") and "Điều 1".encode() in got[0]
    assert not list(pipe.parent.glob("*.regdraft-tmp"))


def test_a_link_to_dev_null_is_written_through_and_a_rendered_file_copied_into_a_pipe(tmp_path: Path) -> None:
    """A PDF or Word file is rendered by a function into a path: for a device it renders into a temporary file of
    its own (not beside /dev/null), whose bytes go into the device."""
    null = tmp_path / "null"
    null.symlink_to(os.devnull)
    write_atomic(null, b"discarded")
    assert null.is_symlink() and os.readlink(null) == os.devnull and stat.S_ISCHR(Path(os.devnull).stat().st_mode)
    pipe = tmp_path / "x.pdf"
    os.mkfifo(pipe)
    reader, got = _reading(pipe)
    write_atomic(pipe, lambda path: path.write_bytes(b"%PDF-1.7 rendered"))
    reader.join(timeout=60)
    assert got == [b"%PDF-1.7 rendered"] and stat.S_ISFIFO(pipe.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null", "x.pdf"]


def test_dev_stdout_redirected_to_a_file_gets_the_document_and_the_words_go_to_stderr(tmp_path: Path,
                                                                                     tmp_workspace: Workspace
                                                                                     ) -> None:
    """`-o /dev/stdout > o.txt` was refused ("a symbolic link … Remove the link"), and with `--force` the link was
    resolved to o.txt, a plain file, and renamed over: here a link of the test's own to /proc/self/fd/1 became a plain
    file holding the preview, the run's stdout only "Wrote …" (r44 sweep CK F4). Now the preview goes into the
    command's standard output, the link stays, and "Wrote …" goes to stderr, not into the document."""
    mine = tmp_path / "stdout"
    mine.symlink_to("/proc/self/fd/1")
    for target in (mine, Path("/dev/stdout")):
        with (tmp_path / "o.txt").open("wb") as out:
            done = subprocess.run([sys.executable, "-c", "from regdraft.console import main; main()", "amend",
                                   "preview", SHIPPED_AMENDMENT, "-o", str(target)], stdout=out, stderr=subprocess.PIPE,
                                  cwd=tmp_workspace.root, text=True, timeout=120,
                                  env={**os.environ, "PYTHONPATH": str(REPO_ROOT)})
        written = (tmp_path / "o.txt").read_text(encoding="utf-8")
        assert done.returncode == 0, done.stderr
        assert written.startswith("---\nid: 01-QC/TU\n") and "Wrote" not in written, written[:300]
        assert f"Wrote {target}." in done.stderr
        assert mine.is_symlink() and os.readlink(mine) == "/proc/self/fd/1"
