"""Edits of tone placement alone are no amendment: `amend from-edits` keeps the text in force's spelling.

A drafter who retypes `hoà` as `hòa` (or `Tỉnh uỷ` as `Tỉnh ủy`) changes no word: the redline folds tone
placement and marks nothing, yet `from-edits` re-enacted the whole clause for it, and the redline listed it
as amended with no mark in its text (Luật Thi đua, khen thưởng, khoản 2 Điều 29). An amending document
does not amend spelling.

Post-conditions of `kept_tones(old, new)`:
1. Every unit of `new` that differs from its twin in `old` (same address) by tone placement alone, in its
   title, text, closing text and everything below it, is `old`'s unit; the addresses so kept are returned,
   outermost first, and nothing else of `new` changes.
2. A unit with any other change is kept as `new` has it, its children checked one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from regdraft.core.model import Address, Regulation, Unit, unit_address
from regdraft.core.text import tone_key


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
            kept.append(address)
            out.append(twin)
        elif unit.children and twin.children:
            children = _units(twin.children, unit.children, address, kept)
            out.append(unit if children == unit.children else replace(unit, children=children))
        else:
            out.append(unit)
    return tuple(out)


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
