"""What git may run when regdraft calls it (docs/security.md, "Nothing in a workspace runs code").

`options(hooks)` gives the `-c` settings every git call of regdraft carries, once `refuse_programs(root)` has
checked that the repository's own settings are all harmless ones.

A workspace may arrive with its `.git` (a zip, a copy on a share, a backup): its `.git/config` is then
someone else's, and git runs the programs it names and reads and writes the files it names. Some settings are
turned off for every call (`-c` wins over every file): fsmonitor, hooks (unless the workspace asks for them),
signing, the `ext::` transport. Of the rest, the repository's own settings (local, worktree, or a file they
include) may hold only those in `HARMLESS_SETTINGS`, what git and regdraft write there and harmless preferences;
any other is refused, naming each setting and how to remove it. The user's own settings (`~/.gitconfig`, the
system's, the environment) are trusted, as everywhere.

A `.git` that is not the workspace's own folder sends every read and write of git elsewhere: a `.git`
file (`gitdir: /another/repository/.git`) or link received with a workspace made `amend new` commit into
another repository of the user's, and so did a `commondir` file in a real `.git` folder. Only the file
`git worktree add` writes (whose repository names this workspace back) is followed. Objects borrowed from
elsewhere (`objects/info/alternates`) are refused too, and so is a link anywhere in the repository's folder (git
writes through it: a reflog line appended to `~/.bashrc`), a hard link among the files git writes in place, and a
named pipe (git waits on it forever), socket or device there. A partial clone's settings are refused (git would
fetch what it lacks on any read), and every git call has `NO_LAZY_FETCH` in its environment: nothing goes to the
network outside `sync`.

Post-conditions:
1. `refuse_programs` raises `StoreError` naming every setting outside `HARMLESS_SETTINGS` and its file (a partial
   clone's in words of their own), or returns the repository's folder (git's common dir) it vouched for (None
   without a `.git`) and the files the settings came from (`git_settings`: given back, unchanged, they are not
   read from git again); before that, a `.git` that is a link, a file naming a repository that is not a linked
   worktree of this workspace, a `.git/commondir` naming a folder outside `.git`,
   alternates naming objects outside the repository, a symbolic link in the repository's folder, a hard link
   among the files written there in place, or a named pipe, socket or device there (`refuse_links`; git's own
   file-system monitor socket aside), is refused (`StoreError` naming it and where it points, or the `rm` that
   removes it), before regdraft reads any of them.
2. `options` always holds `core.fsmonitor=false`, `commit.gpgSign=false`, `tag.gpgSign=false`,
   `protocol.ext.allow=never`, `NESTED_OFF` (no submodule recursion), `_OUTPUT` (git's output as regdraft reads
   it: UTF-8 logs, untracked files shown), and `core.hooksPath=<null device>` unless
   `hooks`; `environment(root)` and `QUIET` hold `GIT_NO_LAZY_FETCH=1` and `GIT_OPTIONAL_LOCKS=0`; `arguments`
   starts every `status` and `diff` with `--ignore-submodules=all` (a submodule is refused outright by `git_nested`).
"""

from __future__ import annotations

import fnmatch
import os
import shlex
import stat
from pathlib import Path
from typing import NoReturn

from regdraft.core.commands import Command
from regdraft.core.errors import StoreError
from regdraft.workspace import git_settings

# Git stays out of a repository nested in the workspace (a submodule): it never looks into its files (a status
# there reads its own settings, filters included), fetches, pushes or checks it out.
NESTED_OFF = ("submodule.recurse=false", "fetch.recurseSubmodules=false", "push.recurseSubmodules=no",
              "diff.ignoreSubmodules=all", "status.submoduleSummary=false")
# Settings that make git run a program regdraft does not choose, whatever the repository says.
# And the output regdraft reads kept as git prints it by default, whatever a harmless preference of the repository
# says: `i18n.logOutputEncoding = UTF-16` printed every `git log` in UTF-16, the history read as empty and `check`'s
# hand-edit gate silent (r28 sweep T3); `status.showUntrackedFiles = no` would hide a drafter's new files.
_OUTPUT = ("i18n.logOutputEncoding=UTF-8", "i18n.commitEncoding=UTF-8", "status.showUntrackedFiles=normal",
           "diff.noprefix=false", "diff.mnemonicPrefix=false")
_ALWAYS = ("core.fsmonitor=false", "commit.gpgSign=false", "tag.gpgSign=false", "protocol.ext.allow=never",
           *NESTED_OFF, *_OUTPUT)

# The settings a repository's own files (local, worktree, or a file they include) may hold: what `git init`,
# `git clone`, `git worktree add`, `git sparse-checkout`, `git maintenance` and regdraft write there, and harmless
# preferences; lower case, `*` for a name the repository chooses. None names a program for git to run or a file
# for it to read or write. An allow-list, not a list of the dangerous ones: that list kept missing settings
# (`core.alternateRefsCommand` ran a command on `sync`, `http.cookieFile` with `http.saveCookies` overwrote a file
# outside the workspace), and each git release adds some.
HARMLESS_SETTINGS = (
    "core.repositoryformatversion", "core.filemode", "core.bare", "core.logallrefupdates", "core.ignorecase",
    "core.precomposeunicode", "core.autocrlf", "core.eol", "core.safecrlf", "core.symlinks", "core.longpaths",
    "core.quotepath", "core.abbrev", "core.checkstat", "core.trustctime", "core.untrackedcache", "core.splitindex",
    "core.preloadindex", "core.fscache", "core.commitgraph", "core.multipackindex", "core.sparsecheckout",
    "core.sparsecheckoutcone", "core.whitespace", "core.compression", "core.loosecompression",
    "core.bigfilethreshold", "core.deltabasecachelimit", "core.sharedrepository", "core.warnambiguousrefs",
    "core.commentchar", "core.commentstring", "core.protecthfs", "core.protectntfs", "core.fsync",
    "core.fsyncmethod", "core.hidedotfiles",
    "extensions.objectformat", "extensions.refstorage", "extensions.worktreeconfig", "extensions.preciousobjects",
    "extensions.noop",
    "remote.*.url", "remote.*.pushurl", "remote.*.fetch", "remote.*.push", "remote.*.tagopt", "remote.*.prune",
    "remote.*.prunetags", "remote.*.mirror", "remote.*.skipdefaultupdate", "remote.*.skipfetchall",
    "remote.pushdefault",
    "branch.*.remote", "branch.*.pushremote", "branch.*.merge", "branch.*.rebase", "branch.*.description",
    "branch.autosetupmerge", "branch.autosetuprebase", "branch.sort",
    "user.*", "author.*", "committer.*", "color.*", "advice.*", "i18n.commitencoding", "i18n.logoutputencoding",
    "init.defaultbranch", "pull.rebase", "pull.ff", "push.default", "push.autosetupremote", "push.followtags",
    "fetch.prune", "fetch.prunetags", "fetch.writecommitgraph", "fetch.parallel",
    "merge.conflictstyle", "merge.ff", "merge.log", "merge.renames", "merge.autostash",
    "rebase.autostash", "rebase.autosquash", "rebase.updaterefs", "rebase.stat", "rerere.enabled",
    "rerere.autoupdate", "diff.algorithm", "diff.renames", "diff.renamelimit", "diff.context",
    "diff.mnemonicprefix", "diff.noprefix", "diff.colormoved", "diff.indentheuristic",
    "status.showuntrackedfiles", "status.short", "status.branch", "log.date", "log.decorate",
    "gc.auto", "gc.autopacklimit", "gc.autodetach", "gc.reflogexpire", "gc.reflogexpireunreachable",
    "gc.pruneexpire", "gc.worktreepruneexpire", "gc.writecommitgraph", "gc.cruftpacks", "gc.packrefs",
    "maintenance.auto", "maintenance.strategy", "maintenance.*.enabled", "maintenance.*.schedule",
    "index.version", "index.threads", "index.sparse", "index.skiphash", "feature.manyfiles",
    "feature.experimental", "pack.threads", "http.postbuffer",
    "commit.gpgsign", "tag.gpgsign",  # `-c` turns signing off on every call whatever they say
    "regdraft.*",  # regdraft's own (`regdraft.runHooks` is read from the user's own settings only)
)
_REPOSITORY_SCOPES = ("local", "worktree")  # the settings a copied `.git` brings along
# A partial clone's settings: with them git fetches every object it lacks, on any read, from the remote they name.
_PARTIAL_CLONE = ("extensions.partialclone", "remote.*.promisor", "remote.*.partialclonefilter")

# In git's environment for every call: git never fetches an object it lacks from a promisor remote (a partial clone's
# "lazy fetch"), whoever's settings name one; regdraft goes to the network only on `sync`. Read by git 2.44 and the
# security releases from 2.39.4 on (this machine's 2.39.5 does); an older git ignores it.
NO_LAZY_FETCH = {"GIT_NO_LAZY_FETCH": "1"}
# And no optional lock: a `git status` that only reads refreshes the index and writes it back under `index.lock` when
# it can. Run by the review server (or a reading command) while a sync's rebase replays commits, it took that lock
# at the moment git was committing a replayed commit: the rebase stopped half way, a comment staged and not committed.
# git's own locks (a commit, a rebase, a checkout) are not optional and are all taken as before.
NO_OPTIONAL_LOCKS = {"GIT_OPTIONAL_LOCKS": "0"}
QUIET = {**NO_LAZY_FETCH, **NO_OPTIONAL_LOCKS}  # in the environment of every git call regdraft makes


def environment(root: Path) -> dict[str, str]:
    """The environment of a git call regdraft makes itself (GitPython's have `QUIET` added): English
    messages, no repository above the workspace taken for its own, no lazy fetch, no optional lock."""
    return {**os.environ, "LC_ALL": "C", "LANGUAGE": "C", "GIT_CEILING_DIRECTORIES": str(root.parent), **QUIET}


# Git honours these only on its command line: a `.gitmodules` (`submodule.NAME.ignore = none`) undoes
# `diff.ignoreSubmodules`, and `git status` then ran in the nested repository, its own filters with it.
_IGNORED = "all"
COMMAND_LINE = {"status": (f"--ignore-submodules={_IGNORED}",), "diff": (f"--ignore-submodules={_IGNORED}",)}


def arguments(command: str, args: tuple[str, ...]) -> tuple[str, ...]:
    """The arguments of a git `command` of regdraft's, with those `COMMAND_LINE` adds to it first."""
    return (*COMMAND_LINE.get(command, ()), *args)


def options(hooks: bool) -> list[str]:
    """The `-c` settings of every git call; `hooks`: the workspace asks for its hooks to run (`git_hooks: run`)."""
    return [*_ALWAYS, *([] if hooks else [f"core.hooksPath={os.devnull}"])]


HOOKS_SETTING = "regdraft.runHooks"  # the user's own git setting that lets a workspace's `git_hooks: run` take effect


def user_allows_hooks(root: Path) -> bool:
    """Whether the user's own git settings (global or system, never the repository's) say `regdraft.runHooks
    true`: `git_hooks: run` in regdraft.yaml alone would let a workspace received with its .git run its hooks."""
    import subprocess

    for scope in ("--global", "--system"):
        done = subprocess.run(["git", "config", scope, "--type=bool", "--get", HOOKS_SETTING], cwd=root,
                              capture_output=True, env=environment(root), check=False)
        if done.returncode == 0:
            return done.stdout.strip() == b"true"
    return False


Settings = git_settings.Files | None  # the files the settings come from, as a check read them


