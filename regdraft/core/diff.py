"""Structure-aware comparison of two versions of a regulation.

`compare(old, new) -> Comparison`: provisions are aligned by address, confirmed by content;
provisions whose content reappears under another address are reported as moved (both done by
`regdraft.core.align`); words are compared only inside provisions that changed (by
`regdraft.core.word_diff`, which owns diff_match_patch).

Post-conditions of `compare`:
1. `Comparison.changes` lists every changed provision once, in document order (new order, with
   removed provisions where they stood), each with its old and new address and its kind.
2. For every word-level result, the old text is exactly the concatenation of the equal and
   deleted segments and the new text that of the equal and inserted segments, in order.
3. Differences of tone-mark placement only (`ủy`/`uỷ`) are not changes unless `strict_tones`.
4. A provision whose old and new text share words is never shown as "all deleted, all
   inserted" (`regdraft.core.word_diff`, post-condition 3).
5. Of the provisions paired at one level, the longest run in their old order stays: one outside
   it is MOVED; one inside it under a new label, its text unchanged, is RENUMBERED (with changed
   text, the kind of the text change). A clause is no change of its own because its article was
   renumbered or moved. A clause or point removed from one article or clause and found (the same,
   or at least `MOVE` similar sharing `MOVE_WORDS` words) in another is moved: `moved_to` where it
   stood, `moved_from` (and the word comparison) where it stands; only the latter is listed, also inside an article
   inserted whole (one split in two); so is one inside an article removed whole (two merged). One repealed in place (its
   `(được bãi bỏ)` placeholder in the new text) is listed too, as repealed, with its `moved_to`. A placeholder of the
   old text the new one leaves out is PLACE_LEFT_OUT, its text the placeholder's words; one on both sides is no change.
   In a free comparison (`move` at most `MOVE`), a clause or point paired only by its label, its text quite another,
   whose old text is found elsewhere or whose new text came from elsewhere is that move, its other side removed or
   inserted (bodies of two articles swapped under their headings: their clauses moved, not rewritten).
6. The work is bounded whatever the texts (`regdraft.core.word_diff`, post-condition 4).
   Post-condition 2 always holds.
7. A change of a few phrases is words replaced or deleted, wherever they stand (text, lead-in,
   closing text or both). A provision with clauses or points whose lead-in or closing text changed
   beyond that names each part changed in `parts`, with what happened to it: `(("intro", AMENDED),)`;
   a part that appears is INSERTED, one that goes REPEALED, a few phrases of it WORDS_REPLACED or
   WORDS_DELETED; its own kind is then `part_kind` of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from regdraft.core.align import MOVE, Item, align, child_items, flatten, increasing
from regdraft.core.align import similarity as similarity
from regdraft.core.collector import paused
from regdraft.core.markdown_writer import heading_text, unit_label_text
from regdraft.core.model import (
    END,
    HEADING_KINDS,
    INTRO,
    REPEALED_TEXT,
    Address,
    Kind,
    Regulation,
    Unit,
)
from regdraft.core.moves import cross_moves
from regdraft.core.patterns import lazy
from regdraft.core.text import tone_key
from regdraft.core.word_diff import DiffSegment, Op, diff_words


class ChangeKind(StrEnum):
    """What happened to a provision."""

    AMENDED = "amended"
    INSERTED = "inserted"
    REPEALED = "repealed"
    MOVED = "moved"
    RENUMBERED = "renumbered"
    WORDS_REPLACED = "words replaced"
    WORDS_DELETED = "words deleted"
    WORDS_ADDED = "words added"  # `Bổ sung cụm từ “A” vào sau cụm từ “B”`: only as an instruction states it
    HEADING_CHANGED = "heading changed"
    # A repealed provision's `(được bãi bỏ)` placeholder, kept by the old (consolidated) text, that the new text
    # leaves out, numbering on without it: no repeal of the new text's, only a place no longer kept.
    PLACE_LEFT_OUT = "repealed earlier, its place left out"


# An instruction that amends without supplementing (`Sửa đổi Điều 5:`, not `Sửa đổi, bổ sung Điều 5 như sau:`).
_AMENDS_ONLY = lazy(r"^\s*(?:[a-zđ]\)|\d+[a-z]?\.)?\s*Sửa đổi(?!\s*,?\s*bổ sung)\b", re.I)


def amends_only(instruction: str) -> bool:
    """Whether an instruction's words make its AMENDED change a `sửa đổi` without `bổ sung`: `Sửa đổi Điều 5:`
    (Nghị định 48/2013), so the consolidated note says `được sửa đổi` and the redline `sửa đổi`."""
    return bool(_AMENDS_ONLY.match(instruction))


class _Placed:
    """Something found at an old address, a new one, or both."""

    __slots__ = ()
    old_address: Address | None
    new_address: Address | None

    @property
    def address(self) -> Address:
        """The new address, or the old one for a provision that no longer exists."""
        found = self.new_address or self.old_address
        assert found is not None
        return found


@dataclass(frozen=True, slots=True)
class Provision(_Placed):
    """One provision aligned across the two versions.

    `identical` provisions carry no segments or children: render `new` as it is. Provisions
    inside an inserted or repealed one repeat its `change` and are not listed separately.
    """

    kind: Kind
    old: Unit | None
    new: Unit | None
    old_address: Address | None
    new_address: Address | None
    change: ChangeKind | None = None
    title: tuple[DiffSegment, ...] = ()
    text: tuple[DiffSegment, ...] = ()
    children: tuple[Provision, ...] = ()
    identical: bool = False
    depth: int = 0
    anchor: str = ""
    closing: tuple[DiffSegment, ...] = ()  # the closing text after the children (đoạn cuối)
    moved_from: Address | None = None  # moved here from another article or clause (old address)
    moved_to: Address | None = None    # moved from here to another article or clause (new address)
    # The changes made to parts of the provision (its lead-in `intro`, closing text `end`, dash items) rather than
    # to the whole of it, each with its own kind; `change` is then their common kind (see `part_kind`).
    parts: tuple[tuple[str, ChangeKind], ...] = ()


_NEW_OBJECT = object.__new__
(_SET_KIND, _SET_OLD, _SET_NEW, _SET_OLD_ADDRESS, _SET_NEW_ADDRESS, _SET_CHANGE, _SET_TITLE, _SET_TEXT, _SET_CHILDREN,
 _SET_IDENTICAL, _SET_DEPTH, _SET_ANCHOR, _SET_CLOSING, _SET_MOVED_FROM, _SET_MOVED_TO, _SET_PARTS) = (
    getattr(Provision, name).__set__
    for name in ("kind", "old", "new", "old_address", "new_address", "change", "title", "text", "children",
                 "identical", "depth", "anchor", "closing", "moved_from", "moved_to", "parts"))


def identical(kind: Kind, old: Unit, new: Unit, old_address: Address, new_address: Address, depth: int) -> Provision:
    """`Provision(kind, old, new, old_address, new_address, identical=True, depth=depth)`, each slot set as the data
    class's `__init__` sets it (it has no `__post_init__`) at a third of its cost: most provisions of a long text's
    comparison are identical (1,127 of 1,177 in the benchmark's, 3.5 ms of a warm compare's CPU through `__init__`)."""
    p = _NEW_OBJECT(Provision)
    _SET_KIND(p, kind)
    _SET_OLD(p, old)
    _SET_NEW(p, new)
    _SET_OLD_ADDRESS(p, old_address)
    _SET_NEW_ADDRESS(p, new_address)
    _SET_CHANGE(p, None)
    _SET_TITLE(p, ())
    _SET_TEXT(p, ())
    _SET_CHILDREN(p, ())
    _SET_IDENTICAL(p, True)
    _SET_DEPTH(p, depth)
    _SET_ANCHOR(p, "")
    _SET_CLOSING(p, ())
    _SET_MOVED_FROM(p, None)
    _SET_MOVED_TO(p, None)
    _SET_PARTS(p, ())
    return p


@dataclass(frozen=True, slots=True)
class Change(_Placed):
    """One changed provision: where it was and is, what happened, and the words changed."""

    kind: ChangeKind
    unit_kind: Kind
    old_address: Address | None
    new_address: Address | None
    segments: tuple[DiffSegment, ...]
    title: tuple[DiffSegment, ...] = ()
    anchor: str = ""
    parts: tuple[tuple[str, ChangeKind], ...] = ()  # as `Provision.parts`


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result of `compare`: the aligned document and the list of its changes."""

    old: Regulation
    new: Regulation
    provisions: tuple[Provision, ...]
    changes: tuple[Change, ...]
    strict_tones: bool = False


