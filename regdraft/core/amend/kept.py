"""Regenerated instructions that keep the amending document's own, as written and where they stand.

`amend from-edits` writes every instruction afresh from the edited text (`edits.instructions_from_edits`);
`kept_as_written(old, amendment, regulation, was, written)` gives back the document's own instruction
wherever it still makes its change, so regenerating from an unmodified preview changes nothing, and a
comment's accepted wording changes only the instructions on its provision: comments, the comparison
table's notes and footnotes cite instructions by number.

Post-conditions of `kept_as_written`:
1. Each instruction of `was` whose change `written` still makes — by one instruction of the same wording
   or effect, or together with the others of either side changing the same articles (`Bãi bỏ khoản 3
   Điều 10 và điểm c khoản 2 Điều 16` generated as two repeals; Nghị định 48/2013's word replacement in
   khoản 2 Điều 26 and khoản 3 Điều 29 generated as amendments of those clauses) — is in the result as
   written, in the order `was` has them.
2. Each instruction of `was` that `written` words anew on the very provisions it names (the same operations on
   the same targets, nested alike: a proposal accepted on point b of `Sửa đổi, bổ sung điểm b và điểm đ khoản 1
   Điều 45 như sau:`) is in the result in its place, its sentences as written (`Sửa đổi Điều 35:` stays so, not
   `Sửa đổi, bổ sung Điều 35 như sau:`) and its quotes those of `written`, each ended as the document ended it
   (`”` stays `”`, not `”.`).
3. Every other instruction of `written` (a change that is new, or worded anew) is in the result, before
   the first one that comes after it in the house order (docs/from-edits.md): the structural instructions
   in the document order of the provisions they change, then the word replacements (`Thay thế cụm từ`,
   `Bỏ cụm từ`) in the order of the first provision each changes.
4. The result is numbered 1, 2, ...: an instruction kept changes its number only when one is inserted or
   left out before it.
5. The result makes the change `written` makes; when keeping the instructions so would not, the kept
   wording stands in `written`'s places, and failing that the result is `written`.

Each instruction is compared alone, applied to `old`; one that cannot be applied alone (it builds on
another) is never kept by its effect.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from regdraft.core.amend.apply import apply
from regdraft.core.amend.document import Amendment
from regdraft.core.amend.instructions import Instruction
from regdraft.core.amend.operations import ReplaceWords, Several, targets
from regdraft.core.errors import RegdraftError
from regdraft.core.model import HEADING_KINDS, Address, Kind, Regulation, Segment, Unit

_Wording = tuple[str, tuple[str, ...], tuple[object, ...]]


def kept_as_written(old: Regulation, amendment: Amendment, regulation: str, was: Sequence[Instruction],
                    written: Sequence[Instruction]) -> tuple[Instruction, ...]:
    """`written` with the instructions of `was` that still make their change kept as written and in place
    (see the module's post-conditions); `amendment` is the document they stand in, `regulation` the id of
    the regulation `old` whose amending article they are."""
    written = tuple(written)
    if not was:
        return written
    effects = Effects(old, amendment, regulation)
    whole = effects.of(written, whole=True)
    kept, new = _matched(tuple(was), written, effects)
    in_order = placed([kept[j] for j in sorted(kept)], [written[i] for i in new], effects)
    numbered = tuple(relocated(ins, str(n)) for n, ins in enumerate(in_order, 1))
    if numbered == written:
        return written
    if whole is not None and effects.of(numbered) == whole:
        return numbered
    # In `written`'s places, the instructions of the same effect as written (as before instructions were kept
    # in place): the document's order made a change the generated one does not (a phrase replaced throughout
    # before a new text quoting it).
    reworded = tuple(_in_place(written, tuple(was), effects))
    if reworded != written and whole is not None and effects.of(reworded) == whole:
        return reworded
    return written


def relocated(ins: Instruction, location: str) -> Instruction:
    """`ins` moved to `location` in the amending article, its nested instructions with it."""
    if ins.location.partition(".")[0] == location:
        return ins
    return replace(ins, location=location + ins.location[len(ins.location.partition(".")[0]):],
                   children=tuple(relocated(child, location) for child in ins.children))


def with_instructions(amendment: Amendment, regulation: str, instructions: tuple[Instruction, ...]) -> Amendment:
    """`amendment` with `instructions` in the article amending `regulation`."""
    if regulation == amendment.regulation or not amendment.others:
        return replace(amendment, instructions=instructions)
    return replace(amendment, others=tuple(replace(part, instructions=instructions)
                                           if part.regulation == regulation else part for part in amendment.others))


@dataclass(frozen=True, slots=True)
class _Effect:
    """What instructions do to `old`: the first segments of the addresses they change (`tops`), those articles (or
    headings) as they leave them (`state`, with the preamble), and the addresses changed, in the order changed. The
    units themselves, not their printed lines: marking a paragraph as a closing text changes no word, but it is a
    change (a re-run of `from-edits` said "no change")."""

    tops: frozenset[Segment]
    state: tuple[object, ...]
    changed: tuple[Address, ...] = field(compare=False)


class Effects:
    """The effects of instructions applied to `old`, each instruction's alone computed once."""

    def __init__(self, old: Regulation, amendment: Amendment, regulation: str) -> None:
        self.old = old
        self.amendment = amendment
        self.regulation = regulation
        self.alone: dict[int, _Effect | None] = {}
        self.positions: dict[Address, int] | None = None
        self.final: Regulation | None = None

    def applied(self, instructions: tuple[Instruction, ...]) -> Regulation | None:
        """`old` as the instructions leave it, None when they cannot be applied."""
        try:
            return apply(self.old, with_instructions(self.amendment, self.regulation, instructions),
                         checked=False).regulation
        except RegdraftError:
            return None

    def one(self, ins: Instruction) -> _Effect | None:
        """The effect of `ins` applied alone, None when it cannot be."""
        if id(ins) not in self.alone:
            self.alone[id(ins)] = self.of((ins,))
        return self.alone[id(ins)]

    def of(self, instructions: tuple[Instruction, ...], *, whole: bool = False) -> _Effect | None:
        """Every article (or heading) the instructions change, as they leave it: the whole regulation would cost
        a comparison of every article per instruction (seconds at 1,000 articles). `whole`: these are all the
        instructions, and the text they leave places the others (`key`)."""
        try:
            applied = apply(self.old, with_instructions(self.amendment, self.regulation, instructions), checked=False)
        except RegdraftError:
            return None
        if whole:
            self.final = applied.regulation
        changed = tuple(change.address for change in applied.changes)
        tops = {address.segments[0] for address in changed}
        found = _top_units(applied.regulation.units, tops)
        state = (applied.regulation.preamble, *((top, found.get(top)) for top in sorted(tops)))
        return _Effect(frozenset(tops), state, changed)

    def key(self, ins: Instruction) -> tuple[int, int]:
        """Where the house style puts `ins`: (0 for a structural instruction, 1 for a word replacement; the
        place in the amended text of the first provision it changes)."""
        if self.positions is None:
            final = self.final or self.old
            self.positions = {loc.address: n for n, loc in enumerate(final.walk())}
        leaves = ins.leaves() or [ins]
        words = all(isinstance(leaf.op, ReplaceWords) for leaf in leaves)
        places = [a for leaf in leaves for a in targets(leaf.op)]
        if not places:  # words changed throughout: where they first changed
            effect = self.one(ins)
            places = list(effect.changed) if effect is not None else []
        found = [n for n in (self._position(a) for a in places) if n is not None]
        return int(words), min(found, default=len(self.positions))

    def _position(self, address: Address) -> int | None:
        assert self.positions is not None
        at: Address | None = address.unit
        while at is not None:
            if at in self.positions:
                return self.positions[at]
            at = at.parent()
        return None


def _matched(was: tuple[Instruction, ...], written: tuple[Instruction, ...],
             effects: Effects) -> tuple[dict[int, Instruction], list[int]]:
    """The instructions standing in the places of `was` kept (by index: that one, or it with the quotes of
    `written`), and the indices of those of `written` that are new."""
    standing: dict[_Wording, int] = {}
    for j, ins in enumerate(was):
        standing.setdefault(_wording(ins), j)
    kept: dict[int, Instruction] = {}
    new: list[int] = []
    for i, ins in enumerate(written):
        same = standing.get(_wording(ins))
        if same is None or same in kept:
            new.append(i)
        else:
            kept[same] = was[same]
    free = [j for j in range(len(was)) if j not in kept]
    if not new or not free:
        return kept, new
    # The same change alone, worded otherwise (a document's `điểm a, điểm d, điểm g và điểm k khoản 1 Điều 5`,
    # generated as `một số điểm của khoản 1 Điều 5`).
    by_effect: dict[tuple[object, ...], int] = {}
    for j in free:
        effect = effects.one(was[j])
        if effect is not None:
            by_effect.setdefault(effect.state, j)
    for i in list(new):
        effect = effects.one(written[i])
        alike = by_effect.pop(effect.state, None) if effect is not None else None
        if alike is not None:
            kept[alike] = was[alike]
            new.remove(i)
            free.remove(alike)
    # A new wording of the very provisions one of the document's names (a proposal accepted on point b of its
    # `Sửa đổi, bổ sung điểm b và điểm đ khoản 1 Điều 45 như sau:`): that one, its sentences as written, with the
    # new quotes.
    for i in list(new):
        shape = _shape(written[i])
        alike = next((j for j in free if shape is not None and _shape(was[j]) == shape), None)
        if alike is not None:
            kept[alike] = _requoted(was[alike], written[i])
            new.remove(i)
            free.remove(alike)
    # Changes the document makes otherwise than the generated instructions (its two repeals joined, a word
    # replacement where they amend the provisions): the instructions of each side touching the same articles (or
    # headings), directly or through one another, make the same change together.
    for ws, gs in _together([was[j] for j in free], [written[i] for i in new], effects):
        if effects.of(ws) == effects.of(gs):
            taken = {id(ins) for ins in (*ws, *gs)}
            kept.update((j, was[j]) for j in free if id(was[j]) in taken)
            new = [i for i in new if id(written[i]) not in taken]
    return kept, new


def _together(was: list[Instruction], written: list[Instruction],
              effects: Effects) -> list[tuple[tuple[Instruction, ...], tuple[Instruction, ...]]]:
    """The instructions of `was` and of `written` that change the same articles (or headings), directly or
    through one another, as groups of each side in their order; those of either side that cannot be applied
    alone are left out."""
    nodes = [(side, ins) for side, instructions in ((0, was), (1, written)) for ins in instructions
             if effects.one(ins) is not None]
    parent = list(range(len(nodes)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    first: dict[Segment, int] = {}
    for n, (_, ins) in enumerate(nodes):
        effect = effects.one(ins)
        assert effect is not None
        for top in effect.tops:
            parent[root(n)] = root(first.setdefault(top, n))
    groups: dict[int, tuple[list[Instruction], list[Instruction]]] = {}
    for n, (side, ins) in enumerate(nodes):
        groups.setdefault(root(n), ([], []))[side].append(ins)
    return [(tuple(ws), tuple(gs)) for ws, gs in groups.values() if ws and gs]


def placed(kept: list[Instruction], new: list[Instruction], effects: Effects,
           after: Callable[[Instruction, Instruction], bool] | None = None) -> list[Instruction]:
    """`kept` in their order, each of `new` inserted before the first instruction that the house style puts
    after it; with `after`, also after every instruction it must follow (`after(new, other)`)."""
    out = [(effects.key(ins), ins) for ins in kept]
    for ins in new:
        key = effects.key(ins)
        floor = max((n + 1 for n, (_, other) in enumerate(out) if after is not None and after(ins, other)), default=0)
        at = next((n for n, (other, _) in enumerate(out) if n >= floor and other > key), len(out))
        out.insert(at, (key, ins))
    return [ins for _, ins in out]


def _in_place(written: tuple[Instruction, ...], was: tuple[Instruction, ...], effects: Effects) -> list[Instruction]:
    """`written` with each instruction of the same wording or effect as one of `was` replaced by that one."""
    standing = {_wording(ins): ins for ins in was}
    by_effect: dict[tuple[object, ...], Instruction] = {}
    for ins in was:
        effect = effects.one(ins)
        if effect is not None:
            by_effect.setdefault(effect.state, ins)
    out = []
    for ins in written:
        same = standing.get(_wording(ins))
        if same is None:
            effect = effects.one(ins)
            same = by_effect.get(effect.state) if effect is not None else None
        out.append(ins if same is None else relocated(same, ins.location.partition(".")[0]))
    return out


def _shape(ins: Instruction) -> tuple[object, ...] | None:
    """What an instruction does but for its quoted words: its operation (the provisions it names, where it puts
    them) and its nested instructions'; None for one changing words, whose words are its sentence."""
    children = tuple(_shape(child) for child in ins.children)
    if isinstance(ins.op, ReplaceWords) or (isinstance(ins.op, Several) and any(
            isinstance(part, ReplaceWords) for part in ins.op.parts)) or None in children:
        return None
    return ins.op, ins.implied, bool(ins.quote), children


def _requoted(was: Instruction, written: Instruction) -> Instruction:
    """`was` (of the same shape as `written`) with the quotes and new units of `written`, each quote ended as `was`
    ended its own; `was` itself when that changes nothing."""
    quote = written.quote
    if quote and was.quote:
        new, old = ending(quote[-1]), ending(was.quote[-1])
        if new is not None and old is not None:
            quote = (*quote[:-1], quote[-1][:len(quote[-1]) - len(new)] + old)
    out = replace(was, quote=quote, unit=written.unit,
                  children=tuple(_requoted(a, b) for a, b in zip(was.children, written.children, strict=True)))
    return was if _wording(out) == _wording(was) and out.unit == was.unit else out


def ending(paragraph: str) -> str | None:
    """The punctuation after the closing quotation mark ending `paragraph` (`.` of `”.`, empty for `”`)."""
    end = paragraph.rstrip(".;,:")
    return paragraph[len(end):] if end.endswith("”") else None


def _wording(ins: Instruction) -> _Wording:
    """An instruction as written, wherever it stands: its sentence, its quote and its nested instructions'."""
    return ins.text, ins.quote, tuple(_wording(child) for child in ins.children)


def _top_units(units: tuple[Unit, ...], wanted: set[Segment]) -> dict[Segment, Unit]:
    """The units named by these first segments of addresses (articles, or the headings above them), found
    without walking the clauses and points of every article."""
    found: dict[Segment, Unit] = {}
    for unit in units:
        if unit.segment() in wanted:
            found[unit.segment()] = unit
        if unit.kind is not Kind.ARTICLE and unit.kind in HEADING_KINDS:
            found.update(_top_units(unit.children, wanted))
    return found
