"""Work counted instead of timed: the profile events (calls, returns, generator steps) an action makes, so that a
test can bound how work grows with its input without asserting wall-clock time."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any


def events(action: Callable[[], Any], counted: Callable[[FrameType, str], bool]) -> tuple[int, Any]:
    """How many profile events `counted` accepts while `action` runs, and what `action` returned."""
    count = 0

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        nonlocal count
        if counted(frame, event):
            count += 1

    sys.setprofile(profile)
    try:
        result = action()
    finally:
        sys.setprofile(None)
    return count, result


def in_module(ending: str | tuple[str, ...]) -> Callable[[FrameType, str], bool]:
    """Events of code in the files whose path ends with `ending` (`core/align.py`, or a tuple of endings)."""
    return lambda frame, _event: frame.f_code.co_filename.replace("\\", "/").endswith(ending)


def calls(frame: FrameType, event: str) -> bool:
    """Every call, of Python functions and built-ins alike."""
    return event in ("call", "c_call")


class Scanning:
    """A regular expression that counts the text it scans: for `search`, the characters from `pos` to the end of what
    it found (to `endpos` when it finds nothing; a slice passed counts its length), so that a rescan of the rest of a
    text for each of its separators adds up to its length times theirs; for `finditer`, `findall`, `sub`, `subn` and
    `split`, all they are given. `match` and `fullmatch`, which start where they are told, are counted as calls."""

    def __init__(self, pattern: Any) -> None:
        self.pattern = pattern
        self.scanned = 0
        self.matches = 0

    def _scan(self, name: str) -> Callable[..., Any]:
        def scan(string: str, *args: Any, **kwargs: Any) -> Any:
            pos = args[0] if args else kwargs.get("pos", 0)
            endpos = min(args[1] if len(args) > 1 else kwargs.get("endpos", len(string)), len(string))
            found = getattr(self.pattern, name)(string, *args, **kwargs)
            end = found.end() if name == "search" and found is not None else endpos
            self.scanned += max(0, end - pos)
            return found
        return scan

    def __getattr__(self, name: str) -> Any:
        if name in ("search", "finditer", "findall"):
            return self._scan(name)
        if name in ("sub", "subn"):
            def replace(repl: Any, string: str, *args: Any, **kwargs: Any) -> Any:
                self.scanned += len(string)
                return getattr(self.pattern, name)(repl, string, *args, **kwargs)
            return replace
        if name == "split":
            def split(string: str, *args: Any, **kwargs: Any) -> Any:
                self.scanned += len(string)
                return self.pattern.split(string, *args, **kwargs)
            return split
        if name in ("match", "fullmatch"):
            self.matches += 1
        return getattr(self.pattern, name)


def scanning(patch: Callable[[object, str, object], None], module: object) -> list[Scanning]:
    """Every regular expression of `module` (module-level, compiled or `lazy`) replaced by a `Scanning` one through
    `patch` (`monkeypatch.setattr`): the list of them, to sum what they were given to scan."""
    from regdraft.core.patterns import _Lazy

    out: list[Scanning] = []
    for name, value in list(vars(module).items()):
        if isinstance(value, (re.Pattern, _Lazy)):
            counting = Scanning(value)
            patch(module, name, counting)
            out.append(counting)
    return out


# The options git takes before its command, and how many values each takes after it.
_GIT_OPTIONS = {"-c": 1, "-C": 1, "--no-optional-locks": 0, "--no-pager": 0, "--literal-pathspecs": 0}


@contextmanager
def git_processes() -> Iterator[list[list[str]]]:
    """The git processes started inside the block (regdraft's own and GitPython's, its long-lived `cat-file`s
    included), each as its command and arguments with git's own options before the command left out: counted,
    not timed. GitPython's `git version` at its import is not counted when it was imported before."""
    import subprocess

    started: list[list[str]] = []
    real = subprocess.Popen.__init__

    def counting(self: subprocess.Popen[Any], args: Any, *rest: Any, **options: Any) -> None:
        argv = [os.fsdecode(a) for a in ([args] if isinstance(args, (str, bytes)) else args)]
        if argv and os.path.basename(argv[0]) in ("git", "git.exe"):
            at = 1
            while at < len(argv) and argv[at].startswith("-"):
                at += 1 + _GIT_OPTIONS.get(argv[at], 0)
            started.append(argv[at:])
        real(self, args, *rest, **options)

    subprocess.Popen.__init__ = counting  # type: ignore[method-assign]
    try:
        yield started
    finally:
        subprocess.Popen.__init__ = real  # type: ignore[method-assign]
