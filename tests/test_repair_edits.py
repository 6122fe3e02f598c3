"""The repair of an interrupted write never writes over the drafter's edits, and git's stale index lock is named and
removed (r26 sweep P defects 1 and 4)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from regdraft.workspace import store_killed
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke


def git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, check=True, capture_output=True, text=True).stdout


def regdraft(ws: Workspace, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from regdraft.cli import main; main()", *args]
    return subprocess.run(command, cwd=ws.root, capture_output=True, text=True, env={**os.environ, **env},
                          timeout=300)


def killed_comment(ws: Workspace) -> str:
    """`comment add` killed after it wrote its file (as `kill -9` left it); the comment file's path."""
    killed = regdraft(ws, "comment", "add", "mini-sua", "--by", "Ban A", "--on", "d1", "--text", "Ý kiến gốc.",
                      REGDRAFT_TEST_STOP_AT="file-written")
    assert killed.returncode == 137, killed.stderr
    (path,) = ws.journal.read().changes
    assert path.startswith("amendments/mini-sua/comments/") and (ws.root / path).is_file()
    return path


@pytest.mark.parametrize("staged", [False, True])
def test_a_repair_refuses_over_a_comment_edited_after_the_kill(consulting_workspace: Workspace, invoke: Invoke,
                                                               staged: bool) -> None:
    """The secretary's correction of a comment a killed `comment add` left (staged, `git add` having run) was
    overwritten by `check --repair`, which said "Finished the interrupted write".

    Killed in a process of its own; the repairs run in this one (`invoke`, an exception failing the test), reading
    only what the kill left on disk."""
    ws = consulting_workspace
    path = killed_comment(ws)
    if staged:
        git(ws, "add", "--", path)
    head = git(ws, "rev-parse", "HEAD")
    comment = ws.root / path
    edited = comment.read_text(encoding="utf-8").replace("Ý kiến gốc.", "Nội dung đã sửa lại bởi thư ký")
    comment.write_text(edited, encoding="utf-8")
    refused = invoke(ws, "check", "--repair", catch=False)
    assert refused.exit_code == 1, refused.stdout + refused.stderr
    said = " ".join(refused.stderr.split())
    assert (f"You changed {path} while the write 'Comment " in said
            and "was stopped; finishing it would write over those changes, so nothing was changed. Copy the files "
                "aside and undo your changes (`git restore --source=HEAD --staged --worktree FILE`; a file git does "
                "not know: delete it), finish the write (`regdraft check --repair`), then make the changes again and "
                "commit them." in said), said
    assert comment.read_text(encoding="utf-8") == edited and ws.journal.exists()
    assert git(ws, "rev-parse", "HEAD") == head
    # The way on it names: the edit aside, the file undone, the write finished.
    aside = comment.read_bytes()
    if staged:
        git(ws, "restore", "--source=HEAD", "--staged", "--worktree", "--", path)
    else:
        comment.unlink()
    done = invoke(ws, "check", "--repair", catch=False)
    assert done.exit_code == 0 and "Finished the interrupted write 'Comment " in done.stdout, done.stderr
    assert "Ý kiến gốc." in git(ws, "show", f"HEAD:{path}") and not ws.journal.exists()
    comment.write_bytes(aside)
    assert git(ws, "status", "--porcelain") == f" M {path}\n"


def test_a_repair_finishes_over_files_as_head_or_the_journal_has_them(consulting_workspace: Workspace,
                                                                     invoke: Invoke) -> None:
    """Edits to files the journal does not name stay as they are; its own files, as it wrote them, are no edit.
    (The repair in this process: it reads only what the kill left on disk.)"""
    ws = consulting_workspace
    path = killed_comment(ws)
    git(ws, "add", "--", path)
    other = ws.root / "regulations" / "MINI-QC.md"
    other.write_text(other.read_text(encoding="utf-8") + "\nGhi chú tay.\n", encoding="utf-8")
    done = invoke(ws, "check", "--repair", catch=False)
    assert done.exit_code == 0 and "Finished the interrupted write" in done.stdout, done.stderr
    assert git(ws, "status", "--porcelain") == " M regulations/MINI-QC.md\n"
    assert path in git(ws, "show", "--name-only", "--format=", "HEAD")