class _Comparer:
    def __init__(self, language: str, strict_tones: bool, detect_moves: bool, move: float = MOVE) -> None:
        self.language = language
        self.move = move
        self.strict = strict_tones
        self.detect_moves = detect_moves
        self.count = 0

    def fold(self, text: str) -> str:
        return text if self.strict else tone_key(text)

    def anchor(self) -> str:
        self.count += 1
        return f"chg-{self.count}"

    def level(self, old: Sequence[Item], new: Sequence[Item]) -> Iterator[Provision]:
        pairs = align(old, new, fold=self.fold, detect_moves=self.detect_moves)
        # The longest run of pairs in their old order stays; a pair outside it has moved.
        stays = increasing([(k, i) for k, (i, j) in enumerate(pairs) if i is not None and j is not None])
        for k, (i, j) in enumerate(pairs):
            if i is not None and j is not None and k not in stays and self.move > MOVE \
                    and not old[i].same(new[j]) and old[i].similarity(new[j]) < self.move:
                # Out of its order and only alike (`move`: one amendment's redline): a repeal and an insertion.
                yield self.one_sided(old[i], Op.DELETE, ChangeKind.REPEALED, top=True)
                yield self.one_sided(new[j], Op.INSERT, ChangeKind.INSERTED, top=True)
            elif i is None:
                assert j is not None
                yield self.one_sided(new[j], Op.INSERT, ChangeKind.INSERTED, top=True)
            elif j is None:
                yield self.one_sided(old[i], Op.DELETE, ChangeKind.PLACE_LEFT_OUT if old[i].unit.repealed
                                     else ChangeKind.REPEALED, top=True)
            else:
                yield self.pair(old[i], new[j], moved=k not in stays)

    def one_sided(self, item: Item, op: Op, kind: ChangeKind, top: bool) -> Provision:
        unit = item.unit
        children = () if item.heading_only else tuple(
            self.one_sided(child, op, kind, top=False) for child in child_items(unit, item.address))
        title = (DiffSegment(op, unit.title),) if unit.title else ()
        text = (DiffSegment(op, "\n".join(unit.text)),) if unit.text else ()
        closing = (DiffSegment(op, "\n".join(unit.closing)),) if unit.closing and not item.heading_only else ()
        if unit.repealed:  # its placeholder, where the old text leaves it and the new one does not: as it reads
            said = (DiffSegment(op, REPEALED_TEXT.get(self.language, REPEALED_TEXT["vi"])),) \
                if kind is ChangeKind.PLACE_LEFT_OUT and top else ()
            # An article's (a heading's) placeholder stands in its title: `Điều 8. (được bãi bỏ)`.
            title, text = (said, ()) if unit.kind in HEADING_KINDS else ((), said)
        gone = op is Op.DELETE
        return Provision(unit.kind, unit if gone else None, None if gone else unit,
                         item.address if gone else None, None if gone else item.address,
                         kind, title, text, children, depth=item.depth, anchor=self.anchor() if top else "",
                         closing=closing)

    def pair(self, old: Item, new: Item, moved: bool) -> Provision:
        """Two sides of a provision; `moved` when it left the old order (a new label alone is renumbering)."""
        o, n = old.unit, new.unit
        relabelled = o.label != n.label or o.designation != n.designation  # `Appendix 1` now `Schedule 1`
        if old.same(new) and not moved and not relabelled:
            return identical(n.kind, o, n, old.address, new.address, new.depth)
        if n.repealed and not o.repealed:
            gone = self.one_sided(old, Op.DELETE, ChangeKind.REPEALED, top=True)
            return Provision(n.kind, o, n, old.address, new.address, ChangeKind.REPEALED, gone.title,
                             gone.text, gone.children, depth=new.depth, anchor=gone.anchor, closing=gone.closing)
        if o.repealed and not n.repealed:
            added = self.one_sided(new, Op.INSERT, ChangeKind.INSERTED, top=True)
            return Provision(n.kind, o, n, old.address, new.address, ChangeKind.INSERTED, added.title,
                             added.text, added.children, depth=new.depth, anchor=added.anchor, closing=added.closing)
        anchor = self.anchor() if moved or relabelled else ""
        title = self.words(o.title or "", n.title or "")
        text = self.words("\n".join(o.text), "\n".join(n.text))
        children: tuple[Provision, ...] = ()
        closing: tuple[DiffSegment, ...] = ()
        if not old.heading_only:
            children = tuple(self.level(child_items(o, old.address), child_items(n, new.address)))
            closing = self.words("\n".join(o.closing), "\n".join(n.closing))
        title_changed = any(s.op is not Op.EQUAL for s in title)
        text_changed = any(s.op is not Op.EQUAL for s in text) or any(s.op is not Op.EQUAL for s in closing)
        change: ChangeKind | None = None
        parts: tuple[tuple[str, ChangeKind], ...] = ()
        if moved:
            change = ChangeKind.MOVED
        elif text_changed:
            change = (_phrase_change((*text, *closing)) if not title_changed else None) or ChangeKind.AMENDED
            if change is ChangeKind.AMENDED and not title_changed and (o.children or n.children):
                parts = tuple((part, _phrase_change(segments) or _part_change(segments))
                              for part, segments in ((INTRO, text), (END, closing)) if differs(segments))
                change = part_kind(parts)
        elif title_changed:
            change = ChangeKind.HEADING_CHANGED
        elif relabelled:
            change = ChangeKind.RENUMBERED
        if change is not None and not anchor:
            anchor = self.anchor()
        return Provision(n.kind, o, n, old.address, new.address, change, title, text, children,
                         depth=new.depth, anchor=anchor, closing=closing, parts=parts)

    def moved(self, gone: Provision, added: Provision) -> Provision:
        """A provision moved to another article or clause, compared word for word where it now stands."""
        assert gone.old is not None and gone.old_address is not None
        assert added.new is not None and added.new_address is not None
        old = Item("", gone.old, gone.old_address, gone.depth)
        return replace(self.pair(old, Item("", added.new, added.new_address, added.depth), moved=True),
                       moved_from=gone.old_address)

    def split(self, p: Provision) -> tuple[Provision, Provision]:
        """A provision's two sides apart: its old text removed and its new text inserted (`cross_moves`)."""
        assert p.old is not None and p.new is not None and p.old_address is not None and p.new_address is not None
        return (self.one_sided(Item("", p.old, p.old_address, p.depth), Op.DELETE, ChangeKind.REPEALED, top=True),
                self.one_sided(Item("", p.new, p.new_address, p.depth), Op.INSERT, ChangeKind.INSERTED, top=True))

    def words(self, old: str, new: str) -> tuple[DiffSegment, ...]:
        # NFC texts differing only in tone placement have the same length: skip folding otherwise.
        if old == new or (not self.strict and len(old) == len(new) and tone_key(old) == tone_key(new)):
            return (DiffSegment(Op.EQUAL, new, old if old != new else None),) if new or old else ()
        return diff_words(old, new, strict_tones=self.strict)


