"""Writes under faults and parallel use: the lock, exact restore, the journal, HEAD and git policy."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from regdraft.core.errors import StoreError
from regdraft.workspace import git_head, rounds
from regdraft.workspace.journal import WorkspaceLock
from regdraft.workspace.store import Workspace
from tests.conftest import Invoke

# The shipped draft is circulating and takes effect "kể từ ngày ký": adopted past those gates, with a reason.
FORCE_REASON = "test: crash-safe adoption"
ADOPT = ("amend", "adopt", "qc-sua-doi-2025", "--signed", "2025-10-20", "--effective", "2025-11-01", "--force",
         "--reason", FORCE_REASON)


def git(ws: Workspace, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=ws.root, check=True, capture_output=True, text=True).stdout


def state(ws: Workspace) -> tuple[str, str, str, str, str]:
    """HEAD, the index entries, the status, the tags and every file's content: 'exactly as it was'."""
    files = git(ws, "ls-files", "-s", "--others", "--modified")  # object ids of what is on disk too
    return (git(ws, "rev-parse", "HEAD"), git(ws, "ls-files", "-s"), git(ws, "status", "--porcelain", "-uall"),
            git(ws, "tag", "--list"), files + git(ws, "diff", "HEAD"))


def regdraft(ws: Workspace, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The real command line in its own process (so that it can be killed, or run in parallel)."""
    command = [sys.executable, "-c", "from regdraft.cli import main; main()", *args]
    return subprocess.run(command, cwd=ws.root, capture_output=True, text=True, env={**os.environ, **env},
                          timeout=300)


def leftovers(ws: Workspace) -> list[str]:
    return sorted(p.name for p in ws.root.rglob("*.regdraft-tmp"))


# -- one writer at a time ---------------------------------------------------------------------


def test_twenty_parallel_comment_writers_make_twenty_commits(mini_workspace: Workspace) -> None:
    ws = mini_workspace
    fixture = Path(__file__).resolve().parent / "fixtures" / "comments" / "amendment-1.md"
    ws.commit({"amendments/mini-sua/amendment.md": fixture.read_bytes()}, "Draft 1")
    rounds.open_round(ws, "mini-sua", "Lấy ý kiến", "2025-07-15", ["Ban A"])
    before = int(git(ws, "rev-list", "--count", "HEAD"))

    def add(n: int) -> subprocess.CompletedProcess[str]:
        return regdraft(ws, "comment", "add", "mini-sua", "--by", "Ban A", "--on", "d1", "--text", f"Ý kiến {n}.")

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(add, range(20)))
    assert [r.returncode for r in results] == [0] * 20, [r.stderr for r in results if r.returncode]
    assert not any("Traceback" in r.stderr for r in results)
    assert int(git(ws, "rev-list", "--count", "HEAD")) == before + 20
    assert len(list((ws.root / "amendments/mini-sua/comments").glob("*.yaml"))) == 20
    assert git(ws, "status", "--porcelain", "-uall") == ""


def test_a_writer_that_cannot_get_the_lock_says_so(mini_workspace: Workspace, invoke: Invoke,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REGDRAFT_LOCK_TIMEOUT", "0.2")
    before = state(mini_workspace)
    other = WorkspaceLock(mini_workspace.root / ".git" / "regdraft")
    with other.held("amend adopt in another window"):
        result = invoke(mini_workspace, "fmt", "--check")  # reading needs no lock
        assert result.exit_code == 0
        result = invoke(mini_workspace, "amend", "new", "mini-sua", "--regulation", "MINI-QC")
    assert result.exit_code == 1
    assert "Another regdraft command is writing to this workspace" in result.output
    assert "amend adopt in another window" in result.output and "Traceback" not in result.output
    assert state(mini_workspace) == before


# -- a failed write restores everything --------------------------------------------------------


def _allow_hooks(monkeypatch: pytest.MonkeyPatch, where: Path) -> None:
    """The user's own git settings let a workspace's `git_hooks: run` take effect."""
    settings = where / "user.gitconfig"
    settings.write_text("[regdraft]\n\trunHooks = true\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(settings))


def test_a_failed_commit_restores_index_and_work_tree_exactly(mini_workspace: Workspace,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    ws = mini_workspace
    (ws.root / "templates" / "staged.txt").write_text("staged\n")
    git(ws, "add", "templates/staged.txt")
    (ws.root / "templates" / "untracked.txt").write_text("untracked\n")
    (ws.root / "regdraft.yaml").write_text((ws.root / "regdraft.yaml").read_text() + "git_hooks: run\n")
    _allow_hooks(monkeypatch, ws.root.parent)
    hook = ws.root / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'the office hook says no' >&2\nexit 1\n")
    hook.chmod(0o755)
    ws = Workspace(ws.root)
    before = state(ws)
    with pytest.raises(StoreError, match="the office hook says no.*the workspace is as it was"):
        ws.commit({"regulations/NEW.md": b"new\n", "regulations/MINI-QC.md": b"changed\n"}, "Change")
    assert state(ws) == before
    assert not (ws.root / "regulations" / "NEW.md").exists() and leftovers(ws) == []
    assert not ws.journal.exists()


def test_a_full_disk_leaves_nothing_behind(mini_workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = mini_workspace
    before = state(ws)
    real = os.fdopen
    written: list[bytes] = []

    class FullDisk:
        """A file on a disk that fills up while the second file is written: part of it reaches the disk."""

        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            if data in (b"a\n", b"b\n") and written:
                self.handle.write(data[: len(data) // 2])
                self.handle.flush()
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            written.append(data)
            return int(self.handle.write(data))

        def flush(self) -> None:
            self.handle.flush()

        def fileno(self) -> int:
            return int(self.handle.fileno())

        def __getattr__(self, name: str) -> Any:  # a file only read (the format marker, read before each write)
            return getattr(self.handle, name)

    monkeypatch.setattr(os, "fdopen", lambda fd, *args, **kwargs: FullDisk(real(fd, *args, **kwargs)))
    with pytest.raises(StoreError, match="No space left on device.*the workspace is as it was"):
        ws.commit({"regulations/A.md": b"a\n", "regulations/B.md": b"b\n"}, "Two files")
    monkeypatch.undo()
    assert state(ws) == before and leftovers(ws) == [] and not ws.journal.exists()


# -- crash-safe adoption ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def adopted_tree(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The tree an uninterrupted adoption of the shipped amendment commits."""
    from regdraft.workspace.adoption import adopt
    from regdraft.workspace.store import init_workspace
    from tests.conftest import REPO_ROOT

    env = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path_factory.mktemp("home"))}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        ws = init_workspace(tmp_path_factory.mktemp("reference") / "ws", example_from=REPO_ROOT)
        adopt(ws, "qc-sua-doi-2025", "2025-10-20", "2025-11-01", force=FORCE_REASON)
        return git(ws, "rev-parse", "HEAD^{tree}").strip()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


