"""`check` on a received workspace full of `*.regdraft-tmp` files (sweep r25 I, defects 4 and 6): /proc is read
once whatever their number, `check --repair` asks git once which are tracked, and a name holding a line break is
printed escaped, as git prints it, not as a line of its own."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from regdraft.core.text import shown_name
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


def _leave(ws: Workspace, count: int) -> list[str]:
    folder = ws.root / "d"
    folder.mkdir()
    for i in range(count):
        (folder / f"f{i}.pdf.regdraft-tmp").write_bytes(b"")
    return sorted(f"d/f{i}.pdf.regdraft-tmp" for i in range(count))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="open files are seen through /proc")
def test_proc_is_read_once_for_all_the_leftovers_not_once_a_file(tmp_workspace: Workspace,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # 3,000 files kept `check` 50 s: every one walked all of /proc/*/fd again.
    left = _leave(tmp_workspace, 40)
    scans: list[str] = []
    scandir = os.scandir

    def counted(path: Any = ".") -> Any:
        if str(path) == "/proc":
            scans.append(str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", counted)
    with (tmp_workspace.root / left[3]).open("rb"):  # one still being written stays out
        found = tmp_workspace.leftover_files()
    assert found == left[:3] + left[4:]
    assert len(scans) == 1


def test_the_repair_asks_git_once_which_leftovers_it_tracks(tmp_workspace: Workspace,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # `check --repair` over 1,000 leftovers took 15.6 s: one `git ls-files` a file.
    from regdraft.workspace.stopped_writes import remove_leftovers

    tmp_workspace.commit({"d/f0.pdf.regdraft-tmp": b""}, "A leftover committed by mistake")
    (tmp_workspace.root / "d" / "f0.pdf.regdraft-tmp").unlink()
    (tmp_workspace.root / "d").rmdir()
    left = _leave(tmp_workspace, 30)
    asked: list[tuple[str, ...]] = []
    query = Workspace._query

    def counted(self: Workspace, command: str, *args: str, **kwargs: Any) -> str:
        if command == "ls-files":
            asked.append(args)
        return query(self, command, *args, **kwargs)

    monkeypatch.setattr(Workspace, "_query", counted)
    assert remove_leftovers(tmp_workspace) == (left[1:], [left[0]])
    assert len(asked) == 1
    assert (tmp_workspace.root / left[0]).is_file() and not (tmp_workspace.root / left[1]).exists()


def test_a_leftover_whose_name_holds_a_line_break_is_printed_escaped(tmp_workspace: Workspace,
                                                                    invoke: Invoke) -> None:
    # `Removed d/a` and then a line of its own, `Error: fake line.regdraft-tmp, left half written …`.
    (tmp_workspace.root / "d").mkdir()
    (tmp_workspace.root / "d" / "a\nError: fake line.regdraft-tmp").write_bytes(b"x")
    checked = invoke(tmp_workspace, "check")
    assert '"d/a\\nError: fake line.regdraft-tmp": warning: an unfinished "a\\nError: fake line":' in checked.output
    repaired = invoke(tmp_workspace, "check", "--repair")
    assert ('Removed "d/a\\nError: fake line.regdraft-tmp", left half written by a regdraft that was stopped.'
            in repaired.output), repaired.output
    for result in (checked, repaired):
        assert not any(line.startswith("Error: fake line") for line in result.output.splitlines()), result.output
    assert not (tmp_workspace.root / "d" / "a\nError: fake line.regdraft-tmp").exists()


def test_names_are_escaped_only_where_they_hold_control_or_invisible_characters() -> None:
    assert shown_name("regulations/Tờ trình số 1.md") == "regulations/Tờ trình số 1.md"
    assert shown_name('d/"trích".md') == 'd/"trích".md'
    assert shown_name("d/a\tb\r\x1b[31m\u202e.md") == '"d/a\\tb\\r\\x1b[31m\\u202e.md"'


def test_a_folder_nested_past_the_depth_bound_is_named_not_a_recursion_error(tmp_workspace: Workspace,
                                                                            invoke: Invoke) -> None:
    # A received workspace with a folder nested 1,100 deep stopped `check` and `check --repair` in a RecursionError
    # traceback (os.walk recursed once a level). The walk is the conflict-marker walk's, bounded at 64 levels.
    from regdraft.workspace.settled import MAX_FOLDER_DEPTH

    levels = [tmp_workspace.root / "notes"]
    for _ in range(MAX_FOLDER_DEPTH + 10):  # past the bound; the walk no longer recurses, so no need for 1,100
        levels.append(levels[-1] / "a")
    try:
        for level in levels:
            level.mkdir()
        (levels[-1] / "x.pdf.regdraft-tmp").write_bytes(b"x")
        (levels[1] / "shallow.pdf.regdraft-tmp").write_bytes(b"x")
        for args in (("check",), ("check", "--repair")):
            result = invoke(tmp_workspace, *args)
            assert "Traceback" not in result.output and "RecursionError" not in result.output, result.output
            assert (f"notes/a: warning: the folder notes/a holds folders nested more than {MAX_FOLDER_DEPTH} deep; "
                    "regdraft did not look below that depth for files a stopped regdraft left half written "
                    "(`*.regdraft-tmp`): remove or flatten it if it is not yours.") in result.output, result.output
        assert "Removed notes/a/shallow.pdf.regdraft-tmp" in result.output  # within the bound: still repaired
    finally:  # removed a level at a time: pytest's own clean-up of old temporary folders recurses
        for level in reversed(levels):
            for name in os.listdir(level) if level.is_dir() else ():
                if name != "a":
                    (level / name).unlink()
            if level.is_dir():
                level.rmdir()


def test_a_committed_leftover_is_named_committed_with_how_to_remove_it(tmp_workspace: Workspace,
                                                                      invoke: Invoke) -> None:
    # `check` said `check --repair` removes it; the repair (rightly) kept it, every run, without a word.
    tmp_workspace.commit({"amendments/a.md.regdraft-tmp": b"keep"}, "A leftover committed by mistake")
    checked = invoke(tmp_workspace, "check")
    assert ("amendments/a.md.regdraft-tmp: warning: an unfinished a.md: regdraft was stopped while it wrote it (a.md "
            "itself, if there is one, was left as it was); it is committed, so `regdraft check --repair` leaves it: "
            "remove it with `git rm amendments/a.md.regdraft-tmp` and commit.") in checked.output, checked.output
    repaired = invoke(tmp_workspace, "check", "--repair")
    assert ("Left amendments/a.md.regdraft-tmp, left half written by a regdraft that was stopped: it is committed; "
            "remove it with `git rm amendments/a.md.regdraft-tmp` and commit.") in repaired.output, repaired.output
    assert (tmp_workspace.root / "amendments" / "a.md.regdraft-tmp").read_bytes() == b"keep"


def test_a_write_beside_a_file_a_killed_export_left_removes_it(tmp_workspace: Workspace, invoke: Invoke,
                                                              tmp_path: Path) -> None:
    # r37 sweep BQ 5: `kill -9` during `export -o out/hop-nhat.pdf` left `out/hop-nhat.pdf.regdraft-tmp`; only the next
    # export of that same file, or `check --repair`, took it away. Any output written beside it does now, in the
    # workspace or outside it; one a process holds open (an export still writing) stays.
    ws = tmp_workspace
    for folder in (ws.root / "out", tmp_path / "desk"):
        folder.mkdir(exist_ok=True)
        stopped, writing = folder / "hop-nhat.pdf.regdraft-tmp", folder / "khac.pdf.regdraft-tmp"
        stopped.write_bytes(b"%PDF-1.7 cut short")
        writing.write_bytes(b"%PDF-1.7 still")
        with writing.open("rb"):
            done = invoke(ws, "export", "01-QC/TU", "-o", str(folder / "a.md"))
        assert done.exit_code == 0, done.output
        assert f"Removed {folder / 'hop-nhat.pdf.regdraft-tmp'}, left half written by a regdraft that was stopped." \
            in done.output, done.output
        assert not stopped.exists() and writing.exists() and (folder / "a.md").exists()
