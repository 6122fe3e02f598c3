"""Finding and replacing a unit by its address, fast: by labels, not by walking every unit.

Post-conditions:
1. `find_unit(units, address)` is the unit `Regulation.find` would return (None when absent),
   found by descending through containers, skipping those whose articles end before the one sought.
2. `rebuild(unit_path(units, address), replacement)` is `units` with that unit replaced by the
   replacement units; every other unit is shared, not copied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from regdraft.core.model import Address, Kind, Unit, label_order

Units = tuple[Unit, ...]
Path = list[tuple[tuple[Unit, ...], int]]
_CONTAINERS = (Kind.PART, Kind.CHAPTER, Kind.SECTION, Kind.SUBSECTION)


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
