"""Edits a drafter makes without saying: the punctuation that ends a list of points or clauses.

A list of points (or clauses) ends its items with ';' and its last item with '.'; a list of
alternatives or of conditions that must all hold puts `hoặc` / `và` after the ';' of the item
before the last (`b) ...; hoặc` then `c) ....`). Amending documents never say how these ends
change, and a trained drafter changes them without an instruction:
- appending an item after the last one turns the end of the old last item from '.' into ';'
  and moves the `hoặc` / `và` to it (`b) ...;` and `c) ...; hoặc` before the new `d) ....`);
- repealing the last item turns the end of the new last one into '.' (from ';', or from
  '; hoặc', whose `hoặc` moves to the item before it);
- adding the first points (clauses) to a unit that had none turns the '.' ending its text
  into ':', since that text now introduces them.

Post-conditions of `after_append`, `after_repeal` and `after_first`:
1. A change is made only to an item without points or clauses below it, whose last paragraph
   ends with exactly the punctuation replaced, in a list that plainly uses ';' between items
   (the item before it ends with ';' or '; và/hoặc', or it is the first item after a lead-in
   ending with ':').
2. Items ending with ':' (they introduce their own sub-items) or anything else are left alone;
   so are commas, the wording inside items, and lists the text does not end as above.
3. Only the end of the last paragraph changes; each change says which unit and what changed.
4. A unit an earlier instruction of the same document re-enacts word for word (`quoted`) keeps the end quoted:
   the edit is left out and a `KeptEnd` says so (`đ) …; hoặc` re-enacted, then `điểm g` appended after `điểm e`:
   `hoặc` stays on đ, and e only turns '.' into ';'). A unit the document inserts is not kept: `đ1) ….` ends the
   list when inserted, and turns ';' when `đ2` is inserted after it by a later instruction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from regdraft.core.address import PLUS, dash_ordinal, dash_part, is_item_part, plus_ordinals
from regdraft.core.amend.document import Instruction
from regdraft.core.amend.grammar import InsertUnit, RepealUnits
from regdraft.core.item_ends import end_of, with_end
from regdraft.core.model import REPEALED_TEXT, Address, Kind, Unit
from regdraft.core.parts import dash_items, plus_items

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
    reason: str = "append"  # append (an item after the last) | repeal (of the last item) | first (item of a unit)

    def describe(self, language: str) -> str:
        """The note `amend preview` prints for it: an English sentence (as every message), the provisions named in
        the document's language."""
        where, cause = self.address.describe(language), self.cause.describe(language)
        why = {"first": f"{cause} is the first below it", "repeal": f"{cause} is repealed, so it ends the list"}.get(
            self.reason, f"{cause} is appended at the end of the list")
        return (f"the end of {where} changes from '{self.old}' to '{self.new}' without an instruction, since {why} "
                "(a consequential edit).")


@dataclass(frozen=True, slots=True)
class KeptEnd:
    """The end of a unit left as instruction `quoted_by` of the same document quotes it, where applying `instruction`
    would have changed it without saying (a consequential edit left out; `cause` and `reason` as in Punctuation)."""

    address: Address
    end: str
    cause: Address
    instruction: Instruction
    quoted_by: Instruction
    reason: str = "append"

    def describe(self, language: str) -> str:
        """The note `amend check` and `amend preview` print for it."""
        where, cause = self.address.describe(language), self.cause.describe(language)
        why = {"first": f"{cause} is the first below it", "repeal": f"{cause} is repealed"}.get(
            self.reason, f"{cause} is appended at the end of the list")
        return (f"the end of {where} stays '{self.end}' as instruction {self.quoted_by.location} quotes it, though "
                f"{why}: text the document enacts word for word is not changed without an instruction; if the end "
                "should change, say so in the quote or an instruction.")


Quoted = Callable[[Address], "Instruction | None"]


def punctuate(units: Units, before: Units, ins: Instruction, find: Find, put: Put, start: Units | None = None,
              quoted: Quoted = lambda _a: None) -> tuple[Units, list[Punctuation], list[KeptEnd]]:
    """Make the consequential punctuation edits of one applied instruction; `before` is the text before it, `start`
    the text before the first of the changes its sentence implies (`Bổ sung điểm n và điểm o`: those before it).
    `quoted` names the earlier instruction of the document quoting a unit, whose end is then kept."""
    op = ins.op
    made: list[Punctuation] = []
    kept: list[KeptEnd] = []

    def sort(changes: Sequence[Change], address: Callable[[Unit], Address], cause: Address, reason: str) -> None:
        for unit, old, end in changes:
            where = address(unit)
            by = quoted(where)
            if old == end and by is not None:
                kept.append(KeptEnd(where, end, cause, ins, by, reason))
            elif old != end:
                made.append(Punctuation(where, old, end, cause, ins, reason))
    if isinstance(op, InsertUnit) and not op.target.part and op.target.kind in (Kind.CLAUSE, Kind.POINT):
        holder_address = op.target.parent()
        holder = find(units, holder_address) if holder_address is not None else None
        new = find(units, op.target)
        if holder_address is not None and holder is not None and new is not None:
            # `Bổ sung điểm n và điểm o vào sau điểm m`: the quote adds several items; the last of them ends the
            # list, and the item before the first of them is the one whose end changes.
            was = find(before if start is None else start, holder_address)
            known = {(c.kind, c.label) for c in was.children} if was is not None else set()
            added = [c for c in holder.children if c.kind is new.kind and (c.kind, c.label) not in known]
            def child(unit: Unit, at: Address = holder_address) -> Address:
                return at.child(unit.kind, unit.label)

            keep = _keeper(quoted, child)
            if len(added) > 1 and any(c is new for c in added):
                updated, changes = after_append(holder, added[-1], also=added[:-1], keep=keep)
            else:
                updated, changes = after_append(holder, new, keep=keep)
            sort(changes, child, op.target, "append")
            introduced, first = after_first(updated, new)
            if first is not None:
                by = quoted(holder_address)
                if by is None:
                    updated = introduced
                    made.append(Punctuation(holder_address, first[0], first[1], op.target, ins, "first"))
                else:
                    kept.append(KeptEnd(holder_address, first[0], op.target, ins, by, "first"))
            if updated is not holder:
                units = put(units, holder_address, updated)
    elif isinstance(op, InsertUnit) and is_item_part(op.target.part):
        units, changes, address, cause = _item_append(units, before, op, find, put, quoted)
        sort(changes, address, cause, "append")
    elif isinstance(op, RepealUnits) and any(is_item_part(t.part) for t in op.targets):
        for target in op.targets:
            units, changes, address = _item_repeal(units, before, target, find, put, quoted)
            sort(changes, address, target, "repeal")
    elif isinstance(op, RepealUnits):
        for target in op.targets:
            holder_address = target.parent()
            if target.part or target.kind not in (Kind.CLAUSE, Kind.POINT) or holder_address is None:
                continue
            holder, placeholder, was = find(units, holder_address), find(units, target), find(before, target)
            if holder is None or placeholder is None or was is None:
                continue
            def sibling(unit: Unit, at: Address = holder_address) -> Address:
                return at.child(unit.kind, unit.label)

            updated, changes = after_repeal(holder, placeholder, was, keep=_keeper(quoted, sibling))
            if updated is not holder:
                units = put(units, holder_address, updated)
            sort(changes, sibling, target, "repeal")
    return units, made, kept


def _keeper(quoted: Quoted, address: Callable[[Unit], Address]) -> Callable[[Unit], bool]:
    """Whether an item's end is kept: an earlier instruction of the document quotes it."""
    return lambda unit: quoted(address(unit)) is not None


def _item_list(holder: Unit, part: str) -> tuple[list[tuple[int, int]], tuple[str, ...], str]:
    """The spans of the dash items of `holder` (for a dash part) or of the plus items of the dash item
    `part` is in, the lead-in that introduces them (its `- ` taken off, for plus items), and the part
    naming the list's holder item ("" for the unit itself)."""
    plus = plus_ordinals(part)
    dashes = dash_items(holder.text)
    if plus is None:
        first = dashes[0][0] if dashes else len(holder.text)
        return dashes, holder.text[:first], ""
    if plus[0] > len(dashes):
        return [], (), ""
    span = dashes[plus[0] - 1]
    own = [t[2:] if t.startswith("- ") else t for t in holder.text[span[0]:span[1]] if not t.startswith("+ ")]
    return plus_items(holder.text, span), tuple(own), dash_part(plus[0])


def _pseudo(holder: Unit, spans: Sequence[tuple[int, int]], language_mark: str) -> list[Unit]:
    """The items of a dash (plus) list as points, so the rules for lists of points apply to them."""
    return [Unit(Kind.POINT, str(n), None, holder.text[s:e], (), _placeholder(holder.text[s:e], language_mark))
            for n, (s, e) in enumerate(spans, 1)]


def _placeholder(paragraphs: tuple[str, ...], mark: str) -> bool:
    return len(paragraphs) == 1 and paragraphs[0] in (f"{mark} {t}" for t in REPEALED_TEXT.values())


def _item_address(unit: Address, list_part: str, ordinal: int) -> Address:
    return unit.with_part(f"{list_part}.{PLUS}{ordinal}" if list_part else dash_part(ordinal))


def _with_items(holder: Unit, spans: Sequence[tuple[int, int]], changes: Sequence[Change]) -> Unit:
    text = list(holder.text)
    for item, _, _ in changes:
        text[spans[int(item.label) - 1][1] - 1] = item.text[-1]
    return replace(holder, text=tuple(text))


ItemAddress = Callable[[Unit], Address]


def _item_append(units: Units, before: Units, op: InsertUnit, find: Find, put: Put,
                 quoted: Quoted) -> tuple[Units, list[Change], ItemAddress, Address]:
    """The end of the item before dash (plus) items appended after the last one: '.' to ';'; the changes (their
    items as points numbered in the list), the address of each, and the item appended."""
    where = op.target.unit
    holder, was = find(units, where), find(before, where)
    none: tuple[Units, list[Change], ItemAddress, Address] = (units, [], lambda _u: where, op.target)
    if holder is None or was is None:
        return none
    old_spans = _item_list(was, op.target.part)[0]
    spans, lead_in, list_part = _item_list(holder, op.target.part)
    count = len(old_spans)
    after = op.after
    at_end = after is None or (plus_ordinals(after.part) or (0, dash_ordinal(after.part)))[1] == count
    if not at_end or len(spans) <= count or count == 0:
        return none
    items = _pseudo(holder, spans[:count], "+" if list_part else "-")
    added = Unit(Kind.POINT, str(count + 1), None, holder.text[spans[count][0]:spans[-1][1]])
    pseudo = Unit(Kind.CLAUSE, "0", None, lead_in, (*items, added))

    def address(item: Unit) -> Address:
        return _item_address(where, list_part, int(item.label))

    _, changes = after_append(pseudo, added, keep=_keeper(quoted, address))
    if any(old != end for _, old, end in changes):
        units = put(units, where, _with_items(holder, spans, changes))
    return units, changes, address, _item_address(where, list_part, count + 1)


def _item_repeal(units: Units, before: Units, target: Address, find: Find, put: Put,
                 quoted: Quoted) -> tuple[Units, list[Change], ItemAddress]:
    """The end of the new last dash (plus) item when the last one is repealed: ';' to '.'; the changes and the
    address of each."""
    holder, was = find(units, target.unit), find(before, target.unit)
    ordinal = (plus_ordinals(target.part) or (0, dash_ordinal(target.part)))[1]
    if holder is None or was is None or ordinal is None:
        return units, [], lambda _u: target
    spans, lead_in, list_part = _item_list(holder, target.part)
    old_spans = _item_list(was, target.part)[0]
    if ordinal > len(spans) or ordinal > len(old_spans):
        return units, [], lambda _u: target
    mark = "+" if list_part else "-"
    items = _pseudo(holder, spans, mark)
    gone = _pseudo(was, old_spans, mark)[ordinal - 1]

    def address(item: Unit) -> Address:
        return _item_address(target.unit, list_part, int(item.label))

    _, changes = after_repeal(Unit(Kind.CLAUSE, "0", None, lead_in, tuple(items)), items[ordinal - 1], gone,
                              keep=_keeper(quoted, address))
    if any(old != end for _, old, end in changes):
        units = put(units, target.unit, _with_items(holder, spans, changes))
    return units, changes, address


Change = tuple[Unit, str, str]  # the item as changed, its old end, its new end


def _is_semicolon(end: str) -> bool:
    return end == ";" or end.startswith(";")


def _listed(items: Sequence[Unit], index: int, lead_in: Sequence[str]) -> bool:
    """True when the item at `index` sits in a list whose items end with ';'."""
    before = [u for u in items[:index] if not u.repealed]
    if before:
        return _is_semicolon(end_of(before[-1]))
    lead = [t for t in lead_in if not t.startswith(("- ", "+ "))]
    return bool(lead) and lead[-1].rstrip().endswith(":")


def after_append(holder: Unit, new: Unit, also: Sequence[Unit] = (), *,
                 keep: Callable[[Unit], bool] = lambda _u: False) -> tuple[Unit, list[Change]]:
    """`holder` with the item before the appended `new` ending in ';' (and the list's `hoặc`/`và`
    moved to it), when the list needs it. `new` must be the last item of its kind in `holder`; `also` are
    the items appended with it, before it (`Bổ sung điểm n và điểm o`), which keep the ends they were given.
    An item `keep` names keeps its end, listed as a change to the same end (the `hoặc` it ends with stays there)."""
    items = [c for c in holder.children if c.kind is new.kind and not any(c is a for a in also)]
    if not items or items[-1] is not new or end_of(new) != ".":
        return holder, []
    live = [i for i, u in enumerate(items[:-1]) if not u.repealed]
    if not live:
        return holder, []
    index = live[-1]
    previous = items[index]
    if end_of(previous) != "." or not _listed(items, index, holder.text):
        return holder, []
    if keep(previous):
        return holder, [(previous, ".", ".")]
    before = [items[i] for i in live[:-1]]
    joined = end_of(before[-1]) if before else ""
    if before and joined.startswith(";") and len(joined) > 1 and keep(before[-1]):
        changed = with_end(previous, ".", ";")
        return _swap(holder, previous, changed), [(before[-1], joined, joined), (changed, ".", ";")]
    if before and joined.startswith(";") and len(joined) > 1:
        # `b) ...; hoặc` `c) ....` + `d) ....`: the `hoặc` now stands before the new last item.
        moved = with_end(before[-1], joined, ";")
        changed = with_end(previous, ".", joined)
        holder = _swap(_swap(holder, before[-1], moved), previous, changed)
        return holder, [(moved, joined, ";"), (changed, ".", joined)]
    changed = with_end(previous, ".", ";")
    return _swap(holder, previous, changed), [(changed, ".", ";")]


def after_repeal(holder: Unit, repealed: Unit, before: Unit, *,
                 keep: Callable[[Unit], bool] = lambda _u: False) -> tuple[Unit, list[Change]]:
    """`holder` with the new last live item ending in '.', when the repealed `before` ended the list;
    a `hoặc`/`và` it ended with moves to the item before it. `repealed` is the placeholder now in `holder`.
    An item `keep` names keeps its end, listed as a change to the same end."""
    items = [c for c in holder.children if c.kind is repealed.kind]
    if end_of(before) != "." or any(not u.repealed for u in items[items.index(repealed) + 1:]):
        return holder, []
    live = [i for i, u in enumerate(items) if not u.repealed]
    if not live:
        return holder, []
    index = live[-1]
    last = items[index]
    end = end_of(last)
    if not _is_semicolon(end) or not _listed(items, index, holder.text):
        return holder, []
    if keep(last):
        return holder, [(last, end, end)]
    changed = with_end(last, end, ".")
    holder = _swap(holder, last, changed)
    changes: list[Change] = [(changed, end, ".")]
    earlier = items[live[-2]] if len(live) > 1 else None
    if len(end) > 1 and earlier is not None and end_of(earlier) == ";" and keep(earlier):
        changes.append((earlier, ";", ";"))
    elif len(end) > 1 and earlier is not None and end_of(earlier) == ";":
        moved = with_end(earlier, ";", end)
        holder = _swap(holder, earlier, moved)
        changes.append((moved, ";", end))
    return holder, changes


def after_first(holder: Unit, new: Unit) -> tuple[Unit, tuple[str, str] | None]:
    """`holder` with its text ending in ':' when `new` is the first item of its kind added to it."""
    items = [c for c in holder.children if c.kind is new.kind]
    lead = [i for i, t in enumerate(holder.text) if not t.startswith(("- ", "+ "))]
    if items != [new] or not lead or holder.closing or not holder.text[lead[-1]].rstrip().endswith("."):
        return holder, None
    at = lead[-1]
    text = holder.text[at].rstrip()
    return replace(holder, text=(*holder.text[:at], text[:-1] + ":", *holder.text[at + 1:])), (".", ":")


def _swap(holder: Unit, old: Unit, new: Unit) -> Unit:
    return replace(holder, children=tuple(new if c is old else c for c in holder.children))
