"""Re-anchoring comments: where the provision a comment was made on stands in a later draft.

Pure core, over the values of `regdraft.core.comments`: a comment's `on` and `anchor` are compared with
the provisions of a later draft, by the measure the diff and the redline use (`align.similarity`).

Post-conditions:
1. `locate`/`follow` never raise for a well-formed comment: the answer is a `Placement`.
2. A `Placement` is `unchanged` only when the provision's text, folded (case, spacing, tone placement), is
   the anchor's. `locate` (and `follow`, draft by draft) moves a comment only to a provision at least
   `MOVE_THRESHOLD` alike to the text it starts from, of the same group (a unit to a unit; a lead-in, closing
   text, dash or plus item to such a part; a title to a title in the same words).
3. Placements are kept per draft object (an immutable tree), so placing the same comment again costs a look-up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from regdraft.core.address import TITLE, is_item_part
from regdraft.core.align import align, child_items, dice, dice_at_most, similarity, word_bag, word_count
from regdraft.core.comments import GENERAL, _key, anchor_text, shown_on
from regdraft.core.errors import RegdraftError
from regdraft.core.identity import ByIdentity
from regdraft.core.model import REPEALED_TEXT, Address, Kind, Located, Regulation
from regdraft.core.parts import part_paragraphs, unit_parts
from regdraft.core.text import tone_key

# How alike (`align.similarity`, the measure the diff and the redline use) a provision found at
# another address must be to the commented one to count as that provision, moved.
MOVE_THRESHOLD = 0.75
_ANCHORED_KINDS = (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT)


class State(StrEnum):
    """Where a commented provision stands in a later draft."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    MOVED = "moved"
    REMOVED = "removed"
    GENERAL = "general"
    UNKNOWN = "unknown"  # the current draft cannot be read: it no longer applies to the text in force


@dataclass(frozen=True, slots=True)
class Placement:
    """A comment's provision in a later draft: its state, current address and text."""

    state: State
    address: str
    text: str = ""
    changed: bool = False
    # Moved to one of this many places in different articles that hold its text equally well, none in its own
    # article and no alignment of the drafts deciding: `address` is the nearest, a guess to check (0: decided).
    several: int = 0

    def describe(self, language: str = "vi") -> str:
        """`unchanged`, `changed`, `moved to d3.k1a` (`, changed`; English `a3.c1a`; `(1 of 3 places with this
        text)` when `several`), `removed` or `general`."""
        if self.state is State.MOVED:
            return (f"moved to {shown_on(self.address, language)}" + (" (changed)" if self.changed else "")
                    + (f" (1 of {self.several} places with this text)" if self.several else ""))
        return self.state.value


@dataclass(slots=True)
class _Candidate:
    """A provision a comment's text may have moved to: its address, text, folded key and its words counted
    (`similarity`'s bag, counted when first needed)."""

    address: str
    text: str
    key: str
    size: int
    position: int  # in the draft's document order
    article: str   # the article holding it (`d29`)
    bag: Counter[str] | None = None


_UNITS, _PARTS = "units", "parts"


def _group(on: Address) -> str:
    """Which provisions a comment on `on` may move to: whole units (`_UNITS`), their lead-ins, closing texts, dash
    and plus items (`_PARTS`), or the titles of units of its kind (`title:article`): a title is followed to a
    title, never to a paragraph that reads like it."""
    if on.part == TITLE:
        return f"{TITLE}:{on.kind.value}"
    return _PARTS if on.part else _UNITS


def _candidates(draft: Regulation, group: str) -> list[_Candidate]:
    """The provisions of a draft in one `_group`."""
    out = []
    for position, loc in enumerate(draft.walk()):
        if group.startswith(f"{TITLE}:"):
            if loc.unit.kind.value != group.partition(":")[2] or not part_paragraphs(loc.unit, TITLE):
                continue
            found = [(str(loc.address.with_part(TITLE)), loc.unit.title or "")]
        elif loc.unit.kind not in _ANCHORED_KINDS or loc.unit.repealed:
            continue
        elif group == _PARTS:
            found = [(str(loc.address.with_part(part)), "\n".join(part_paragraphs(loc.unit, part)))
                     for part in unit_parts(loc.unit) if part != TITLE]
        else:
            found = [(str(loc.address), loc.unit.all_text())]
        for address, text in found:
            key = _key(text)
            out.append(_Candidate(address, text, key, word_count(key), position, _article(loc.address)))
    return out