def refuse_programs(root: Path, checked: git_settings.Files | None = None) -> tuple[Path | None, Settings]:
    """Raise `StoreError` when the repository's own settings hold one not in `HARMLESS_SETTINGS` (or git would
    work elsewhere: `refuse_elsewhere`); otherwise the repository's folder `refuse_elsewhere` vouched for, and the
    files its settings come from as they were read (`git_settings.read`). `checked`: those files as an earlier call
    read them; while they hold the same bytes, git is not asked for the settings again."""
    common = refuse_elsewhere(root)
    read = git_settings.read(common)  # before git reads them: a change made while it does is seen next time
    if checked is not None and read == checked:
        return common, read
    found = [(key, origin) for scope, origin, key in _settings(root)
             if scope in _REPOSITORY_SCOPES and not _matches(key, HARMLESS_SETTINGS)]
    if not found:
        return common, read
    _refuse_partial_clone(found)
    keys = ", ".join(dict.fromkeys(key for key, _ in found))
    files = ", ".join(dict.fromkeys(origin for _, origin in found))
    removals = ", ".join(f"`{Command.git('config', origin, '--unset-all', key, switches=('file',))}`"
                         for key, origin in dict.fromkeys(found))
    raise StoreError(
        f"The git settings of this workspace's repository ({files}) hold {keys}: a repository's own settings may "
        "hold only what git writes there and harmless preferences (a workspace copied or received with its .git "
        "brings them along, and such a setting can make git run a program or read or write a file), so nothing was "
        "done; if you set them yourself, move them to your own ~/.gitconfig, otherwise remove them: "
        f"{removals}.")


def _refuse_partial_clone(found: list[tuple[str, str]]) -> None:
    """Refuse a partial clone in words of its own: moving its settings to ~/.gitconfig is no answer."""
    partial = [(key, origin) for key, origin in found if _matches(key, _PARTIAL_CLONE)]
    if not partial:
        return
    keys = ", ".join(dict.fromkeys(key for key, _ in partial))
    removals = ", ".join(f"`{Command.git('config', origin, '--unset-all', key, switches=('file',))}`"
                         for key, origin in dict.fromkeys(partial))
    raise StoreError(
        f"This workspace's repository is set up as a partial clone ({keys} in "
        f"{', '.join(dict.fromkeys(origin for _, origin in partial))}): git would fetch every file it lacks from the "
        "remote it names whenever regdraft reads one, and regdraft goes to the network only on `sync`, so nothing "
        f"was done; clone the workspace again (`{Command.of('clone', 'URL')}` brings every object) and work there, "
        f"or, if every object is here already, remove them: {removals}.")


def _matches(key: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(key.lower(), pattern) for pattern in patterns)


def refuse_elsewhere(root: Path) -> Path | None:
    """Raise `StoreError` when git would read or write another repository than the workspace's own: `.git` is a link
    or a file naming a repository that is not a worktree of `root`, `.git/commondir` names another, or the
    repository borrows objects from elsewhere (`objects/info/alternates`). Otherwise the folder git keeps the
    repository's shared files in (its refs, `packed-refs`: git's common dir), vouched for; None without a `.git`."""
    dot_git = root / ".git"
    shared: Path | None = None
    if dot_git.is_symlink():
        _refuse_away(dot_git, os.readlink(dot_git))
    if dot_git.is_file():
        text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
        where = text.removeprefix("gitdir:").strip()
        common = _linked_worktree(dot_git, (root / where).resolve()) if text.startswith("gitdir:") and where else None
        if common is None:
            _refuse_away(dot_git, where)
    elif dot_git.is_dir():
        common = dot_git.resolve()
        named = dot_git / "commondir"  # only a linked worktree's folder in the repository has one
        if named.exists() or named.is_symlink():
            where = _read_line(named)
            shared = (dot_git / where).resolve()
            if not where or not _inside(shared, common):
                _refuse_away(named, where)
    elif dot_git.exists():
        _regular(dot_git)  # a named pipe, socket or device
        return None
    else:
        return None
    _refuse_borrowed(common)
    refuse_links(common)
    return shared or common


def _linked_worktree(dot_git: Path, named: Path) -> Path | None:
    """The repository of the worktree whose `.git` file names `named`, when `git worktree add` made it
    (`<repository>/worktrees/<name>`, naming the workspace back and the repository as its common folder)."""
    try:
        back = Path(_read_line(named / "gitdir")).resolve()
        common = (named / _read_line(named / "commondir")).resolve()
    except (OSError, ValueError):
        return None
    if back == dot_git.resolve() and named.parent.name == "worktrees" and common == named.parent.parent:
        return common
    return None


def _refuse_borrowed(common: Path) -> None:
    """Refuse a repository whose objects (or those of a folder it borrows from, as git follows them) come from
    outside it: `objects/info/alternates` naming another repository's objects, any `http-alternates`."""
    folders, seen = [common / "objects"], set()
    while folders:
        objects = folders.pop()
        if objects in seen:
            continue
        seen.add(objects)
        if not _inside(objects.resolve(), common):
            _refuse_away(objects, str(objects.resolve()))
        info = objects / "info"
        for name in ("alternates", "http-alternates"):
            try:
                lines = _regular(info / name).read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
            for line in (line.strip() for line in lines):
                if not line or line.startswith("#"):
                    continue
                borrowed = (objects / line.strip('"')).resolve()
                if name == "http-alternates" or not _inside(borrowed, common):
                    raise StoreError(
                        f"{info / name} has git read objects from {line}, outside this workspace's repository: a "
                        "workspace received with it would show and send another repository's files, and its "
                        "settings could name a program to run there; nothing was done. If you made it (`git "
                        "clone --reference`, `--shared`), copy those objects in (`git repack -a -d`) and delete "
                        f"{info / name}.")
                folders.append(borrowed)


# The folders of a repository whose files git and regdraft write only under new names (a temporary file renamed into
# place, a new object) or never: a file there with other names too (a hard link) is never written through.
# Elsewhere git appends (`logs/`) or rewrites in place (`COMMIT_EDITMSG`, `FETCH_HEAD`, `MERGE_MSG`, `rebase-merge/`,
# regdraft's lock and journal).
_RENAMED_ONLY = frozenset({"objects", "refs", "lfs", "hooks", "regdraft-cache"})
# The socket git's own file-system monitor listens on (`git fsmonitor--daemon`, a user's `core.fsmonitor`): only its
# clients connect to it, and every git call of regdraft turns them off (`core.fsmonitor=false`).
FSMONITOR_SOCKET = "fsmonitor--daemon.ipc"


def refuse_links(common: Path) -> None:
    """Raise `StoreError` when the repository folder `common` holds a symbolic link (git and regdraft read and write
    through it: a reflog appended to a file of the user's, `COMMIT_EDITMSG` overwriting one, a `.lock` file made
    beside what it names and renamed over it), a file git writes in place that has other names too (a hard link), or
    a named pipe, socket or device (git opening one at `COMMIT_EDITMSG`, `logs/HEAD` or `FETCH_HEAD` waits forever).

    Links are looked for everywhere but among loose objects (which git only reads, and writes under new names), from
    each folder's listing alone (the kind of each entry comes with it); a hard link among the files written in place
    outside `logs/refs/` and among the reflogs of the branches checked out (which every commit and `sync` append
    to), one `lstat` each: a few dozen files whatever the number of branches. Measured (docs/security.md): the
    shipped workspace 0.35 ms, 20,000 branches with their reflogs 65 ms of CPU."""
    top = str(common) + os.sep  # paths as text: a `Path` for each of 40,000 entries would take most of the time
    written: list[str] = []
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:  # unreadable: git stops on it with its own message
            continue
        for entry in entries:
            if entry.is_symlink():
                _refuse_link(Path(entry.path), common)
            if entry.is_dir(follow_symlinks=False):
                if folder != f"{top}objects" or len(entry.name) != 2:  # loose objects
                    folders.append(entry.path)
            elif entry.is_file(follow_symlinks=False):
                written.append(entry.path[len(top):])
            elif entry.path != f"{top}{FSMONITOR_SOCKET}":
                try:
                    mode = entry.stat(follow_symlinks=False).st_mode
                except FileNotFoundError:  # gone since the listing
                    continue
                _refuse_special(Path(entry.path), mode)
    branches = _checked_out(common)
    for relative in written:
        if relative.split(os.sep, 1)[0] in _RENAMED_ONLY or (
                relative.startswith(f"logs{os.sep}refs{os.sep}") and _branch(relative[5:]) not in branches):
            continue
        path = common / relative
        try:
            links = path.lstat().st_nlink
        except FileNotFoundError:  # a lock another regdraft or git took and let go since the listing: gone, harmless
            continue
        if links > 1:
            raise StoreError(
                f"{path} is also a file elsewhere (a hard link): git writes into it in place, so a workspace "
                "received with one could have a file of yours overwritten; nothing was done. Give the "
                f"repository its own copy: `cp -p {_quoted(path)} {_quoted(path, '.copy')} && mv "
                f"{_quoted(path, '.copy')} {_quoted(path)}`.")


