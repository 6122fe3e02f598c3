"""What git may run when regdraft calls it (docs/security.md, "Nothing in a workspace runs code").

`options(hooks)` gives the `-c` settings every git call of regdraft carries, once `refuse_programs(root)` has
checked that the repository's own settings name no program for git to run.

A workspace may arrive with its `.git` (a zip, a copy on a share, a backup): its `.git/config` is then
someone else's, and git runs the programs it names. Some settings are turned off for every call (`-c`
wins over every file): fsmonitor, hooks (unless the workspace asks for them), signing, the `ext::`
transport. The others are programs under names the repository chooses (`filter.<name>.clean`, the name
given by a committed `.gitattributes`), which no `-c` list can foresee; a repository whose own settings
(local, worktree, or a file they include) hold one is refused, naming each setting and how to remove it.
The user's own settings (`~/.gitconfig`, the system's, the environment) are trusted, as everywhere.

A `.git` that is not the workspace's own folder sends every read and write of git elsewhere: a `.git`
file (`gitdir: /another/repository/.git`) or link received with a workspace made `amend new` commit into
another repository of the user's. Only the file `git worktree add` writes (whose repository names this
workspace back) is followed.

Post-conditions:
1. `refuse_programs` raises `StoreError` naming every such setting and its file, or returns None; before
   that, a `.git` that is a link, or a file naming a repository that is not a linked worktree of this
   workspace, is refused (`StoreError` naming it and where it points).
2. `options` always holds `core.fsmonitor=false`, `commit.gpgSign=false`, `tag.gpgSign=false`,
   `protocol.ext.allow=never`, and `core.hooksPath=<null device>` unless `hooks`.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from regdraft.core.commands import Command
from regdraft.core.errors import StoreError

# Settings that make git run a program regdraft does not choose, whatever the repository says.
_ALWAYS = ("core.fsmonitor=false", "commit.gpgSign=false", "tag.gpgSign=false", "protocol.ext.allow=never")

# Settings naming a program git runs in the commands regdraft uses (status, add, commit, diff, log, merge,
# rebase, fetch, push, clone), or a working tree elsewhere; lower case, `*` for the name a repository chooses.
PROGRAM_SETTINGS = (
    "filter.*.clean", "filter.*.smudge", "filter.*.process",  # run on files .gitattributes names
    "diff.external", "diff.*.command", "diff.*.textconv", "merge.*.driver",
    "core.editor", "sequence.editor", "core.pager", "pager.*", "core.askpass",
    "core.sshcommand", "core.gitproxy", "remote.*.uploadpack", "remote.*.receivepack",
    "credential.helper", "credential.*.helper",
    "gpg.program", "gpg.*.program", "gpg.ssh.defaultkeycommand",
    "trailer.*.command", "trailer.*.cmd",
    "core.worktree",  # not a program: the files git reads and writes, outside the workspace
)
_REPOSITORY_SCOPES = ("local", "worktree")  # the settings a copied `.git` brings along


def options(hooks: bool) -> list[str]:
    """The `-c` settings of every git call; `hooks`: the workspace asks for its hooks to run (`git_hooks: run`)."""
    return [*_ALWAYS, *([] if hooks else [f"core.hooksPath={os.devnull}"])]


HOOKS_SETTING = "regdraft.runHooks"  # the user's own git setting that lets a workspace's `git_hooks: run` take effect


def user_allows_hooks(root: Path) -> bool:
    """Whether the user's own git settings (global or system, never the repository's) say `regdraft.runHooks
    true`: `git_hooks: run` in regdraft.yaml alone would let a workspace received with its .git run its hooks."""
    import subprocess

    environment = {**os.environ, "LC_ALL": "C", "LANGUAGE": "C", "GIT_CEILING_DIRECTORIES": str(root.parent)}
    for scope in ("--global", "--system"):
        done = subprocess.run(["git", "config", scope, "--type=bool", "--get", HOOKS_SETTING], cwd=root,
                              capture_output=True, env=environment, check=False)
        if done.returncode == 0:
            return done.stdout.strip() == b"true"
    return False


def refuse_programs(root: Path) -> None:
    """Raise `StoreError` when the repository's own settings name a program git would run (or it is elsewhere)."""
    refuse_elsewhere(root)
    found = [(key, origin) for scope, origin, key in _settings(root)
             if scope in _REPOSITORY_SCOPES and any(fnmatch.fnmatchcase(key.lower(), p) for p in PROGRAM_SETTINGS)]
    if not found:
        return
    keys = ", ".join(dict.fromkeys(key for key, _ in found))
    files = ", ".join(dict.fromkeys(origin for _, origin in found))
    removals = ", ".join(f"`{Command.git('config', origin, '--unset-all', key, switches=('file',))}`"
                         for key, origin in dict.fromkeys(found))
    raise StoreError(
        f"The git settings of this workspace's repository ({files}) name a program git would run: {keys}. "
        "regdraft runs no program a workspace's own settings name, since a workspace copied or received with "
        "its .git brings them along; nothing was done. If you set them yourself, move them to your own "
        f"~/.gitconfig; otherwise remove them: {removals}.")


def refuse_elsewhere(root: Path) -> None:
    """Raise `StoreError` when `.git` is a link, or a file naming a repository that is not a worktree of `root`."""
    dot_git = root / ".git"
    if dot_git.is_symlink():
        where = os.readlink(dot_git)
    elif dot_git.is_file():
        text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
        where = text.removeprefix("gitdir:").strip()
        named = (root / where).resolve() if where else root
        back = named / "gitdir"  # what `git worktree add` writes in the repository: this workspace's .git
        try:
            if text.startswith("gitdir:") and Path(back.read_text(encoding="utf-8").strip()).resolve() == \
                    dot_git.resolve():
                return
        except (OSError, ValueError):
            pass
    else:
        return
    raise StoreError(f"{dot_git} is not this workspace's own git folder: it sends git to {where}. regdraft "
                     "reads and writes only the repository of the workspace itself (a workspace received with "
                     "such a .git would have its commits made in another repository); nothing was done. Put "
                     "the workspace's own repository there (`git clone`, or `git init` and commit its files).")


def _settings(root: Path) -> list[tuple[str, str, str]]:
    """(scope, file, key) of every git setting in force at `root`, included files followed."""
    import subprocess

    environment = {**os.environ, "LC_ALL": "C", "LANGUAGE": "C", "GIT_CEILING_DIRECTORIES": str(root.parent)}
    done = subprocess.run(["git", "config", "--list", "--show-scope", "--show-origin", "-z"], cwd=root,
                          capture_output=True, env=environment, check=False)
    if done.returncode != 0:  # settings git cannot read: every other git call stops on them too
        return []
    fields = done.stdout.decode("utf-8", "surrogateescape").split("\0")
    return [(scope, origin.removeprefix("file:"), entry.split("\n", 1)[0])
            for scope, origin, entry in zip(fields[0::3], fields[1::3], fields[2::3], strict=False)]
