"""Moved and renumbered provisions: which aligned provisions keep their old order, and where a moved one stood.

A level of aligned provisions (`Comparison.provisions`, or a provision's children) follows the new
text. The longest run of pairs that keeps its old order stays where it is: a pair of that run under
another label is renumbered; a pair outside it has moved. `reading_order` gives the level as a
reader of the marked text (or of a Word redline) meets it: each provision where it stands now, and
each moved or removed one also where it stood.

Post-conditions:
1. `reading_order` lists every provision of the level once, plus each moved provision a second
   time (`MOVED_AWAY`); a provision with both sides in the run is `HERE`, one outside it
   `MOVED_HERE`.
2. A removed or moved-away provision comes right after the last provision before it in the old
   text that still stands there; the provisions that stand keep the new order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from enum import StrEnum
from itertools import chain
from typing import TYPE_CHECKING, Any

from regdraft.core.align import CONFIRM, MOVE, MOVE_WORDS, dice, dice_at_most, flatten, increasing, word_bag
from regdraft.core.model import Address, Kind, Regulation, unit_address

if TYPE_CHECKING:
    from regdraft.core.diff import Provision

_FUZZY_LIMIT = 250_000  # beyond this many candidate pairs, moves across articles are found by exact text only


class Place(StrEnum):
    """Where a provision is printed in the reading order."""

    HERE = "here"                # where it stands in the new text, in its old order
    MOVED_HERE = "moved here"    # a moved provision, where it stands now
    MOVED_AWAY = "moved away"    # the same provision, where it stood
    REMOVED = "removed"          # a provision the new text no longer has, where it stood


class Ranks(dict[str, int]):
    """Address codes numbered in the old text's order, and the same rank by the very `Address` objects they were
    read from (`by_object`, keyed by `id`; the objects are held in `addresses`, so no id is reused while the ranks
    live): a comparison's provisions carry those objects, and `reading_order` finds their rank without writing
    each address out again (1,177 codes a 1,000-article comparison's page)."""

    __slots__ = ("by_object", "addresses")

    def __init__(self, addresses: Sequence[Address]) -> None:
        codes = [str(address) for address in addresses]
        super().__init__(zip(codes, range(len(codes)), strict=True))
        # Each object's rank is its code's (the last place of a code written twice, as the dict keeps it).
        self.by_object = {id(address): self[code] for address, code in zip(addresses, codes, strict=True)}
        self.addresses = tuple(addresses)


def top_ranks(old: Regulation) -> dict[str, int]:
    """The old text's headings and articles (as address codes) numbered in their order (a `Ranks`)."""
    return Ranks([item.address for item in flatten(old)])


def child_ranks(p: Provision) -> dict[str, int]:
    """The old clauses or points directly inside a provision, numbered in their order."""
    if p.old is None or p.old_address is None:
        return {}
    return {str(unit_address(c, p.old_address)): k for k, c in enumerate(p.old.children)}


def reading_order(level: Sequence[Provision], old_rank: Mapping[str, int]) -> list[tuple[Provision, Place]]:
    """The level as read: the new order, with each moved or removed provision also where it stood."""
    by_object = old_rank.by_object if isinstance(old_rank, Ranks) else {}

    def rank(p: Provision) -> int | None:
        # A provision moved here by `cross_moves` stands here only: where it stood has its own entry.
        if p.old is None or p.moved_from is not None:
            return None
        found = by_object.get(id(p.old_address))
        return found if found is not None else old_rank.get(str(p.old_address))

    ranks = [rank(p) for p in level]
    keep = increasing([(k, r) for k, (p, r) in enumerate(zip(level, ranks, strict=True))
                       if p.new is not None and r is not None])
    out: list[tuple[Provision, Place]] = []
    placed: list[int | None] = []  # the rank each entry of `out` places others by (none for a move's arrival)
    gone: list[tuple[Provision, Place, int | None]] = []
    for k, (p, r) in enumerate(zip(level, ranks, strict=True)):
        if r is None or (p.new is not None and k in keep):
            out.append((p, Place.HERE))
            placed.append(r)
        elif p.new is None:
            gone.append((p, Place.REMOVED, r))
        else:
            out.append((p, Place.MOVED_HERE))
            placed.append(None)
            gone.append((p, Place.MOVED_AWAY, r))
    for p, place, r in sorted(gone, key=lambda g: g[2] or 0):
        # After the last entry that stood before it in the old text (the first place when none did).
        mine = r or 0
        at = next((k + 1 for k in range(len(placed) - 1, -1, -1)
                   if (q := placed[k]) is not None and q < mine), 0)
        out.insert(at, (p, place))
        placed.insert(at, r)
    return out


def cross_moves(provisions: tuple[Provision, ...], moved: Callable[[Provision, Provision], Provision],
                fold: Callable[[str], str], kind: Any, move: float = MOVE,
                split: Callable[[Provision], tuple[Provision, Provision]] | None = None) -> tuple[Provision, ...]:
    """The provisions with each article, clause or point that left its place for another paired.

    A removed article, clause or point whose text (folded) reappears as an inserted one elsewhere, or
    failing that the most similar at least `move` (`MOVE`, or more for one amendment's redline) sharing
    at least `MOVE_WORDS` words or all (two short points alike in a few words are two provisions), becomes
    `moved_to` that place (its text stays deleted there) and the inserted one `moved(gone, added)`:
    compared word for word, `moved_from`.
    A clause repealed in place, its text gone and its `(được bãi bỏ)` placeholder standing (as an
    amendment leaves it: `Bãi bỏ khoản 5 Điều 8` beside `Bổ sung khoản 3 vào sau khoản 2 Điều 6`),
    is removed as well: it stays a listed repeal, only `moved_to` the place its text now stands. So is an
    article repealed in place beside an inserted one of its text (`Bãi bỏ Điều 8`, `Bổ sung Điều 6a`).
    A removed or inserted article or clause not paired whole is looked into: its clauses, then its points,
    are paired as listed ones are (two articles merged, one split in two: `Điều 11` become `khoản 4-6 Điều 10`).
    The three rounds score at most `_FUZZY_LIMIT` pairs together (a round over what is left scores none, and
    finds only the same texts); each provision is in one round of each side.
    With `split` (a free comparison; one amendment's instructions state each provision's change themselves), a
    clause or point whose text under its label is now quite another (`rewritten`: less than `CONFIRM` alike, paired
    only by its label) is looked for first as two provisions, its old text removed and its new one inserted
    (`split(p)`), as `regdraft.core.align` pairs such a clause within one article only when neither side is found
    under another label: a side paired so (with a listed provision, or a side of another such clause) is moved
    there or from there, and the other side, unless paired too, is removed or inserted where it stood. The bodies
    of Điều 10 and Điều 11 swapped under their headings are khoản 1 Điều 11 moved to khoản 1 Điều 10 and back, not
    two articles rewritten end to end; a clause's old text moved to another article, a new text in its place, is
    that text moved and the new one inserted, not an amendment hiding the move. This search scores at most
    `_FUZZY_LIMIT` pairs of its own and keeps only the pairs with a side of a rewritten clause; the rounds above then
    pair what is left as they would (what lay inside a clause split goes with its sides).
    """
    gone: list[Provision] = []
    added: list[Provision] = []
    rewritten: list[Provision] = []
    within: dict[int, int] = {}  # a listed provision inside a rewritten one: the `id` of that one

    def collect(level: Sequence[Provision], inside: Provision | None) -> None:
        for p in level:
            if p.anchor and p.kind in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT):
                if p.old is not None and not p.old.repealed and (p.new is None or p.new.repealed):
                    gone.append(p)
                elif p.old is None and p.new is not None and not p.new.repealed:
                    added.append(p)
                elif split is not None and inside is None and _rewritten(p):
                    rewritten.append(p)
                    if p.children:
                        collect(p.children, p)
                    continue
                if inside is not None:
                    within[id(p)] = id(inside)
            if p.children:  # most have none (a text compared with itself but for a few articles)
                collect(p.children, inside)

    collect(provisions, None)
    pairs: dict[int, Provision] = {}
    halves: dict[int, tuple[Provision, Provision]] = {}
    if rewritten and split is not None:
        halves = _bodies(rewritten, [p for p in gone if id(p) not in within],
                         [p for p in added if id(p) not in within], pairs, split, fold, move)
        # What lay inside a clause split goes with its sides; a side not yet paired is removed or inserted as others.
        gone = [p for p in (*gone, *(away for away, _ in halves.values()))
                if id(p) not in pairs and within.get(id(p)) not in halves]
        added = [p for p in (*added, *(here for _, here in halves.values()))
                 if id(p) not in pairs and within.get(id(p)) not in halves]
    if not halves and (not gone or not added):
        return provisions
    budget = _paired(gone, added, pairs, fold, move, _FUZZY_LIMIT)
    # What was not paired whole: its clauses, then its points, with the listed clauses and points left.
    for level in (Kind.CLAUSE, Kind.POINT):
        gone = [c for p in gone if id(p) not in pairs for c in _inside(p, level, p.new is None)]
        added = [c for p in added if id(p) not in pairs for c in _inside(p, level, p.old is None)]
        budget = _paired(gone, added, pairs, fold, move, budget)
    if not pairs:
        return provisions

    def rebuild(level: Sequence[Provision]) -> tuple[Provision, ...]:
        out = []
        # A clause split stands as its two sides, its old text first (where `align` puts a removed one).
        for p in level if not halves else chain.from_iterable(halves.get(id(q), (q,)) for q in level):
            other = pairs.get(id(p))
            if other is not None and p.new is None:
                out.append(replace(p, change=kind, moved_to=other.new_address, anchor=""))
            elif other is not None and p.new is not None and p.new.repealed:
                out.append(replace(p, moved_to=other.new_address))  # its placeholder stands: still a repeal
            elif other is not None:
                out.append(moved(other, p))
            elif p.children:
                children = rebuild(p.children)
                out.append(p if all(a is b for a, b in zip(children, p.children, strict=True))
                           else replace(p, children=children))
            else:
                out.append(p)
        return tuple(out)

    return rebuild(provisions)


