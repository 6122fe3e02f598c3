"""The nearest existing provision, for an address that names nothing in a regulation.

Post-conditions of `missing_message`:
1. It names the regulation's file, the missing provision and the provision above it when that exists.
2. It lists what exists at that level (`clauses 1–4`, `points a, b, b1`) and suggests the nearest
   by position (`did you mean khoản 4 Điều 5 (d5.k4)?`), or says there is none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from regdraft.core.address import Address, Segment
from regdraft.core.counts import several
from regdraft.core.errors import UnknownUnit
from regdraft.core.labels import Kind, label_order, noun

if TYPE_CHECKING:
    from regdraft.core.model import Regulation


def missing_message(reg: Regulation, target: Address) -> str:
    """Why `target` is not in `reg`: the provision above it and what it has, and the nearest one.

    `khoản 9 Điều 5` in an article with clauses 1 to 4 gives "regulations/01-QC-TU.md: Điều 5
    has no khoản 9 (khoản 9 Điều 5 does not exist): it has clauses 1–4; did you mean khoản 4
    Điều 5 (d5.k4)?".
    """
    where = reg.source or reg.id or "the regulation"
    parent = target.parent()
    language = reg.language
    if parent is not None:
        try:
            holder = reg.find(parent)
        except UnknownUnit as exc:
            return str(exc)
        siblings = [unit_child for unit_child in holder.unit.children if unit_child.kind is target.kind]
        above = parent.describe(language)
        head = (f"{where}: {above} has no {noun(target.kind, language)} {target.label} "
                f"({target.describe(language)} does not exist)")
        if not siblings:
            return f"{head}: it has no {several(2, target.kind.value)}."
        labels = [s.label for s in siblings]
        nearest = parent.child(target.kind, _nearest(target.kind, target.label, labels))
        return (f"{head}: it has {_plural_kind(target.kind, len(labels))} {_span(target.kind, labels)}; "
                f"did you mean {nearest.describe(language)} ({nearest})?")
    same = [loc.address for loc in reg.walk() if loc.address.kind is target.kind and len(loc.address.segments) == 1]
    described = target.describe(language)
    if not same:
        return f"{where}: {described} does not exist."
    labels = [a.label for a in same]
    nearest = Address((Segment(target.kind, _nearest(target.kind, target.label, labels)),))
    return (f"{where}: {described} does not exist: the regulation has {_plural_kind(target.kind, len(labels))} "
            f"{_span(target.kind, labels)}; did you mean {nearest.describe(language)} ({nearest})?")


def _plural_kind(kind: Kind, number: int) -> str:
    return several(number, kind.value, plural_form="appendices" if kind is Kind.APPENDIX else None)


def _nearest(kind: Kind, label: str, labels: Sequence[str]) -> str:
    """The label in `labels` closest in order to `label` (the earlier one on a tie)."""
    position, suffix = label_order(kind, label)
    return min(labels, key=lambda other: (abs(label_order(kind, other)[0] - position),
                                          label_order(kind, other)[1] != suffix, label_order(kind, other)))


def _span(kind: Kind, labels: Sequence[str]) -> str:
    """`1–4` for labels running without gaps or suffixes; otherwise the labels listed (`1, 2, 2a, 3`)."""
    positions = [label_order(kind, label) for label in labels]
    plain = all(not suffix for _, suffix in positions)
    numbers = [p for p, _ in positions]
    if len(labels) > 2 and plain and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return f"{labels[0]}–{labels[-1]}"
    if len(labels) > 12:
        return f"{', '.join(labels[:5])} … {', '.join(labels[-3:])}"
    return ", ".join(labels)


def _key(name: str) -> str:
    from regdraft.core.text import unaccented

    return re.sub(r"[^a-z0-9]", "", unaccented(name))


def nearest_names(name: str, known: Sequence[str], limit: int = 3) -> list[str]:
    """The names in `known` a mistyped `name` most likely means: those with the same letters and
    digits (`01qc-tu` for `01-QC/TU`), else those starting with them, else the closest by spelling."""
    import difflib

    keys = {_key(k): k for k in known}
    wanted = _key(name)
    if not wanted:
        return []
    same = [k for k in known if _key(k) == wanted]
    if same:
        return same[:limit]
    starting = [k for k in known if _key(k).startswith(wanted)]
    if starting:
        return starting[:limit]
    return [keys[k] for k in difflib.get_close_matches(wanted, list(keys), n=limit, cutoff=0.75)]


def unknown_name(what: str, name: str, known: Sequence[str], where: str = "") -> str:
    """`There is no regulation '01QC' in regulations: did you mean 01-QC/TU? The regulations are 01-QC/TU, ...`."""
    suggested = nearest_names(name, known)
    head = f"There is no {what} '{name}'{' ' + where if where else ''}"
    head += f": did you mean {' or '.join(suggested)}?" if suggested else "."
    shown = ", ".join(known[:12]) + (f" and {len(known) - 12} more" if len(known) > 12 else "")
    return f"{head} The {what}s are {shown}." if known else f"{head} There are no {what}s yet."