def _phrase_change(segments: Sequence[DiffSegment]) -> ChangeKind | None:
    """The kind of a change made of a few short phrase edits (`Thay thế cụm từ`, `Bỏ cụm từ`), else None.

    Only deletions: words deleted; any phrase put in place of another: words replaced. A change
    that adds words without removing any, or edits long or many passages, is an amendment.
    """
    edits = 0
    replaced = False
    i = 0
    while i < len(segments):
        seg = segments[i]
        if seg.op is Op.EQUAL:
            i += 1
            continue
        if seg.op is Op.INSERT or "\n" in seg.text:
            return None
        edits += 1
        if len(re.findall(r"\w+", seg.text)) > 8:
            return None
        if i + 1 < len(segments) and segments[i + 1].op is Op.INSERT:
            if len(re.findall(r"\w+", segments[i + 1].text)) > 8 or "\n" in segments[i + 1].text:
                return None
            replaced = True
            i += 1
        i += 1
    if not 0 < edits <= 5:
        return None
    return ChangeKind.WORDS_REPLACED if replaced else ChangeKind.WORDS_DELETED


def differs(segments: Sequence[DiffSegment]) -> bool:
    return any(s.op is not Op.EQUAL for s in segments)


def _part_change(segments: Sequence[DiffSegment]) -> ChangeKind:
    """What happened to a lead-in or closing text that changed: added, taken out, or amended."""
    if all(s.op is Op.INSERT for s in segments):
        return ChangeKind.INSERTED
    if all(s.op is Op.DELETE for s in segments):
        return ChangeKind.REPEALED
    return ChangeKind.AMENDED