def _article(address: Address) -> str:
    """The code of the article holding `address` (`d29` for `d29.k2.intro`); its first unit's when none does."""
    for k, segment in enumerate(address.segments):
        if segment.kind is Kind.ARTICLE:
            return str(Address(address.segments[: k + 1]))
    return str(Address(address.segments[:1]))


def _chapter(loc: Located) -> str:
    """The parts and chapters holding a unit, as one key (`Phần 1/Chương III`)."""
    return "/".join(f"{u.kind.value} {u.label}" for u in loc.ancestors if u.kind in (Kind.PART, Kind.CHAPTER))


def _nearest(tied: Sequence[_Candidate], was: str, draft: Regulation) -> tuple[_Candidate, int]:
    """Of provisions that match a text equally well, the one meant: in the article the provision was in, else in
    its chapter, then the nearest in document order to where it was (its address, or the unit holding it, as the
    draft has it; the first, when its article is gone); with how many places tie when the pick leaves its article
    among several articles (0 when it is decided)."""
    if len(tied) == 1:
        return tied[0], 0
    places = _PLACED(draft).places()
    unit = Address.parse(was).unit
    article = _article(unit)
    address: Address | None = unit
    while address is not None and str(address) not in places:
        address = address.parent()
    chapter, position = places[str(address)] if address is not None else ("\0", -1)

    def rank(c: _Candidate) -> tuple[bool, bool, int]:
        return (c.article != article, places.get(c.article, ("", 0))[0] != chapter,
                abs(c.position - position) if position >= 0 else c.position)

    chosen = min(tied, key=rank)
    decided = chosen.article == article or len({c.article for c in tied}) == 1
    return chosen, 0 if decided else len(tied)


def _best_elsewhere(key: str, draft: Regulation, exclude: str, group: str = _UNITS,
                    within: str = "") -> tuple[float, str, str, int]:
    """The provision most like `key` (of several equally like it, the one `_nearest` the address `exclude` it was
    at, with their number when that leaves its article undecided), when it is like it at least
    `MOVE_THRESHOLD`; (0, "", "", 0) otherwise; among the provisions of a `_group`: a comment on a lead-in, closing
    text, dash or plus item follows it to another such part, never to a whole unit; a title only to a title in
    the same words (titles are short and alike: `Trách nhiệm, quyền hạn của Bí thư Tỉnh ủy` is 0.82 like
    `… của Tỉnh ủy viên`, another article's); with `within`, only
    those whose address starts with it (`d5.k2.`, the parts of one unit). Provisions whose size
    alone keeps them under the threshold or the best so far are not compared word by word (a draft's
    provisions are read once per draft: placing 100 comments whose provisions were rewritten, on a
    1,000-article draft, took 29 s)."""
    mine = word_bag(key)
    size = mine.total()
    best, tied = 0.0, list[_Candidate]()
    for candidate in _PLACED(draft).candidates(group):
        if candidate.address == exclude or not candidate.address.startswith(within):
            continue
        if candidate.key == key:
            score = 1.0
        elif group.startswith(TITLE):
            continue
        else:
            bound = dice_at_most(size, candidate.size)
            if bound < MOVE_THRESHOLD or bound < best:
                continue
            if candidate.bag is None:
                candidate.bag = word_bag(candidate.key)
            score = dice(mine, candidate.bag)
        if score < MOVE_THRESHOLD or score < best:
            continue
        if score > best:
            best, tied = score, []
        tied.append(candidate)
    if not tied:
        return 0.0, "", "", 0
    chosen, several = _nearest(tied, exclude, draft)
    return best, chosen.address, chosen.text, several


