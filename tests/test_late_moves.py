"""A comment keeps the commit that first recorded it through any moves of its file: its amendment's folder renamed
and renamed back, a cycle of folder names, the file alone renamed or moved to another folder and back (r26 sweep L,
defects 1 and 2: the rename back was named as the commit that recorded every comment, all of them late, and the
walk cost (2 × comments)² steps and a git process per comment). Made with real git commits in a workspace."""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from regdraft.workspace import rounds
from regdraft.workspace.late_comments import _additions, _Walk, late_comments, late_ids
from regdraft.workspace.store import Revision, Workspace

from .conftest import Invoke

SLUG = "mini-sua"
EARLY = "2025-07-20T09:00:00+07:00"
CLOSED = "2025-07-20T10:00:00+07:00"


def git(ws: Workspace, *args: str, when: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else None
    return subprocess.run(["git", "-c", "user.name=Lan", "-c", "user.email=lan@tinhuy.example", *args], cwd=ws.root,
                          check=True, capture_output=True, text=True, env=env).stdout


def _closed_with(ws: Workspace, monkeypatch: pytest.MonkeyPatch, many: int = 1) -> tuple[list[str], Revision]:
    """`many` comments recorded before the close, then the round closed: their paths and the commit of the last."""
    monkeypatch.setenv("GIT_AUTHOR_DATE", EARLY)
    monkeypatch.setenv("GIT_COMMITTER_DATE", EARLY)
    monkeypatch.setattr(rounds, "_now", lambda: EARLY)
    ids = [rounds.add_comment(ws, SLUG, "Ban A", "d1", f"Góp ý {n}.").id for n in range(many)]
    paths = [f"amendments/{SLUG}/comments/{i}.yaml" for i in ids]
    recorded = ws.log(paths[-1], limit=1)[0]
    monkeypatch.setenv("GIT_AUTHOR_DATE", CLOSED)
    monkeypatch.setenv("GIT_COMMITTER_DATE", CLOSED)
    monkeypatch.setattr(rounds, "_now", lambda: CLOSED)
    rounds.close_round(ws, SLUG)
    return paths, recorded


def _moved(ws: Workspace, moves: list[tuple[str, str]]) -> None:
    """Each move a `git mv` and a commit, each a year later."""
    for year, (source, target) in enumerate(moves, 2090):
        (ws.root / target).parent.mkdir(parents=True, exist_ok=True)
        git(ws, "mv", source, target)
        git(ws, "commit", "-q", "-m", f"Move {source} to {target}", when=f"{year}-01-01T00:00:00+07:00")


FOLDER = f"amendments/{SLUG}"
MOVES = {
    "folder renamed and renamed back": [(FOLDER, "amendments/x"), ("amendments/x", FOLDER)],
    "three folder names in a cycle": [(FOLDER, "amendments/x"), ("amendments/x", "amendments/y"),
                                      ("amendments/y", FOLDER)],
    "the file alone renamed and renamed back": [("{path}", f"{FOLDER}/comments/khac.yaml"),
                                                (f"{FOLDER}/comments/khac.yaml", "{path}")],
    "the file alone moved to another amendment and back": [("{path}", "amendments/other/comments/{name}"),
                                                           ("amendments/other/comments/{name}", "{path}")],
}


@pytest.mark.parametrize("moves", MOVES.values(), ids=MOVES.keys())
def test_a_comment_moved_away_and_back_keeps_the_commit_that_recorded_it(
        consulting_workspace: Workspace, invoke: Invoke, monkeypatch: pytest.MonkeyPatch,
        moves: list[tuple[str, str]]) -> None:
    # Walking the history newest first, the moves formed a cycle (the path moved from one moved from it): the commit
    # that recorded the comment was never reached, and the rename back was named instead: "recorded … in commit
    # <rename back> … after round 1 closed … or revert that commit"; `round show` counted its body as agreeing.
    ws = consulting_workspace
    (path,), recorded = _closed_with(ws, monkeypatch)
    name = path.rsplit("/", 1)[-1]
    _moved(ws, [(a.format(path=path, name=name), b.format(path=path, name=name)) for a, b in moves])
    assert _Walk(ws).added(path) == recorded
    assert _Walk(ws, ("amendments",)).added(path) == recorded
    checked = invoke(ws, "check")
    assert "was recorded on" not in checked.output and checked.exit_code == 0, checked.output
    shown = invoke(ws, "round", "show", SLUG)
    assert "Recorded late" not in shown.output and "replied 1" in shown.output, shown.output


def test_a_comment_deleted_and_added_again_is_recorded_by_the_commit_that_added_it_again(
        consulting_workspace: Workspace, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    # A comment's file deleted after the close and added again is recorded anew (the office may have closed the round
    # without it): late, naming the commit that added it again, not the later rename back of its folder.
    ws = consulting_workspace
    (path,), _ = _closed_with(ws, monkeypatch)
    git(ws, "rm", "-q", path)
    git(ws, "commit", "-q", "-m", "Withdraw it", when="2080-01-01T00:00:00+07:00")
    git(ws, "checkout", "HEAD~1", "--", path)
    git(ws, "commit", "-q", "-m", "Add it again", when="2081-01-01T00:00:00+07:00")
    again = ws.log(path, limit=1)[0]
    _moved(ws, MOVES["folder renamed and renamed back"])
    assert _Walk(ws).added(path) == again and _Walk(ws, ("amendments",)).added(path) == again
    checked = invoke(ws, "check")
    assert checked.exit_code == 1
    assert (f"was recorded on 2081-01-01T00:00:00+07:00 in commit {again.sha[:8]} by Lan, after round 1 closed "
            f"({CLOSED}). It is dated {EARLY}, but what counts is when it was recorded.") in \
        " ".join(checked.output.split()), checked.output


def _git_started(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """How many git commands `late_comments` and `late_ids` start (through `Workspace._query` and `_git`), and how
    many late comments they found."""
    calls: list[str] = []
    with monkeypatch.context() as patched:
        for name in ("_query", "_git"):
            original = getattr(Workspace, name)

            def counted(self: Workspace, command: str, *args: str, _original: object = original, **kw: object) -> str:
                calls.append(command)
                return str(_original(self, command, *args, **kw))  # type: ignore[operator]

            patched.setattr(Workspace, name, counted)
        problems = late_comments(ws)
        late = late_ids(ws, SLUG, rounds.find_round(ws, SLUG, 1), rounds.load_comments(ws, SLUG))
    return len(calls), len(problems) + len(late)


def test_comments_moved_away_and_back_cost_no_git_process_each(consulting_workspace: Workspace,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # Each comment the cycle hid was looked up by a `git log` of its own: 3,000 comments started 3,004 git processes.
    ws = consulting_workspace
    _closed_with(ws, monkeypatch, many=12)
    _moved(ws, MOVES["folder renamed and renamed back"])
    started, late = _git_started(ws, monkeypatch)
    # 2, and since r39 the `git diff` naming comment files deleted by mistake, once per reading outside a command's run
    assert started <= 4 and late == 0


class _Counted(str):
    """A path that counts how often it is looked up in a dict (its hash asked)."""

    looked_up = 0

    def __hash__(self) -> int:
        _Counted.looked_up += 1
        return str.__hash__(self)


def test_the_commits_that_recorded_files_moved_in_a_cycle_are_found_in_steps_linear_in_the_files() -> None:
    # Every file of a cycle walked `len(first)` steps: 3,000 comments renamed away and back took 36 million steps (15 s
    # for `check`). The history is walked once: a bounded number of look-ups per file a commit touched.
    def revision(n: int) -> Revision:
        return Revision(f"{n:040x}", "Lan", "2025-07-20", f"commit {n}", f"2025-07-20T0{n}:00:00+07:00")

    names = [f"c{n:03d}.yaml" for n in range(300)]

    def move(source: str, target: str) -> tuple[tuple[str, str, str], ...]:
        return tuple(entry for name in names for entry in (("D", _Counted(f"{source}/comments/{name}"), f"b{name}"),
                                                            ("A", _Counted(f"{target}/comments/{name}"), f"b{name}")))

    added = tuple(("A", _Counted(f"amendments/a/comments/{name}"), f"b{name}") for name in names)
    walked = [(revision(3), 1, move("amendments/x", "amendments/a")),
              (revision(2), 1, move("amendments/a", "amendments/x")), (revision(1), 1, added)]
    _Counted.looked_up = 0
    recorded = _additions(walked)
    assert {path: recorded[path] for path in recorded if path.startswith("amendments/a/")} == {
        f"amendments/a/comments/{name}": revision(1) for name in names}
    touched = sum(len(files) for _, _, files in walked)
    assert _Counted.looked_up <= 4 * touched, (_Counted.looked_up, touched)


def test_round_show_names_the_first_few_late_comments_and_how_many_more(
        consulting_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    # 3,001 late comments were printed on one line of 80 KB.
    ws = consulting_workspace
    (path,), _ = _closed_with(ws, monkeypatch)
    text = (ws.root / path).read_text(encoding="utf-8")
    ids = [f"k{n:03d}" for n in range(8)]  # recorded after the close, as another clone's comments synced in
    for late in ids:
        (ws.root / path).with_name(f"{late}.yaml").write_text(re.sub(r"(?m)^id: .*$", f"id: {late}", text), "utf-8")
    git(ws, "add", "-A")
    git(ws, "commit", "-q", "-m", "Late comments", when="2080-01-01T00:00:00+07:00")
    summary = rounds.summarise(ws, SLUG)
    assert summary.fields()["late"] == ids
    line = next(text for text in summary.lines(SLUG) if text.startswith("Recorded late"))
    assert line == ("Recorded late (after the close or the adoption), not counted as replies: 8 comments (k000 by "
                    "Ban A, k001 by Ban A, k002 by Ban A, k003 by Ban A, k004 by Ban A and 3 more).")
