"""The build of regdraft that runs: the commit of the git checkout it is imported from (`pip install -e .`, as
`scripts/setup.sh` installs it), for `regdraft --version` and the workspace format marker (`format_marker`).

Post-conditions:
1. `checkout_build(tree)` asks git (no network, no locks taken, a checkout of another owner read all the same, with
   the settings every git call of regdraft carries: no `core.fsmonitor` program, no hook) for
   the commit `tree` has checked out, its committer date and whether tracked files differ from it; None when git
   is missing, fails or takes longer than `GIT_TIMEOUT`. Never raises.
2. Nothing here runs unless asked: no command's start reads it.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import regdraft

GIT_TIMEOUT = 5.0  # seconds: a --version never hangs on a slow disk


@dataclass(frozen=True, slots=True)
class Build:
    """A checkout's commit (`sha`, 40 hex digits), its committer date (`2026-12-07`) and whether it has changes."""

    sha: str
    date: str
    changed: bool


def install_tree() -> Path:
    """The folder holding the `regdraft` package that runs (the checkout, for `pip install -e .`)."""
    return Path(regdraft.__file__).resolve().parent.parent


def checkout_build(tree: Path, *, changes: bool = True) -> Build | None:
    """The commit the git checkout at `tree` holds (None when it is none git can read); `changes`: ask whether its
    tracked files differ from it too."""
    shown = _git(tree, "log", "-1", "--format=%H %cs").split()
    if len(shown) != 2:
        return None
    changed = bool(_git(tree, "status", "--porcelain", "--untracked-files=no")) if changes else False
    return Build(shown[0], shown[1], changed)


def _git(tree: Path, *args: str) -> str:
    """What git prints for `args` in `tree` (stripped), or "" when it cannot run or fails."""
    from regdraft.workspace.git_policy import options

    # safe.directory: a checkout installed by another user (root's /opt/regdraft) is only read, never written; with
    # the settings every git call of regdraft carries (`git_policy.options`), so that its own `.git/config` names no
    # program git runs: `core.fsmonitor` ran one at `git status` (r40 sweep CE F6).
    hardened = [part for option in options(hooks=False) for part in ("-c", option)]
    command = ["git", "-c", "safe.directory=*", *hardened, "-C", str(tree), *args]
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}  # `git status` refreshes the index otherwise
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=GIT_TIMEOUT, check=False, env=env)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