# What placing comments found in the last drafts, by the draft's `id` (the draft is held, so its id is not
# reused). Keyed by value, as it was, each look-up hashed (and on a hit compared) the whole draft: 400 comments
# on a 1,000-article draft took 2.4 s to place.
@dataclass(slots=True)
class _Placing:
    draft: Regulation
    placed: dict[tuple[str, str], Placement] = field(default_factory=dict)
    # Whether a comment's address holds a provision renumbered into it from the draft before (held, with it).
    dropped: dict[tuple[str, str], tuple[Regulation, bool]] = field(default_factory=dict)
    found: dict[str, list[_Candidate]] = field(default_factory=dict)  # by `_group`
    # Where a comment's provision went by the alignment of the draft before with this one (held, with it).
    aligned: dict[str, tuple[Regulation, str]] = field(default_factory=dict)
    held: dict[str, tuple[str, int]] | None = None  # each unit's `_chapter` and position in document order

    def candidates(self, group: str) -> list[_Candidate]:
        if group not in self.found:
            self.found[group] = _candidates(self.draft, group)
        return self.found[group]

    def places(self) -> dict[str, tuple[str, int]]:
        if self.held is None:
            self.held = {str(loc.address): (_chapter(loc), k) for k, loc in enumerate(self.draft.walk())}
        return self.held


_PLACED: ByIdentity[Regulation, _Placing] = ByIdentity(4, _Placing)  # a page places through a round's few drafts
_PLACEMENTS_KEPT = 8192  # per draft


def locate(on: str, anchor: str, draft: Regulation, before: Regulation | None = None) -> Placement:
    """Where the provision a comment was made on stands in `draft`.

    Unchanged or changed when its address still holds it; moved when the address is gone,
    repealed or now holds other text and similar text appears elsewhere; removed otherwise.
    With `before`, the draft `anchor` was read in, an address that now holds a text unlike the anchor
    is removed, not changed, when that text is another provision of `before` renumbered into it
    (`_renumbered_into`): the draft dropped the one commented on; and a provision found moved goes where the
    comparison of `before` with `draft` aligns it (`_aligned`: khoản 2 Điều 29 now khoản 3 after a khoản inserted
    before it), when that text is alike enough; text matching elsewhere only decides when the alignment does not.
    Kept for the draft (an immutable tree): a server places the same comments often.
    """
    placing = _PLACED(draft)
    placed = placing.placed
    found = placed.get((on, anchor))
    if found is None:
        if len(placed) >= _PLACEMENTS_KEPT:
            placed.clear()
        found = placed[(on, anchor)] = _locate(on, anchor, draft)
    if before is not None and found.state is State.MOVED:
        return _realigned(found, on, anchor, before, placing)
    if before is None or found.state is not State.CHANGED or found.address != on or anchor in REPEALED_TEXT.values():
        return found
    known = placing.dropped.get((on, anchor))
    if known is None or known[0] is not before:
        if len(placing.dropped) >= _PLACEMENTS_KEPT:
            placing.dropped.clear()
        known = placing.dropped[(on, anchor)] = (before, _renumbered_into(on, anchor, found.text, before, draft))
    return Placement(State.REMOVED, on) if known[1] else found


def _realigned(found: Placement, on: str, anchor: str, before: Regulation, placing: _Placing) -> Placement:
    """`found` (a move by text) corrected by where the alignment of `before` with the draft puts `on`."""
    known = placing.aligned.get(on)
    if known is None or known[0] is not before:
        if len(placing.aligned) >= _PLACEMENTS_KEPT:
            placing.aligned.clear()
        known = placing.aligned[on] = (before, _aligned(on, before, placing.draft))
    address = known[1]
    if not address or address == on:
        return found
    if address == found.address:
        return replace(found, several=0)
    text = anchor_text(placing.draft, address)
    if similarity(_key(anchor), _key(text)) < MOVE_THRESHOLD:
        return found
    return Placement(State.MOVED, address, text, _key(text) != _key(anchor))


def _aligned(on: str, before: Regulation, draft: Regulation) -> str:
    """Where the comparison of `before` with `draft` puts the clause or point at `on`: the units of its holder,
    at the same address in both, aligned as the diff aligns them (`align.align`, text moved word for word found
    under its new label); "" when its holder is not in both, or the alignment pairs it with nothing."""
    target = Address.parse(on)
    holder = target.parent()
    if target.part or holder is None:
        return ""
    old, new = before.index().get(holder), draft.index().get(holder)
    if old is None or new is None:
        return ""
    olds, news = child_items(old.unit, holder), child_items(new.unit, holder)
    for i, j in align(olds, news, fold=tone_key):
        if i is not None and olds[i].address == target:
            return "" if j is None else str(news[j].address)
    return ""


