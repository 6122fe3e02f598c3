"""References a rewritten text kept word for word whose target now stands under another number.

A new term's regulation renumbered its articles and kept `theo quy định tại Điều 20 Quy chế này` (khoản 2 Điều 16):
it meant the old Điều 20 (`Chế độ thông tin, báo cáo`), now Điều 27, while Điều 20 of the new text is `Họp Thường
trực Tỉnh ủy`. The reference still resolves, so `check` passes it; the comparison, which knows `Điều 20 → Điều 27`,
names it (r41 sweep CJ 5).

Post-conditions of `renumbered_references`:
1. A reference of the new text is listed when the provision it stands in came from one of the old text (the same,
   renumbered or moved) holding a reference of the same words, and the provision that reference named in the old
   text now stands elsewhere than the new reference names: `was`, its old address; `now`, where it stands.
2. A reference whose words the drafter changed (`Điều 27`), one new to the text, one to a provision the new text
   no longer has, and an external one are not listed.
3. Nothing is looked up (no reference read) when no provision changed its address.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from regdraft.core.model import Address, Regulation
from regdraft.core.refs.finding import Reference, find_references

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
    """The references of `new` kept from `old` whose target now stands elsewhere (the module's post-conditions);
    `provisions` are `compare(old, new)`'s."""
    places = _Places(provisions)
    if not places.moved:
        return []
    before: dict[tuple[str, str], Reference] = {}
    for ref in find_references(old):
        if ref.external is None and ref.targets:
            before.setdefault((str(ref.source), ref.text), ref)
    return list(dict.fromkeys(_found(new, places, before)))


def _found(new: Regulation, places: _Places, before: dict[tuple[str, str], Reference]) -> Iterator[Renumbered]:
    for ref in find_references(new):
        if ref.external is not None or not ref.targets:
            continue
        source = places.old_of(ref.source)
        kept = before.get((str(source), ref.text)) if source is not None else None
        if kept is None or len(kept.targets) != len(ref.targets):
            continue
        for target, was in zip(ref.targets, kept.targets, strict=True):
            now = places.new_of(was)
            if now is not None and now != target:
                yield Renumbered(ref, target, was, now)
