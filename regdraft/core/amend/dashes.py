"""Dash items (gạch đầu dòng) and their plus items (ý) as instructions name them: by their ordinals.

A dash item is a `- ` paragraph of a unit's own text with the `+ ` paragraphs under it
(`regdraft.core.parts.dash_items`); it has no label, so "gạch đầu dòng thứ hai điểm a khoản 1
Điều 5" is the second one counted as the text stands when the instruction applies. A plus item
is a `+ ` paragraph under a dash item (`regdraft.core.parts.plus_items`): "ý thứ nhất gạch đầu
dòng thứ hai điểm a khoản 1 Điều 5" (`d5.k1.a.dash2.plus1`).

Post-conditions of each function here (all pure, on one `Unit`):
1. Only the paragraphs of the dash items named change; the lead-in before the first dash item,
   the closing text after the last and every other dash item stay byte for byte.
2. A repealed dash item keeps its place as `- (được bãi bỏ)` (`- (repealed)`), a plus item as
   `+ (được bãi bỏ)`, as a repealed point does, so the ordinals of the items after it do not change.
3. An ordinal that does not exist raises `DashError` saying how many dash (plus) items there are.
"""

from __future__ import annotations

from dataclasses import replace

from regdraft.core.address import Address, dash_ordinal, dash_part, is_plus_part, plus_ordinals, plus_part
from regdraft.core.labels import REPEALED_TEXT, Kind, ordinal_text
from regdraft.core.model import Unit
from regdraft.core.parts import dash_items, plus_items


class DashError(Exception):
    """An instruction on a dash item that cannot be carried out; the message says why."""


def repealed_dash(language: str, mark: str = "-") -> str:
    """The placeholder paragraph a repealed dash item (`mark` "+": plus item) leaves."""
    return f"{mark} {REPEALED_TEXT.get(language, REPEALED_TEXT['vi'])}"


def _items(unit: Unit, target: Address, language: str) -> tuple[list[tuple[int, int]], str, str]:
    """The spans of the items `target` counts among (a unit's dash items, or a dash item's plus items),
    what holds them as cited, and the name of one item ("dash item" / "plus item")."""
    plus = plus_ordinals(target.part)
    dashes = dash_items(unit.text)
    if plus is None:
        return dashes, target.unit.describe(language), "dash item"
    holder = target.unit.with_part(dash_part(plus[0]))
    if plus[0] > len(dashes):
        raise DashError(f"{_count(len(dashes), target.unit.describe(language), 'dash item')}, so "
                        f"{holder.describe(language)} does not exist.")
    return plus_items(unit.text, dashes[plus[0] - 1]), holder.describe(language), "plus item"


def _count(count: int, holder: str, item: str) -> str:
    return f"{holder} has {count or 'no'} {item}{'s' if count != 1 else ''}"


def _ordinal(part: str) -> int | None:
    plus = plus_ordinals(part)
    return plus[1] if plus is not None else dash_ordinal(part)


def _span(unit: Unit, target: Address, language: str) -> tuple[int, int]:
    spans, holder, item = _items(unit, target, language)
    ordinal = _ordinal(target.part)
    if ordinal is None or ordinal > len(spans):
        raise DashError(f"{_count(len(spans), holder, item)}, so {target.describe(language)} does not exist.")
    return spans[ordinal - 1]


def _mark(target: Address) -> str:
    return "+" if is_plus_part(target.part) else "-"


def _is_repealed(paragraphs: tuple[str, ...], language: str, mark: str) -> bool:
    return paragraphs == (repealed_dash(language, mark),)


def replace_dash(unit: Unit, target: Address, paragraphs: tuple[str, ...], language: str) -> Unit:
    """`unit` with the dash (or plus) item `target` names replaced by `paragraphs` (the quoted item)."""
    start, end = _span(unit, target, language)
    if _is_repealed(unit.text[start:end], language, _mark(target)):
        raise DashError(f"{target.describe(language)} has been repealed; it can no longer be changed.")
    return replace(unit, text=(*unit.text[:start], *paragraphs, *unit.text[end:]))


def repeal_dash(unit: Unit, target: Address, language: str) -> Unit:
    """`unit` with the dash (or plus) item `target` names left as the repealed placeholder."""
    start, end = _span(unit, target, language)
    mark = _mark(target)
    if _is_repealed(unit.text[start:end], language, mark):
        raise DashError(f"{target.describe(language)} has already been repealed.")
    return replace(unit, text=(*unit.text[:start], repealed_dash(language, mark), *unit.text[end:]))


def insert_dash(unit: Unit, target: Address, after: Address | None, paragraphs: tuple[str, ...],
                language: str) -> tuple[Unit, Address]:
    """`unit` with new dash (or plus) items after the one `after` names, or after its last one (`after` None).

    Returns the new unit and the address the (first) new item has in it. Without `after`, a dash
    item added to a unit holding clauses or points is refused: it would stand in its lead-in; a
    plus item goes after the last plus item of its dash item, or right after the dash item's own
    text when it has none.
    """
    spans, holder, item = _items(unit, target, language)
    plus = plus_ordinals(target.part)
    if after is not None:
        at = _span(unit, after, language)[1]
        ordinal = (_ordinal(after.part) or 0) + 1
    else:
        if unit.children and plus is None:
            inside = unit.children[0].kind
            word = {Kind.CLAUSE: "clauses", Kind.POINT: "points"}.get(inside, "units")
            raise DashError(f"{target.unit.describe(language)} is divided into {word}; add the dash item to one "
                            "of them.")
        if plus is not None:
            # After the last plus item; in a dash item without any, after the dash item's own text.
            at = spans[-1][1] if spans else dash_items(unit.text)[plus[0] - 1][1]
        else:
            # After the last dash item, before any closing text; at the end of a text without any.
            at = spans[-1][1] if spans else len(unit.text)
        ordinal = len(spans) + 1
        wanted = _ordinal(target.part)
        if wanted is not None and wanted != ordinal:
            raise DashError(
                f"{_count(len(spans), holder, item)}; a {item} added at its end is the "
                f"{ordinal_text(ordinal, 'en')} ({ordinal_text(ordinal, language)}), not the "
                f"{ordinal_text(wanted, 'en')}.")
    new = replace(unit, text=(*unit.text[:at], *paragraphs, *unit.text[at:]))
    part = plus_part(plus[0], ordinal) if plus is not None else dash_part(ordinal)
    return new, target.unit.with_part(part)
