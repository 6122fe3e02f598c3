"""The rounds of an amendment whose folder moved many times are read with one walk back through its moves, of a
few git processes (r27 sweep W, defect 3): `check` walked the whole chain of moves again for every round, each walk
one `git log` and one `git diff-tree` per move (200 moves and 200 rounds: 132 s). Real git commits in a temporary
workspace; git processes and walks are counted, never time."""

from __future__ import annotations

import subprocess
from collections import Counter
from typing import Any

import pytest

from regdraft.workspace import moved_files
from regdraft.workspace.moved_files import read_at
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke

MOVES = 5
FOLDERS = [SHIPPED_AMENDMENT, *(f"{SHIPPED_AMENDMENT}-{n}" for n in range(1, MOVES + 1))]
NOW = f"amendments/{FOLDERS[-1]}/amendment.md"


def _git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Lan", "-c", "user.email=lan@tinhuy.example", *args], cwd=ws.root,
                          check=True, capture_output=True, text=True).stdout


def _moved_with_rounds(ws: Workspace) -> list[str]:
    """The folder moved `MOVES` times (`git mv`, committed), a closed round opened before each move: the revisions of
    the rounds, oldest first."""
    revisions = []
    for old, new in zip(FOLDERS, FOLDERS[1:], strict=False):
        revisions.append(_git(ws, "rev-parse", "HEAD").strip())
        _git(ws, "mv", f"amendments/{old}", f"amendments/{new}")
        _git(ws, "commit", "-q", "-m", f"Đổi tên thư mục thành {new}")
    rounds = ws.root / "amendments" / FOLDERS[-1] / "rounds"
    rounds.mkdir()
    for number, revision in enumerate(revisions, 1):
        (rounds / f"{number}.yaml").write_text(
            f"number: {number}\ntitle: Vòng {number}\ndue: '2099-12-31'\nconsulted:\n- Bộ Tư pháp\n"
            f"revision: {revision}\ndraft: 2\nstatus: closed\nopened: '2026-01-0{number}T00:00:00+00:00'\n"
            f"closed: '2026-01-0{number}T12:00:00+00:00'\n", encoding="utf-8")
    _git(ws, "add", "-A")
    _git(ws, "commit", "-q", "-m", "Các vòng lấy ý kiến")
    return revisions


def _counting(monkeypatch: pytest.MonkeyPatch) -> tuple[Counter[str], list[str]]:
    """The walks back through a file's moves asked for to read it at a revision (`moved_files.earlier_paths`, by
    path), and the git commands started, counted."""
    walks: Counter[str] = Counter()
    started: list[str] = []
    earlier, query = moved_files.earlier_paths, Workspace._query

    def walked(ws: Workspace, relative: str) -> list[str]:
        walks[relative] += 1
        return earlier(ws, relative)

    def queried(self: Workspace, command: str, *args: str, **kw: Any) -> str:
        started.append(command)
        return query(self, command, *args, **kw)

    monkeypatch.setattr(moved_files, "earlier_paths", walked)
    monkeypatch.setattr(Workspace, "_query", queried)
    return walks, started


def test_check_walks_a_moved_amendments_moves_once_for_all_its_rounds(tmp_workspace: Workspace, invoke: Invoke,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    ws = tmp_workspace
    revisions = _moved_with_rounds(ws)
    walks, _ = _counting(monkeypatch)
    checked = invoke(ws, "check")
    assert "No problems found" in checked.output and checked.exit_code == 0, checked.output
    assert walks == {NOW: 1}  # was one for each round: 5
    assert [read_at(ws, NOW, revision)[0] for revision in revisions] == [
        f"amendments/{folder}/amendment.md" for folder in FOLDERS[:-1]]
    assert walks == {NOW: 1}  # the paths found kept, from the same HEAD


def test_a_walk_back_through_many_moves_starts_a_few_git_processes(tmp_workspace: Workspace,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    ws = tmp_workspace
    revisions = _moved_with_rounds(ws)
    _, started = _counting(monkeypatch)
    paths = [path for _, path in ws.log_paths(NOW)]
    assert list(dict.fromkeys(paths)) == [f"amendments/{folder}/amendment.md" for folder in reversed(FOLDERS)]
    # One git log of the path, one diff-tree of the commit that renamed it there, one git log of the history before:
    # whatever the number of moves (was a git log and a diff-tree for each move, 12 here).
    assert Counter(started) == {"log": 2, "diff-tree": 1}
    assert [revision.sha for revision, _ in ws.log_paths(NOW, limit=3)] == _git(  # the last three moves
        ws, "log", "--format=%H", "-n3", "HEAD~1").split()
    read, reads = Workspace.read, Counter[str]()

    def counted(self: Workspace, relative: str, rev: str | None = None) -> bytes:
        reads[relative] += rev is not None
        return read(self, relative, rev)

    monkeypatch.setattr(Workspace, "read", counted)
    found = [read_at(ws, NOW, revision)[0] for revision in revisions]
    assert found == [f"amendments/{folder}/amendment.md" for folder in FOLDERS[:-1]]
    # At each revision, the path now (not there), then the one found: each earlier path was read in turn, newest
    # first (5 + 15 reads here, 20,000 for 200 rounds).
    assert sum(reads.values()) == 2 * len(revisions) and reads[NOW] == len(revisions)


def test_a_history_with_a_merge_is_walked_path_by_path(tmp_workspace: Workspace) -> None:
    # `git log -- path` follows one side of a merge, which one walk of the history in order does not say: a history
    # with a merge before the moves is walked as before, one path at a time, and finds the same paths.
    ws = tmp_workspace
    _git(ws, "switch", "-q", "-c", "ben")
    (ws.root / "ghi-chu.md").write_text("Ghi chú.\n", encoding="utf-8")
    _git(ws, "add", "ghi-chu.md")
    _git(ws, "commit", "-q", "-m", "Ghi chú")
    _git(ws, "switch", "-q", "-")
    _git(ws, "merge", "-q", "--no-ff", "-m", "Gộp", "ben")
    revisions = _moved_with_rounds(ws)
    entries = ws.log_paths(NOW)
    assert list(dict.fromkeys(path for _, path in entries)) == [
        f"amendments/{folder}/amendment.md" for folder in reversed(FOLDERS)]
    assert [revision.sha for revision, _ in entries[:MOVES]] == _git(ws, "log", "--format=%H", f"-n{MOVES}",
                                                                    "HEAD~1").split()
    assert [read_at(ws, NOW, revision)[0] for revision in revisions] == [
        f"amendments/{folder}/amendment.md" for folder in FOLDERS[:-1]]
