"""A commit's subject and author may hold any byte git lets in (`\\x01`, a Unicode line break): the history is read
with every field whole (r28 sweep AD defect 2). `git log` was split on `\\x01`, so a commit subject `note \\x01
with\\x01broken` before a renamed amendment folder ended `check` and `round report` in a ValueError traceback and
the review pages in a 500."""

from __future__ import annotations

import subprocess

from regdraft.workspace.git_log import LogFormat
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

SUBJECT = "note \x01 with\x01broken \x1c and \x85 in it"
AUTHOR = "An\x01 \x1cBình"


def git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", "-c", "core.hooksPath=/dev/null", *args], cwd=ws.root, check=True,
                          capture_output=True, text=True).stdout


def _odd_commit_then_move(ws: Workspace) -> str:
    (ws.root / "notes.txt").write_text("x\n", encoding="utf-8")
    git(ws, "add", "notes.txt")
    git(ws, "-c", f"user.name={AUTHOR}", "-c", "user.email=an@x", "commit", "-q", "-m", SUBJECT)
    odd = git(ws, "rev-parse", "HEAD").strip()
    git(ws, "mv", "amendments/mini-sua", "amendments/mini-b")
    git(ws, "-c", "user.name=U", "-c", "user.email=u@x", "commit", "-q", "-m", "Move")
    return odd


def test_a_subject_or_author_with_control_bytes_reads_whole(consulting_workspace: Workspace,
                                                            invoke: Invoke) -> None:
    ws = consulting_workspace
    odd = _odd_commit_then_move(ws)
    checked = invoke(ws, "check")
    assert checked.exception is None or isinstance(checked.exception, SystemExit), checked.exception
    reported = invoke(ws, "round", "report", "mini-b", "-o", str(ws.root.parent / "report.html"))
    assert reported.exit_code == 0, reported.output
    fresh = Workspace(ws.root)
    (revision,) = fresh.log("notes.txt")
    assert (revision.sha, revision.subject, revision.author) == (odd, SUBJECT, AUTHOR)
    walked = {rev.sha: rev for rev, _, _ in fresh.history()}
    assert walked[odd].subject == SUBJECT and walked[odd].author == AUTHOR
    added = fresh.since_added("notes.txt")
    assert added is not None and added.revision.subject == SUBJECT
    (info,) = [c for c in fresh.commits(None, "HEAD") if c.sha == odd]
    assert (info.subject, info.author, info.files) == (SUBJECT, AUTHOR, (("A", "notes.txt"),))


def test_a_field_holding_the_separators_of_another_call_is_kept_whole() -> None:
    first, second = LogFormat("%H", "%s"), LogFormat("%H", "%s")
    forged = first.argument().removeprefix("--format=").replace("%H", "f" * 40).replace("%s", "forged")
    out = second.argument().removeprefix("--format=").replace("%H", "a" * 40).replace("%s", forged) + "\0\nA\0x\0"
    assert list(second.records(out)) == [(["a" * 40, forged], "\0\nA\0x\0")]