RESUME = ("amend", "adopt", "qc-sua-doi-2025", "--resume")
REPAIR = ("check", "--repair")


@pytest.mark.parametrize(("point", "finish"), [
    ("journal-written", RESUME), ("file-written", REPAIR), ("file-written", RESUME), ("committed", RESUME),
    ("committed", REPAIR), ("tagged", REPAIR)])
def test_an_adoption_killed_at_any_point_is_finished_exactly(tmp_workspace: Workspace, adopted_tree: str,
                                                              invoke: Invoke, point: str,
                                                              finish: tuple[str, ...]) -> None:
    """Killed in a process of its own; what follows runs in this one (`invoke`), reading only what the kill left
    on disk."""
    ws = tmp_workspace
    start = git(ws, "rev-parse", "HEAD").strip()
    killed = regdraft(ws, *ADOPT, REGDRAFT_TEST_STOP_AT=point)
    assert killed.returncode == 137, killed.stderr
    if point == "tagged":
        # Killed after the last step: the journal is still there, the repair only forgets it.
        assert git(ws, "tag", "--list", "adopted/*").strip() == "adopted/05-QC-TU"
    checked = invoke(ws, "check")
    assert checked.exit_code == 1 and "was interrupted before it finished" in checked.stdout
    assert "regdraft check --repair" in checked.stdout
    refused = invoke(ws, "amend", "status", "qc-sua-doi-2025", "submitted")
    assert refused.exit_code == 1 and "An earlier write to this workspace was interrupted" in refused.stderr
    # One sentence: the adoption's first line (its message lists every instruction) and both ways to finish it.
    assert "regdraft amend adopt qc-sua-doi-2025 --resume" in refused.stderr, refused.stderr  # typed as shown
    assert "Điều" not in refused.stderr, refused.stderr
    done = invoke(ws, *finish)
    assert done.exit_code == 0 and "Finished the interrupted" in done.stdout, done.output  # no exception either
    assert git(ws, "rev-parse", "HEAD^{tree}").strip() == adopted_tree
    assert git(ws, "rev-parse", "HEAD~1").strip() == start
    assert git(ws, "tag", "--points-at", "HEAD").strip() == "adopted/05-QC-TU"
    assert git(ws, "status", "--porcelain", "-uall") == "" and not ws.journal.exists()
    assert "was interrupted" not in invoke(ws, "check").stdout