def worktrees(common: Path) -> list[tuple[Path, Path]]:
    """(work tree, git dir) of each worktree of the repository whose folder `common` is, once `refuse_elsewhere` has
    vouched for it: the main one (the folder holding `common`, a `.git`; a bare repository has no work tree, and
    the policy refuses `core.worktree`, which would put it elsewhere) and each linked one (`worktrees/<name>`, whose
    `gitdir` names the work tree's `.git` file; one that cannot be read is left out, as git leaves it out, and so is
    one naming no path a folder can have: a NUL byte in it, or a link looping on itself, stopped `check`, its
    repair and every write while a ref lock was left, r32 sweep AW F3). Read from git's files, without running
    git."""
    found = [(common.parent, common)] if common.name == ".git" else []
    return found + [(tree, folder) for folder, tree, _ in _linked(common) if tree is not None]


def left_out_worktrees(common: Path) -> list[tuple[Path, str]]:
    """The `gitdir` file of each linked worktree `worktrees` leaves out because it names no path a folder can have,
    and what is wrong with it (a clause); one that cannot be read at all (git's own prunable worktrees) is not
    named."""
    return [(folder / "gitdir", why) for folder, tree, why in _linked(common) if tree is None and why]


def _linked(common: Path) -> list[tuple[Path, Path | None, str]]:
    """Each linked worktree's folder (`worktrees/<name>`), its work tree (None when left out), and what is wrong
    with its `gitdir` when it names no path ("" otherwise)."""
    found: list[tuple[Path, Path | None, str]] = []
    for folder in sorted(common.glob("worktrees/*")):
        try:
            named = _read_line(folder / "gitdir")
        except OSError:
            found.append((folder, None, ""))
            continue
        if not named or "\0" in named:
            found.append((folder, None, "it holds a NUL byte" if named else "it is empty"))
            continue
        try:  # absolute, or relative to its folder (git 2.48's `worktree.useRelativePaths`)
            found.append((folder, (folder / named).resolve().parent, ""))
        except (OSError, ValueError, RuntimeError):
            found.append((folder, None, "the path it names cannot be followed (a link on it loops)"))
    return found


def branches_of(git_dir: Path) -> set[str]:
    """The branches (`refs/heads/…`) the worktree whose git folder is `git_dir` (vouched for: `refuse_elsewhere`)
    writes: the one its `HEAD` names, and the one a rebase stopped there is replaying (its `HEAD` is then detached)."""
    names = set()
    for path in (git_dir / "HEAD", git_dir / "rebase-merge" / "head-name", git_dir / "rebase-apply" / "head-name"):
        try:
            ref = _read_line(path).removeprefix("ref:").strip()
        except OSError:
            continue
        if ref.startswith("refs/heads/"):
            names.add(ref)
    return names


def _checked_out(common: Path) -> set[str]:
    """The branches the repository's worktrees are on (the `HEAD` files name them), once no link is left."""
    names: set[str] = set()
    for head in (common / "HEAD", *common.glob("worktrees/*/HEAD")):
        try:
            branch = _branch(_read_line(head).removeprefix("ref:").strip())
        except OSError:
            continue
        if branch is not None:
            names.add(branch)
    return names