# The shipped draft is circulating and takes effect "kể từ ngày ký": adopted past those gates, with a reason.
ADOPT = ("amend", "adopt", "qc-sua-doi-2025", "--signed", "2025-10-20", "--effective", "2025-11-01", "--force",
         "--reason", "test: an edit after the kill")


@pytest.mark.parametrize("finish", [("check", "--repair"), ("amend", "adopt", "qc-sua-doi-2025", "--resume")])
def test_an_adoption_killed_then_edited_by_hand_is_not_finished_over_the_edit(
        tmp_workspace: Workspace, invoke: Invoke, finish: tuple[str, ...]) -> None:
    """A hand fix to regulations/01-QC-TU.md made after `amend adopt` was killed was lost to the repair. (The finish
    runs in this process, an exception failing the test: it reads only what the kill left on disk.)"""
    ws = tmp_workspace
    killed = regdraft(ws, *ADOPT, REGDRAFT_TEST_STOP_AT="file-written")
    assert killed.returncode == 137, killed.stderr
    regulation = ws.root / "regulations" / "01-QC-TU.md"
    assert "regulations/01-QC-TU.md" in ws.journal.read().changes
    fixed = regulation.read_text(encoding="utf-8").replace("Điện Biên", "Điện Biên (sửa tay)", 1)
    assert "(sửa tay)" in fixed
    regulation.write_text(fixed, encoding="utf-8")
    head = git(ws, "rev-parse", "HEAD")
    refused = invoke(ws, *finish, catch=False)
    assert refused.exit_code == 1, refused.stdout + refused.stderr
    said = " ".join(refused.stderr.split())
    assert "You changed regulations/01-QC-TU.md while the write 'Adopt amendment" in said, said
    assert "so nothing was changed" in said and "amendment.md" not in said.split("while")[0], said
    assert regulation.read_text(encoding="utf-8") == fixed and ws.journal.exists()
    assert git(ws, "rev-parse", "HEAD") == head and git(ws, "tag", "--list", "adopted/*") == ""


# -- git's index lock left by a git stopped outside regdraft -------------------------------------------------


def test_a_stale_index_lock_is_named_by_check_removed_by_the_repair_and_explained_by_a_write(
        consulting_workspace: Workspace, invoke: Invoke) -> None:
    """`check` said "No problems found." and `check --repair` nothing to do while every write failed on it. (Each
    command in this process, an exception failing the test: no process is stopped here.)"""
    ws = consulting_workspace
    lock = ws.root / ".git" / "index.lock"
    lock.write_bytes(b"")
    head = git(ws, "rev-parse", "HEAD")
    failed = invoke(ws, "comment", "add", "mini-sua", "--by", "Ban A", "--on", "d1", "--text", "x", catch=False)
    said = " ".join(failed.stderr.split())
    assert failed.exit_code == 1, said
    assert ("The write failed: git's index lock .git/index.lock is there and no git process holds it (a git that "
            "was stopped left it), so every write to this workspace fails until `regdraft check --repair` removes "
            "it; then run the command again (the workspace is as it was)." in said), said
    assert "remove the file manually" not in said and git(ws, "rev-parse", "HEAD") == head
    checked = invoke(ws, "check", catch=False)
    assert checked.exit_code == 1, checked.stdout + checked.stderr
    assert (".git/index.lock: Git's index lock .git/index.lock is there and no git process holds it"
            in checked.stdout), checked.stdout
    repaired = invoke(ws, "check", "--repair", catch=False)
    assert repaired.exit_code == 0, repaired.stdout + repaired.stderr
    assert ("Removed .git/index.lock, git's index lock, which a git that was stopped had left: writes work again."
            in repaired.stdout), repaired.stdout
    assert not lock.exists() and "index.lock" not in invoke(ws, "check", catch=False).stdout
    added = invoke(ws, "comment", "add", "mini-sua", "--by", "Ban A", "--on", "d1", "--text", "x", catch=False)
    assert added.exit_code == 0, added.stderr


