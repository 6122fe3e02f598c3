"""Ctrl-C: a real SIGINT sent to regdraft (and to the git it runs) at chosen points of a command. Whatever it broke
first, the command says in one sentence what it left and what to do, never a traceback, and exits with 130.

A tester saw, at various moments: "Error: cannot write: a pipe was closed (Broken pipe)." over 40 untracked files
and a journal with no word of `check --repair`; "Aborted!" after the import had been committed; a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from regdraft.workspace.store import Workspace
from tests.conftest import REPO_ROOT, Invoke
from tests.test_comment_import_large import SLUG, git, regdraft, sheet, state

INTERRUPTED = 130
NOTHING = "Interrupted before anything was changed; run the command again when you are ready."

# Stands in for git: when regdraft runs `git <INTERRUPT_GIT>`, Ctrl-C reaches regdraft and that git at once.
CTRL_C_IN_GIT = """#!/bin/sh
case " $* " in
  *" $INTERRUPT_GIT "*) kill -INT $PPID; kill -INT $$ ;;
esac
exec git "$@"
"""


@pytest.fixture
def ws(consulting_workspace: Workspace) -> Workspace:
    return consulting_workspace


def said(run: subprocess.CompletedProcess[str]) -> str:
    """What an interrupted command said: exit 130, one line on stderr, nothing else."""
    assert run.returncode == INTERRUPTED, (run.returncode, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr and "Aborted!" not in run.stderr, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    return lines[0]


def test_an_import_interrupted_before_its_commit_changes_nothing(ws: Workspace, tmp_path: Path) -> None:
    before = state(ws)
    interrupted = regdraft(ws, "comment", "import", SLUG, str(sheet(tmp_path, 40)),
                           REGDRAFT_TEST_INTERRUPT_AT="file-written")
    assert said(interrupted) == NOTHING
    assert state(ws) == before and not ws.journal.exists()


def test_an_import_interrupted_once_committed_says_it_is_recorded(ws: Workspace, tmp_path: Path) -> None:
    interrupted = regdraft(ws, "comment", "import", SLUG, str(sheet(tmp_path, 40)),
                           REGDRAFT_TEST_INTERRUPT_AT="finished")
    head = git(ws, "rev-parse", "HEAD").strip()
    assert said(interrupted) == f"Interrupted after the work was committed ({head[:8]}): it is recorded; there is " \
        "nothing to repair."
    assert git(ws, "log", "-1", "--format=%s").startswith("Import 40 comments")
    assert git(ws, "status", "--porcelain", "-uall") == "" and not ws.journal.exists()


@pytest.mark.parametrize("command", ["update-index", "commit"])
def test_an_import_interrupted_while_git_runs_says_what_it_left(ws: Workspace, tmp_path: Path, invoke: Invoke,
                                                                command: str) -> None:
    """git dies of the Ctrl-C first (a closed pipe, a failed commit): the sentence follows what is on disk. (The
    repair runs in this process: it reads what the interrupted one left on disk.)"""
    fake = tmp_path / "git-ctrl-c"
    fake.write_text(CTRL_C_IN_GIT, encoding="utf-8")
    fake.chmod(0o755)
    before = state(ws)
    interrupted = regdraft(ws, "comment", "import", SLUG, str(sheet(tmp_path, 40)),
                           GIT_PYTHON_GIT_EXECUTABLE=str(fake), INTERRUPT_GIT=command)
    line = said(interrupted)
    assert "pipe" not in line, line
    if ws.journal.exists():
        assert line == "Interrupted in the middle of a write ('Import 40 comments on mini-sua from gop-y.csv'): run " \
            "`regdraft check --repair`, which undoes it (nothing of it is kept).", line
        repaired = invoke(ws, "check", "--repair")
        assert "by undoing it" in repaired.stdout, repaired.stdout + repaired.stderr
    else:
        assert line == NOTHING
    assert state(ws) == before


def test_an_adoption_interrupted_mid_write_is_put_back(tmp_workspace: Workspace, invoke: Invoke) -> None:
    """Before its commit, a Ctrl-C undoes the write at once (r43 sweep CX F2: it left a journal that the repair
    finished, committing what the drafter had stopped); a kill's journal: `test_adopt_cancel`."""
    from tests.test_store_safety import ADOPT

    ws = tmp_workspace
    before = git(ws, "rev-parse", "HEAD")
    interrupted = regdraft(ws, *ADOPT, REGDRAFT_TEST_INTERRUPT_AT="file-written")
    assert said(interrupted) == "Interrupted: nothing was changed."
    assert git(ws, "rev-parse", "HEAD") == before and git(ws, "status", "--porcelain") == ""
    assert not ws.journal.exists() and invoke(ws, "check").exit_code == 0


