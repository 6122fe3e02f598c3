"""No git repository nested in a workspace (docs/security.md, "Nothing in a workspace runs code").

A repository inside the workspace that git records as a submodule (a "gitlink" in the index, its files in a
`.git` folder of its own or, absorbed, in `.git/modules/NAME`) has settings of its own, which `git_policy` does not
read: a `git status` over the folder holding it ran `git status` in there, and so the filter its own `.git/config`
named (`filter.x.clean = sh -c '…'`), on `sync` and on every redline page of the review server. Git is kept out of
such a repository on every call (`git_policy.NESTED_OFF`, `--ignore-submodules=all` on `status` and `diff`), and a
`.gitmodules` may undo the settings though not the option; a regulation workspace has no use for a submodule, so
one is refused outright before the first git call.

Post-condition: `refuse_nested(root)` raises `StoreError` naming the first path the index records as a submodule
(a mode whose kind bits read 160000: 160000, and 160644 too, as git reads it), or the first repository in the git
folder's `modules/`, with what to delete; or returns None.
Cost (docs/security.md): one folder listing and a read of git's index, whose entries' modes are read (`_entry_modes`)
when it has at most `INDEX_ENTRIES`; a `git ls-files` (about 1.2 ms on the shipped workspace and on the
1,000-article benchmark, 6-11 ms for an index of 20,000 files) only for a larger index, or one with a submodule, or
one not read plainly or that git might read otherwise (`_records_no_gitlink`); none while the repository has no
index (`has_index`: `init` in a new folder).
"""

from __future__ import annotations

import os
import re
import shlex
import stat
import struct
import subprocess
from pathlib import Path

from regdraft.core.commands import Command
from regdraft.core.errors import StoreError
from regdraft.workspace import git_policy, git_settings

KIND, GITLINK = 0o170000, 0o160000  # git takes any mode whose kind bits (S_IFMT) read 160000 for a submodule
# The extensions of an index whose entries are elsewhere (split, sparse) or read from where an extension says (with
# threads): git is asked to list them.
_ASK_GIT = (b"link", b"sdir", b"EOIE", b"IEOT")
_EXTENDED = 0x6000  # the extended flags git knows (intent to add, skip worktree); it stops on any other
_PARTS = bytes.maketrans(b"/", b"\0")  # a path's parts, each between two NULs (`_in_tree`)
_DOTTED = re.compile(rb"\0\.(?:\.|[gG][iI][tT])?\0")  # a part no path in git's tree has: `.`, `..`, `.git`
INDEX_READ = 64 * 1024 * 1024  # a larger index is listed by git (100,000 comment files make about 10 MB)
# The entries read from the index's bytes (0.39 ms of CPU for the 1,009 of regdraft's own index, their names checked,
# on a machine where round 37's two readings without that took 0.24); a larger index is listed by git, whose
# `git ls-files` takes 6-11 ms for 20,000.
INDEX_ENTRIES = 4096


def refuse_nested(root: Path) -> None:
    """Raise `StoreError` when the workspace at `root` holds a git repository git would go into (a submodule)."""
    for folder in _git_folders(root):
        modules = folder / "modules"
        try:
            with os.scandir(modules) as listing:
                names = sorted(entry.name for entry in listing)
        except OSError:  # none (or unreadable: git stops on it with its own message)
            continue
        if names:
            where = modules / names[0]
            raise StoreError(
                f"{where} is another git repository kept inside this workspace's (a submodule's): git would work "
                "in it under its own settings, which can name a program to run, and a regulation workspace has no "
                f"use for one, so nothing was done; delete it (`rm -rf {shlex.quote(str(where))}`), and any folder "
                "of the workspace holding a `.git` file that names it.")
    if not has_index(root) or _records_no_gitlink(root):  # nothing git would list as a submodule
        return
    settings = [part for option in git_policy.options(hooks=False) for part in ("-c", option)]
    done = subprocess.run(["git", "--no-optional-locks", *settings, "ls-files", "--stage", "-z"], cwd=root,
                          capture_output=True, env=git_policy.environment(root), check=False)
    if done.returncode != 0:  # no repository, or one git cannot read: the next git call says so in its words
        return
    for entry in done.stdout.split(b"\0"):
        mode, _, rest = entry.partition(b" ")
        if mode.isdigit() and int(mode, 8) & KIND == GITLINK and b"\t" in rest:
            path = rest.split(b"\t", 1)[1].decode("utf-8", "surrogateescape")
            forget = Command.git("rm", path, switches=("q", "cached", "f"))  # quoted as it is written
            raise StoreError(
                f"{path} is another git repository nested in this workspace (git records it as a submodule): git "
                "would work in it under its own settings, which can name a program to run, and a regulation "
                "workspace has no use for one, so nothing was done; delete its git folder (`rm -rf "
                f"{shlex.quote(path + '/.git')}`), have git forget it (`{forget}`), and commit its files as the "
                "workspace's own if you need them.")


