"""References a rewritten text kept word for word whose target now stands under another number.

A new term's regulation renumbered its articles and kept `theo quy định tại Điều 20 Quy chế này` (khoản 2 Điều 16):
it meant the old Điều 20 (`Chế độ thông tin, báo cáo`), now Điều 27, while Điều 20 of the new text is `Họp Thường
trực Tỉnh ủy`. The reference still resolves, so `check` passes it; the comparison, which knows `Điều 20 → Điều 27`,
names it (r41 sweep CJ 5).

A list is read member by member (each unit it names, a range by its two ends): Luật Du lịch without its Điều 5,
citations corrected but for the first member of `Điều 20 và Điều 21 của Luật này`, reads `Điều 20 và Điều 20`; the
kept `Điều 20` (old Điều 20 is now Điều 19) is named although the reference's words changed (r42 sweep CH F1).

Post-conditions of `renumbered_references`:
1. A reference of the new text is paired with one of the provision it stands in came from (the same, renumbered or
   moved): one of the same words, else, in order, one naming a unit it names (as written, or where that unit now
   stands). Their members are paired in order, the most pairs, a member written alike before one the drafter
   renumbered. A member written alike is listed when the unit it named in the old text now stands elsewhere than
   the new member names: `target`, what the new words name; `was`, its old address; `now`, where it stands.
2. A member whose words the drafter changed (`Điều 27`), a reference new to the text, one to a provision the new
   text no longer has, and an external one are not listed.
3. Nothing is looked up (no reference read) when no provision changed its address; the time is linear in the
   references (a source's references are paired within a bounded window, a long list's members by position).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from regdraft.core.model import Address, Regulation
from regdraft.core.refs.finding import Reference, Written, find_references

if TYPE_CHECKING:
    from regdraft.core.diff import Provision


@dataclass(frozen=True, slots=True)
class Renumbered:
    """A reference of the new text (`reference`, naming `target` there) kept from the old text, whose old target
    `was` now stands at `now`."""

    reference: Reference
    target: Address
    was: Address
    now: Address


class _Places:
    """Where each provision of the comparison stood and stands (address codes both ways), and the old ones gone."""

    def __init__(self, provisions: Sequence[Provision]) -> None:
        self.to_new: dict[str, Address] = {}
        self.to_old: dict[str, Address] = {}
        self.gone: set[str] = set()
        self.moved = False
        self._walk(provisions)

    def _walk(self, level: Sequence[Provision]) -> None:
        for p in level:
            old, now = p.old_address, p.moved_to or p.new_address
            if old is not None and now is not None and (p.new is None or not p.new.repealed):
                self.to_new[str(old)] = now
                self.moved = self.moved or old != now
            elif old is not None:
                self.gone.add(str(old))
            if p.new_address is not None and p.old_address is not None and p.moved_to is None:
                self.to_old[str(p.new_address)] = p.old_address
            if p.children:
                self._walk(p.children)

    def old_of(self, address: Address) -> Address | None:
        """The old address of a provision of the new text, through the nearest enclosing one paired."""
        return _through(address, self.to_old, set())

    def new_of(self, address: Address) -> Address | None:
        """Where a provision of the old text stands now (None: the new text no longer has it)."""
        return _through(address, self.to_new, self.gone)


def _through(address: Address, table: dict[str, Address], gone: set[str]) -> Address | None:
    segments = address.segments
    for k in range(len(segments), 0, -1):
        code = str(Address(segments[:k]))
        if code in gone:
            return None
        found = table.get(code)
        if found is not None:
            return Address((*found.segments, *segments[k:]))
    return None


def renumbered_references(old: Regulation, new: Regulation, provisions: Sequence[Provision]) -> list[Renumbered]:
    """The members of references of `new` kept from `old` whose target now stands elsewhere (the module's
    post-conditions); `provisions` are `compare(old, new)`'s."""
    places = _Places(provisions)
    if not places.moved:
        return []
    before: dict[str, list[Reference]] = {}
    for ref in find_references(old):
        if ref.external is None and ref.targets:
            before.setdefault(str(ref.source), []).append(ref)
    after: dict[str, list[Reference]] = {}  # by the old address of the provision they stand in
    for ref in find_references(new):
        source = places.old_of(ref.source) if ref.external is None and ref.targets else None
        if source is not None:
            after.setdefault(str(source), []).append(ref)
    found: list[tuple[int, Renumbered]] = []
    for code, refs in after.items():
        for ref, was in _paired(before.get(code, []), refs, places):
            found.extend((ref.line, f) for f in _kept(ref, was, places))
    found.sort(key=lambda pair: pair[0])  # stable: in the order of the new text
    # Each once (a member written twice is found twice), told apart without hashing the reference: a list of
    # thousands of members would hash its thousands of targets for each one found.
    once: dict[tuple[int, Address, Address, Address], Renumbered] = {}
    for _, f in found:
        once.setdefault((id(f.reference), f.target, f.was, f.now), f)
    return list(once.values())


