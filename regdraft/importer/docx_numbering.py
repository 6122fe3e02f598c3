"""Word's automatic numbering (numbering.xml) made literal: the label Word and LibreOffice show on a paragraph.

Counting follows list-instance semantics: every `w:num` that points to the same `w:abstractNum` is one list and
shares its counters, so a second `w:num` on the abstractNum (Word writes one after a paste or a table; LibreOffice
one per paragraph when it saves a Word file again) goes on counting (`1. 2. 3.`, then `4.` under the second
numId). A `w:num` with `w:lvlOverride/w:startOverride` restarts those levels at its first paragraph (python-docx
and Word write one per article for its clauses). Using a level restarts the deeper levels, unless a deeper level's
`w:lvlRestart` says otherwise (`0`: never; `N`: only when level N, counted from 1, or one above it is used).

Values past Word's own limits are not taken as they stand (a received file may cost no work out of proportion to
its size): a level outside 0-8 is ignored, a start value is clamped to 0-32767, and a level whose `lvlText` is longer
than `MAX_LEVEL_TEXT` characters shows no label. `Numbering.ignored` says what was, for one note.
"""

from __future__ import annotations

import re
from typing import Any

from regdraft.core.model import to_roman

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


MAX_LEVEL = 8  # Word numbers a list's levels 0 to 8
MAX_START = 32767  # Word's largest start value
MAX_LEVEL_TEXT = 255  # a level's text (`%1.`, `Điều %1.`, `%1.%2.%3.`) is a few characters
_PLACEHOLDER = re.compile(r"%([1-9])")


def _w(name: str) -> str:
    return _W + name


def _val(element: Any, child: str) -> str | None:
    found = element.find(_w(child)) if element is not None else None
    return None if found is None else found.get(_w("val"))


class _Level:
    __slots__ = ("start", "fmt", "text", "restart")

    def __init__(self, lvl: Any, ilvl: int, ignored: list[tuple[str, str]]) -> None:
        # Word writes w:start; the default of 1 covers generators that leave it out.
        self.start = _start(_val(lvl, "start"), ignored)
        self.fmt = _val(lvl, "numFmt") or "decimal"
        self.text = _val(lvl, "lvlText") or ""
        if len(self.text) > MAX_LEVEL_TEXT:
            ignored.append((f"a level's text longer than {MAX_LEVEL_TEXT} characters (its paragraphs get no number)",
                            f"{len(self.text):,} characters"))
            self.fmt, self.text = "none", ""
        # The 0-based level whose use restarts this one: the level above by default, none for `lvlRestart` 0; a value
        # naming this level or a deeper one is ignored, as the standard says.
        restart = read_int(_val(lvl, "lvlRestart"), ilvl)
        self.restart = -1 if restart == 0 else restart - 1 if restart <= ilvl else ilvl - 1


def read_int(value: str | None, default: int) -> int:
    """A number Word wrote in an attribute, or `default` when there is none or it is not a number Python reads."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def level_of(value: str | None) -> int | None:
    """A paragraph's or style's list level (`w:ilvl`): 0 when not given, None when it is not one of Word's 0-8."""
    level = read_int(value, -1) if value else 0
    return level if 0 <= level <= MAX_LEVEL else None


def ignored_level(value: str | None) -> tuple[str, str]:
    """What the note says of a paragraph's or style's level `level_of` could not take."""
    return "a paragraph's list level other than Word's 0 to 8 (the paragraph gets no number)", _shown(value)


def ignored_summary(ignored: list[tuple[str, str]]) -> str:
    """One sentence for the values of numbering past Word's limits: each kind once, counted, with its first value."""
    kinds: dict[str, tuple[str, int]] = {}
    for kind, value in ignored:
        first, n = kinds.get(kind, (value, 0))
        kinds[kind] = (first, n + 1)
    shown = [f"{kind}: {first}" + (f", and {n - 1:,} {'other' if n == 2 else 'others'}" if n > 1 else "")
             for kind, (first, n) in kinds.items()]
    return ("Word's numbering in this file goes past Word's own limits, so those values were not taken as they "
            f"stand: {'; '.join(shown)}.")


def _start(value: str | None, ignored: list[tuple[str, str]]) -> int:
    start = read_int(value, 1)
    if not 0 <= start <= MAX_START:
        ignored.append((f"a start value past Word's 0 to {MAX_START:,} (read as the nearest of the two)",
                        _shown(value)))
        return min(max(start, 0), MAX_START)
    return start


def _shown(value: str | None) -> str:
    """A number as written in the file, for a note: grouped, or its length when it is long."""
    if value is not None and re.fullmatch(r"-?[0-9]{1,20}", value):
        return f"{int(value):,}"
    return repr(value) if value is None or len(value) <= 20 else f"{len(value):,} characters long"


class Numbering:
    """Definitions from numbering.xml and the running counters, one set per list (abstractNum)."""

    def __init__(self, numbering_element: Any) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}  # abstractNumId -> level -> the value last shown
        self.begun: set[str] = set()  # the numIds whose first paragraph was read (their startOverride applied)
        self.ignored: list[tuple[str, str]] = []  # values past Word's limits, clamped or ignored: (kind, value)
        if numbering_element is None:
            return
        for abstract in numbering_element.iter(_w("abstractNum")):
            levels = {}
            for lvl in abstract.iter(_w("lvl")):
                ilvl = level_of(lvl.get(_w("ilvl")))
                if ilvl is None:
                    self.ignored.append(("a list level other than Word's 0 to 8 (ignored)",
                                         _shown(lvl.get(_w("ilvl")))))
                    continue
                levels[ilvl] = _Level(lvl, ilvl, self.ignored)
            self.levels[str(abstract.get(_w("abstractNumId")))] = levels
        for num in numbering_element.iter(_w("num")):
            overrides: dict[int, int] = {}
            for override in num.iter(_w("lvlOverride")):
                value = _val(override, "startOverride")
                ilvl = level_of(override.get(_w("ilvl")))
                if value is not None and ilvl is not None:
                    overrides[ilvl] = _start(value, self.ignored)
            self.nums[str(num.get(_w("numId")))] = (str(_val(num, "abstractNumId")), overrides)

    def label(self, num_id: str, ilvl: int | None) -> str | None:
        """Advance the list's counter at `ilvl` and return the label Word shows, or None (also for no level)."""
        if ilvl is None or num_id == "0" or num_id not in self.nums:
            return None
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.begun:
            self.begun.add(num_id)
            for level in overrides:  # this list instance restarts the levels it overrides
                counters.pop(level, None)
        start = overrides.get(ilvl, levels[ilvl].start)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            if _restarts(levels.get(deeper), ilvl):
                del counters[deeper]
        shown = levels[ilvl]
        if shown.fmt == "bullet":
            return "+" if shown.text.strip() == "+" else "-"
        if shown.fmt == "none":
            return shown.text.strip() or None

        def number(match: re.Match[str]) -> str:  # `%N` shows level N-1's counter, if that level is this one or above
            above = int(match.group(1)) - 1
            if above > ilvl or above not in levels:
                return match.group(0)
            return _format(counters.get(above, overrides.get(above, levels[above].start)), levels[above].fmt)

        return _PLACEHOLDER.sub(number, shown.text).strip() or None


def _restarts(level: _Level | None, used: int) -> bool:
    """Whether using level `used` restarts `level` (a deeper one)."""
    return level is None or used <= level.restart


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        n = value
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = to_roman(value) if value > 0 else str(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)
