"""Edits of tone placement alone are no amendment: `amend from-edits` keeps the text in force's spelling.

A drafter who retypes `hoà` as `hòa` (or `Tỉnh uỷ` as `Tỉnh ủy`) changes no word: the redline folds tone
placement and marks nothing, yet `from-edits` re-enacted the whole clause for it, and the redline listed it
as amended with no mark in its text (Luật Thi đua, khen thưởng, khoản 2 Điều 29). An amending document
does not amend spelling.

Post-conditions of `kept_tones(old, new)`:
1. Every unit of `new` that differs from its twin in `old` (same address) by tone placement alone, in its
   title, text, closing text and everything below it, is `old`'s unit, and nothing else of `new` changes.
2. The addresses returned name, in document order, the smallest units so kept whose own title, text or closing
   text was retyped (khoản 3 Điều 30 of Luật Công đoàn for its `Toà án`, not Chương V that holds it); none of them
   holds another.
3. A unit with any other change is kept as `new` has it, its children checked one by one.

`retyped(a, b)` gives the words two such units spell differently, each pair once, as a drafter reads them in the
note (`Toà` → `Tòa`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from regdraft.core.model import Address, Regulation, Unit, unit_address
from regdraft.core.text import tone_key

_WORD = re.compile(r"\w+")


def kept_tones(old: Regulation, new: Regulation) -> tuple[Regulation, list[Address]]:
    """`new` with the units whose only change is tone placement as `old` spells them (post-condition 1)."""
    kept: list[Address] = []
    units = _units(old.units, new.units, None, kept)
    return (new.with_units(units) if kept else new), kept


def _units(old: Sequence[Unit], new: Sequence[Unit], parent: Address | None, kept: list[Address]) -> tuple[Unit, ...]:
    twins = {(u.kind, u.label): u for u in old}
    out: list[Unit] = []
    for unit in new:
        twin = twins.get((unit.kind, unit.label))
        if twin is None or twin == unit:
            out.append(unit)
            continue
        address = unit_address(unit, parent)
        if same_but_tones(twin, unit):
            _smallest(twin, unit, address, kept)
            out.append(twin)
        elif unit.children and twin.children:
            children = _units(twin.children, unit.children, address, kept)
            out.append(unit if children == unit.children else replace(unit, children=children))
        else:
            out.append(unit)
    return tuple(out)


def _smallest(old: Unit, new: Unit, address: Address, kept: list[Address]) -> None:
    """The smallest units of `new` (tone placement alone changed from `old`) whose own words were retyped."""
    if (old.title, old.text, old.closing) != (new.title, new.text, new.closing) or not new.children:
        kept.append(address)
        return
    for x, y in zip(old.children, new.children, strict=True):
        if x != y:
            _smallest(x, y, unit_address(y, address), kept)


def retyped(a: Unit, b: Unit) -> list[tuple[str, str]]:
    """The words `a` and `b` (units differing in tone placement alone) spell differently, in order, each pair once:
    `[("Toà", "Tòa")]`."""
    pairs: list[tuple[str, str]] = []
    paragraphs = zip((a.title or "", *a.text, *a.closing), (b.title or "", *b.text, *b.closing), strict=True)
    for x, y in paragraphs:
        for old, new in zip(_WORD.findall(x), _WORD.findall(y), strict=False):
            if old != new and (old, new) not in pairs:
                pairs.append((old, new))
    for p, q in zip(a.children, b.children, strict=True):
        pairs.extend(pair for pair in retyped(p, q) if pair not in pairs)
    return pairs


def same_but_tones(a: Unit, b: Unit) -> bool:
    """Whether two units differ at most in where tone marks sit (title, text, closing text, children)."""
    if (a.kind, a.label, a.repealed, len(a.text), len(a.closing), len(a.children)) != (
            b.kind, b.label, b.repealed, len(b.text), len(b.closing), len(b.children)):
        return False
    if tone_key(a.title or "") != tone_key(b.title or ""):
        return False
    if any(tone_key(x) != tone_key(y) for x, y in zip((*a.text, *a.closing), (*b.text, *b.closing), strict=True)):
        return False
    return all(x == y or same_but_tones(x, y) for x, y in zip(a.children, b.children, strict=True))
