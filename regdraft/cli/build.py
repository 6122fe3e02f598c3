"""What `regdraft --version` says: the package version, the build (the install tree's commit and its date, when
regdraft runs from a git checkout as `scripts/setup.sh` installs it) and the workspace format it writes.

Every build said `regdraft, version 0.1.0` (r39 sweep CA F2): an administrator upgrading an office one machine at a
time could not tell which machines ran the new code, and an old machine drops what a new one writes
(docs/upgrading.md).

Post-conditions:
1. The first line is `regdraft, version X` as before, so scripts reading it keep working.
2. The build line names the commit (12 hex digits) and its date when the tree regdraft is imported from has a `.git`
   (a folder, or a worktree's file), and says "with local changes" when tracked files differ from it; otherwise it
   says that regdraft is not run from a git checkout. git is asked only here, only when asked for the version, with
   no network; a tree git refuses to read (another owner) or no git at all gives "commit unknown", never an error.
3. The format line names `regdraft.WORKSPACE_FORMAT`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import regdraft
from regdraft import WORKSPACE_FORMAT, __version__

GIT_TIMEOUT = 5.0  # seconds: a --version never hangs on a slow disk


def install_tree() -> Path:
    """The folder holding the `regdraft` package regdraft runs from (the checkout for `pip install -e .`)."""
    return Path(regdraft.__file__).resolve().parent.parent


def version_lines(tree: Path | None = None) -> list[str]:
    """The lines `regdraft --version` prints: version, build, workspace format."""
    return [f"regdraft, version {__version__}", build_line(install_tree() if tree is None else tree),
            f"workspace format: {WORKSPACE_FORMAT} (the format of the files it writes; docs/upgrading.md)"]


def build_line(tree: Path) -> str:
    """The build regdraft runs: the commit of the checkout at `tree` and its date, or that it is no checkout."""
    if not (tree / ".git").exists():
        return f"build: installed from a package, not a git checkout ({tree})"
    shown = _git(tree, "log", "-1", "--format=%H %cs")
    if not shown or len(shown.split()) != 2:
        return f"build: git checkout {tree}, commit unknown (git could not read it)"
    sha, date = shown.split()
    changed = _git(tree, "status", "--porcelain", "--untracked-files=no")
    local = ", with local changes" if changed else ""
    return f"build: commit {sha[:12]} of {date}{local} (git checkout {tree})"


def _git(tree: Path, *args: str) -> str:
    """What git prints for `args` in `tree` (stripped), or "" when it cannot run or fails."""
    # safe.directory: a checkout installed by another user (root's /opt/regdraft) is only read, never written.
    command = ["git", "-c", "safe.directory=*", "-C", str(tree), *args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=GIT_TIMEOUT, check=False,
                              env=_quiet_env())
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _quiet_env() -> dict[str, str]:
    """The environment with git told not to take locks (`git status` refreshes the index otherwise)."""
    import os

    return {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
