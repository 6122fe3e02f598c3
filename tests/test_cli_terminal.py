"""The command line on a terminal (issue 21 §7): colour for problems, a pager for long output.

The commands run as a real process on a pseudo-terminal (what a drafter's shell gives them), and
on a pipe, so these check what a person sees: escape codes only on a terminal without NO_COLOR.
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

ESC = "\x1b["
MAIN = "from regdraft.cli import main; main()"


def on_terminal(ws: Workspace, *args: str, rows: int = 40, **env: str) -> str:
    """Run regdraft with stdin and stdout on a pseudo-terminal of `rows` lines; what it printed."""
    main, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 100, 0, 0))
    environment = {**os.environ, "TERM": "xterm", "LINES": str(rows), "COLUMNS": "100", **env}
    if "NO_COLOR" not in env:
        environment.pop("NO_COLOR", None)
    process = subprocess.Popen([sys.executable, "-c", MAIN, *args], cwd=ws.root, stdin=secondary,
                               stdout=secondary, stderr=secondary, env=environment, close_fds=True)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(main)
    return b"".join(chunks).decode("utf-8", errors="replace")


def on_pipe(ws: Workspace, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    done = subprocess.run([sys.executable, "-c", MAIN, *args], cwd=ws.root, capture_output=True, text=True,
                          env=env, stdin=subprocess.DEVNULL, timeout=120)
    return done.stdout + done.stderr


@pytest.fixture
def troubled(mini_workspace: Workspace) -> Workspace:
    """The mini regulation with a problem `check` reports: Điều 4 twice."""
    path = mini_workspace.root / "regulations" / "MINI-QC.md"
    path.write_text(path.read_text(encoding="utf-8").replace("## Điều 4", "## Điều 4\n\n## Điều 4"), encoding="utf-8")
    return mini_workspace


def test_check_colours_problems_on_a_terminal_only(troubled: Workspace) -> None:
    coloured = on_terminal(troubled, "check")
    assert "regulations/MINI-QC.md" in coloured
    assert f"{ESC}1m" in coloured and f"{ESC}31m" in coloured  # the place in bold, the problem red
    plain = on_pipe(troubled, "check")
    assert "regulations/MINI-QC.md" in plain and ESC not in plain
    no_colour = on_terminal(troubled, "check", NO_COLOR="1")
    assert "regulations/MINI-QC.md" in no_colour and ESC not in no_colour


def test_a_clean_check_is_green_on_a_terminal(mini_workspace: Workspace) -> None:
    assert f"{ESC}32mNo problems found." in on_terminal(mini_workspace, "check")


def test_show_of_a_whole_regulation_longer_than_the_screen_is_paged(mini_workspace: Workspace) -> None:
    pager = "sed s/^/PAGED:/"
    paged = on_terminal(mini_workspace, "show", "MINI-QC", rows=10, PAGER=pager)
    assert "PAGED:id: MINI-QC\r\n" in paged and "PAGED:## Điều 1. Phạm vi điều chỉnh" in paged
    straight = on_terminal(mini_workspace, "show", "MINI-QC", "--no-pager", rows=10, PAGER=pager)
    assert "PAGED:" not in straight and "Điều 1" in straight
    short = on_terminal(mini_workspace, "show", "MINI-QC", "d1", rows=10, PAGER=pager)
    assert "PAGED:" not in short and "Điều 1" in short
    tall = on_terminal(mini_workspace, "show", "MINI-QC", rows=200, PAGER=pager)
    assert "PAGED:" not in tall and "Điều 1" in tall
    piped = on_pipe(mini_workspace, "show", "MINI-QC")
    assert "PAGED:" not in piped and "Điều 1" in piped


def test_check_log_and_refs_page_too(troubled: Workspace) -> None:
    pager = "sed s/^/PAGED:/"
    # A screen of one line: any output is longer than it.
    assert "PAGED:\x1b[1mregulations/MINI-QC.md" in on_terminal(troubled, "check", rows=1, PAGER=pager)
    assert "PAGED:" not in on_terminal(troubled, "check", "--no-pager", rows=1, PAGER=pager)
    assert "PAGED:" in on_terminal(troubled, "log", "MINI-QC", rows=1, PAGER=pager)
    assert "PAGED:" not in on_terminal(troubled, "log", "MINI-QC", rows=40, PAGER=pager)


def test_compare_lists_changes_with_marks_in_colour_on_a_terminal_only(mini_workspace: Workspace) -> None:
    old = mini_workspace.root / "regulations" / "MINI-QC.md"
    new = mini_workspace.root / "edited.md"
    new.write_text(old.read_text(encoding="utf-8").replace("họp thường lệ 3 tháng", "họp thường lệ 2 tháng"),
                   encoding="utf-8")
    args = ("compare", str(old), str(new), "--format", "html", "-o", "out/compare.html", "--changes")
    plain = on_pipe(mini_workspace, *args)
    assert "khoản 1 Điều 3 (" in plain and "[-3-]{+2+}" in plain and ESC not in plain
    coloured = on_terminal(mini_workspace, *args)
    assert f"{ESC}31m" in coloured and f"{ESC}32m" in coloured and "[-3-]" in coloured
    assert ESC not in on_terminal(mini_workspace, *args, NO_COLOR="1")
    assert "[-" not in on_pipe(mini_workspace, *args[:-1])  # without --changes, only the file written


def test_output_its_reader_stops_reading_ends_quietly(consulting_workspace: Workspace, tmp_path: Path,
                                                      invoke: Invoke) -> None:
    # `regdraft comment list mini-sua | head -1`: the reader leaves after one line. It printed "Error: cannot
    # access: Broken pipe." and exited 1, as if the command had failed; it now ends without a word, exit code
    # 141 as a shell reports for git in the same case.
    sheet = tmp_path / "y-kien.csv"
    sheet.write_text("by,on,text\n" + "".join(f"Ban A,general,Ý kiến số {n}: đề nghị làm rõ.\n" for n in range(1500)),
                     encoding="utf-8")
    assert invoke(consulting_workspace, "comment", "import", "mini-sua", str(sheet)).exit_code == 0
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, 1031, 4096)  # F_SETPIPE_SZ: a small pipe, which the list's lines fill
    process = subprocess.Popen([sys.executable, "-c", MAIN, "comment", "list", "mini-sua"],
                               cwd=consulting_workspace.root, stdout=write_end, stderr=subprocess.PIPE)
    os.close(write_end)
    first = os.read(read_end, 100)
    os.close(read_end)
    _, errors = process.communicate(timeout=120)
    assert b"Ban A" in first
    assert errors == b"" and process.returncode == 141

    # Read to its end, the same list is whole: every comment, exit code 0.
    done = subprocess.run([sys.executable, "-c", MAIN, "comment", "list", "mini-sua"], cwd=consulting_workspace.root,
                          capture_output=True, check=False)
    assert done.returncode == 0 and done.stderr == b"" and done.stdout.count(b"Ban A") == 1500
