"""git's locks that block no write of regdraft's, left by a git that was killed (r43 sweep CK F9).

Two of them, besides the index lock and the ref locks `store_killed` judges:

1. `objects/maintenance.lock` (in the repository's shared git folder): `git maintenance run --auto`, which git
   starts after a commit, holds it open while it packs; killed, it leaves it, and git's upkeep of the repository
   (packing loose objects) stops for good without a word.
2. `next-index-<pid>.lock` (in the worktree's git folder): git's temporary index of a `git commit <paths>`; killed
   after its index lock went, it stays alone. Harmless, unless its pid is used again by another git.

`check` names each as a warning and `check --repair` removes it under the index lock's rules (`store_killed`'s 1):
no process holds it open, and, for the maintenance lock, which holds no pid, no git process runs in the repository
(`held_files.git_running`, as for a ref lock); for a temporary index, its git's process (the pid in its name) is
gone. A link or a folder of those names is left alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from regdraft.core.commands import Command
from regdraft.core.counts import count, first_few

MAINTENANCE = Path("objects") / "maintenance.lock"
SHOWN_APART = 5  # temporary indexes named one a line; more are said in one line with their count


def leftover_locks(git_dir: Path, common: Path) -> list[Path]:
    """The maintenance lock and the temporary indexes with no index lock beside them, those that are there."""
    found = [common / MAINTENANCE] if (common / MAINTENANCE).is_file() else []
    if not (git_dir / "index.lock").exists():  # beside it, they go with it (`KilledGit.remove_abandoned_lock`)
        found += sorted(lock for lock in git_dir.glob("next-index-*.lock") if pid_of(lock) is not None)
    return [lock for lock in found if not lock.is_symlink() and lock.is_file()]


def abandoned(lock: Path, left: Callable[[Path, tuple[Path, ...]], bool], places: tuple[Path, ...]) -> bool:
    """Whether `lock` was left by a git that was stopped: its pid gone (a temporary index), and `left` (the index
    lock's test, `store_killed._abandoned`) finding no process holding it, no git running in `places` either."""
    pid = pid_of(lock)
    if pid is not None and alive(pid):
        return False
    return left(lock, places if pid is None else ())


def said(lock: Path, shown: str) -> str:
    """What `check` says of a lock `leftover_locks` found, abandoned."""
    repair = Command.of("check", repair=True)
    if lock.name == MAINTENANCE.name:
        return (f"git's maintenance lock {shown} is there and no git process holds it (a `git maintenance` that was "
                f"stopped left it): regdraft's writes go on, but git's own upkeep of the repository (packing its "
                f"objects) does not run until `{repair}` removes it.")
    return (f"git's temporary index {shown} is there, its git gone (a `git commit` that was stopped left it): it "
            f"blocks nothing; `{repair}` removes it.")


def apart(locks: list[Path]) -> tuple[list[Path], list[Path]]:
    """`locks` (`leftover_locks`) as `check` names them: those named one a line, and the temporary indexes said
    together (`said_together`) when there are more than `SHOWN_APART` of them."""
    indexes = [lock for lock in locks if pid_of(lock) is not None]
    if len(indexes) <= SHOWN_APART:
        return locks, []
    return [lock for lock in locks if pid_of(lock) is None], indexes


def said_together(shown: list[str]) -> str:
    """What `check` says of many temporary indexes at once (more than `SHOWN_APART`): their count and the first few
    names; one line each made 1,200 lines (r44 sweep CI F2)."""
    return (f"{count(len(shown), 'temporary index', plural_form='temporary indexes')} of git's are there, their gits "
            f"gone ({first_few(shown)}; `git commit`s that were stopped left them): they block nothing; "
            f"`{Command.of('check', repair=True)}` removes them.")


def pid_of(lock: Path) -> int | None:
    """The pid in a temporary index's name (`next-index-<pid>.lock`); None for any other name. Only ASCII digits
    make git's name: `str.isdigit()` took '²', which `int()` refuses (a traceback), and '٣', read as pid 3 (r44
    sweep CI F1); such a file is not git's, and is left alone."""
    number = lock.name.removeprefix("next-index-").removesuffix(".lock")
    named = lock.name.startswith("next-index-") and lock.name.endswith(".lock")
    return int(number) if named and number.isascii() and number.isdigit() else None


def alive(pid: int) -> bool:
    """Whether a process `pid` runs (one of another user's counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True
