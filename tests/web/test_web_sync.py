"""The review server on a workspace whose drafter runs `regdraft sync` (r24 h-office): a member's comment sent while
the sync's rebase runs waits for it and is recorded; git's reads take no index lock under the rebase; a replay git
left staged is finished by `sync --continue`; a refused form keeps what was typed."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from regdraft.workspace.rounds import add_comment
from regdraft.workspace.store import Workspace
from tests.web.conftest import BODIES, SLUG, client, comment_form, token

# Stands in for git (GitPython runs GIT_PYTHON_GIT_EXECUTABLE): the sync's rebase pauses after its first replayed
# commit (`exec` in its to-do list) until the test lets it go on: a rebase running, its `rebase-merge` folder there.
PAUSING_GIT = """#!/bin/sh
case " $* " in
  *" rebase --no-autostash "*)
    exec git -c "sequence.editor=sed -i '1a exec $PAUSE'" "$@" -i ;;
esac
exec git "$@"
"""
PAUSE = """#!/bin/sh
touch "$PAUSED"
while [ ! -e "$GO" ]; do sleep 0.05; done
"""


def git(where: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(where), *args], check=True, capture_output=True, text=True).stdout


def shared(review_ws: Workspace, tmp_path: Path) -> Workspace:
    """The review workspace shared through a bare remote; a colleague's clone sent a comment, and three of the
    drafter's own wait to be sent: the drafter's sync rebases them."""
    share = tmp_path / "share.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(share)], check=True)
    git(review_ws.root, "remote", "add", "origin", str(share))
    git(review_ws.root, "push", "-q", "-u", "origin", "main")
    other = tmp_path / "minh"
    subprocess.run(["git", "clone", "-q", str(share), str(other)], check=True)
    add_comment(Workspace(other), SLUG, BODIES[1], "d4", "Góp ý gửi từ máy khác.")
    git(other, "push", "-q", "origin", "main")
    for n in (1, 2, 3):
        add_comment(review_ws, SLUG, BODIES[2], "d9", f"Góp ý thứ {n} của văn phòng.")
    return review_ws


def pausing_sync(tmp_path: Path, where: Path) -> tuple[subprocess.Popen[str], Path, Path]:
    """`regdraft sync` in its own process, paused in its rebase; (the process, the file it makes when paused, the
    file that lets it go on)."""
    fake, pause = tmp_path / "git-pausing", tmp_path / "pause.sh"
    fake.write_text(PAUSING_GIT, encoding="utf-8")
    pause.write_text(PAUSE, encoding="utf-8")
    fake.chmod(0o755)
    pause.chmod(0o755)
    paused, go = tmp_path / "paused", tmp_path / "go"
    command = [sys.executable, "-c", "from regdraft.cli import main; main()", "sync", "-C", str(where)]
    env = {**os.environ, "GIT_PYTHON_GIT_EXECUTABLE": str(fake), "PAUSE": str(pause), "PAUSED": str(paused),
           "GO": str(go), "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    for _ in range(1200):
        if paused.exists() or process.poll() is not None:
            break
        threading.Event().wait(0.05)
    assert paused.exists(), process.communicate()
    return process, paused, go


def test_a_comment_sent_while_a_sync_rebases_waits_for_it_and_is_recorded(
        review_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sent while the sync's rebase ran, a comment was refused (409, "a sync stopped…", the typed text gone), and
    the server's `git status` under the rebase could stop it half way. Now it waits for the sync, then is recorded;
    the sync finishes."""
    import regdraft.web.server as web_server

    monkeypatch.setattr(web_server, "BUSY_WAIT", 120.0)  # the test lets the sync go on; the wait never runs out here
    ws = shared(review_ws, tmp_path)
    c = client(ws)
    csrf = token(c)
    process, _, go = pausing_sync(tmp_path, ws.root)
    assert (ws.root / ".git" / "rebase-merge").is_dir()
    answers: list[Any] = []
    sender = threading.Thread(target=lambda: answers.append(c.post(
        f"/a/{SLUG}/comments", data=comment_form(csrf, text="Gửi trong lúc đồng bộ UNIQ-SYNC-1"))))
    sender.start()
    sender.join(1.0)  # refused at once before; now it waits for the sync's lock
    waited = sender.is_alive()
    go.touch()
    out, err = process.communicate(timeout=120)
    sender.join(120)
    assert waited, answers[0].text if answers else ""
    assert process.returncode == 0, out + err
    assert answers[0].status_code == 303, answers[0].text
    assert not (ws.root / ".git" / "rebase-merge").exists()
    log = git(ws.root, "log", "--format=%s", "origin/main..HEAD")
    assert log.count("\n") == 1 and "Comment" in log  # only the server's comment is left to send
    assert "UNIQ-SYNC-1" in git(ws.root, "show", "HEAD")
    assert git(ws.root, "status", "--porcelain") == ""


