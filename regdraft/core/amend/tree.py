"""Finding and replacing a unit by its address, fast: by labels, not by walking every unit.

Post-conditions:
1. `find_unit(units, address)` is the unit `Regulation.find` would return (None when absent),
   found by descending through containers, skipping those whose articles end before the one sought.
2. `rebuild(unit_path(units, address), replacement)` is `units` with that unit replaced by the
   replacement units; every other unit is shared, not copied.
3. `existing` and `replace_at` raise `NotApplied`, whose message says why an instruction cannot be applied.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from regdraft.core.labels import outside_series, written
from regdraft.core.model import Address, Kind, Unit, label_order, noun

Units = tuple[Unit, ...]
Path = list[tuple[tuple[Unit, ...], int]]
_CONTAINERS = (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION)


class NotApplied(Exception):
    """One instruction cannot be applied; the message says why."""


def find_unit(units: Sequence[Unit], target: Address) -> Unit | None:
    """The unit at `target`, descending by labels (faster than walking every unit)."""
    path = unit_path(tuple(units), target)
    if path is None:
        return None
    level, index = path[-1]
    return level[index]


def unit_path(units: Units, target: Address) -> Path | None:
    """The chain of (sequence, index) from the top level down to the unit at `target`."""
    first, *rest = target.segments
    chain: Path = []
    if not _top_path(units, first.kind, first.label, chain, prune=True):
        chain = []
        if not _top_path(units, first.kind, first.label, chain, prune=False):
            return None
    for seg in rest:
        level, index = chain[-1]
        children = level[index].children
        found = next((i for i, c in enumerate(children) if c.kind is seg.kind and c.label == seg.label), None)
        if found is None:
            return None
        chain.append((children, found))
    return chain


def _top_path(units: Units, kind: Kind, label: str, chain: Path, prune: bool) -> bool:
    """Find a part, chapter or article through the containers, appending the steps to `chain`."""
    wanted = label_order(kind, label) if kind is Kind.ARTICLE else None
    for i, unit in enumerate(units):
        if unit.kind is kind and unit.label == label:
            chain.append((units, i))
            return True
        if unit.kind not in _CONTAINERS or not unit.children or kind is Kind.PART:
            continue
        if kind is Kind.CHAPTER and unit.kind is not Kind.PART:
            continue
        if prune and wanted is not None:
            # Articles run in order through the document: skip containers that end before it.
            last = _last_article(unit)
            if last is not None and label_order(Kind.ARTICLE, last.label) < wanted:
                continue
        chain.append((units, i))
        if _top_path(unit.children, kind, label, chain, prune):
            return True
        chain.pop()
    return False


def _last_article(unit: Unit) -> Unit | None:
    while unit.kind in _CONTAINERS and unit.children:
        unit = unit.children[-1]
    return unit if unit.kind is Kind.ARTICLE else None


def rebuild(chain: Path, replacement: Sequence[Unit]) -> Units:
    """The top-level units with the unit at the end of `chain` replaced by `replacement`."""
    items: tuple[Unit, ...] = tuple(replacement)
    for depth in range(len(chain) - 1, -1, -1):
        level, index = chain[depth]
        sequence = level[:index] + items + level[index + 1 :]
        if depth == 0:
            return sequence
        parent_level, parent_index = chain[depth - 1]
        items = (replace(parent_level[parent_index], children=sequence),)
    return items


def existing(units: Units, target: Address, language: str) -> Unit:
    """The unit at `target`; `NotApplied` saying why when it is missing or repealed."""
    unit = find_unit(units, target)
    if unit is None:
        raise NotApplied(missing(units, target, language))
    if unit.repealed:
        raise NotApplied(f"{target.describe(language)} has been repealed; it can no longer be changed.")
    return unit


def missing(units: Units, target: Address, language: str) -> str:
    """Why `target` cannot be found: the nearest unit above it that exists has no such unit."""
    parent = target.parent()
    if parent is not None and find_unit(units, parent) is not None:
        word = noun(target.kind, language)
        # An English text of its own letters points a to z; a Vietnamese one has no f (`labels.outside_series`).
        outside = outside_series(target.kind, target.label, "vi" if language == "vi" else "en")
        return (f"{parent.describe(language)} has no {word} {written(target.kind, target.label, language)} "
                f"({target.describe(language)} does not exist{': ' + outside if outside else ''}).")
    if parent is not None:
        return missing(units, parent, language)
    return f"{target.describe(language)} does not exist."


def replace_at(units: Units, target: Address, change: Callable[[Unit], Sequence[Unit]]) -> Units:
    """`units` with the unit at `target` replaced by what `change` makes of it."""
    chain = unit_path(units, target)
    if chain is None:
        raise NotApplied(f"{target} could not be reached.")
    level, index = chain[-1]
    return rebuild(chain, change(level[index]))
