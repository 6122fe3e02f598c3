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

from pathlib import Path

from regdraft import WORKSPACE_FORMAT, __version__
from regdraft.workspace.installed import checkout_build, install_tree


def version_lines(tree: Path | None = None) -> list[str]:
    """The lines `regdraft --version` prints: version, build, workspace format."""
    return [f"regdraft, version {__version__}", build_line(install_tree() if tree is None else tree),
            f"workspace format: {WORKSPACE_FORMAT} (the format of the files it writes; docs/upgrading.md)"]


def build_line(tree: Path) -> str:
    """The build regdraft runs: the commit of the checkout at `tree` and its date, or that it is no checkout."""
    if not (tree / ".git").exists():
        return f"build: installed from a package, not a git checkout ({tree})"
    build = checkout_build(tree)
    if build is None:
        return f"build: git checkout {tree}, commit unknown (git could not read it)"
    local = ", with local changes" if build.changed else ""
    return f"build: commit {build.sha[:12]} of {build.date}{local} (git checkout {tree})"