def test_an_interrupt_before_the_command_starts_changes_nothing(ws: Workspace) -> None:
    """Ctrl-C while Python starts regdraft: a traceback ending in KeyboardInterrupt."""
    code = ("import os, signal; from regdraft.cli import main, on_interrupt; "
            "signal.signal(signal.SIGINT, on_interrupt); os.kill(os.getpid(), signal.SIGINT); main()")
    started = subprocess.run([sys.executable, "-c", code, "list"], cwd=ws.root, capture_output=True, text=True,
                             env=dict(os.environ), timeout=60)
    assert said(started) == NOTHING


def entry_point() -> tuple[str, str]:
    """The `regdraft` console script's entry point as pyproject.toml names it: (module, function)."""
    import tomllib

    scripts = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module, _, function = str(scripts["regdraft"]).partition(":")
    return module, function


# The console script's code, with a real SIGINT sent to itself as Python begins to import the module named first on
# the command line: where a Ctrl-C in the first tenth of a second of a run lands.
CTRL_C_WHILE_IMPORTING = """
import os, signal, sys

class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == AT:
            os.kill(os.getpid(), signal.SIGINT)
        return None

AT = sys.argv.pop(1)
sys.meta_path.insert(0, CtrlC())
from {module} import {function}
sys.exit({function}())
"""


@pytest.mark.parametrize("at", ["regdraft.cli", "click", "regdraft.core.collector"])
def test_an_interrupt_while_python_imports_regdraft_changes_nothing(ws: Workspace, at: str) -> None:
    """Ctrl-C while the console script imported the command line (its module, click, what `main` imports before it
    sets its handler): a traceback ending in KeyboardInterrupt."""
    module, function = entry_point()
    code = CTRL_C_WHILE_IMPORTING.format(module=module, function=function)
    started = subprocess.run([sys.executable, "-c", code, at, "list"], cwd=ws.root, capture_output=True, text=True,
                             env=dict(os.environ), timeout=60)
    assert said(started) == NOTHING
    assert started.stdout == ""


def test_the_entry_point_imports_only_itself_before_its_handler_is_set() -> None:
    module, _ = entry_point()
    code = f"import sys; before = set(sys.modules); import {module}; print(' '.join(sorted(set(sys.modules) - before)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    new = set(done.stdout.split())
    assert {m for m in new if m.startswith("regdraft")} == {"regdraft", module}
    assert {m.split(".")[0] for m in new} <= {"regdraft", *sys.stdlib_module_names}, new


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129)])
@pytest.mark.parametrize("point", ["file-written", "finished"])
def test_sigterm_and_sighup_during_an_import_are_handled_as_ctrl_c(ws: Workspace, tmp_path: Path, name: str,
                                                                   code: int, point: str) -> None:
    """`kill`, `timeout`, an editor's Stop button (SIGTERM) or a closed terminal (SIGHUP) inside the write ended the
    process at once, with no word: exit 143/129, 40 untracked comment files and the journal left (r39 sweep BY F4).
    The write is undone or finished as on Ctrl-C, and the same sentence says so."""
    before = state(ws)
    stopped = _hung_up(ws, tmp_path, point, name, ignored=False)
    assert stopped.returncode == code, (stopped.returncode, stopped.stderr)
    assert "Traceback" not in stopped.stderr and len(stopped.stderr.splitlines()) == 1, stopped.stderr
    assert git(ws, "status", "--porcelain", "-uall") == "" and not ws.journal.exists()
    if point == "file-written":
        assert stopped.stderr.strip() == NOTHING and state(ws) == before
    else:
        assert stopped.stderr.startswith("Interrupted after the work was committed (") and git(
            ws, "log", "-1", "--format=%s").startswith("Import 40 comments")


def _hung_up(ws: Workspace, tmp_path: Path, point: str, name: str, ignored: bool) -> subprocess.CompletedProcess[str]:
    """`comment import` of 40 comments sent the signal `name` at `point`, its hangup ignored as `nohup` leaves it
    (`ignored`) or not, whatever the test runner's is."""
    import signal

    def hangup() -> None:
        signal.signal(signal.SIGHUP, signal.SIG_IGN if ignored else signal.SIG_DFL)

    command = [sys.executable, "-c", "from regdraft.cli import main; main()", "comment", "import", SLUG,
               str(sheet(tmp_path, 40))]
    env = {**os.environ, "REGDRAFT_TEST_INTERRUPT_AT": point, "REGDRAFT_TEST_INTERRUPT_SIGNAL": name}
    return subprocess.run(command, cwd=ws.root, capture_output=True, text=True, timeout=300, preexec_fn=hangup,
                          env=env)


def test_a_hangup_ignored_by_nohup_is_not_taken_for_ctrl_c(ws: Workspace, tmp_path: Path) -> None:
    # Handled as Ctrl-C since r39, a hangup stopped and undid `nohup regdraft …`, which asks for the run to go on.
    done = _hung_up(ws, tmp_path, "file-written", "SIGHUP", ignored=True)
    assert done.returncode == 0, (done.returncode, done.stderr)
    assert git(ws, "log", "-1", "--format=%s").startswith("Import 40 comments") and not ws.journal.exists()