# Stands in for git: `git add` runs a clean filter (KILLER) on the files .git/info/attributes marks, which kills
# regdraft and that git (`kill -9`) while git holds its index lock: the lock is left, as a tester's `kill -9` left it.
GIT_KILLED_IN_ADD = """#!/bin/sh
case " $* " in
  *" add -A "*)
    export REGDRAFT_PID=$PPID
    exec git -c "filter.kill.clean=$KILLER" "$@" ;;
esac
exec git "$@"
"""
# Its sleep lets go of the pipes it shares with regdraft, so the test reads regdraft's end at once, not 2 s later.
KILLER = """#!/bin/sh
kill -9 "$REGDRAFT_PID" "$PPID"; exec sleep 2 </dev/null >/dev/null 2>&1
exec cat
"""


@pytest.mark.parametrize("finish", [RESUME, REPAIR])
def test_an_adoption_killed_with_its_git_is_finished_despite_the_lock_git_left(
        tmp_workspace: Workspace, adopted_tree: str, tmp_path: Path, invoke: Invoke, finish: tuple[str, ...]) -> None:
    """Both ways to finish it failed on git's `index.lock` ("File exists") until the drafter deleted it by hand."""
    ws = tmp_workspace
    fake, killer = tmp_path / "git-killed-in-add", tmp_path / "killer"
    for script, text in ((fake, GIT_KILLED_IN_ADD), (killer, KILLER)):
        script.write_text(text, encoding="utf-8")
        script.chmod(0o755)
    attributes = ws.root / ".git" / "info" / "attributes"
    attributes.parent.mkdir(exist_ok=True)
    attributes.write_text("* filter=kill\n", encoding="utf-8")
    killed = regdraft(ws, *ADOPT, GIT_PYTHON_GIT_EXECUTABLE=str(fake), KILLER=str(killer))
    attributes.unlink()
    assert killed.returncode == -9, killed.stderr
    assert (ws.root / ".git" / "index.lock").exists() and ws.journal.exists()
    done = invoke(ws, *finish)  # in this process: only what the kill left on disk is read
    assert done.exit_code == 0 and "Finished the interrupted" in done.stdout, done.stdout + done.stderr
    assert git(ws, "rev-parse", "HEAD^{tree}").strip() == adopted_tree
    assert git(ws, "tag", "--points-at", "HEAD").strip() == "adopted/05-QC-TU"
    assert git(ws, "status", "--porcelain", "-uall") == "" and not ws.journal.exists()
    assert not (ws.root / ".git" / "index.lock").exists()


# regdraft killed (as by `kill -9`) as it gives an output file its name: the file it wrote is left under its
# temporary name, as a tester's `kill -9` during `export` left it.
KILLED_AT_RENAME = """import os
real = os.replace
def killed(source, target, **where):
    if str(source).endswith(".regdraft-tmp"):
        os._exit(137)
    return real(source, target, **where)
os.replace = killed
from regdraft.cli import main
main()
"""


def test_a_file_an_export_killed_left_half_written_is_named_by_check_and_removed_by_the_repair(
        tmp_workspace: Workspace) -> None:
    """A 0-byte out/<name>.pdf.regdraft-tmp stayed, unmentioned, until an export to that very name. What is not
    regdraft's stays: a link, and a file a running process holds open (an export writing it)."""
    ws = tmp_workspace
    killed = subprocess.run([sys.executable, "-c", KILLED_AT_RENAME, "export", "01-QC/TU", "--format", "html"],
                            cwd=ws.root, capture_output=True, text=True, timeout=300)
    assert killed.returncode == 137, killed.stderr
    (left,) = [p.relative_to(ws.root).as_posix() for p in ws.root.rglob("*.regdraft-tmp")]
    assert left.startswith("out/01-QC-TU-hop-nhat-") and left.endswith(".html.regdraft-tmp"), left
    running, link = ws.root / "out" / "running.pdf.regdraft-tmp", ws.root / "out" / "link.pdf.regdraft-tmp"
    running.write_bytes(b"")
    link.symlink_to(ws.root / "regdraft.yaml")
    meant = left.removeprefix("out/").removesuffix(".regdraft-tmp")
    with running.open("rb"):  # an export still writing it
        checked = regdraft(ws, "check")
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert f"{left}: warning: an unfinished {meant}: regdraft was stopped while it wrote it" in checked.stdout, \
            checked.stdout
        assert "running.pdf" not in checked.stdout and "link.pdf" not in checked.stdout, checked.stdout
        repaired = regdraft(ws, "check", "--repair")
    assert f"Removed {left}, left half written by a regdraft that was stopped." in repaired.stdout, repaired.stdout
    assert leftovers(ws) == ["link.pdf.regdraft-tmp", "running.pdf.regdraft-tmp"]
    assert link.is_symlink() and (ws.root / "regdraft.yaml").is_file()