def test_reading_the_status_leaves_the_index_alone(review_ws: Workspace) -> None:
    """A status that only reads refreshed git's index and wrote it back under `index.lock`: run beside a sync's
    rebase (the review server's conflict check, a reading command), it took the lock as git committed a replayed
    commit. Every git call now runs without optional locks."""
    target = review_ws.root / "regdraft.yaml"
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 10**9))  # same bytes, new time
    index = review_ws.root / ".git" / "index"
    before = index.stat()
    fresh = Workspace(review_ws.root)
    assert fresh.changed() == [] and fresh.dirty(["."]) == [] and fresh.untracked() == []
    after = index.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def stopped_with_replay_staged(ws: Workspace) -> str:
    """A rebase stopped as git's dies when it cannot take the index lock to commit a replay: the commit listed done,
    its file staged, no message kept (`git rebase --continue`: "could not commit staged changes"). Its id."""
    git(ws.root, "fetch", "-q", "origin")
    git(ws.root, "-c", "sequence.editor=sed -i '1i break'", "rebase", "-q", "-i", "origin/main")
    folder = ws.root / ".git" / "rebase-merge"
    todo = (folder / "git-rebase-todo").read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(todo) if line.startswith("pick"))
    pick = todo.pop(first)
    (folder / "git-rebase-todo").write_text("\n".join(todo) + "\n", encoding="utf-8")
    with open(folder / "done", "a", encoding="utf-8") as done:
        done.write(pick + "\n")
    sha = pick.split()[1]
    files = git(ws.root, "diff-tree", "-r", "--no-commit-id", "--name-only", sha).split()
    git(ws.root, "checkout", sha, "--", *files)
    assert not (folder / "message").exists() and git(ws.root, "diff", "--cached", "--name-only")
    return sha


def test_sync_continue_commits_a_replay_git_left_staged(review_ws: Workspace, tmp_path: Path) -> None:
    """`sync --continue` put the commit back in the to-do list and ran `git rebase --continue`, which failed on the
    staged replay every time: only `sync --abort` got out. The replay is committed as git would have (author,
    date, message), and the sync goes on; each comment is recorded once."""
    from regdraft.workspace.sync import continue_sync

    ws = shared(review_ws, tmp_path)
    mine = git(ws.root, "log", "--format=%an|%at|%s", "origin/main..HEAD").splitlines()
    stopped_with_replay_staged(ws)
    continue_sync(Workspace(ws.root))
    sent = git(ws.root, "log", "--format=%an|%at|%s", "origin/main").splitlines()
    assert all(sent.count(line) == 1 for line in mine), sent
    assert "Góp ý gửi từ máy khác." in git(ws.root, "log", "-p", "origin/main")
    assert git(ws.root, "status", "--porcelain") == "" and not (ws.root / ".git" / "rebase-merge").exists()


def test_a_sync_whose_git_stopped_without_a_conflict_goes_on(review_ws: Workspace, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """git's rebase could not take the index lock (another git held it a moment) and stopped with nothing in
    conflict: the sync stopped, saying "every conflict is resolved" or "interrupted". It goes on now."""
    from regdraft.workspace.store_sync import SharedHistory
    from regdraft.workspace.sync import sync

    ws = shared(review_ws, tmp_path)
    lock = ws.root / ".git" / "index.lock"
    real = SharedHistory._run_integration

    def locked_once(self: Any, command: str, *args: str) -> None:
        if command != "rebase" or args[0] != "--no-autostash":
            return real(self, command, *args)
        # After the first replay, another git holds the index lock while git replays the next: git stops.
        monkeypatch.setenv("GIT_SEQUENCE_EDITOR", f"sed -i '1a exec touch {lock}'")
        real(self, command, *args, "-i")
        assert (ws.root / ".git" / "rebase-merge").is_dir()  # git stopped with nothing in conflict
        lock.unlink()  # the other git is done

    monkeypatch.setattr(SharedHistory, "_run_integration", locked_once)
    report = sync(Workspace(ws.root))
    assert report.replayed == 3, report.lines()
    assert git(ws.root, "rev-parse", "HEAD") == git(ws.root, "rev-parse", "origin/main")
    assert git(ws.root, "status", "--porcelain") == ""


def test_a_form_sent_while_a_sync_is_stopped_keeps_what_was_typed(review_ws: Workspace, tmp_path: Path) -> None:
    """Refused while a sync was stopped, the page showed the reason and no form: the member's comment was gone.
    The comment and the wording are shown to copy, with the way back to the provision."""
    ws = shared(review_ws, tmp_path)
    c = client(ws)
    csrf = token(c)
    git(ws.root, "fetch", "-q", "origin")
    git(ws.root, "-c", "sequence.editor=sed -i '1i break'", "rebase", "-q", "-i", "origin/main")
    sent = c.post(f"/a/{SLUG}/comments", data=comment_form(csrf, text="Nội dung UNIQ-KEEP-3",
                                                          proposal="2. Đề xuất UNIQ-WORDING-3"))
    assert sent.status_code == 409
    assert "UNIQ-KEEP-3" in sent.text and "UNIQ-WORDING-3" in sent.text
    assert "#on-d5.k2" in sent.text and "Mở lại khoản 2 Điều 5" in sent.text


def test_a_form_that_waited_too_long_for_a_sync_says_to_send_it_again(review_ws: Workspace,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A sync holding the workspace past the wait: the form is refused in the page's words, to send again in a
    moment, everything typed shown; nothing is recorded."""
    import regdraft.web.server as web_server

    monkeypatch.setattr(web_server, "BUSY_WAIT", 0.2)
    monkeypatch.setenv("REGDRAFT_LOCK_TIMEOUT", "0.2")
    c = client(review_ws)
    csrf = token(c)
    before = git(review_ws.root, "rev-parse", "HEAD")
    with Workspace(review_ws.root).writing("sync"):
        sent = c.post(f"/a/{SLUG}/comments", data=comment_form(csrf, text="Nội dung UNIQ-BUSY-4"))
    assert sent.status_code == 409
    assert "UNIQ-BUSY-4" in sent.text
    assert "gửi lại" in sent.text and "đang đồng bộ" in sent.text
    assert git(review_ws.root, "rev-parse", "HEAD") == before