def test_an_index_lock_a_git_holds_is_named_as_held_and_left(consulting_workspace: Workspace, invoke: Invoke,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A git running now (an editor's `git commit` waiting for its message) holds it open: not removed."""
    ws = consulting_workspace
    monkeypatch.setattr(store_killed, "WAIT_FOR_GIT", 0.2)
    lock = ws.root / ".git" / "index.lock"
    lock.write_bytes(b"")
    with lock.open("rb"):  # held open, as git holds it
        checked = invoke(ws, "check", "--repair")
    assert ".git/index.lock: warning: Git's index lock .git/index.lock is held by a git process running now" \
        in checked.output, checked.output
    assert "Removed .git/index.lock" not in checked.output and lock.exists()


# -- an export to a folder outside the workspace, stopped ------------------------------------------------------


# regdraft sent SIGTERM (`kill`, `timeout`) as it gives an output file its name.
TERMINATED_AT_RENAME = """import os, signal
real = os.replace
def terminated(source, target, **where):
    if str(source).endswith(".regdraft-tmp"):
        os.kill(os.getpid(), signal.SIGTERM)
    return real(source, target, **where)
os.replace = terminated
from regdraft.cli import main
main()
"""


def test_an_export_outside_the_workspace_leaves_its_temporary_file_only_to_the_next_export(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    """`export -o ../desk/x.html` stopped left ../desk/x.html.regdraft-tmp. Terminated (SIGTERM) it removes it
    itself, as on Ctrl-C; left by `kill -9`, `check --repair` does not delete outside the workspace, and the next export
    to that path replaces it."""
    ws = tmp_workspace
    desk = ws.root.parent / "desk"
    desk.mkdir()
    output, left = desk / "x.html", desk / "x.html.regdraft-tmp"
    stopped = subprocess.run([sys.executable, "-c", TERMINATED_AT_RENAME, "export", "01-QC/TU", "-o", str(output)],
                             cwd=ws.root, capture_output=True, text=True, timeout=300)
    # Handled as Ctrl-C (r39 sweep BY F4): the sentence, and 128 + SIGTERM; it died of the signal before.
    assert stopped.returncode == 143, stopped.stderr
    assert stopped.stderr == "Interrupted before anything was changed; run the command again when you are ready.\n"
    assert not left.exists() and not output.exists()
    left.write_bytes(b"")  # as `kill -9` leaves it
    repaired = invoke(ws, "check", "--repair")  # in this process: it reads only what was left on disk
    assert left.exists() and "x.html" not in repaired.stdout, repaired.stdout
    exported = invoke(ws, "export", "01-QC/TU", "-o", str(output))
    assert exported.exit_code == 0, exported.stderr
    assert output.is_file() and not left.exists()


@pytest.mark.parametrize("named", ["../victim.txt", "/tmp/victim.txt", "amendments/../../victim.txt"])
def test_a_journal_naming_a_file_outside_the_workspace_is_unreadable(consulting_workspace: Workspace,
                                                                     invoke: Invoke, named: str) -> None:
    # Sweep r26/T: a received workspace's journal naming ../victim.txt made `check --repair` read that file and say
    # "You changed ../victim.txt … delete it". Such a journal is refused as unreadable before anything is read.
    import base64
    import json

    ws = consulting_workspace
    head = git(ws, "rev-parse", "HEAD").strip()
    ws.journal.path.parent.mkdir(parents=True, exist_ok=True)
    ws.journal.path.write_text(json.dumps({"head": head, "branch": "main", "message": "Comment x", "tag": None,
                                           "changes": {named: base64.b64encode(b"x").decode()}}), encoding="utf-8")
    repaired = invoke(ws, "check", "--repair")
    assert "cannot be read" in repaired.output and "outside the workspace" in repaired.output, repaired.output
    assert "You changed" not in repaired.output and "Traceback" not in repaired.output


def test_an_index_lock_that_is_a_folder_is_named_and_not_promised_to_the_repair(consulting_workspace: Workspace,
                                                                                invoke: Invoke) -> None:
    # Sweep r26/T: `check` said `check --repair` removes it; the repair then failed with "Is a directory".
    ws = consulting_workspace
    (ws.git_dir() / "index.lock").mkdir()
    (ws.git_dir() / "index.lock" / "x").write_text("x", encoding="utf-8")
    checked = invoke(ws, "check")
    assert "is not a file (a folder or a link)" in checked.output and "--repair` removes it" not in checked.output
    repaired = invoke(ws, "check", "--repair")
    assert "Is a directory" not in repaired.output and "Traceback" not in repaired.output, repaired.output
    assert (ws.git_dir() / "index.lock" / "x").is_file()


@pytest.mark.parametrize("how", ["relative", "absolute", "dotted", "other folder"])
def test_a_new_files_journal_naming_a_file_outside_its_folder_removes_nothing(
        consulting_workspace: Workspace, invoke: Invoke, tmp_path_factory: pytest.TempPathFactory, how: str) -> None:
    # Sweep r27/W: the paths of a write of new files (`journal-new-files`) were not checked: a received workspace's
    # journal naming ../.bashrc with the distribution's digest had `check --repair` delete it (and its `.tmp`
    # neighbour with no check at all), then end in a traceback. Such a journal is refused as unreadable.
    import hashlib
    import json

    ws = consulting_workspace
    outside = tmp_path_factory.mktemp("outside") / "victim.txt"
    outside.write_bytes(b"a user's file\n")
    (outside.parent / ".victim.txt.regdraft-tmp").write_bytes(b"x")
    inside = ws.root / "regulations" / "x.md"
    inside.write_bytes(b"a drafter's file\n")
    named = {"relative": os.path.relpath(outside, ws.root), "absolute": str(outside),
             "dotted": "amendments/qc-sua-doi-2025/comments/../../../" + os.path.relpath(outside, ws.root),
             "other folder": "regulations/x.md"}[how]
    head = git(ws, "rev-parse", "HEAD").strip()
    ws.journal.path.parent.mkdir(parents=True, exist_ok=True)
    ws.journal.path.write_text(json.dumps({"head": head, "branch": "main", "message": "Import comments",
                                           "tag": None, "new_in": "amendments/qc-sua-doi-2025/comments",
                                           "changes": {}}), encoding="utf-8")
    target = inside if how == "other folder" else outside
    ws.journal.new_files.write_text(json.dumps([named, hashlib.sha256(target.read_bytes()).hexdigest()]) + "\n",
                                    encoding="utf-8")
    checked = invoke(ws, "check")
    assert "cannot be read" in checked.output and "outside" in checked.output, checked.output
    repaired = invoke(ws, "check", "--repair")
    assert "cannot be read" in repaired.output and "Traceback" not in repaired.output, repaired.output
    assert outside.read_bytes() == b"a user's file\n" and (outside.parent / ".victim.txt.regdraft-tmp").exists()
    assert inside.read_bytes() == b"a drafter's file\n"


def test_a_new_files_journal_naming_a_file_through_a_link_removes_nothing_outside(
        consulting_workspace: Workspace, invoke: Invoke, tmp_path_factory: pytest.TempPathFactory) -> None:
    # Sweep r27/W: inside the folder by name, outside through a link in it: the repair removes nothing there.
    import hashlib
    import json

    ws = consulting_workspace
    outside = tmp_path_factory.mktemp("outside") / "victim.txt"
    outside.write_bytes(b"a user's file\n")
    (outside.parent / ".victim.txt.regdraft-tmp").write_bytes(b"x")
    (ws.root / "amendments/qc-sua-doi-2025/comments").mkdir(parents=True, exist_ok=True)
    (ws.root / "amendments/qc-sua-doi-2025/comments/lnk").symlink_to(outside.parent, target_is_directory=True)
    head = git(ws, "rev-parse", "HEAD").strip()
    ws.journal.path.parent.mkdir(parents=True, exist_ok=True)
    ws.journal.path.write_text(json.dumps({"head": head, "branch": "main", "message": "Import comments",
                                           "tag": None, "new_in": "amendments/qc-sua-doi-2025/comments",
                                           "changes": {}}), encoding="utf-8")
    ws.journal.new_files.write_text(json.dumps(["amendments/qc-sua-doi-2025/comments/lnk/victim.txt",
                                                hashlib.sha256(outside.read_bytes()).hexdigest()]) + "\n",
                                    encoding="utf-8")
    repaired = invoke(ws, "check", "--repair")
    assert "Traceback" not in repaired.output, repaired.output
    assert outside.read_bytes() == b"a user's file\n" and (outside.parent / ".victim.txt.regdraft-tmp").exists()