def _renumbered_into(on: str, anchor: str, text: str, before: Regulation, draft: Regulation) -> bool:
    """True when `text`, now at `on` in `draft` and less than `MOVE_THRESHOLD` like the `anchor` read at `on` in
    `before`, is another provision of `before`, at least that alike and more like it than the anchor, that has left
    its own address: the draft dropped the provision commented on and renumbered the next into its place (khoản 5
    dropped, khoản 6 now khoản 5). A provision rewritten at its own address reads like no other of `before`, or
    like one still standing where it stood, and stays changed."""
    anchor_key, key = _key(anchor), _key(text)
    if key == anchor_key:
        return False
    alike = similarity(anchor_key, key)
    if alike >= MOVE_THRESHOLD:
        return False
    score, address, old, _ = _best_elsewhere(key, before, on, _group(Address.parse(on)))
    if score < MOVE_THRESHOLD or score <= alike:
        return False
    try:
        there = _key(anchor_text(draft, address))
    except RegdraftError:
        return True  # its old address is gone
    return similarity(_key(old), there) < MOVE_THRESHOLD


def _locate(on: str, anchor: str, draft: Regulation) -> Placement:
    if on == GENERAL:
        return Placement(State.GENERAL, GENERAL)
    key = _key(anchor)
    repealed_anchor = anchor in REPEALED_TEXT.values()
    target = Address.parse(on)
    group = _group(target)
    here = draft.index().get(target.unit)
    if here is not None and target.part and target.part not in unit_parts(here.unit):
        here = None  # the unit no longer has that title, lead-in, closing text or item
    if here is not None and (not here.unit.repealed or repealed_anchor):
        text = anchor_text(draft, on)
        if _key(text) == key:
            return Placement(State.UNCHANGED, on, text)
        score = similarity(key, _key(text))
        # Dash and plus items are counted as they stand: one added before an item renumbers it, so an item of
        # the same unit more like the anchor is the one commented on even when this one is alike enough. A title
        # moves only to a title in its very words (`_best_elsewhere`), wherever it is.
        title = target.part == TITLE
        if (score < MOVE_THRESHOLD or is_item_part(target.part) or title) and not repealed_anchor:
            within = "" if score < MOVE_THRESHOLD or title else f"{target.unit}."
            best, address, moved, several = _best_elsewhere(key, draft, on, group, within)
            if best >= MOVE_THRESHOLD and best > score:
                return Placement(State.MOVED, address, moved, _key(moved) != key, several)
        return Placement(State.CHANGED, on, text, True)
    if not repealed_anchor:
        best, address, moved, several = _best_elsewhere(key, draft, on, group)
        if best >= MOVE_THRESHOLD:
            return Placement(State.MOVED, address, moved, _key(moved) != key, several)
    return Placement(State.REMOVED, on)


def follow(on: str, anchor: str, drafts: Sequence[Regulation], circulated: Regulation | None = None) -> Placement:
    """Follow a provision through successive drafts (oldest first) to the last one.

    Each step re-anchors on the text found, so a provision that drifts a little in every
    draft and moves once is still followed; the state compares the last draft with the
    original anchor. With `circulated`, the draft the comment was made on, each step knows the
    draft before it, and a provision dropped while the next was renumbered into its place is removed.
    """
    if on == GENERAL:
        return Placement(State.GENERAL, GENERAL)
    address, text, several = on, anchor, 0
    before = circulated
    for draft in drafts:
        step = locate(address, text, draft, before)
        if step.state is State.REMOVED:
            return step
        if step.address != address:
            several = step.several
        address, text = step.address, step.text
        before = draft
    changed = _key(text) != _key(anchor)
    if address != on:
        return Placement(State.MOVED, address, text, changed, several)
    return Placement(State.CHANGED if changed else State.UNCHANGED, on, text, changed)