def _inside(p: Provision, level: Kind, one_sided: bool) -> list[Provision]:
    """`p` itself when it is of `level` (a listed clause, a listed point), and the children of that kind of `p`
    when `p` exists on one side only (removed or inserted whole: its clauses are not listed on their own)."""
    found = [p] if p.kind is level else []
    if one_sided:
        found.extend(c for c in p.children if c.kind is level)
    return found


def _paired(gone: Sequence[Provision], added: Sequence[Provision], pairs: dict[int, Provision],
            fold: Callable[[str], str], move: float, budget: int) -> int:
    """Pair removed and inserted provisions into `pairs` (both ways, by `id`): the same text first, then the most
    similar (`cross_moves`), scoring no more than `budget` pairs; the budget left."""
    if not gone or not added:
        return budget
    by_text: dict[tuple[Kind, str], list[Provision]] = {}
    for p in gone:
        assert p.old is not None
        by_text.setdefault((p.kind, fold(p.old.all_text())), []).append(p)
    rest = []
    for q in added:
        assert q.new is not None
        same = by_text.get((q.kind, fold(q.new.all_text())))
        if same:
            p = same.pop(0)
            pairs[id(p)], pairs[id(q)] = q, p
        else:
            rest.append(q)
    left = [p for p in gone if id(p) not in pairs]
    if left and rest and len(left) * len(rest) <= budget:
        budget -= len(left) * len(rest)
        olds = [word_bag(p.old.all_text()) for p in left]  # type: ignore[union-attr]
        news = [word_bag(q.new.all_text()) for q in rest]  # type: ignore[union-attr]
        least = max(move, MOVE)
        old_sizes, new_sizes = [a.total() for a in olds], [b.total() for b in news]
        # Only the pairs reaching `least` are kept, and only those whose word counts allow it are scored.
        scored = sorted(((score, k, m) for k, (p, a) in enumerate(zip(left, olds, strict=True))
                         for m, (q, b) in enumerate(zip(rest, news, strict=True))
                         if p.kind is q.kind and dice_at_most(old_sizes[k], new_sizes[m]) >= least
                         and (score := dice(a, b)) >= least), reverse=True)
        for score, k, m in scored:
            if score < 1 and round(score * (olds[k].total() + news[m].total()) / 2) < MOVE_WORDS:
                continue  # a few words alike, not all: no safe inference
            if id(left[k]) not in pairs and id(rest[m]) not in pairs:
                pairs[id(left[k])], pairs[id(rest[m])] = rest[m], left[k]
    return budget


