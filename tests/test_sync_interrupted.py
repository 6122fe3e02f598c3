"""`regdraft sync` killed while git rebases, on another branch, with its remote gone: two clones (Lan's and Minh's)
of one bare repository on a file share, as a tester found them. Whatever happens, every commit made on either
machine ends on the remote."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import SHIPPED_AMENDMENT, Invoke, built_once, copied_folder, run_cli

# Stands in for git (GitPython runs GIT_PYTHON_GIT_EXECUTABLE): the sync's rebase runs with `exec <KILL_AND_WAIT>
# <regdraft>` after the pick KILL_AFTER_PICK names (sed's address: 1, 2, $ for the last). regdraft dies as by
# `kill -9`; git goes on until it next writes to the pipe regdraft read (its "Rebasing (2/3)" before the next pick, or
# "Successfully rebased" once it has moved the branch), and dies there, as it did for the tester.
FAKE_GIT = """#!/bin/sh
case " $* " in
  *" rebase --no-autostash "*)
    exec git -c "sequence.editor=sed -i '${KILL_AFTER_PICK}a exec $KILL_AND_WAIT $PPID'" "$@" -i ;;
esac
exec git "$@"
"""
# The rebase's `exec`: `kill -9` the process named, and end only once it has died, its files closed (a zombie, state
# Z in /proc, or gone). `kill` returns as soon as the signal is sent: on a busy machine git went on, wrote its next
# words into the pipe of a regdraft not yet dead, and finished the whole rebase (the state under test never arose).
KILL_AND_WAIT = """#!/bin/sh
kill -9 "$1"
while state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) && [ "${state%% *}" != Z ]; do
  sleep 0.01
