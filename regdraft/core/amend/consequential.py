"""Edits a drafter makes without saying: the punctuation that ends a list of points or clauses.

A list of points (or clauses) ends its items with ';' and its last item with '.'. Appending an
item after the last one turns the end of the old last item from '.' into ';'; repealing the
last item turns the end of the new last one from ';' into '.'. Amending documents never
say so, and a trained drafter makes the change without an instruction.

Post-conditions of `after_append` and `after_repeal`:
1. A change is made only to an item without points or clauses below it, whose last paragraph
   ends with exactly the punctuation replaced, in a list that plainly uses ';' between items
   (the item before it ends with ';', or it is the first item after a lead-in ending with ':').
2. Items ending with ':' (they introduce their own sub-items) or anything else are left alone.
3. Only the final character changes; the result says which unit and what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from regdraft.core.amend.document import Instruction
from regdraft.core.amend.grammar import InsertUnit, RepealUnits
from regdraft.core.model import Address, Kind, Unit

Units = tuple[Unit, ...]
Find = Callable[[Units, Address], "Unit | None"]
Put = Callable[[Units, Address, Unit], Units]


@dataclass(frozen=True, slots=True)
class Punctuation:
    """The end of one unit changed from `old` to `new` as a consequence of `instruction`.

    `cause` is the unit whose insertion (after it) or repeal (of the item after it) made it so.
    """

    address: Address
    old: str
    new: str
    cause: Address
    instruction: Instruction

    def describe(self, language: str) -> str:
        """The note `amend preview` prints for it."""
        where, cause = self.address.describe(language), self.cause.describe(language)
        if self.new == ";":
            why = f"{cause} now follows it" if language == "en" else f"{cause} được bổ sung sau nó"
        else:
            why = f"{cause} is repealed, so it ends the list" if language == "en" else f"{cause} bị bãi bỏ"
        return (f"the end of {where} changes from '{self.old}' to '{self.new}' without an instruction, since {why} "
                "(a consequential edit).")


def punctuate(units: Units, before: Units, ins: Instruction, find: Find, put: Put) -> tuple[Units, list[Punctuation]]:
    """Make the consequential punctuation edits of one applied instruction; `before` is the text before it."""
    op = ins.op
    made: list[Punctuation] = []
    if isinstance(op, InsertUnit) and not op.target.part and op.target.kind in (Kind.CLAUSE, Kind.POINT):
        holder_address = op.target.parent()
        holder = find(units, holder_address) if holder_address is not None else None
        new = find(units, op.target)
        if holder_address is not None and holder is not None and new is not None:
            updated, changed = after_append(holder, new)
            if changed is not None:
                units = put(units, holder_address, updated)
                made.append(Punctuation(holder_address.child(changed.kind, changed.label), ".", ";", op.target, ins))
    elif isinstance(op, RepealUnits):
        for target in op.targets:
            holder_address = target.parent()
            if target.part or target.kind not in (Kind.CLAUSE, Kind.POINT) or holder_address is None:
                continue
            holder, placeholder, was = find(units, holder_address), find(units, target), find(before, target)
            if holder is None or placeholder is None or was is None:
                continue
            updated, changed = after_repeal(holder, placeholder, was)
            if changed is not None:
                units = put(units, holder_address, updated)
                made.append(Punctuation(holder_address.child(changed.kind, changed.label), ";", ".", target, ins))
    return units, made


def _end(unit: Unit) -> str:
    if unit.repealed or unit.children or not unit.text:
        return ""
    return unit.text[-1].rstrip()[-1:]


def _with_end(unit: Unit, mark: str) -> Unit:
    last = unit.text[-1].rstrip()
    return replace(unit, text=(*unit.text[:-1], last[:-1] + mark))


def _listed(items: Sequence[Unit], index: int, lead_in: Sequence[str]) -> bool:
    """True when the item at `index` sits in a list whose items end with ';'."""
    before = [u for u in items[:index] if not u.repealed]
    if before:
        return _end(before[-1]) == ";"
    lead = [t for t in lead_in if not t.startswith(("- ", "+ "))]
    return bool(lead) and lead[-1].rstrip().endswith(":")


def after_append(holder: Unit, new: Unit) -> tuple[Unit, Unit | None]:
    """`holder` with the item before the appended `new` ending in ';', when the list needs it.

    `new` must be the last item of its kind in `holder`. Returns the holder and the item
    changed (None when nothing changed).
    """
    items = [c for c in holder.children if c.kind is new.kind]
    if not items or items[-1] is not new or _end(new) != ".":
        return holder, None
    live = [i for i, u in enumerate(items[:-1]) if not u.repealed]
    if not live:
        return holder, None
    index = live[-1]
    previous = items[index]
    if _end(previous) != "." or not _listed(items, index, holder.text):
        return holder, None
    changed = _with_end(previous, ";")
    return _swap(holder, previous, changed), changed


def after_repeal(holder: Unit, repealed: Unit, before: Unit) -> tuple[Unit, Unit | None]:
    """`holder` with the new last live item ending in '.', when the repealed `before` ended the list.

    `repealed` is the placeholder now in `holder`; `before` the item as it was.
    """
    items = [c for c in holder.children if c.kind is repealed.kind]
    if _end(before) != "." or any(not u.repealed for u in items[items.index(repealed) + 1:]):
        return holder, None
    live = [i for i, u in enumerate(items) if not u.repealed]
    if not live:
        return holder, None
    index = live[-1]
    last = items[index]
    if _end(last) != ";" or not _listed(items, index, holder.text):
        return holder, None
    changed = _with_end(last, ".")
    return _swap(holder, last, changed), changed


def _swap(holder: Unit, old: Unit, new: Unit) -> Unit:
    return replace(holder, children=tuple(new if c is old else c for c in holder.children))