def part_kind(parts: Sequence[tuple[str, ChangeKind]]) -> ChangeKind:
    """The kind of a provision changed in its parts: words deleted or replaced when that is all that happened
    to them, else amended; never inserted or repealed, as the provision itself stays."""
    kinds = {kind for _, kind in parts}
    if kinds == {ChangeKind.WORDS_DELETED}:
        return ChangeKind.WORDS_DELETED
    if kinds == {ChangeKind.WORDS_ADDED}:
        return ChangeKind.WORDS_ADDED
    if kinds and kinds <= {ChangeKind.WORDS_REPLACED, ChangeKind.WORDS_DELETED, ChangeKind.WORDS_ADDED}:
        return ChangeKind.WORDS_REPLACED
    return ChangeKind.AMENDED


def compare(old: Regulation, new: Regulation, *, strict_tones: bool = False,
            detect_moves: bool = True, move: float = MOVE) -> Comparison:
    """Compare two versions of a regulation provision by provision (see the module docstring); `move` is how
    similar a provision's text must be to another's elsewhere to be that one moved (`NEAR` for one amendment)."""
    with paused():  # an object or more per provision, no cycles (`regdraft.core.collector`)
        comparer = _Comparer(new.language, strict_tones, detect_moves, move)
        provisions = tuple(comparer.level(flatten(old), flatten(new)))
        if detect_moves:
            # One amendment states each provision's change: a clause it rewrites is amended, as its instruction says.
            provisions = cross_moves(provisions, comparer.moved, comparer.fold, ChangeKind.MOVED, move,
                                     comparer.split if move <= MOVE else None)
        provisions = numbered(provisions)
        return Comparison(old, new, provisions, tuple(changes(provisions)), strict_tones)


