"""Regular expressions compiled on first use.

`lazy(pattern, flags)` stands for `re.compile(pattern, flags)`, but compiles only when the pattern
is first used. A command loads far more patterns than it uses: a redline whose texts are in the
parse cache reads no amending text, yet importing the modules that read one compiled about
seventy patterns, 5 % of the command (docs/performance.md, fifth round).

Post-conditions:
1. Every method and attribute of the compiled pattern (`match`, `sub`, `pattern`, `groupindex`...)
   is there and answers as the compiled pattern does; a malformed pattern raises `re.error` at its
   first use, not at import (tests/test_patterns.py compiles every module's patterns eagerly, so
   a malformed one still fails the tests).
2. After the first use, a method costs what the compiled pattern's own does: the bound methods
   are kept on the object.
3. Safe under threads (the review server): two first uses at once compile the same pattern twice
   and keep either.
"""

from __future__ import annotations

import functools
import re
from typing import Any, cast

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class _Lazy:
    """A pattern's source until its first use, then the compiled pattern's methods."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def compiled(self) -> re.Pattern[str]:
        found: re.Pattern[str] | None = self.__dict__.get("_compiled")
        if found is None:
            found = re.compile(*self._source)
            for name in _METHODS:
                self.__dict__[name] = getattr(found, name)
            self.__dict__["_compiled"] = found
        return found

    def __getattr__(self, name: str) -> Any:  # only for what is not kept yet
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r})"


def lazy(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used."""
    return cast("re.Pattern[str]", _Lazy(pattern, int(flags)))


def compile_now(value: object) -> None:
    """Compile a lazy pattern at once (tests check every module's patterns this way)."""
    if isinstance(value, _Lazy):
        value.compiled()


@functools.cache
def compiled(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, kept: for patterns put together at run time."""
    return re.compile(source, flags)


class Ahead:
    """The leftmost match of `pattern` in `text` at or after a position, asked at positions that (mostly) grow: it
    is searched for again only once a position has passed it, so the text is scanned about once in all, where a
    search of the rest (or of the part before) at each position would scan it once per position. For patterns
    whose matches do not look behind their start or ahead of their end but through `\b`, and windows starting after
    and ending before a character not a word's."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        self.pattern, self.text = pattern, text
        self.since = -1
        self.found: re.Match[str] | None = None

    def at(self, pos: int) -> re.Match[str] | None:
        if self.since < 0 or pos < self.since or (self.found is not None and self.found.start() < pos):
            self.since, self.found = pos, self.pattern.search(self.text, pos)
        return self.found

    def before(self, pos: int, limit: re.Match[str] | None) -> bool:
        """Whether there is a match at or after `pos` starting before `limit` (before the end when None)."""
        found = self.at(pos)
        return found is not None and (limit is None or found.start() < limit.start())

    def within(self, pos: int, end: int) -> bool:
        """Whether `text[pos:end]` holds a match (`pos` after a non-word character, `end` before one)."""
        found = self.at(pos)
        if found is None or found.start() >= end:
            return False
        # A match inside the window is one in the whole text: none starts before the leftmost one.
        return found.end() <= end or self.pattern.search(self.text, found.start(), end) is not None
