"""The files a repository's own git settings come from, read as they are, so that a check of them can stand.

`git_policy.refuse_programs` checks the repository's own settings (git's `local` and `worktree` scopes) with a
`git config --list`. Those come from `config` in the repository's folder and from each worktree's `config.worktree`
(`<folder>/config.worktree`, `<folder>/worktrees/<name>/config.worktree`); a file they include is refused by the
policy (`include.*` is no harmless setting), so these files are all of them. The user's own settings (global,
system, the environment) are trusted and not checked. A write checks the settings again before `git add` runs the
programs they could name (`Transactions.settings_still_harmless`): while these files hold the bytes they held when
the settings were last checked, the answer is the same, and git is not asked again (one git process fewer a write).

Post-condition: `read(common)` gives the repository's folder and each such file's name and bytes (None for a missing
one), read before git is asked, so that a change made while git reads them is seen next time; None (check again)
without a repository, or when one is no plain file, is larger than `LARGEST` or cannot be read.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

LARGEST = 1024 * 1024  # a settings file is a few hundred bytes; a larger one is checked by git every time
Files = tuple[Path, tuple[tuple[str, bytes | None], ...]]


def read(common: Path | None) -> Files | None:
    """The settings files of the repository whose folder is `common` (vouched for by `git_policy.refuse_elsewhere`)
    and their bytes; None when one cannot be compared."""
    if common is None:  # no repository: nothing to stand by
        return None
    names = ["config", "config.worktree",
             *sorted(f"worktrees/{folder.name}/config.worktree" for folder in _folders(common / "worktrees"))]
    found: list[tuple[str, bytes | None]] = []
    for name in names:
        try:
            found.append((name, file_bytes(common / name)))
        except OSError:
            return None
    return common, tuple(found)


def file_bytes(path: Path) -> bytes | None:
    """The bytes of the settings file `path`, None when there is none; `OSError` when it is no plain file (a pipe
    would wait forever, a link leads elsewhere: git checks it), is larger than `LARGEST` or cannot be read."""
    try:
        mode = path.lstat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(mode.st_mode) or mode.st_size > LARGEST:
        raise OSError(f"{path} is no plain settings file")
    with open(path, "rb", opener=_no_wait) as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):  # replaced since the `lstat`
            raise OSError(f"{path} is no plain settings file")
        data = file.read(LARGEST + 1)
    if len(data) > LARGEST:
        raise OSError(f"{path} is larger than {LARGEST} bytes")
    return data


def object_id_size(common: Path) -> int | None:
    """The size in bytes of an object id in the repository whose folder is `common`, as git learns it from the
    `config` there (the only file it reads `extensions.objectFormat` from): 32 for `sha256`, 20 for `sha1` or
    when the file does not name the setting (git's default); None when the file cannot be read plainly
    (`file_bytes`) or names it in a way not read here (`configured_size`)."""
    try:
        return configured_size(file_bytes(common / "config") or b"")
    except OSError:
        return None


# The one line git writes for the setting (`git init --object-format=sha256`), in the `[extensions]` section; the
# name in any case, as git reads names; the value as written, as git compares it.
_FORMAT = re.compile(rb"[ \t]*(?i:objectformat)[ \t]*=[ \t]*(sha1|sha256)[ \t]*\r?")
_EXTENSIONS = re.compile(rb"[ \t]*\[(?i:extensions)\][ \t]*\r?")


def configured_size(config: bytes) -> int | None:
    """The object id size the settings file `config` gives (`object_id_size`). A setting's name is letters, digits
    and dashes written in one piece, so a file without `objectformat` in any case names no object format; one that
    has it is read only in the form git writes: one such line, `objectformat = sha1` or `sha256` alone on it, in a
    section `[extensions]` alone on its line, and no line continued with a backslash (which would join lines into a
    value); anything else gives None (git is asked)."""
    if b"objectformat" not in config.lower():
        return 20
    lines = config.split(b"\n")
    named = [number for number, line in enumerate(lines) if b"objectformat" in line.lower()]
    if len(named) != 1 or any(line.rstrip(b"\r").endswith(b"\\") for line in lines):
        return None
    found = _FORMAT.fullmatch(lines[named[0]])
    section = next((line for line in reversed(lines[:named[0]]) if line.lstrip(b" \t").startswith(b"[")), b"")
    if found is None or not _EXTENSIONS.fullmatch(section):
        return None
    return 32 if found.group(1) == b"sha256" else 20


def _folders(parent: Path) -> list[Path]:
    try:
        with os.scandir(parent) as listing:
            return [Path(entry.path) for entry in listing if entry.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def _no_wait(path: str, flags: int) -> int:
    """Open without waiting on a pipe put there since the `lstat`, nor following a link."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
