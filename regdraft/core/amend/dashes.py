"""Dash items (gạch đầu dòng) as instructions name them: by their ordinal inside an article, clause or point.

A dash item is a `- ` paragraph of a unit's own text with the `+ ` paragraphs under it
(`regdraft.core.parts.dash_items`); it has no label, so "gạch đầu dòng thứ hai điểm a khoản 1
Điều 5" is the second one counted as the text stands when the instruction applies.

Post-conditions of each function here (all pure, on one `Unit`):
1. Only the paragraphs of the dash items named change; the lead-in before the first dash item,
   the closing text after the last and every other dash item stay byte for byte.
2. A repealed dash item keeps its place as `- (được bãi bỏ)` (`- (repealed)`), as a repealed
   point does, so the ordinals of the dash items after it do not change.
3. An ordinal that does not exist raises `DashError` saying how many dash items the unit has.
"""

from __future__ import annotations

from dataclasses import replace

from regdraft.core.address import Address, dash_ordinal, dash_part
from regdraft.core.labels import REPEALED_TEXT, Kind, ordinal_text
from regdraft.core.model import Unit
from regdraft.core.parts import dash_items


class DashError(Exception):
    """An instruction on a dash item that cannot be carried out; the message says why."""


def repealed_dash(language: str) -> str:
    """The placeholder paragraph a repealed dash item leaves."""
    return f"- {REPEALED_TEXT.get(language, REPEALED_TEXT['vi'])}"


def _count(unit: Unit, target: Address, language: str) -> str:
    count = len(dash_items(unit.text))
    return f"{target.unit.describe(language)} has {count or 'no'} dash item{'s' if count != 1 else ''}"


def _span(unit: Unit, target: Address, language: str) -> tuple[int, int]:
    ordinal = dash_ordinal(target.part)
    spans = dash_items(unit.text)
    if ordinal is None or ordinal > len(spans):
        raise DashError(f"{_count(unit, target, language)}, so {target.describe(language)} does not exist.")
    return spans[ordinal - 1]


def _is_repealed(paragraphs: tuple[str, ...], language: str) -> bool:
    return paragraphs == (repealed_dash(language),)


def replace_dash(unit: Unit, target: Address, paragraphs: tuple[str, ...], language: str) -> Unit:
    """`unit` with the dash item `target` names replaced by `paragraphs` (the quoted dash item)."""
    start, end = _span(unit, target, language)
    if _is_repealed(unit.text[start:end], language):
        raise DashError(f"{target.describe(language)} has been repealed; it can no longer be changed.")
    return replace(unit, text=(*unit.text[:start], *paragraphs, *unit.text[end:]))


def repeal_dash(unit: Unit, target: Address, language: str) -> Unit:
    """`unit` with the dash item `target` names left as the repealed placeholder."""
    start, end = _span(unit, target, language)
    if _is_repealed(unit.text[start:end], language):
        raise DashError(f"{target.describe(language)} has already been repealed.")
    return replace(unit, text=(*unit.text[:start], repealed_dash(language), *unit.text[end:]))


def insert_dash(unit: Unit, target: Address, after: Address | None, paragraphs: tuple[str, ...],
                language: str) -> tuple[Unit, Address]:
    """`unit` with new dash items after the one `after` names, or after its last one (`after` None).

    Returns the new unit and the address the (first) new dash item has in it. Without `after`,
    a unit holding clauses or points is refused: its dash items would stand in its lead-in.
    """
    spans = dash_items(unit.text)
    if after is not None:
        at = _span(unit, after, language)[1]
        ordinal = (dash_ordinal(after.part) or 0) + 1
    else:
        if unit.children:
            inside = unit.children[0].kind
            word = {Kind.CLAUSE: "clauses", Kind.POINT: "points"}.get(inside, "units")
            raise DashError(f"{target.unit.describe(language)} is divided into {word}; add the dash item to one "
                            "of them.")
        # After the last dash item, before any closing text; at the end of a text without any.
        at = spans[-1][1] if spans else len(unit.text)
        ordinal = len(spans) + 1
        wanted = dash_ordinal(target.part)
        if wanted is not None and wanted != ordinal:
            raise DashError(
                f"{_count(unit, target, language)}; a dash item added at its end is the "
                f"{ordinal_text(ordinal, 'en')} ({ordinal_text(ordinal, language)}), not the "
                f"{ordinal_text(wanted, 'en')}.")
    new = replace(unit, text=(*unit.text[:at], *paragraphs, *unit.text[at:]))
    return new, target.unit.with_part(dash_part(ordinal))
