"""Provisions whose words an edit keeps but whose structure it changes (a closing text marked, or unmarked).

`<!-- đoạn cuối khoản 2 -->` before a paragraph after điểm c makes it the closing text of khoản 2
rather than a further paragraph of điểm c: not a word changes, yet khoản 2 is another unit, and
applying an amendment must give it. `amend from-edits` amends such a unit as it amends any other (its
quote carries the mark), and says why, since a reader of the instruction sees the same words.
"""

from __future__ import annotations

from regdraft.core.diff import unit_lines
from regdraft.core.model import Address, Kind, Regulation, Unit, unit_address

_CONTAINERS = (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION)  # their articles are compared one by one


def rearranged(old: Regulation, new: Regulation) -> list[tuple[Address, str]]:
    """The innermost units that `new` holds with `old`'s words in another structure, with what changed.

    What changed is `closing marked` (a closing text where the words ran on in the last child),
    `closing unmarked` (the other way) or `paragraphs` (divided differently among the unit's parts)."""
    index = new.index()

    def inside(units: tuple[Unit, ...], base: Address | None) -> list[tuple[Address, str]]:
        found: list[tuple[Address, str]] = []
        for unit in units:
            address = unit_address(unit, base)
            twin = index.get(address)
            if twin is None or twin.unit == unit or unit.repealed or twin.unit.repealed:
                continue
            deeper = inside(unit.children, address)
            if deeper or unit_lines(unit, old.language) != unit_lines(twin.unit, old.language):
                found.extend(deeper)  # the innermost unit says what changed
            elif unit.kind not in _CONTAINERS:
                found.append((address, _how(unit, twin.unit)))
        return found

    return inside(old.units, None)


def _how(unit: Unit, twin: Unit) -> str:
    if twin.closing and not unit.closing:
        return "closing marked"
    if unit.closing and not twin.closing:
        return "closing unmarked"
    return "paragraphs"
