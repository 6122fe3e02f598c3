"""Comment keys an older regdraft dropped from many files at once, from files with unusual names, and on purpose
(r40 sweep CG F3, F5, F6): what `check` costs does not grow with the files one commit touched, the warning names
them in one line, a path with a space or a line break is found, and a key written with no value says the loss was
meant."""

from __future__ import annotations

import subprocess

import pytest

from regdraft.workspace import restore_keys
from regdraft.workspace.dropped_keys import COMMENT_FILES, EXAMINED_FILE, NOTE_FILE
from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke
from tests.counting import git_processes
from tests.test_restore_dropped_keys import ANSWERED, BEFORE, PATH, _commit, _git

FOLDER = f"amendments/{SHIPPED_AMENDMENT}/comments"


def _many_lose_sequence(ws: Workspace, count: int) -> tuple[list[str], str]:
    """`count` comments holding `sequence:`, then one commit removing it from each; their paths and that commit."""
    paths = [f"{FOLDER}/{0xd400 + n:x}.yaml" for n in range(count)]
    (ws.root / FOLDER).mkdir(parents=True, exist_ok=True)
    for path in paths:
        (ws.root / path).write_text(BEFORE.replace("id: d31d", f"id: {path[-9:-5]}"), encoding="utf-8")
    _git(ws, "add", "--", *paths)
    _git(ws, "-c", "user.name=Lan", "-c", "user.email=l@example.org", "commit", "-qm", "Comments sent")
    for path in paths:
        (ws.root / path).write_text((ws.root / path).read_text(encoding="utf-8").replace("sequence: 2\n", ""),
                                    encoding="utf-8")
    _git(ws, "-c", "user.name=Minh", "-c", "user.email=m@example.org", "commit", "-qam", "Old build")
    return paths, _git(ws, "rev-parse", "HEAD")


def test_many_losses_of_one_commit_cost_one_git_log_and_are_named_in_one_warning(
        circulating: Workspace, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = circulating
    monkeypatch.setattr(restore_keys, "IN_MESSAGE", 2, raising=False)  # 3,000 named: too long for git
    paths, commit = _many_lose_sequence(ws, 6)
    with git_processes() as started:
        first = invoke(ws, "check")
    assert first.exit_code == 0, first.output
    assert len([argv for argv in started if argv[0] == "cat-file" and "--batch" in argv]) <= 5, started  # not a file
    with git_processes() as started:
        checked = invoke(ws, "check")
    assert not [argv for argv in started if argv[0] == "log" and "-p" in argv], started  # the same HEAD: kept
    _git(ws, "-c", "user.name=Lan", "-c", "user.email=l@example.org", "commit", "-q", "--allow-empty", "-m", "Later")
    with git_processes() as started:
        checked = invoke(ws, "check")
    warned = [line for line in checked.output.splitlines() if "lost sequence" in line]
    assert warned == [line for line in first.output.splitlines() if "lost sequence" in line]
    assert len(warned) == 1, checked.output
    assert warned[0].startswith(f"{paths[0]}:1: warning: 6 comments lost sequence in commit {commit[:8]} by Minh "), \
        warned[0]
    assert f"{paths[0]}, {paths[1]}, {paths[2]} and 3 more" in warned[0]
    # the files' history since the loss (the HEAD checked last): one git log of the comment files, not one per file
    span = f"{commit}..{_git(ws, 'rev-parse', 'HEAD')}"
    logs = [argv for argv in started if argv[0] == "log" and span in argv and COMMENT_FILES not in argv]
    assert len(logs) == 1, started
    assert logs[0][logs[0].index("--", logs[0].index(span)) + 1:] == [f":(literal){p}" for p in paths]
    assert len([argv for argv in started if argv[0] == "cat-file" and "--batch" in argv]) <= 3, started
    repaired = invoke(ws, "check", "--repair")
    assert repaired.exit_code == 0, repaired.output
    assert "and 3 more files." in repaired.output, repaired.output
    message = _git(ws, "log", "-1", "--format=%B")
    named = [f"{path} (sequence; dropped in {commit[:8]})" for path in paths[:2]]
    said = "; ".join([*named, "and 4 more files"])
    assert message.startswith(f"Put back comment keys an older regdraft dropped: {said}"), message
    assert all("sequence: 2\n" in (ws.root / path).read_text(encoding="utf-8") for path in paths)
    assert "lost sequence" not in invoke(ws, "check").output


def test_a_loss_in_a_file_whose_name_holds_a_space_or_a_line_break_is_named_once(circulating: Workspace,
                                                                                 invoke: Invoke) -> None:
    ws = circulating
    (ws.root / FOLDER).mkdir(parents=True, exist_ok=True)
    for name in ("d3 1d.yaml", "d3\n1e.yaml"):
        path = f"{FOLDER}/{name}"
        (ws.root / path).write_text(BEFORE, encoding="utf-8")
        _git(ws, "add", "--", path)
        _git(ws, "-c", "user.name=Lan", "-c", "user.email=l@example.org", "commit", "-qm", "Comment")
        (ws.root / path).write_text(ANSWERED, encoding="utf-8")
        _git(ws, "-c", "user.name=Minh", "-c", "user.email=m@example.org", "commit", "-qam", "Old build")
    for _ in range(2):  # examined from the start of history (nothing kept), then from what was kept
        checked = invoke(ws, "check")
        warned = [line for line in checked.output.splitlines() if " lost sequence, link, edited " in line]
        assert len(warned) == 2, checked.output  # a line each: the line break in a name is written `\\n`
        assert warned[0].startswith(f"{FOLDER}/d3 1d.yaml:1: warning: Comment d31d ({FOLDER}/d3 1d.yaml) lost"), warned
        assert warned[1].startswith(f'"{FOLDER}/d3\\n1e.yaml":1: warning: Comment d31d ("{FOLDER}/d3\\n1e.yaml") lost')
        (ws.root / ".git" / EXAMINED_FILE).unlink()
        (ws.root / ".git" / NOTE_FILE).unlink()


def test_a_key_written_with_no_value_says_its_loss_was_meant(circulating: Workspace, invoke: Invoke) -> None:
    ws = circulating
    _commit(ws, BEFORE, "Comment sent through the review pages")
    _commit(ws, ANSWERED, "Respond to comment d31d", by="Minh")
    checked = invoke(ws, "check").output
    assert "lost sequence, link, edited" in checked and "write it with no value (as `sequence: null`)" in checked
    _commit(ws, ANSWERED + "sequence: null\n", "The order of comment d31d was dropped on purpose")
    assert f"({PATH}) lost link, edited in commit" in invoke(ws, "check").output
    _commit(ws, ANSWERED, "Respond again (a rewrite drops the empty key)")  # the drafter's word still stands
    checked = invoke(ws, "check").output
    assert f"({PATH}) lost link, edited in commit" in checked and "Left sequence" not in checked, checked
    assert "sequence: 2" not in checked.split(f"({PATH}) lost")[1], checked
    subprocess.run(["git", "status"], cwd=ws.root, check=True, capture_output=True)