def _rewritten(p: Provision) -> bool:
    """Whether a clause or point, on both sides and in force on both, now reads quite otherwise: less than `CONFIRM`
    alike, paired only by its label (`regdraft.core.align`)."""
    if p.kind not in (Kind.CLAUSE, Kind.POINT) or p.old is None or p.new is None or p.old.repealed \
            or p.new.repealed or p.moved_from is not None:
        return False
    return dice(word_bag(p.old.all_text()), word_bag(p.new.all_text())) < CONFIRM


def _bodies(rewritten: Sequence[Provision], gone: Sequence[Provision], added: Sequence[Provision],
            pairs: dict[int, Provision], split: Callable[[Provision], tuple[Provision, Provision]],
            fold: Callable[[str], str], move: float) -> dict[int, tuple[Provision, Provision]]:
    """The rewritten provisions with a side moved elsewhere or from elsewhere, by `id`, each with its two sides apart
    (`split`: removed, inserted); the pairs of those sides, with listed ones or with another's sides, go into
    `pairs`."""
    sides = {id(p): split(p) for p in rewritten}
    found: dict[int, Provision] = {}
    _paired([*(away for away, _ in sides.values()), *gone], [*(here for _, here in sides.values()), *added], found,
            fold, move, _FUZZY_LIMIT)
    mine = {id(side) for two in sides.values() for side in two}
    # Only what pairs a side of a rewritten provision is this search's: the rest is paired as it was.
    pairs.update((k, v) for k, v in found.items() if k in mine or id(v) in mine)
    return {key: two for key, two in sides.items() if id(two[0]) in pairs or id(two[1]) in pairs}
