"""Word's automatic numbering (numbering.xml) made literal: the label Word and LibreOffice show on a paragraph.

Counting follows list-instance semantics: every `w:num` that points to the same `w:abstractNum` is one list and
shares its counters, so a second `w:num` on the abstractNum (Word writes one after a paste or a table; LibreOffice
one per paragraph when it saves a Word file again) goes on counting (`1. 2. 3.`, then `4.` under the second
numId). A `w:num` with `w:lvlOverride/w:startOverride` restarts those levels at its first paragraph (python-docx
and Word write one per article for its clauses). Using a level restarts the deeper levels, unless a deeper level's
`w:lvlRestart` says otherwise (`0`: never; `N`: only when level N, counted from 1, or one above it is used).
"""

from __future__ import annotations

from typing import Any

from regdraft.core.model import to_roman

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _w(name: str) -> str:
    return _W + name


def _val(element: Any, child: str) -> str | None:
    found = element.find(_w(child)) if element is not None else None
    return None if found is None else found.get(_w("val"))


class _Level:
    __slots__ = ("start", "fmt", "text", "restart")

    def __init__(self, lvl: Any, ilvl: int) -> None:
        # Word writes w:start; the default of 1 covers generators that leave it out.
        self.start = _int(_val(lvl, "start"), 1)
        self.fmt = _val(lvl, "numFmt") or "decimal"
        self.text = _val(lvl, "lvlText") or ""
        # The 0-based level whose use restarts this one: the level above by default, none for `lvlRestart` 0; a value
        # naming this level or a deeper one is ignored, as the standard says.
        restart = _int(_val(lvl, "lvlRestart"), ilvl)
        self.restart = -1 if restart == 0 else restart - 1 if restart <= ilvl else ilvl - 1


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Numbering:
    """Definitions from numbering.xml and the running counters, one set per list (abstractNum)."""

    def __init__(self, numbering_element: Any) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}  # abstractNumId -> level -> the value last shown
        self.begun: set[str] = set()  # the numIds whose first paragraph was read (their startOverride applied)
        if numbering_element is None:
            return
        for abstract in numbering_element.iter(_w("abstractNum")):
            levels = {}
            for lvl in abstract.iter(_w("lvl")):
                ilvl = _int(lvl.get(_w("ilvl")), 0)
                levels[ilvl] = _Level(lvl, ilvl)
            self.levels[str(abstract.get(_w("abstractNumId")))] = levels
        for num in numbering_element.iter(_w("num")):
            overrides: dict[int, int] = {}
            for override in num.iter(_w("lvlOverride")):
                value = _val(override, "startOverride")
                if value is not None:
                    overrides[_int(override.get(_w("ilvl")), 0)] = _int(value, 1)
            self.nums[str(num.get(_w("numId")))] = (str(_val(num, "abstractNumId")), overrides)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list's counter at `ilvl` and return the label Word shows, or None."""
        if num_id == "0" or num_id not in self.nums:
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
        text = shown.text
        for above in range(ilvl, -1, -1):
            if above in levels:
                value = counters.get(above, overrides.get(above, levels[above].start))
                text = text.replace(f"%{above + 1}", _format(value, levels[above].fmt))
        return text.strip() or None


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
