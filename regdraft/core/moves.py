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
from typing import TYPE_CHECKING, Any

from regdraft.core.align import MOVE, MOVE_WORDS, dice, flatten, increasing, word_bag
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
                fold: Callable[[str], str], kind: Any, move: float = MOVE) -> tuple[Provision, ...]:
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
    """
    gone: list[Provision] = []
    added: list[Provision] = []

    def collect(level: Sequence[Provision]) -> None:
        for p in level:
            if p.anchor and p.kind in (Kind.ARTICLE, Kind.CLAUSE, Kind.POINT):
                if p.old is not None and not p.old.repealed and (p.new is None or p.new.repealed):
                    gone.append(p)
                elif p.old is None and p.new is not None and not p.new.repealed:
                    added.append(p)
            if p.children:  # most have none (a text compared with itself but for a few articles)
                collect(p.children)

    collect(provisions)
    if not gone or not added:
        return provisions
    pairs: dict[int, Provision] = {}
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
        for p in level:
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
        scored = sorted(((dice(a, b), k, m) for k, (p, a) in enumerate(zip(left, olds, strict=True))
                         for m, (q, b) in enumerate(zip(rest, news, strict=True)) if p.kind is q.kind), reverse=True)
        for score, k, m in scored:
            if score < max(move, MOVE):
                break
            if score < 1 and round(score * (olds[k].total() + news[m].total()) / 2) < MOVE_WORDS:
                continue  # a few words alike, not all: no safe inference
            if id(left[k]) not in pairs and id(rest[m]) not in pairs:
                pairs[id(left[k])], pairs[id(rest[m])] = rest[m], left[k]
    return budget