done
"""
IDENTITY = "--format=%an%x00%ae%x00%at%x00%B%x01"


def git(where: Path, *args: str) -> str:
    """Run git in a clone and return its output."""
    return subprocess.run(["git", "-C", str(where), *args], check=True, capture_output=True, text=True).stdout


def made(where: Path, rev: str = "HEAD") -> set[str]:
    """Every commit of `rev` by what a rebase keeps of it: author, date and message."""
    return {c.strip() for c in git(where, "log", IDENTITY, rev).split("\x01") if c.strip()}


def _office(folder: Path) -> None:
    """In `folder`: the remote (a bare repository), Lan's clone, which shared it, and Minh's, which joined; a round is
    open."""
    share, lan, minh = folder / "share.git", folder / "lan", folder / "minh"
    subprocess.run(["git", "init", "-q", "--bare", str(share)], check=True)
    assert run_cli(None, "init", "--example", str(lan), "--remote", str(share)).exit_code == 0
    opened = run_cli(lan, "round", "open", SHIPPED_AMENDMENT, "--due", "2099-03-15", "--consult", "Ban Kinh tế",
                     "--consult", "Huyện ủy Nậm Pồ")
    assert opened.exit_code == 0, opened.output
    assert run_cli(lan, "sync").exit_code == 0
    assert run_cli(None, "clone", str(share), str(minh)).exit_code == 0
    for name, where in (("Lan", lan), ("Minh", minh)):
        git(where, "config", "user.name", name)
        git(where, "config", "user.email", f"{name.lower()}@vptu.example")


@pytest.fixture(scope="session")
def office_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_once(tmp_path_factory, "sync-office", _office)


@pytest.fixture
def office(office_built: Path, tmp_path: Path) -> dict[str, Path]:
    """The remote (a bare repository), Lan's clone, which shared it, and Minh's, which joined; a round is open. A copy
    of the three `_office` built once a process (0.45 s of CPU), each clone's remote the copy's."""
    for name in ("share.git", "lan", "minh"):
        copied_folder(office_built / name, tmp_path / name)
    for clone in ("lan", "minh"):
        git(tmp_path / clone, "remote", "set-url", "origin", str(tmp_path / "share.git"))
    return {"share": tmp_path / "share.git", "lan": tmp_path / "lan", "minh": tmp_path / "minh"}


def comment(invoke: Invoke, where: Path, by: str, text: str) -> None:
    added = invoke(where, "comment", "add", SHIPPED_AMENDMENT, "--by", by, "--on", "d12.k1", "--text", text)
    assert added.exit_code == 0, added.output


def both_worked(invoke: Invoke, office: dict[str, Path]) -> set[str]:
    """Lan records a comment and sends it; Minh records three: what both made, for `made`."""
    comment(invoke, office["lan"], "Ban Kinh tế", "Góp ý của Ban Kinh tế.")
    assert invoke(office["lan"], "sync").exit_code == 0
    for n in (1, 2, 3):
        comment(invoke, office["minh"], "Huyện ủy Nậm Pồ", f"Góp ý thứ {n} của huyện.")
    return made(office["lan"]) | made(office["minh"])


def killed_sync(tmp_path: Path, where: Path, after_pick: str) -> None:
    """`regdraft sync` in its own process, killed (`kill -9`) while git rebases, after the pick named."""
    fake, kill = tmp_path / "git-then-kill", tmp_path / "kill-and-wait"
    for script, text in ((fake, FAKE_GIT), (kill, KILL_AND_WAIT)):
        script.write_text(text, encoding="utf-8")
        script.chmod(0o755)
    command = [sys.executable, "-c", "from regdraft.cli import main; main()", "sync", "-C", str(where)]
    killed = subprocess.run(command, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "GIT_PYTHON_GIT_EXECUTABLE": str(fake), "KILL_AFTER_PICK": after_pick,
                                 "KILL_AND_WAIT": str(kill)})
    assert killed.returncode == -9, killed.stderr
    # The git the kill orphaned goes on until its next write to the closed pipe: waited for, so that what the test
    # does next does not race it (an `--abort` run while it still finished the rebase found HEAD moved, once).
    git_ended(where)
    assert (where / ".git" / "rebase-merge").is_dir()  # git left its rebase behind


def git_ended(where: Path) -> None:
    """Wait until the git a killed sync left in `where` has ended: it goes on until its next write to the closed
    pipe, and a copy taken meanwhile held a rebase half written (a test replayed three commits origin already had,
    once, on a busy machine)."""
    deadline = time.monotonic() + 60
    while running_in(where):
        assert time.monotonic() < deadline, "the killed sync's git did not end"
        time.sleep(0.05)


def running_in(where: Path) -> bool:
    """Whether a git the killed sync left is still working in `where` (Linux's /proc; GitPython's `cat-file`
    readers of this test's own process aside)."""
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and os.readlink(proc / "cwd") == str(where) and \
                    b"cat-file" not in (proc / "cmdline").read_bytes():
                return True
        except OSError:
            continue
    return False


def everything_arrived(office: dict[str, Path], made_here: set[str]) -> None:
    """Every commit made on either machine is on the remote, and Minh's clone is where the remote is."""
    assert made_here <= made(office["share"], "main")
    assert git(office["minh"], "rev-parse", "HEAD") == git(office["share"], "rev-parse", "main")
    assert git(office["minh"], "status", "--porcelain") == ""
    assert not (office["minh"] / ".git" / "rebase-merge").exists()


@pytest.mark.parametrize("after_pick", ["1", "2"])
def test_a_sync_killed_as_git_begins_to_replay_a_commit_loses_none(tmp_path: Path, office: dict[str, Path],
                                                                   invoke: Invoke, after_pick: str) -> None:
    """git lists a commit as done before it replays it; killed there, `git rebase --continue` went on without it:
    `sync --continue` dropped one of Minh's comments, said "nothing to send" and pushed nothing."""
    made_here = both_worked(invoke, office)
    killed_sync(tmp_path, office["minh"], after_pick)
    assert git(office["minh"], "status", "--porcelain") == ""
    finished = invoke(office["minh"], "sync", "--continue")
    assert finished.exit_code == 0, finished.output
    assert "interrupted" not in finished.output, finished.output  # asked to finish it, it says what it sent
    assert f"To origin: 3 comments from Huyện ủy Nậm Pồ on {SHIPPED_AMENDMENT}." in finished.output, finished.output
    assert "Your 3 commits were replayed" in finished.output, finished.output
    everything_arrived(office, made_here)
    listed = invoke(office["lan"], "sync").output + invoke(office["lan"], "comment", "list", SHIPPED_AMENDMENT).output
    assert all(f"Góp ý thứ {n} của huyện." in listed for n in (1, 2, 3)), listed


@pytest.mark.parametrize("after_pick", ["1", "2"])
def test_a_plain_sync_finishes_a_sync_killed_while_git_replayed(tmp_path: Path, office: dict[str, Path],
                                                               invoke: Invoke, after_pick: str) -> None:
    """No conflict waits: `sync` told the user to run `sync --continue` (exit 1); it now does what that does, and
    says so in one sentence."""
    made_here = both_worked(invoke, office)
    killed_sync(tmp_path, office["minh"], after_pick)
    finished = invoke(office["minh"], "sync")
    assert finished.exit_code == 0, finished.output
    lines = finished.output.splitlines()
    assert lines[0] == "Finished the sync that was interrupted while git was bringing your work and the remote's " \
        "together.", finished.output
    assert f"To origin: 3 comments from Huyện ủy Nậm Pồ on {SHIPPED_AMENDMENT}." in lines, finished.output
    assert "Your 3 commits were replayed on top of the work from origin (rebase)." in lines, finished.output
    everything_arrived(office, made_here)


def test_a_plain_sync_stopped_on_a_conflict_still_says_to_finish_it(office: dict[str, Path], invoke: Invoke) -> None:
    """A sync stopped on a conflict: it waits for the user (resolved or not), so `sync` goes on saying how to finish
    or undo it, and changes nothing."""
    lan, minh = office["lan"], office["minh"]
    path = f"amendments/{SHIPPED_AMENDMENT}/amendment.md"
    for where, words in ((lan, "Văn phòng Tỉnh ủy"), (minh, "Ban Tổ chức Tỉnh ủy")):
        text = (where / path).read_text(encoding="utf-8")
        (where / path).write_text(text.replace("Xét đề nghị của Ban Thường vụ Tỉnh ủy,", f"Xét đề nghị của {words},"),
                                  encoding="utf-8")
        git(where, "commit", "-q", "-am", f"Sửa: {words}")
    assert invoke(lan, "sync").exit_code == 0
    stopped = invoke(minh, "sync")
    assert stopped.exit_code == 1 and (minh / ".git" / "rebase-merge").is_dir(), stopped.output
    head = git(minh, "rev-parse", "HEAD")
    again = invoke(minh, "sync")
    assert again.exit_code == 1 and "sync --continue" in again.output and "Finished" not in again.output
    assert git(minh, "rev-parse", "HEAD") == head and (minh / ".git" / "rebase-merge").is_dir()
    assert invoke(minh, "resolve", path, "--ours").exit_code == 0  # resolved, not yet finished: still the advice
    resolved = invoke(minh, "sync")
    assert resolved.exit_code == 1 and "sync --continue" in resolved.output, resolved.output
    assert invoke(minh, "sync", "--continue").exit_code == 0


@pytest.mark.parametrize("then", [("sync",), ("sync", "--continue")])
def test_a_sync_killed_once_git_moved_the_branch_is_finished(tmp_path: Path, office: dict[str, Path],
                                                             invoke: Invoke, then: tuple[str, ...]) -> None:
    """Killed at the very end, git had moved main but left its rebase: `sync --continue` said to run itself again,
    `git rebase --continue` failed ("cannot lock ref"). Either command now clears it and sends the work."""
    made_here = both_worked(invoke, office)
    killed_sync(tmp_path, office["minh"], "$")
    finished = invoke(office["minh"], *then)
    assert finished.exit_code == 0, finished.output
    assert finished.output.startswith("Finished the sync that was interrupted") == (then == ("sync",))
    assert f"To origin: 3 comments from Huyện ủy Nậm Pồ on {SHIPPED_AMENDMENT}." in finished.output, finished.output
    assert git(office["minh"], "symbolic-ref", "HEAD").strip() == "refs/heads/main"
    everything_arrived(office, made_here)


def test_undoing_a_sync_killed_once_git_moved_the_branch_speaks_of_no_conflict(
        tmp_path: Path, office: dict[str, Path], invoke: Invoke) -> None:
    made_here = both_worked(invoke, office)
    before = git(office["minh"], "rev-parse", "HEAD")
    killed_sync(tmp_path, office["minh"], "$")
    undone = invoke(office["minh"], "sync", "--abort")
    assert undone.exit_code == 0, undone.output
    assert "conflict" not in undone.output, undone.output
    assert git(office["minh"], "rev-parse", "HEAD") == before
    assert invoke(office["minh"], "sync").exit_code == 0
    everything_arrived(office, made_here)


def test_a_rebase_git_started_is_finished_and_the_work_sent(office: dict[str, Path], invoke: Invoke) -> None:
    """A rebase started with git itself, left unfinished: `sync --continue` finished it and reported "nothing to
    send" (Minh's branch ahead of origin by three commits, none pushed)."""
    made_here = both_worked(invoke, office)
    git(office["minh"], "fetch", "-q", "origin")
    git(office["minh"], "-c", "sequence.editor=sed -i '1a break'", "rebase", "-q", "-i", "origin/main")
    finished = invoke(office["minh"], "sync", "--continue")
    assert finished.exit_code == 0, finished.output
    assert "nothing to send" not in finished.output, finished.output
    assert f"To origin: 3 comments from Huyện ủy Nậm Pồ on {SHIPPED_AMENDMENT}." in finished.output, finished.output
    everything_arrived(office, made_here)


# Stands in for git: the sync's rebase runs with a smudge filter (KILLER) on the file .git/info/attributes marks.
KILLING_GIT = """#!/bin/sh
case " $* " in
  *" rebase --no-autostash "*)
    export REGDRAFT_PID=$PPID
    exec git -c "filter.kill.smudge=$KILLER" "$@" ;;
esac
exec git "$@"
"""
# The filter: the KILL_AT-th time git writes the file, it kills regdraft and git (`kill -9`); git dies mid-checkout,
# the files before it switched, its lock left. Other times the file is written as it is. Its sleep lets go of the
# pipes it shares with regdraft, so the test reads regdraft's end at once, not the filter's 9 s later.
KILLER = """#!/bin/sh
echo >> "$0.count"
if [ "$(wc -l < "$0.count")" -ge "$KILL_AT" ]; then
  kill -9 "$REGDRAFT_PID" "$PPID"; exec sleep 9 </dev/null >/dev/null 2>&1
fi
exec cat
"""


def killed_in_checkout(tmp_path: Path, where: Path, path: str, at: int) -> None:
    """`regdraft sync` in its own process, killed with git as git writes `path` for the `at`-th time in the rebase."""
    fake, killer = tmp_path / "git-killed-in-checkout", tmp_path / "killer"
    for script, text in ((fake, KILLING_GIT), (killer, KILLER)):
        script.write_text(text, encoding="utf-8")
        script.chmod(0o755)
    attributes = where / ".git" / "info" / "attributes"
    attributes.parent.mkdir(exist_ok=True)
    attributes.write_text(f"/{path} filter=kill\n", encoding="utf-8")
    command = [sys.executable, "-c", "from regdraft.cli import main; main()", "sync", "-C", str(where)]
    killed = subprocess.run(command, capture_output=True, text=True, timeout=120, env={
        **os.environ, "GIT_PYTHON_GIT_EXECUTABLE": str(fake), "KILLER": str(killer), "KILL_AT": str(at)})
    attributes.unlink()
    assert killed.returncode == -9, killed.stderr
    assert (where / ".git" / "rebase-merge").is_dir() and (where / ".git" / "index.lock").exists()


@pytest.mark.parametrize("files", ["replayed", "remote's"])
def test_a_sync_killed_while_git_switches_files_is_finished(tmp_path: Path, office: dict[str, Path], invoke: Invoke,
                                                             files: str) -> None:
    """Killed while git wrote the files of a replayed commit (or the remote's, before replaying any), git left its
    index lock and the files half switched: `sync --continue` and `sync --abort` took them for the drafter's edits
    and refused, `git restore` failed on the lock. The drafter's own edit made afterwards is still refused."""
    minh = office["minh"]
    made_here = both_worked(invoke, office)
    amendment, regulation = f"amendments/{SHIPPED_AMENDMENT}/amendment.md", "regulations/01-QC-TU.md"
    texts = {amendment: "Xét đề nghị của Ban Tổ chức Tỉnh ủy,", regulation: "\nGhi chú của Minh.\n",
             "ghi-chu.txt": "Việc cần làm.\n"}
    for path, words in texts.items():  # one commit of three files: git writes them in this order
        before = (minh / path).read_text(encoding="utf-8") if path != "ghi-chu.txt" else ""
        changed = before.replace("Xét đề nghị của Ban Thường vụ Tỉnh ủy,", words) if path == amendment else \
            before + words
        assert changed != before
        (minh / path).write_text(changed, encoding="utf-8")
    git(minh, "add", ".")
    git(minh, "commit", "-q", "-m", "Minh sửa tay ba tệp")
    made_here |= made(minh)
    wanted = {path: (minh / path).read_bytes() for path in texts}
    lans = git(office["lan"], "show", "--format=", "--name-only", "HEAD").split()[0]  # Lan's comment, new to Minh
    # Minh's regulation is written twice: going to Lan's files, then replaying Minh's commit.
    killed_in_checkout(tmp_path, minh, regulation if files == "replayed" else lans, 2 if files == "replayed" else 1)
    if files == "replayed":  # killed after writing the first file of Minh's commit, as it wrote the second
        assert (minh / amendment).read_bytes() == wanted[amendment]
        assert not (minh / regulation).exists() or (minh / regulation).read_bytes() != wanted[regulation]
    else:  # killed going to Lan's files: Minh's amendment switched, his regulation not yet
        assert (minh / amendment).read_bytes() != wanted[amendment]
        assert (minh / regulation).read_bytes() == wanted[regulation]
    notes = minh / "regulations" / "01-QC-TU-EN.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "\nMinh.\n", encoding="utf-8")  # an edit of Minh's own
    for step in ("--continue", "--abort"):
        refused = invoke(minh, "sync", step)
        assert refused.exit_code == 1, refused.output
        assert "You changed regulations/01-QC-TU-EN.md while" in " ".join(refused.output.split()), refused.output
        assert notes.read_text(encoding="utf-8").endswith("\nMinh.\n")
    git(minh, "restore", "regulations/01-QC-TU-EN.md")  # the lock is gone: git works again
    finished = invoke(minh, "sync", "--continue")
    assert finished.exit_code == 0, finished.output
    assert "To origin: 3 comments from Huyện ủy Nậm Pồ" in finished.output, finished.output
    everything_arrived(office, made_here)
    for path, data in wanted.items():  # no file lost, none half written
        assert (minh / path).read_bytes() == data
        assert git(office["share"], "show", f"main:{path}").encode("utf-8") == data
    assert (minh / lans).is_file()


def test_sync_on_another_branch_is_refused_in_one_sentence(office: dict[str, Path], invoke: Invoke) -> None:
    """On a branch of one's own, sync pushed it to the shared remote as a new branch and listed the whole history
    as sent."""
    minh = office["minh"]
    git(minh, "switch", "-q", "-c", "lan-nhap")
    comment(invoke, minh, "Huyện ủy Nậm Pồ", "Bản nháp riêng.")
    refused = invoke(minh, "sync")
    assert refused.exit_code == 1
    assert refused.output.strip() == (
        "Error: This workspace is on the branch lan-nhap, but `regdraft sync` shares only main with the office: "
        "switch back with `git switch main` (and bring the work of lan-nhap in there with `git merge lan-nhap` if "
        "it is to be shared), then sync again; nothing was sent."), refused.output
    assert "lan-nhap" not in git(office["share"], "branch", "--list")
    # Set to be shared under its own name (`git push -u origin lan-nhap`), the branch syncs.
    git(minh, "config", "branch.lan-nhap.remote", "origin")
    git(minh, "config", "branch.lan-nhap.merge", "refs/heads/lan-nhap")
    assert invoke(minh, "sync").exit_code == 0
    assert git(office["share"], "rev-parse", "lan-nhap") == git(minh, "rev-parse", "HEAD")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("where", ["missing", "refused"])
def test_a_remote_that_cannot_be_reached_is_said_in_one_sentence(tmp_path: Path, office: dict[str, Path],
                                                                 invoke: Invoke, where: str) -> None:
    """The error was git's stderr, `stderr: 'fatal: …'` and all, in --json too."""
    url = str(tmp_path / "missing.git") if where == "missing" else f"git://127.0.0.1:{free_port()}/office.git"
    git(office["minh"], "remote", "set-url", "origin", url)
    comment(invoke, office["minh"], "Huyện ủy Nậm Pồ", "Góp ý.")
    why = "there is no repository there" if where == "missing" else "the host could not be reached"
    said = f"Cannot reach the remote origin ({url}): {why}; nothing was changed."
    plain = invoke(office["minh"], "sync")
    assert plain.exit_code == 1 and plain.output.strip() == f"Error: {said}", plain.output
    as_json = invoke(office["minh"], "sync", "--json")
    assert json.loads(as_json.output)["error"] == said, as_json.output


def test_files_regdraft_does_not_know_are_counted_in_plain_english(office: dict[str, Path], invoke: Invoke) -> None:
    """The sync's summary said "2 others file change"; past five files they are counted, a few are named."""
    lan = office["lan"]
    for name in ("ghi-chu.txt", "lich-hop.txt", *(f"ban-{n}.txt" for n in range(4))):
        (lan / name).write_text("Ghi chú.\n", encoding="utf-8")
    git(lan, "add", ".")
    git(lan, "commit", "-q", "-m", "Notes")
    said = invoke(lan, "sync")
    assert "To origin: 6 other file changes." in said.output, said.output


def interrupted_sync(where: Path, at: str) -> str:
    """`regdraft sync` in its own process, stopped by Ctrl-C (a real SIGINT) at the point named: its one sentence."""
    command = [sys.executable, "-c", "from regdraft.cli import main; main()", "sync", "-C", str(where)]
    stopped = subprocess.run(command, capture_output=True, text=True, timeout=120,
                             env={**os.environ, "REGDRAFT_TEST_INTERRUPT_AT": at})
    assert stopped.returncode == 130 and len(stopped.stderr.splitlines()) == 1, stopped.stdout + stopped.stderr
    return stopped.stderr.strip()


@pytest.mark.parametrize("at", ["integrated", "sent", "reported"])
def test_a_sync_stopped_by_ctrl_c_once_it_rebased_or_sent_says_so(office: dict[str, Path], invoke: Invoke,
                                                                   at: str) -> None:
    """Stopped once main was rebased, or once the work was pushed (and while the sync said what it sent), it said
    "Interrupted before anything was changed", and the next sync said only "To origin: nothing to send"."""
    lan, minh = office["lan"], office["minh"]
    comment(invoke, lan, "Ban Kinh tế", "Góp ý của Ban Kinh tế.")
    assert invoke(lan, "sync").exit_code == 0
    comment(invoke, minh, "Huyện ủy Nậm Pồ", "Góp ý của huyện.")
    made_here = made(lan) | made(minh)
    before = git(minh, "rev-parse", "HEAD")
    said = interrupted_sync(minh, at)
    assert git(minh, "rev-parse", "HEAD") != before  # rebased onto Lan's comment
    if at == "integrated":
        assert said == "Interrupted after your work was rebased onto the work from origin before it was sent; " \
            "nothing is lost: run `regdraft sync` to finish the sync.", said
    else:
        assert said == "Interrupted after the sync had sent your work to origin (your work was rebased onto the " \
            "work from origin first): origin has it, and nothing is lost; `regdraft sync` says what it sent.", said
    finished = invoke(minh, "sync")
    assert finished.exit_code == 0, finished.output
    mine = f"1 comment from Huyện ủy Nậm Pồ on {SHIPPED_AMENDMENT}"
    if at == "integrated":
        assert f"To origin: {mine}." in finished.output, finished.output
    else:
        assert f"Your work was sent by the interrupted sync: {mine}. origin has it." in finished.output, \
            finished.output
    everything_arrived(office, made_here)


def test_a_sync_killed_with_no_conflict_is_never_said_to_have_had_one(tmp_path: Path, office: dict[str, Path],
                                                                      invoke: Invoke,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed while git replayed (no conflict), every command said "every conflict is resolved", and the sync that
    finished it in a copy of the clone (its work sent meanwhile from the other) said "the conflict was settled with
    origin's work"."""
    import shutil

    minh = office["minh"]
    made_here = both_worked(invoke, office)
    killed_sync(tmp_path, minh, "1")
    refused = invoke(minh, "comment", "list", SHIPPED_AMENDMENT)
    assert refused.exit_code == 1, refused.output
    said = " ".join(refused.output.split())
    assert "A sync stopped while replaying your work on top of the shared remote's (rebase); it was interrupted, " \
        "not stopped by a conflict, and nothing is lost." in said, said
    assert "every conflict is resolved" not in said, said
    copy = tmp_path / "minh-copy"
    git_ended(minh)
    shutil.copytree(minh, copy, symlinks=True)
    finished = invoke(minh, "sync", "--continue")
    assert finished.exit_code == 0 and "conflict" not in finished.output, finished.output
    everything_arrived(office, made_here)
    # The copies replay Minh's commits at another time than Minh did: within the same second git makes the very same
    # commits, and there is then nothing to drop (what this test is about), so it passed or failed by the clock.
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2030-01-01T00:00:00+0700")
    for step in (("sync", "--continue"), ("sync",)):
        again = tmp_path / f"minh-{step[-1].strip('-')}"
        shutil.copytree(copy, again, symlinks=True)
        done = invoke(again, *step)
        assert done.exit_code == 0, done.output
        assert "conflict" not in done.output, done.output
        assert "Nothing of yours was left to replay: origin already had the same changes." in done.output, \
            done.output


def test_ctrl_c_that_stopped_gits_own_reader_still_says_what_the_sync_left(tmp_workspace: Workspace) -> None:
    """Ctrl-C during a sync's fetch stops GitPython's `cat-file` with the command (one process group): reading HEAD
    through it then failed with a broken pipe, and the message fell back to "Interrupted; see what it left with
    `regdraft check`", though nothing had changed (about one Ctrl-C in four in the office's term)."""
    from regdraft.workspace import interrupts

    ws = Workspace(tmp_workspace.root)
    interrupts.begin()
    try:
        interrupts.note(ws)
        interrupts.syncing(ws, "origin", "main", ws.head() or "")
        ws.resolve("HEAD")  # starts it (HEAD itself is read from git's files now: `git_head`)
        reader = ws.repo.git.cat_file_header
        assert reader is not None
        reader.proc.kill()
        reader.proc.wait()
        said = interrupts.left_behind()
    finally:
        interrupts.begin()
    assert said == "Interrupted before anything was changed; run the command again when you are ready."


def test_a_copy_finishing_the_same_sync_within_the_same_second_says_it_sent_nothing(
        tmp_path: Path, office: dict[str, Path], invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two copies of Minh's clone finish one killed sync within the same second (here: at one committer date): git
    makes the very same commits in both, and the second said "To origin: 3 comments …" that origin had already."""
    import shutil

    minh = office["minh"]
    both_worked(invoke, office)
    killed_sync(tmp_path, minh, "1")
    copy = tmp_path / "minh-copy"
    git_ended(minh)
    shutil.copytree(minh, copy, symlinks=True)
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2030-01-01T00:00:00+0700")
    sent = f"To origin: 3 comments from Huyện ủy Nậm Pồ on {SHIPPED_AMENDMENT}."
    first = invoke(minh, "sync", "--continue")
    assert first.exit_code == 0 and sent in first.output.splitlines(), first.output
    second = invoke(copy, "sync", "--continue")
    assert second.exit_code == 0, second.output
    assert git(copy, "rev-parse", "HEAD") == git(office["share"], "rev-parse", "main")  # the very same commits
    assert sent not in second.output.splitlines(), second.output
    assert "To origin: nothing to send." in second.output.splitlines(), second.output