def test_a_file_an_export_to_another_folder_left_is_named_and_removed_and_nothing_else(
        tmp_workspace: Workspace, invoke: Invoke) -> None:
    """`export -o drafts/hop-nhat.html` killed before its rename left drafts/hop-nhat.html.regdraft-tmp, which
    `check` did not name nor `check --repair` remove: only out/ was looked in (carried). A user's file of another
    name, the repository's own folder and anything outside the workspace stay untouched. (Killed in a process of its
    own; the check and the repair run in this one, reading what it left on disk.)"""
    ws = tmp_workspace
    killed = subprocess.run([sys.executable, "-c", KILLED_AT_RENAME, "export", "01-QC/TU", "-o",
                             "drafts/ban-dich/hop-nhat.html"], cwd=ws.root, capture_output=True, text=True,
                            timeout=300)
    assert killed.returncode == 137, killed.stderr
    left = "drafts/ban-dich/hop-nhat.html.regdraft-tmp"
    assert (ws.root / left).is_file()
    mine = [ws.root / "drafts" / "ghi-chu.regdraft-tmp.txt", ws.root / "drafts" / ".regdraft-tmp",
            ws.root / ".git" / "x.pdf.regdraft-tmp", ws.root.parent / "ngoai.pdf.regdraft-tmp"]
    for path in mine:
        path.write_bytes(b"not regdraft's")
    checked = invoke(ws, "check", catch=False)
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    assert (f"{left}: warning: an unfinished hop-nhat.html: regdraft was stopped while it wrote it"
            in checked.stdout), checked.stdout
    assert "ghi-chu" not in checked.stdout and "x.pdf" not in checked.stdout and "ngoai" not in checked.stdout
    repaired = invoke(ws, "check", "--repair", catch=False)
    assert f"Removed {left}, left half written by a regdraft that was stopped." in repaired.stdout, repaired.stdout
    assert repaired.stdout.count("Removed ") == 1, repaired.stdout
    assert not (ws.root / left).exists() and all(path.read_bytes() == b"not regdraft's" for path in mine)


def test_a_file_an_export_is_writing_is_not_taken_for_a_leftover(tmp_workspace: Workspace) -> None:
    """A PDF takes seconds to render into its temporary file, closed meanwhile: a repair then removed it."""
    from regdraft.render.files import write_atomic
    from regdraft.workspace.stopped_writes import remove_leftovers

    output = tmp_workspace.root / "out" / "hop-nhat.pdf"
    seen: list[tuple[list[str], list[str]]] = []

    def render(path: Path) -> None:
        seen.append((tmp_workspace.leftover_files(), remove_leftovers(tmp_workspace)[0]))
        path.write_bytes(b"%PDF-1.7\n")

    write_atomic(output, render)
    assert seen == [([], [])] and output.read_bytes() == b"%PDF-1.7\n"


def test_resume_without_an_interrupted_adoption(tmp_workspace: Workspace, invoke: Invoke) -> None:
    result = invoke(tmp_workspace, "amend", "adopt", "qc-sua-doi-2025", "--resume")
    assert result.exit_code == 2 and "no interrupted adoption of 'qc-sua-doi-2025'" in result.output  # bad usage
    # The shipped draft is not signed yet (`signed: null`): the date must be given, and nothing is written.
    head = tmp_workspace.resolve("HEAD").sha
    result = invoke(tmp_workspace, "amend", "adopt", "qc-sua-doi-2025")
    assert result.exit_code == 2, result.output
    assert "amendments/qc-sua-doi-2025/amendment.md has no signing date: give the date it was signed" in result.output
    assert "--signed" in result.output and tmp_workspace.resolve("HEAD").sha == head