def _branch(ref: str) -> str | None:
    """The branch a ref is, or follows from a remote (`refs/heads/main`, `refs/remotes/origin/main`: main)."""
    if ref.startswith("refs/heads/"):
        return ref.removeprefix("refs/heads/")
    kind = ref.split("/", 3)
    return kind[3] if len(kind) == 4 and kind[:2] == ["refs", "remotes"] else None


def _quoted(path: Path, suffix: str = "") -> str:
    return shlex.quote(f"{path}{suffix}")


def _refuse_link(link: Path, common: Path) -> NoReturn:
    target = Path(os.path.realpath(link))
    where, whose = ((", another file of this git folder", "the repository's own settings or history") if
                    _inside(target, common) else (", which is not this workspace's own git folder", "a file of yours"))
    raise StoreError(
        f"{link} sends git to {target}{where}: git writes through such a link (a symbolic link), so a workspace "
        f"received with one could have {whose} overwritten; nothing was done. Delete the link (`rm "
        f"{_quoted(link)}`), putting a copy of what it points to in its place if the repository needs it, "
        "or clone the workspace again.")


def _refuse_special(path: Path, mode: int) -> NoReturn:
    """Refuse a named pipe, socket or device where git reads or writes a file."""
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else
            "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a plain file")
    raise StoreError(
        f"{path} is {kind}, not a file: git reading or writing there would wait forever (or read without end), so "
        "a workspace received with one could hang every command; nothing was done. Delete it (`rm "
        f"{_quoted(path)}`): git makes the file again when it needs one.")


def _regular(path: Path) -> Path:
    """`path`, once it is known to be no named pipe, socket or device (reading one could wait forever)."""
    try:
        mode = path.lstat().st_mode
    except OSError:
        return path  # missing: opening it says so
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
        _refuse_special(path, mode)
    return path


def _read_line(path: Path) -> str:
    """The first line of a small file git writes (a path), stripped."""
    with _regular(path).open(encoding="utf-8", errors="replace") as file:
        return file.read(4096).strip().split("\n", 1)[0].strip()


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _refuse_away(what: Path, where: str) -> NoReturn:
    raise StoreError(f"{what} sends git to {where}, which is not this workspace's own git folder: regdraft "
                     "reads and writes only the repository of the workspace itself (a workspace received with "
                     "such a .git would have its commits made in another repository); nothing was done. Put "
                     "the workspace's own repository there (`git clone`, or `git init` and commit its files).")


SETTINGS_SECONDS = 20  # for `git config --list`, a few milliseconds on any workspace


def _settings(root: Path) -> list[tuple[str, str, str]]:
    """(scope, file, key) of every git setting in force at `root`, included files followed."""
    import subprocess

    # No input and a bound: a file the settings include may be a pipe or /dev/stdin, and git waited on it forever
    # (r28 sweep T3); settings git cannot read are refused, never taken for none (fail closed).
    try:
        done = subprocess.run(["git", "config", "--list", "--show-scope", "--show-origin", "-z"], cwd=root,
                              capture_output=True, stdin=subprocess.DEVNULL, env=environment(root), check=False,
                              timeout=SETTINGS_SECONDS)
    except subprocess.TimeoutExpired:
        raise StoreError(f"git could not read the settings of the workspace {root} within {SETTINGS_SECONDS} s (a file "
                         "they include may be a pipe or a device, such as include.path = /dev/stdin); nothing was "
                         "done. Look at .git/config and remove what it includes.") from None
    if done.returncode != 0:
        said = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no reason given"])[0]
        raise StoreError(f"git cannot read the settings of the workspace {root} ({said}); nothing was done. Put "
                         ".git/config right (or what it includes) and try again.")
    fields = done.stdout.decode("utf-8", "surrogateescape").split("\0")
    return [(scope, origin.removeprefix("file:"), entry.split("\n", 1)[0])
            for scope, origin, entry in zip(fields[0::3], fields[1::3], fields[2::3], strict=False)]