def _records_no_gitlink(root: Path) -> bool:
    """True when the bytes of git's index for the workspace at `root` certainly hold no submodule: read as git reads
    them (`_entry_modes`, object ids of the size the repository's settings give: `git_settings.object_id_size`),
    none of its entries (at most `INDEX_ENTRIES`) has a mode whose kind is a gitlink's. Otherwise, or when the
    reading is in any doubt (the settings or the index not read plainly, an index git would read in another way),
    False: git lists it. Round 36 looked for the four bytes of mode 160000 anywhere in the index: git takes mode
    160644 for a submodule too (`git submodule status` names it), and it passed (r37 sweep BP F5). Round 37 read it
    with either size of object id and trusted each reading that filled it exactly: git reads it one way, ignores up
    to 7 bytes before the checksum and an unknown extension, and an index whose SHA-1 reading (git's) held a
    gitlink, 4 bytes left over, read exactly as SHA-256 entries of mode 100644 (r38 sweep BS F1)."""
    folders = _git_folders(root)
    if not folders or "GIT_INDEX_FILE" in os.environ:
        return False
    hashed = git_settings.object_id_size(folders[-1])
    if hashed is None:
        return False
    try:
        fd = os.open(folders[0] / "index", os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        with os.fdopen(fd, "rb") as index:
            size = os.fstat(index.fileno())
            if not stat.S_ISREG(size.st_mode) or size.st_size > INDEX_READ:
                return False
            data = index.read(INDEX_READ + 1)
    except OSError:
        return False
    if data[:4] != b"DIRC" or len(data) > INDEX_READ:
        return False
    modes = _entry_modes(data, hashed)
    return modes is not None and not any(mode & KIND == GITLINK for mode in modes)


def _entry_modes(data: bytes, hashed: int) -> list[int] | None:
    """The mode of each entry of git's index `data` (versions 2 to 4) whose object ids are of `hashed` bytes, read
    as git reads them; None when it holds more than `INDEX_ENTRIES` entries, is split, sparse or read by git from
    where an extension says (`_ASK_GIT`, `_read_elsewhere`), or when anything in it is not as git writes it: an
    entry that runs past the checksum, flags version 2 does not have, names out of order or not of a path in the
    tree (`_in_tree`), and extensions that do not end exactly at the checksum (git ignores up to 7 bytes left over
    there, as it skips an unknown extension whose name begins with a capital: what is hidden there is left to git,
    which lists the index)."""
    version, count = int.from_bytes(data[4:8], "big"), int.from_bytes(data[8:12], "big")
    if version not in (2, 3, 4) or count > INDEX_ENTRIES or _read_elsewhere(data, hashed):
        return None
    unpack = struct.Struct(f">24xI{12 + hashed}xH").unpack_from  # an entry's mode, and its flags after the id
    fixed, end = 42 + hashed, len(data) - hashed
    modes: list[int] = []
    paths: list[bytes] = []
    at = 12
    try:
        for _ in range(count):
            if at + fixed > end:
                return None
            mode, flags = unpack(data, at)
            name = at + fixed
            if flags & 0x4000:  # extended flags: written from version 3 on, and only those git knows
                if version < 3 or int.from_bytes(data[name:name + 2], "big") & ~_EXTENDED:
                    return None
                name += 2
            if version == 4:  # the number of bytes to drop from the last name (git's varint), then the rest
                strip, name = _varint(data, name)
                stop = data.index(b"\0", name)
                previous = paths[-1] if paths else b""
                if strip > len(previous):
                    return None
                paths.append(previous[:len(previous) - strip] + data[name:stop])
                at = stop + 1
            else:  # the name, its length in the flags (0xfff: longer), padded with NULs to 8 bytes
                length = flags & 0xFFF if flags & 0xFFF < 0xFFF else data.index(b"\0", name) - name
                paths.append(data[name:name + length])
                at += (name - at + length + 8) & ~7
            modes.append(mode)
        while at <= end - 8:  # the extensions, each a signature and its size, as git's loop reads them
            if data[at:at + 4] in _ASK_GIT:
                return None
            at += 8 + int.from_bytes(data[at + 4:at + 8], "big")
    except (IndexError, ValueError):
        return None
    return modes if at == end and paths == sorted(paths) and _in_tree(paths) else None


def _in_tree(paths: list[bytes]) -> bool:
    """Whether each of `paths` is a name a path in git's tree can have: no NUL in it, no empty part, none `.`, `..`
    or `.git` (in any case); their parts joined by NULs, looked for in C (57 µs for 1,009 names, where a pattern
    tried at every place took 570)."""
    names = b"\0" + b"\0".join(paths) + b"\0"
    if names.count(b"\0") != len(paths) + 1:  # a NUL inside a name
        return False
    parts = names.translate(_PARTS)
    return b"\0\0" not in parts and not _DOTTED.search(parts)


def _read_elsewhere(data: bytes, hashed: int) -> bool:
    """Whether the index `data` ends with the extension (`EOIE`) from which a git set to read with threads
    (`index.threads`) finds the others, and the entries' blocks (`IEOT`): where it is, not where the entries end."""
    return data[len(data) - 2 * hashed - 12:len(data) - 2 * hashed - 8] == b"EOIE"


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """The number git's `encode_varint` wrote at `at` in `data`, and where it ends."""
    byte = data[at]
    value = byte & 0x7F
    while byte & 0x80:
        at += 1
        byte = data[at]
        value = ((value + 1) << 7) | (byte & 0x7F)
    return value, at + 1


def has_index(root: Path) -> bool:
    """Whether git has an index for the workspace at `root` (False only when it certainly has none: its own git
    folder holds no `index` file, and no `GIT_INDEX_FILE` names another): `git ls-files` and `git status` then list
    nothing git tracks, so `init` in a new folder asks neither."""
    folders = _git_folders(root)
    return "GIT_INDEX_FILE" in os.environ or not folders or os.path.lexists(folders[0] / "index")


def _git_folders(root: Path) -> list[Path]:
    """The workspace's git folder, and its repository's when it is a linked worktree (already checked by
    `git_policy.refuse_elsewhere` to be one of this workspace's)."""
    dot_git = root / ".git"
    if dot_git.is_dir():
        return [dot_git]
    try:
        text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return []
    if not text.startswith("gitdir:"):
        return []
    own = (root / text.removeprefix("gitdir:").strip()).resolve()
    return [own, own.parent.parent]  # `<repository>/worktrees/<name>`