def numbered(provisions: tuple[Provision, ...]) -> tuple[Provision, ...]:
    """The provisions with the listed ones anchored `chg-1`, `chg-2` ... in document order."""
    count = 0

    def number(p: Provision) -> Provision:
        nonlocal count
        anchor = p.anchor
        if p.change is not None and p.anchor:
            count += 1
            anchor = f"chg-{count}"
        if not p.children:
            return p if anchor == p.anchor else replace(p, anchor=anchor)
        return replace(p, anchor=anchor, children=tuple(number(c) for c in p.children))

    return tuple(number(p) for p in provisions)


def changes(provisions: Sequence[Provision]) -> Iterator[Change]:
    for p in provisions:
        if p.change is not None and p.anchor:
            segments = p.text
            if any(s.op is not Op.EQUAL for s in p.closing):
                segments = (*p.text, DiffSegment(Op.EQUAL, "\n"), *p.closing) if p.text else p.closing
            yield Change(p.change, p.kind, p.old_address, p.new_address, segments, p.title, p.anchor, p.parts)
        if p.children and (p.change not in (ChangeKind.INSERTED, ChangeKind.REPEALED)  # most have none: no generator
                           or p.change is ChangeKind.INSERTED and holds_moves(p)):
            yield from changes(p.children)


def holds_moves(p: Provision) -> bool:
    """Whether an inserted provision holds a clause or point moved into it from elsewhere (`cross_moves`: an article
    split in two), listed on its own as the move it is; nothing else inside an inserted provision is."""
    return any(c.moved_from is not None or (c.children and holds_moves(c)) for c in p.children)


def unit_lines(unit: Unit, language: str) -> list[str]:
    """A unit and its children as printed lines: `Điều 5. Title`, `1. text`, `a) text`."""
    if unit.kind in HEADING_KINDS:
        lines = [heading_text(unit, language), *unit.text]
    elif unit.repealed:
        return [f"{unit_label_text(unit, language)} {REPEALED_TEXT.get(language, REPEALED_TEXT['vi'])}"]
    else:
        first = unit.text[0] if unit.text else ""
        lines = [f"{unit_label_text(unit, language)} {first}".rstrip(), *unit.text[1:]]
    for child in unit.children:
        lines.extend(unit_lines(child, language))
    lines.extend(unit.closing)
    return lines
