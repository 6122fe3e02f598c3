"""Large comment sheets: read a row at a time, written a file at a time, one commit of bounded git calls,
all or nothing under failures and kills."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from regdraft.core.errors import ParseError, RegdraftError
from regdraft.importer.comment_sheet import iter_sheet
from regdraft.workspace import rounds, sheet_import
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

SLUG = "mini-sua"
FOLDER = f"amendments/{SLUG}/comments"


@pytest.fixture
def ws(consulting_workspace: Workspace) -> Workspace:
    return consulting_workspace


def git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, check=True, capture_output=True, text=True).stdout


def state(ws: Workspace) -> tuple[str, str, str, list[str]]:
    """HEAD, the index, the status and the files on disk under the comments folder."""
    folder = ws.root / FOLDER
    files = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    return git(ws, "rev-parse", "HEAD"), git(ws, "ls-files", "-s"), git(ws, "status", "--porcelain", "-uall"), files


def sheet(tmp_path: Path, rows: int, name: str = "gop-y.csv", about: str = "phạm vi áp dụng") -> Path:
    path = tmp_path / name
    with path.open("w", encoding="utf-8") as handle:
        handle.write("by,on,text\n")
        for n in range(rows):
            handle.write(f"Ban {'AB'[n % 2]},{'general' if n % 3 else 'd1'},Ý kiến số {n} về {about}.\n")
    return path


def regdraft(ws: Workspace, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from regdraft.cli import main; main()", *args]
    return subprocess.run(command, cwd=ws.root, capture_output=True, text=True, env={**os.environ, **env},
                          timeout=300)


def test_a_sheet_is_read_a_row_at_a_time(tmp_path: Path) -> None:
    path = sheet(tmp_path, 60_000)
    assert path.stat().st_size > 3_000_000
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_sheet(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 60_000
    assert peak < 1_000_000  # a third of the file: never the whole file, nor its rows, in memory


def test_a_large_import_is_one_commit_through_git_calls_that_do_not_grow(
        ws: Workspace, invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import git as gitpython

    longest: list[int] = []
    execute = gitpython.cmd.Git.execute

    def counting(self: gitpython.cmd.Git, command: list[str], *args: object, **kwargs: object) -> object:
        # The `-c` settings every call carries (git_policy) aside: what grows would be the files named.
        longest.append(sum(1 for i, a in enumerate(command) if a != "-c" and (i == 0 or command[i - 1] != "-c")))
        return execute(self, command, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(gitpython.cmd.Git, "execute", counting)
    head = git(ws, "rev-parse", "HEAD")
    result = invoke(ws, "comment", "import", SLUG, str(sheet(tmp_path, 1_200)), "--json")
    assert result.exit_code == 0, result.output
    done = json.loads(result.output)
    assert done["count"] == 1_200 and len(done["imported"]) == 1_000
    assert git(ws, "rev-parse", "HEAD~1").strip() == head.strip()
    assert len(git(ws, "show", "--name-only", "--format=", "HEAD").split()) == 1_200
    assert git(ws, "status", "--porcelain", "-uall") == ""
    assert max(longest) < 20  # no git command line names the files one by one
    texts = sorted(c.text for c in rounds.load_comments(ws, SLUG))
    assert len(texts) == 1_200 and texts[0] == "Ý kiến số 0 về phạm vi áp dụng."

    # (new comments: rows that repeat comments already recorded are left alone)
    words = invoke(ws, "comment", "import", SLUG, str(sheet(tmp_path, 30, "more.csv", "đối tượng")))
    assert words.exit_code == 0, words.output
    assert "Imported 30 comments on mini-sua:" in words.output and "and 10 more" in words.output


def test_a_failure_while_writing_leaves_the_workspace_as_it_was(
        ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sheet(tmp_path, 300)
    readings = 0

    def failing_second_reading(source: Path) -> Iterator[tuple[int, dict[str, str]]]:
        nonlocal readings
        readings += 1
        for number, values in iter_sheet(source):
            if readings == 2 and number == 200:  # the sheet was changed between the two readings
                raise ParseError(f"{source.name}:{number}: the CSV cannot be read.")
            yield number, values

    monkeypatch.setattr(sheet_import, "iter_sheet", failing_second_reading)
    before = state(ws)
    with pytest.raises(RegdraftError, match="cannot be read"):
        sheet_import.import_comments(ws, SLUG, path)
    assert state(ws) == before
    assert not ws.journal.exists()


def test_an_import_refuses_a_comments_folder_with_untracked_files(ws: Workspace, tmp_path: Path) -> None:
    sheet_import.import_comments(ws, SLUG, sheet(tmp_path, 3))
    (ws.root / FOLDER / "nhap.yaml").write_text("by: x\n", encoding="utf-8")
    before = state(ws)
    # Refused, by the untracked file or by reading it as a comment: nothing is committed either way.
    with pytest.raises(RegdraftError, match="untracked files|nhap.yaml"):
        sheet_import.import_comments(ws, SLUG, sheet(tmp_path, 3, "b.csv"))
    assert state(ws) == before


@pytest.mark.parametrize(("point", "finished"), [("journal-written", False), ("file-partial", False),
                                                 ("file-written", False), ("committed", True)])
def test_a_killed_import_is_undone_or_finished_by_repair(ws: Workspace, tmp_path: Path, invoke: Invoke,
                                                         point: str, finished: bool) -> None:
    """Killed in a process of its own; the refused write and the repair run in this one (an exception failing the
    test), reading only what the kill left on disk."""
    path = sheet(tmp_path, 250)
    before = state(ws)
    killed = regdraft(ws, "comment", "import", SLUG, str(path), REGDRAFT_TEST_STOP_AT=point)
    assert killed.returncode == 137
    assert ws.journal.exists()
    refused = invoke(ws, "comment", "add", SLUG, "--by", "Ban A", "--on", "d1", "--text", "x", catch=False)
    assert refused.exit_code == 1 and "check --repair" in refused.stderr + refused.stdout

    repaired = invoke(ws, "check", "--repair", catch=False)
    assert not ws.journal.exists()
    if finished:
        assert "Finished the interrupted write 'Import 250 comments" in repaired.stdout
        assert git(ws, "rev-parse", "HEAD~1") == before[0]
        assert len(rounds.load_comments(ws, SLUG)) == 250
        assert git(ws, "status", "--porcelain", "-uall") == ""
    else:
        assert "by undoing it" in repaired.stdout and "left as they are" not in repaired.stdout
        assert state(ws) == before  # the half-made file too is gone


def test_while_an_import_waits_for_its_repair_every_command_says_so_in_one_line(ws: Workspace, tmp_path: Path,
                                                                               invoke: Invoke) -> None:
    # The refusal quoted the whole commit message and sent the drafter to `amend adopt --resume`, which has nothing
    # to resume after an import; `comment list` listed the half-imported comment as if nothing had happened.
    # Killed in a process of its own; the commands after it run in this one, reading what the kill left on disk.
    killed = regdraft(ws, "comment", "import", SLUG, str(sheet(tmp_path, 3)), REGDRAFT_TEST_STOP_AT="file-written")
    assert killed.returncode == 137
    refused = invoke(ws, "comment", "add", SLUG, "--by", "Ban A", "--on", "d1", "--text", "Một góp ý.", catch=False)
    assert refused.exit_code == 1 and "An earlier write to this workspace was interrupted: '" in refused.stderr
    assert "regdraft check --repair" in refused.stderr and "--resume" not in refused.stderr, refused.stderr
    (subject,) = [line for line in refused.stderr.splitlines() if "was interrupted" in line]  # one message
    assert subject.count("'") == 2  # the commit message's first line only
    listed = invoke(ws, "comment", "list", SLUG, catch=False)
    assert listed.exit_code == 0 and "Note: an earlier write was interrupted" in listed.stderr
    assert "regdraft check --repair" in listed.stderr
    checked = invoke(ws, "check", catch=False)
    assert "Note: an earlier write" not in checked.stderr and "was interrupted before it finished" in checked.stdout


def test_a_repair_removes_only_the_files_the_killed_import_wrote(ws: Workspace, tmp_path: Path,
                                                                invoke: Invoke) -> None:
    """Killed in a process of its own; the check and the repair run in this one, reading what it left on disk."""
    before = state(ws)
    killed = regdraft(ws, "comment", "import", SLUG, str(sheet(tmp_path, 250)), REGDRAFT_TEST_STOP_AT="file-written")
    assert killed.returncode == 137
    folder = ws.root / FOLDER
    (written,) = (p.name for p in folder.iterdir())  # killed after its first file
    named = [json.loads(line)[0] for line in ws.journal.new_files.read_text(encoding="utf-8").splitlines()]
    assert len(named) == 250 and f"{FOLDER}/{written}" in named
    # The drafter's own files, made before the repair: one of them under a name the import had chosen.
    (folder / "cafe.yaml").write_text("by: Ban A\n", encoding="utf-8")
    (folder / "notes-user.txt").write_text("ghi chú của tôi\n", encoding="utf-8")
    taken = next(n for n in named if not n.endswith(written))
    (ws.root / taken).write_text("by: chép tay\n", encoding="utf-8")
    assert "250 files new in" in invoke(ws, "check").stdout

    repaired = invoke(ws, "check", "--repair")
    assert "by undoing it" in repaired.stdout and "cafe.yaml" in repaired.stdout, repaired.stdout
    assert not ws.journal.exists() and not ws.journal.new_files.exists()
    assert not (folder / written).exists()
    assert (folder / "cafe.yaml").read_text(encoding="utf-8") == "by: Ban A\n"
    assert (folder / "notes-user.txt").read_text(encoding="utf-8") == "ghi chú của tôi\n"
    assert (ws.root / taken).read_text(encoding="utf-8") == "by: chép tay\n"
    assert state(ws)[:2] == before[:2]  # HEAD and the index as they were


def _meanwhile(monkeypatch: pytest.MonkeyPatch, act: Callable[[], None], then: BaseException | None = None) -> None:
    """Run `act` (the drafter at work) while the import writes its files, then raise `then`, if any."""
    readings = 0

    def reading(source: Path) -> Iterator[tuple[int, dict[str, str]]]:
        nonlocal readings
        readings += 1
        for number, values in iter_sheet(source):
            if readings == 2 and number == 150:
                act()
                if then is not None:
                    raise then
            yield number, values

    monkeypatch.setattr(sheet_import, "iter_sheet", reading)


def test_an_import_commits_its_own_files_and_not_the_drafters_changes_made_meanwhile(
        ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sheet_import.import_comments(ws, SLUG, sheet(tmp_path, 2, "first.csv", "thời hạn"))
    folder = ws.root / FOLDER
    mine = sorted(folder.iterdir())[0]
    edited = mine.read_text(encoding="utf-8") + "# sửa tay\n"

    def drafter() -> None:
        mine.write_text(edited, encoding="utf-8")
        (folder / "notes-user.txt").write_text("ghi chú\n", encoding="utf-8")

    _meanwhile(monkeypatch, drafter)
    done = sheet_import.import_comments(ws, SLUG, sheet(tmp_path, 300))
    committed = git(ws, "show", "--name-only", "--format=", "HEAD").split()
    assert len(committed) == done.count == 300
    assert f"{FOLDER}/{mine.name}" not in committed and f"{FOLDER}/notes-user.txt" not in committed
    assert mine.read_text(encoding="utf-8") == edited
    assert git(ws, "status", "--porcelain", "-uall").splitlines() == [
        f" M {FOLDER}/{mine.name}", f"?? {FOLDER}/notes-user.txt"]


def test_a_failed_import_keeps_the_files_the_drafter_made_meanwhile(
        ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = ws.root / FOLDER

    def drafter() -> None:
        (folder / "notes-user.txt").write_text("ghi chú\n", encoding="utf-8")

    _meanwhile(monkeypatch, drafter, KeyboardInterrupt())
    head = git(ws, "rev-parse", "HEAD")
    with pytest.raises(KeyboardInterrupt):
        sheet_import.import_comments(ws, SLUG, sheet(tmp_path, 300))
    assert git(ws, "rev-parse", "HEAD") == head and not ws.journal.exists()
    assert [p.name for p in folder.iterdir() if p.suffix == ".txt"] == ["notes-user.txt"]
    assert git(ws, "status", "--porcelain", "-uall") == f"?? {FOLDER}/notes-user.txt\n"
