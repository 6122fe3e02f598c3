"""An amending document's instructions revised where the drafter edited its preview, the others left as they stand.

`amend from-edits` on an amendment that exists reads the drafter's edits of its preview (the text in force
with the amendment applied). `revised(old, amendment, regulation, was, written, edited)` writes those edits
into the instructions `was` the document has, rather than comparing every instruction afresh with those
generated from the text in force (`written`, `core.amend.kept`): an edit of điểm a khoản 1 Điều 30 of Nghị định
63/2010 rewrote Nghị định 48/2013's `Bãi bỏ Khoản 5 Điều 29.`, `Sửa đổi Khoản 4 Điều 30:` and its `Các sửa đổi
khác:` with its four word replacements, all touching articles the generated instructions touch together.

Post-conditions of `revised`:
1. The result makes the change `written` makes (applied to `old`, the same articles as they leave them); when
   revising `was` would not, it is `kept_as_written(old, amendment, regulation, was, written)`.
2. An edit inside a unit an instruction of `was` quotes whole (amends or inserts; not one of several an
   instruction names together) is in that instruction's quote: its sentence is kept as written (`Sửa đổi Khoản 4
   Điều 30:` stays so), so is the heading of the article it quotes before a clause (`“Điều 30. Kế hoạch rà soát,
   đánh giá`), the punctuation after its quote and, as `core.amend.spliced` writes it, every line that did not
   change.
3. Every other edit is in new instructions, written from the preview as `instructions_from_edits` writes them,
   each before the first instruction of `was` that the house order puts after it (`kept.placed`), and after every
   one changing what it changes. Where one of those changes words in a provision it would amend (`Sửa cụm từ …
   tại Khoản 2 Điều 26`), it is phrase instructions instead (a provision is not amended beside a change of its
   words); a point (clause) amended whole next to one an instruction amends whole joins that instruction, which
   names both (`Sửa đổi, bổ sung điểm a và điểm b khoản 1 Điều 12 như sau:`, `core.amend.siblings`).
4. Every other instruction of `was` (but one an edit joins, or 6 narrows) is in the result as it stands, in its
   order; numbered 1, 2, ..., an instruction changes its number only when one is inserted before it.
5. The unedited preview gives `was` itself.
6. No instruction undoes another: where the preview's edits take back words a word replacement of `was` wrote
   (or write again words it deleted), that replacement names the places that keep them (`trong toàn bộ Luật` with
   its last place put back: `tại điểm c khoản 2 Điều 74, …`), in its number, and is left out where none does.
7. An instruction of `was` whose line is in `fixed` (an issued text's, `core.amend.appended`) is never written into:
   no edit goes into its quote (2), none joins it (3) and it is not narrowed (6); the edit is a new instruction,
   written from the preview it leaves.
8. With `take_out` (a comment's proposal accepted), an instruction of `was` (not in `fixed`) whose every change
   `edited` takes back, leaving its provisions as in force (a repeal rejected), is taken out when the others, kept
   or revised, then make `written`'s change (`core.amend.put_back`): they are not rewritten for it. Without it (a
   drafter's edited preview), such an instruction is kept and `check` says it changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from regdraft.core.amend.apply import apply
from regdraft.core.amend.document import Amendment
from regdraft.core.amend.edits import document, instructions_from_edits, restore_removed, unedited, without_dropped
from regdraft.core.amend.grammar import GrammarError, InsertUnit, ReplaceUnit, ReplaceWords, Several, targets
from regdraft.core.amend.instructions import Instruction
from regdraft.core.amend.kept import Effects, ending, kept_as_written, placed, relocated
from regdraft.core.amend.put_back import put_back
from regdraft.core.amend.quote import HEADING, quoted_unit, strip_quotes
from regdraft.core.amend.replacements import choose
from regdraft.core.amend.siblings import folded
from regdraft.core.amend.wording import instruction, quote
from regdraft.core.errors import RegdraftError
from regdraft.core.model import Address, Kind, Regulation, Unit, map_units
from regdraft.core.patterns import lazy

_QUOTED_WHOLE = (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT)
_QUOTED_NUMBER = lazy(r"^.(\d+[a-z]?)\\\.")  # `“4a\\.`: a clause's number escaped after the opening mark


def revised(old: Regulation, amendment: Amendment, regulation: str, was: Sequence[Instruction],
            written: Sequence[Instruction], edited: Regulation, *,
            allow_renumber: bool = False, fixed: Collection[int] = (),
            take_out: bool = False) -> tuple[Instruction, ...]:
    """`was` with the edits of its preview that `edited` makes written in (see the module's post-conditions);
    `amendment` is the document they stand in, `regulation` the id of the regulation `old` they amend, `written`
    the instructions generated from `old` to `edited`; `fixed`, the lines of those of `was` kept word for word."""
    was, written = tuple(was), tuple(written)
    if not was:
        return written
    effects = Effects(old, amendment, regulation)
    whole = effects.of(written, whole=True)
    kept = frozenset(id(ins) for ins in was if ins.line in fixed)
    back = put_back(effects, was, edited, kept) if take_out and whole is not None else None
    if back is not None:
        # An instruction whose every change the edit takes back (a repeal rejected, the clause kept as in force) is
        # taken out, the others kept as they stand (post-condition 8).
        fixed_back = frozenset(id(ins) for ins in back if ins.line in fixed)
        for found in _revised(effects, back, edited, allow_renumber, fixed_back):
            if effects.of(found) == whole:
                return found
    candidates = _revised(effects, was, edited, allow_renumber, kept) if whole is not None else []
    if candidates and candidates[0] is not was and _undone(effects, was, edited, kept):
        # Words an instruction wrote are taken back: it names the places that keep them, not undone by another.
        narrowed = _narrowed(effects, was, edited, kept)
        candidates = [] if narrowed is None else _revised(
            effects, narrowed, edited, allow_renumber, frozenset(id(ins) for ins in narrowed if ins.line in fixed))
    for found in candidates:
        if effects.of(found) == whole:  # `was` too: a placeholder it quotes is not a unit left out
            return found
    for found in candidates:
        # The edited preview itself, to the letter: `whole` leaves out a unit repealed at the end of an article it
        # rewrites (`3. (repealed)`), which the document repeals on its own; comparing with it alone rewrote every
        # instruction on that article (a proposal accepted on Article 3 took `Clause 3 of Article 2 is repealed.`
        # out of the amendment).
        # Never one that quotes a placeholder (`4\. (được bãi bỏ)”.` at the end of a new Điều 10) of a unit repealed
        # already in the text in force, or one the edited text leaves out: no amending document quotes one (r24 left 3).
        applied = effects.applied(found)
        if applied is not None and _delta(applied, edited, allow_renumber) == () \
                and not _quotes_placeholder(old, found, applied, edited):
            return found
    return kept_as_written(old, amendment, regulation, was, written)


def _quotes_placeholder(old: Regulation, found: Sequence[Instruction], applied: Regulation,
                        edited: Regulation) -> bool:
    """Whether a unit `found` quotes whole (amends or inserts) holds the placeholder of a unit repealed in `old`, or
    one `edited` does not hold."""
    quoted = [a.unit for ins in found for leaf in (ins.leaves() or [ins])
              if isinstance(leaf.op, (ReplaceUnit, InsertUnit)) for a in targets(leaf.op)]
    if not quoted:
        return False
    for loc in applied.walk():
        if loc.unit.repealed and any(q.contains(loc.address) for q in quoted):
            if not _holds(edited, loc.address) or (_holds(old, loc.address) and old.find(loc.address).unit.repealed):
                return True
    return False


def _holds(text: Regulation, address: Address) -> bool:
    """Whether `text` has a unit at `address`."""
    try:
        text.find(address)
    except (RegdraftError, KeyError, LookupError):
        return False
    return True


def _revised(effects: Effects, was: tuple[Instruction, ...], edited: Regulation,
             allow_renumber: bool, fixed: frozenset[int] = frozenset()) -> list[tuple[Instruction, ...]]:
    """`was` revised: with the new instructions folded into those of `was` amending the units next to theirs
    (`core.amend.siblings`), then without; `[was]` when the preview is the edited text, none when the preview cannot
    be had or compared. Those of `was` in `fixed` (by id) are never written into (post-condition 7)."""
    amended = effects.applied(was)
    delta = _delta(amended, edited, allow_renumber) if amended is not None else None
    if not delta:
        return [] if delta is None else [was]
    assert amended is not None
    requoted = _requoted(amended, edited, was, delta, fixed)
    if requoted is None:
        return []
    current, rest = was, delta
    if requoted:
        # What the quotes do not hold is written from the preview they leave.
        current = tuple(_with_leaves(ins, requoted) for ins in was)
        amended = effects.applied(current)
        left = _delta(amended, edited, allow_renumber) if amended is not None else None
        if left is None:
            return []
        rest = left
    assert amended is not None
    new = [_in_article(one, was[0].article) for ins in rest for one in _worded(ins, current, amended, edited, effects)]
    out = []
    together = _folded(list(current), new, edited, fixed)
    for kept, added in ([together] if together is not None else []) + [(list(current), new)]:
        # A new instruction goes after every instruction of the document changing what it changes: it was written
        # from the text they leave (`Sửa cụm từ … tại Khoản 2 Điều 26` of Nghị định 48/2013, then khoản 2 amended).
        ordered = placed(kept, added, effects, lambda ins, other: _overlap(ins, other, effects))
        out.append(tuple(relocated(ins, str(n)) for n, ins in enumerate(ordered, 1)))
    return out


def _undone(effects: Effects, was: tuple[Instruction, ...], edited: Regulation, fixed: frozenset[int]) -> bool:
    """True when `edited` takes back words an instruction of `was` wrote (`_taken_back_at`), one not `fixed`: words
    an issued one wrote, taken back, are a new instruction's change."""
    amended = effects.applied(was)
    return amended is not None and any(_taken_back_at(effects, ins, amended, edited) for ins in was
                                       if id(ins) not in fixed)


def _taken_back_at(effects: Effects, ins: Instruction, amended: Regulation, edited: Regulation) -> list[Address]:
    """The provisions where `ins` changes words and `edited` (against `amended`, the preview) takes back words it
    wrote, or writes again words it deleted: `Thay thế cụm từ “Uỷ ban nhân dân cấp tỉnh” … trong toàn bộ Luật`
    with its last place put back, khoản 2 Điều 83."""
    out: list[Address] = []
    for leaf in ins.leaves() or [ins]:
        parts = leaf.op.parts if isinstance(leaf.op, Several) else (leaf.op,)
        words = [op for op in parts if isinstance(op, ReplaceWords)]
        effect = effects.one(leaf) if words else None
        for address in effect.changed if effect is not None else ():
            before, after = _wording_at(amended, address), _wording_at(edited, address)
            if before is not None and after is not None and any(_taken_back(op, before, after) for op in words):
                out.append(address)
    return out


def _narrowed(effects: Effects, was: tuple[Instruction, ...], edited: Regulation,
              fixed: frozenset[int] = frozenset()) -> tuple[Instruction, ...] | None:
    """`was` with each word replacement whose words `edited` takes back somewhere naming only the provisions that
    keep them (`… tại điểm c khoản 2 Điều 74, Điều 79, khoản 1 Điều 80 và khoản 1 Điều 83.` for `… trong toàn bộ
    Luật.`), left out where none does; None when such an instruction is not a word replacement of its own."""
    amended = effects.applied(was)
    if amended is None:
        return None
    order = {loc.address: n for n, loc in enumerate(effects.old.walk())}
    out: list[Instruction] = []
    for ins in was:
        back = _taken_back_at(effects, ins, amended, edited) if id(ins) not in fixed else []
        effect = effects.one(ins)
        if not back:
            out.append(ins)
            continue
        if ins.children or not isinstance(ins.op, ReplaceWords) or effect is None:
            return None
        op = ins.op
        kept = [a for a in effect.changed if a not in back]
        named = kept if op.throughout else [
            *(t for t in op.targets if not any(t.unit.contains(b) for b in back)),
            *(a for a in kept if any(t.unit.contains(a) and any(t.unit.contains(b) for b in back)
                                     for t in op.targets))]
        places = sorted({a for a in named if not any(o != a and o.contains(a) for o in named)},
                        key=lambda a: order.get(a.unit, len(order)))
        titles = tuple(t for t in op.titles if t not in back)
        if places or titles or op.preamble:
            narrow = replace(op, targets=tuple(places), titles=titles)
            out.append(_in_article(instruction((narrow, None), ins.location, edited.language), ins.article))
    return tuple(relocated(ins, str(n)) for n, ins in enumerate(out, 1))


def _wording_at(regulation: Regulation, address: Address) -> str | None:
    """The title and text of the provision at `address`, None when it is not there."""
    try:
        unit = regulation.find(address).unit
    except RegdraftError:
        return None
    return f"{unit.title or ''}\n{unit.all_text()}"


def _taken_back(op: ReplaceWords, before: str, after: str) -> bool:
    """True when `after` holds fewer of the words `op` wrote than `before` does, or more of those it deleted."""
    if op.new is None:
        return after.count(op.old) > before.count(op.old)
    wrote = {"after": op.old + op.new, "before": op.new + op.old}.get(op.position, op.new)
    return after.count(wrote) < before.count(wrote)


def _worded(ins: Instruction, current: tuple[Instruction, ...], amended: Regulation, edited: Regulation,
            effects: Effects) -> list[Instruction]:
    """`ins` as phrase instructions where an instruction of `current` changes words in what it amends (`Sửa cụm từ …
    tại Khoản 2 Điều 26`, Nghị định 48/2013): a provision may not be both amended and have its words changed, but
    its words may be changed twice. `[ins]` when there is no such instruction, or no phrases make its change."""
    leaves = ins.leaves() or [ins]
    if not all(isinstance(leaf.op, ReplaceUnit) for leaf in leaves) or not any(
            _overlap(ins, other, effects) and all(isinstance(leaf.op, ReplaceWords) for leaf in other.leaves())
            for other in current):
        return [ins]
    units = amended.units
    try:
        wanted = {a.unit: edited.find(a.unit).unit for leaf in leaves for a in targets(leaf.op)}
        for address, unit in wanted.items():
            units, _ = map_units(units, address, _put(unit))
        chosen, result = choose(amended, amended.with_units(units), throughout=False, alone=True)
        if not chosen or any(result.find(a).unit != unit for a, unit in wanted.items()):
            return [ins]
    except RegdraftError:
        return [ins]
    return [instruction((c.op, None), ins.location, edited.language) for c in chosen]


def _put(unit: Unit) -> Callable[[Unit], list[Unit]]:
    return lambda _old: [unit]


def _folded(current: list[Instruction], new: list[Instruction], edited: Regulation,
            fixed: frozenset[int] = frozenset()) -> tuple[list[Instruction], list[Instruction]] | None:
    """`current` with each instruction of `new` amending a point (clause) whole folded into the one amending the
    point (clause) next to it (`Sửa đổi, bổ sung điểm a và điểm b khoản 1 Điều 30 như sau:`), none `fixed` (by id),
    and those of `new` left; None when none folds."""
    kept, left = list(current), []
    for ins in new:
        found = folded(ins, kept, edited, edited.language)
        if found is not None and id(kept[found[0]]) in fixed:
            found = None
        if found is None:
            left.append(ins)
        else:
            kept[found[0]] = found[1]
    return (kept, left) if len(left) < len(new) else None


def _overlap(ins: Instruction, other: Instruction, effects: Effects) -> bool:
    """True when `ins` and `other` change the same provision (or one inside the other)."""
    mine = _provisions(ins, effects)
    return any(a.contains(b) or b.contains(a) for a in mine for b in _provisions(other, effects))


def _provisions(ins: Instruction, effects: Effects) -> list[Address]:
    """The units an instruction names, or changes where it names none (words replaced throughout)."""
    leaves = ins.leaves() or [ins]
    named = [a.unit for leaf in leaves for a in targets(leaf.op)]
    if any(isinstance(leaf.op, ReplaceWords) and leaf.op.throughout for leaf in leaves):
        effect = effects.one(ins)
        named.extend(a.unit for a in (effect.changed if effect is not None else ()))
    return named


def _delta(amended: Regulation, edited: Regulation, allow_renumber: bool) -> tuple[Instruction, ...] | None:
    """The instructions turning the preview `amended` into `edited`, None when there are none to be had."""
    try:
        return () if unedited(amended, edited) else instructions_from_edits(amended, edited,
                                                                            allow_renumber=allow_renumber).instructions
    except RegdraftError:
        return None


def _requoted(amended: Regulation, edited: Regulation, was: tuple[Instruction, ...],
              delta: tuple[Instruction, ...], fixed: frozenset[int] = frozenset()) -> dict[int, Instruction] | None:
    """The leaves of `was` (by id) quoting whole a unit that `delta` changes inside, with the new text of that unit;
    None when `delta` cannot be applied. A leaf of an instruction `fixed` (by id) is not requoted: the change is a
    new instruction's."""
    try:
        applied = apply(amended, document(amended, delta), checked=False)
    except RegdraftError:
        return None
    leaves = [leaf for ins in was for leaf in ins.leaves()]
    issued = {id(leaf) for ins in was if id(ins) in fixed for leaf in ins.leaves()}
    covering: dict[int, Instruction] = {}
    for change in applied.changes:
        # The last instruction quoting a unit holding the change: its text is the one that stands.
        holder = next((leaf for leaf in reversed(leaves) if _quotes_whole(leaf)
                       and _target(leaf).contains(change.address)), None)
        if holder is not None and id(holder) not in issued:
            covering[id(holder)] = holder
    if not covering:
        return {}
    _, removed = restore_removed(amended, edited)
    out: dict[int, Instruction] = {}
    for key, leaf in covering.items():
        target = _target(leaf)
        try:
            unit = applied.regulation.find(target).unit
        except RegdraftError:
            continue
        unit = without_dropped(unit, target, set(removed), [])
        if unit.repealed:
            continue  # repealed, not quoted as a placeholder: a new instruction says so
        new = _with_quote(leaf, unit, amended.language)
        if new is not None:
            out[key] = new
    return out


def _quotes_whole(ins: Instruction) -> bool:
    """True when `ins` quotes a whole article, clause or point it amends or inserts, on its own."""
    op = ins.op
    return (isinstance(op, (ReplaceUnit, InsertUnit)) and not op.target.part and not ins.implied
            and op.target.kind in _QUOTED_WHOLE and ins.unit is not None and not ins.unit.repealed
            and (not isinstance(op, ReplaceUnit) or not op.about))


def _target(ins: Instruction) -> Address:
    assert isinstance(ins.op, (ReplaceUnit, InsertUnit))
    return ins.op.target


def _with_quote(ins: Instruction, unit: Unit, language: str) -> Instruction | None:
    """`ins` quoting `unit`: the article heading it quotes before a clause or point kept, its quote ended as it
    ended it; None when the new quote would not read back."""
    if not ins.quote:
        return None
    end = ending(ins.quote[-1])
    paragraphs = list(quote(unit, language, "." if end is None else end))
    stripped = strip_quotes(list(ins.quote))
    target = _target(ins)
    article = next((s.label for s in target.segments if s.kind is Kind.ARTICLE), None)
    heading = HEADING.match(stripped[0]) if target.kind is not Kind.ARTICLE and len(stripped) > 1 else None
    if heading is not None and heading.group(2) == article:
        paragraphs[0] = paragraphs[0][1:]
        paragraphs.insert(0, ins.quote[0])
    else:
        paragraphs[0] = _opened_as(ins.quote[0], paragraphs[0])
    try:
        new = quoted_unit(ins.op, [(p, ins.line) for p in paragraphs], language)
    except GrammarError:
        return None
    return replace(ins, quote=tuple(paragraphs), unit=new)


def _opened_as(written: str, first: str) -> str:
    """The first quoted paragraph `first` (`“4a\\. …`, as `wording.quote` writes it) opened as `written` (the quote's
    first paragraph as the document has it) opens: its quotation mark, and its number unescaped where the document
    writes it so (`“4a. …`, as Luật 57/2024 is issued and imported): after the mark it cannot read as a list, and the
    escape rewrote an issued line the edit did not change."""
    first = written[0] + first[1:]
    number = _QUOTED_NUMBER.match(first)
    if number is not None and not _QUOTED_NUMBER.match(written) and written[1:].startswith(f"{number.group(1)}. "):
        return f"{first[0]}{number.group(1)}.{first[number.end():]}"
    return first


def _with_leaves(ins: Instruction, leaves: dict[int, Instruction]) -> Instruction:
    """`ins` with its leaves found in `leaves` (by id) replaced."""
    if id(ins) in leaves:
        return leaves[id(ins)]
    if not ins.children:
        return ins
    children = tuple(_with_leaves(child, leaves) for child in ins.children)
    return ins if all(a is b for a, b in zip(children, ins.children, strict=True)) else replace(ins, children=children)


def _in_article(ins: Instruction, article: str) -> Instruction:
    return replace(ins, article=article, children=tuple(_in_article(child, article) for child in ins.children))