def test_a_repair_refuses_when_head_moved(tmp_workspace: Workspace, invoke: Invoke) -> None:
    ws = tmp_workspace
    assert regdraft(ws, *ADOPT, REGDRAFT_TEST_STOP_AT="journal-written").returncode == 137
    git(ws, "-c", "user.name=u", "-c", "user.email=u@x", "commit", "-q", "--allow-empty", "-m", "by hand")
    result = invoke(ws, "check", "--repair", catch=False)  # in this process (an exception fails the test)
    assert result.exit_code == 1 and "HEAD has moved since" in result.stderr
    assert ws.journal.exists()


# -- HEAD must be a branch ----------------------------------------------------------------------


def test_a_detached_head_is_refused_naming_the_fix(mini_workspace: Workspace, invoke: Invoke) -> None:
    git(mini_workspace, "checkout", "-q", "--detach")
    before = state(mini_workspace)
    result = invoke(mini_workspace, "amend", "new", "mini-sua", "--regulation", "MINI-QC")
    assert result.exit_code == 1 and "detached" in result.output and "git switch" in result.output
    assert state(mini_workspace) == before


def test_git_failing_to_read_head_is_not_called_a_detached_head(mini_workspace: Workspace, invoke: Invoke,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # A sweep saw from-edits say HEAD was detached, once, on a loaded machine where it never was: any failure of
    # `git symbolic-ref` was read as a detached HEAD. Only its exit status 1 (with -q) means that.
    import git as gitpython

    before = state(mini_workspace)

    def failing(self: object, *args: str) -> str:
        raise gitpython.GitCommandError(["git", "symbolic-ref", *args], 128, b"fatal: unable to read HEAD: busy")

    monkeypatch.setattr(gitpython.cmd.Git, "symbolic_ref", failing, raising=False)
    # HEAD's file is read first (`git_head`); git is asked when it says neither a branch nor a commit
    monkeypatch.setattr(git_head, "branch_named", lambda _git_dir: None)
    result = invoke(mini_workspace, "amend", "new", "mini-sua", "--regulation", "MINI-QC")
    assert result.exit_code == 1 and "detached" not in result.output, result.output
    assert "could not read which branch HEAD names" in result.output and "unable to read HEAD: busy" in result.output
    assert "Traceback" not in result.output
    assert state(mini_workspace) == before


def test_an_unborn_branch_is_refused(mini_workspace: Workspace) -> None:
    git(mini_workspace, "checkout", "-q", "--orphan", "fresh")
    with pytest.raises(StoreError, match="has no commits yet"):
        Workspace(mini_workspace.root).commit({"regulations/A.md": b"a\n"}, "A")


# -- git policy ---------------------------------------------------------------------------------


def test_fsmonitor_and_hooks_never_run_by_default(mini_workspace: Workspace, invoke: Invoke,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ws = mini_workspace
    marker = ws.root.parent / "ran"
    script = ws.root.parent / "monitor.sh"
    script.write_text(f"#!/bin/sh\necho fsmonitor >> {marker}\n")
    script.chmod(0o755)
    # In the user's own settings (the environment), which regdraft trusts; the repository's are refused
    # (tests/test_git_policy.py): still, it must not run.
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "core.fsmonitor")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", str(script))
    for name in ("post-commit", "pre-commit", "commit-msg", "post-checkout"):
        hook = ws.root / ".git" / "hooks" / name
        hook.write_text(f"#!/bin/sh\necho {name} >> {marker}\n")
        hook.chmod(0o755)
    assert invoke(ws, "check").exit_code == 0
    result = invoke(ws, "amend", "new", "mini-sua", "--regulation", "MINI-QC")
    assert result.exit_code == 0, result.output
    assert not marker.exists()


@pytest.mark.parametrize("allowed", [True, False])
def test_hooks_run_when_the_workspace_asks_and_the_user_allows(mini_workspace: Workspace, invoke: Invoke,
                                                               monkeypatch: pytest.MonkeyPatch, allowed: bool) -> None:
    """`git_hooks: run` alone would let a workspace received with its .git (hooks and regdraft.yaml alike) run
    its hooks: the user's own git settings must allow it (`regdraft.runHooks`)."""
    ws = mini_workspace
    if allowed:
        _allow_hooks(monkeypatch, ws.root.parent)
    marker = ws.root.parent / "ran"
    for name in ("pre-commit", "post-commit"):
        hook = ws.root / ".git" / "hooks" / name
        hook.write_text(f"#!/bin/sh\necho {name} >> {marker}\n")
        hook.chmod(0o755)
    config = ws.root / "regdraft.yaml"
    config.write_text(config.read_text() + "git_hooks: run\n")
    git(ws, "-c", "user.name=u", "-c", "user.email=u@x", "commit", "-qam", "run hooks", "--no-verify")
    marker.unlink()
    result = invoke(ws, "amend", "new", "mini-sua", "--regulation", "MINI-QC")
    assert result.exit_code == 0, result.output
    if allowed:
        assert marker.read_text().split() == ["pre-commit", "post-commit"]
        return
    assert not marker.exists()
    checked = invoke(ws, "check")
    assert ("regdraft.yaml:" in checked.output and "git_hooks: run asks for the repository's git hooks to run"
            in checked.output and "git config --global regdraft.runHooks true" in checked.output), checked.output


def _script(where: Path, marker: Path, word: str) -> str:
    """A program that leaves `word` in `marker` when run (and passes its input through, as a filter would)."""
    script = where / f"{word}.sh"
    script.write_text(f"#!/bin/sh\necho {word} >> {marker}\ncat\n")
    script.chmod(0o755)
    return str(script)


def test_a_repository_whose_settings_name_a_filter_is_refused(consulting_workspace: Workspace,
                                                              invoke: Invoke) -> None:
    # A workspace zipped with its .git: a committed .gitattributes names a filter its .git/config defines.
    ws = consulting_workspace
    marker = ws.root.parent / "ran"
    ws.commit({".gitattributes": b"*.md filter=x\n*.yaml diff=y\n"}, "attributes")
    git(ws, "config", "filter.x.clean", _script(ws.root.parent, marker, "clean"))
    git(ws, "config", "filter.x.smudge", _script(ws.root.parent, marker, "smudge"))
    git(ws, "config", "diff.y.textconv", _script(ws.root.parent, marker, "textconv"))
    later = (ws.root / "regulations" / "MINI-QC.md").stat().st_mtime + 10
    for path in (ws.root / "regulations").glob("*.md"):
        os.utime(path, (later, later))  # git must read the file again: through the filter
    for args in (("redline", "MINI-QC", "-o", str(ws.root.parent / "r.html")), ("check",),
                 ("amend", "new", "x", "--regulation", "MINI-QC"), ("comment", "list", "mini-sua")):
        result = invoke(ws, *args)
        assert result.exit_code == 1, result.output
        assert "filter.x.clean, filter.x.smudge, diff.y.textconv" in result.output
        assert "git config --file .git/config --unset-all filter.x.clean" in result.output
    assert not marker.exists() and not (ws.root.parent / "r.html").exists()
    for key in ("filter.x.clean", "filter.x.smudge", "diff.y.textconv"):
        git(ws, "config", "--file", ".git/config", "--unset-all", key)
    assert invoke(ws, "redline", "MINI-QC", "-o", str(ws.root.parent / "r.html")).exit_code == 0
    assert not marker.exists()


@pytest.mark.parametrize("key", ["gpg.program", "core.editor", "core.sshCommand", "credential.helper",
                                 "remote.origin.uploadpack", "merge.x.driver", "core.pager"])
def test_any_program_in_the_repository_settings_is_refused_by_name(mini_workspace: Workspace, invoke: Invoke,
                                                                   key: str) -> None:
    ws = mini_workspace
    included = ws.root / "more.gitconfig"  # a file the repository's settings include counts as theirs
    git(ws, "config", "include.path", str(included))
    git(ws, "config", "--file", str(included), key, _script(ws.root.parent, ws.root.parent / "ran", "x"))
    result = invoke(ws, "list")
    assert result.exit_code == 1 and key.lower() in result.output and str(included) in result.output, result.output


def test_signing_never_runs(mini_workspace: Workspace, invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = mini_workspace
    marker = ws.root.parent / "ran"
    git(ws, "config", "commit.gpgSign", "true")
    git(ws, "config", "tag.gpgSign", "true")
    # The signing program from the user's own settings (the environment), which regdraft trusts: it must not run.
    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "gpg.program")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", _script(ws.root.parent, marker, "gpg"))
    result = invoke(ws, "amend", "new", "mini-sua", "--regulation", "MINI-QC")
    assert result.exit_code == 0, result.output
    assert not marker.exists()