_WINDOW = 8  # the old references of a provision looked at for each new one whose words changed
_LONG = 10_000  # members of two lists past which they are paired by position


def _paired(olds: list[Reference], news: list[Reference], places: _Places) -> Iterator[tuple[Reference, Reference]]:
    """Each new reference with the old one it stands for (post-condition 1), in the new text's order."""
    by_words: dict[str, Reference] = {}
    for ref in olds:
        by_words.setdefault(ref.text, ref)
    words = {ref.text for ref in news}
    rest = [ref for ref in olds if ref.text not in words]  # old references whose words no new one has
    # What each old reference names, worked out once: the window sets it against up to `_WINDOW` new references
    # each time `at` stays put, and a list of N members set against K new ones would cost K × N (r43 sweep CI F1).
    named: list[tuple[set[Written], set[Address | None]] | None] = [None] * len(rest)
    at = 0
    for ref in news:
        same = by_words.get(ref.text)
        if same is not None:
            yield ref, same
            continue
        for k in range(at, min(at + _WINDOW, len(rest))):
            sets = named[k]
            if sets is None:
                sets = named[k] = _names(rest[k], places)
            if _share(sets, ref):
                yield ref, rest[k]
                at = k + 1
                break


def _names(old: Reference, places: _Places) -> tuple[set[Written], set[Address | None]]:
    """The members of an old reference as written and where each unit they name now stands."""
    return {w for w, _ in old.members}, {places.new_of(a) for _, a in old.members}


def _share(names: tuple[set[Written], set[Address | None]], new: Reference) -> bool:
    written, stands = names
    return any(w in written or a in stands for w, a in new.members)


def _kept(new: Reference, old: Reference, places: _Places) -> Iterator[Renumbered]:
    for (_, was), (_, target) in _alike(old.members, new.members, places):
        now = places.new_of(was)
        if now is not None and now != target:
            yield Renumbered(new, target, was, now)


Member = tuple[Written, Address]


def _alike(olds: tuple[Member, ...], news: tuple[Member, ...], places: _Places) -> list[tuple[Member, Member]]:
    """The members of a new list written as the old member they are paired with (post-condition 1): the longest
    pairing in order where each pair is written alike or renumbered (the new member names where the old one's unit
    now stands), a pair written alike preferred; by position past `_LONG`."""
    n, m = len(olds), len(news)
    if n * m > _LONG:
        return [(o, w) for o, w in zip(olds, news, strict=False) if o[0] == w[0]]
    alike = min(n, m) + 2  # a pair written alike outweighs one renumbered; one pair more outweighs both
    now = [places.new_of(a) for _, a in olds]

    def weight(i: int, j: int) -> int:
        if olds[i][0] == news[j][0]:
            return alike
        return alike - 1 if now[i] == news[j][1] else 0

    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            w = weight(i, j)
            best[i][j] = max(best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + w if w else 0)
    pairs: list[tuple[Member, Member]] = []
    i = j = 0
    while i < n and j < m:
        w = weight(i, j)
        if w and best[i][j] == best[i + 1][j + 1] + w:
            if w == alike:
                pairs.append((olds[i], news[j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs
