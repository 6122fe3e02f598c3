"""Pending amendments that change the same provisions: as `check` notes them, and as an amendment's review page says
them (`amend conflicts` lists each pair of instructions, `core.amend.conflicts.between`).

Post-conditions:
1. `conflicts_among(ws, amendments)` is `between` over them, each regulation's text in force read once (a text that
   cannot be read leaves out only the phrases replaced throughout, whose places it would say).
2. `overlap_note(ws, name)` is one sentence, or "" when no two pending amendments (of `name`, when given) touch the
   same or nested provisions: how many provisions they both change (two nested ones counted once, as the inner one),
   how many pairs of instructions, and the command that lists them. A note, never a problem: two drafts of one law
   in flight are usual. Counted by `core.amend.overlap_tally.tally`: its cost follows the pairs that overlap, not
   every pair of pending amendments.
3. `overlaps_of(ws, slug)`: for a pending amendment, each other pending amendment of its regulation that touches a
   provision it touches, with those provisions (the inner of two nested) in the order of the text in force, one it
   lacks (inserted) after its holder's provisions labelled before it; nothing for one not pending. Its cost is one
   comparison with each other pending amendment, not every pair of the workspace; with no other pending amendment
   of its regulation, the text in force is not read.
4. `overlaps_line(ws, slug)` is `overlaps_of` said in one line for `slug`'s own commands, or "" when it is empty.
5. `named_alike(ws, amendment)`: another amendment has its title and number (two drafts alike, their folders told).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from regdraft.core.amend.document import PENDING, Amendment
from regdraft.core.commands import Command
from regdraft.core.counts import count as counted
from regdraft.core.errors import RegdraftError
from regdraft.core.labels import label_order
from regdraft.core.model import Address, Regulation
from regdraft.workspace.amendments import list_amendments, target_regulation
from regdraft.workspace.store import Workspace

if TYPE_CHECKING:
    from regdraft.core.amend.conflicts import Conflict


@dataclass(frozen=True, slots=True)
class Overlap:
    """Another pending amendment that changes provisions an amendment changes."""

    other: Amendment
    provisions: tuple[Address, ...]


def conflicts_among(ws: Workspace, amendments: Sequence[Amendment]) -> list[Conflict]:
    """Pairs of instructions of different amendments of `amendments` touching the same or nested provisions."""
    from regdraft.core.amend.conflicts import between

    return between(amendments, _texts(ws, amendments))


def _texts(ws: Workspace, amendments: Sequence[Amendment]) -> dict[str, Regulation]:
    """Each regulation the amendments amend, in force, by id: where phrases replaced throughout stand."""
    texts: dict[str, Regulation] = {}
    for amendment in amendments:
        if amendment.regulation not in texts:
            try:
                texts[amendment.regulation] = target_regulation(ws, amendment)
            except RegdraftError:
                continue  # a text that cannot be read: its own problems say why
    return texts


def _inner(c: Conflict) -> Address:
    """The provision both change: of two nested ones, the one inside the other."""
    return c.second_address if c.first_address.contains(c.second_address) else c.first_address


def overlap_note(ws: Workspace, name: str | None = None) -> str:
    """`check`'s note on pending amendments that change the same provisions ("" when none do)."""
    from regdraft.workspace.amendments import amended_id

    pending = [a for a in list_amendments(ws) if a.status in PENDING
               and (name is None or amended_id(ws, a, name) is not None)]
    if len(pending) < 2:
        return ""
    from regdraft.core.amend.overlap_tally import tally

    places, found = tally(pending, _texts(ws, pending))  # `between`'s conflicts counted, not every pair compared
    if not found:
        return ""
    both = "provision" if len(places) == 1 else "provisions"
    return (f"Note: pending amendments both change {len(places)} {both} ({counted(found, 'pair')} of "
            f"instructions); `{Command.of('amend conflicts')}` lists them.")


def overlaps_of(ws: Workspace, slug: str) -> list[Overlap]:
    """The other pending amendments of `slug`'s regulation that change provisions it changes, each with those
    provisions; none when `slug` is not pending (or cannot be read)."""
    every = list_amendments(ws)
    this = next((a for a in every if a.slug == slug), None)
    if this is None or this.status not in PENDING:
        return []
    others = [other for other in every
              if other.slug != slug and other.status in PENDING and other.regulation == this.regulation]
    if not others:  # the usual case: the text in force is not read, nor the comparing code imported, for nothing
        return []
    from regdraft.core.amend.conflicts import between

    texts = _texts(ws, [this])
    text = texts.get(this.regulation)
    order = {loc.address: n for n, loc in enumerate(text.walk())} if text is not None else {}
    alphabet = text.alphabet if text is not None else "vi"
    out = []
    for other in others:
        provisions = {_inner(c) for c in between([this, other], texts)}
        if provisions:  # in the order of the text (one either inserts: after, as its neighbours stand)
            out.append(Overlap(other, tuple(sorted(provisions, key=lambda a: (_place(order, a, alphabet), str(a))))))
    return out


def overlaps_line(ws: Workspace, slug: str) -> str:
    """The note an amendment's own commands print (its redline, preview and check): the other pending amendments
    changing provisions `slug` changes, how many provisions each, and the command that lists the instructions; ""
    when none do (or `slug` is not pending)."""
    found = overlaps_of(ws, slug)
    if not found:
        return ""
    each = "; ".join(f"{o.other.slug}{f' ({o.other.number})' if o.other.number else ''}, "
                     f"{counted(len(o.provisions), 'provision')}" for o in found)
    others = counted(len(found), "other pending amendment", plural_form="other pending amendments")
    verb = "changes" if len(found) == 1 else "change"
    return f"Note: {others} {verb} provisions {slug} changes: {each}. `{Command.of('amend conflicts')}` lists them."


def named_alike(ws: Workspace, amendment: Amendment) -> bool:
    """Whether another amendment of the workspace has `amendment`'s title (untitled: its folder name) and number, as
    two drafts from `amend new` not yet numbered do: its pages then name its folder (the start page's rule,
    `web.home_page`)."""
    def named(a: Amendment) -> tuple[str, str]:
        return (str(a.meta.get("title") or "").strip() or a.slug, a.number)

    mine = named(amendment)
    return any(a.slug != amendment.slug and named(a) == mine for a in list_amendments(ws))


def _place(order: dict[Address, int], address: Address, alphabet: str = "vi") -> float:
    """Where `address` stands in the text in force: a provision it lacks (inserted) after the provisions of its
    holder labelled before it, before those labelled after (`điểm e` after `điểm đ`, not at `khoản 1`)."""
    if address in order:
        return order[address]
    child = address
    while child.segments[:-1] and Address(child.segments[:-1]) not in order:
        child = Address(child.segments[:-1])
    if not child.segments[:-1]:
        return len(order)
    holder, step = Address(child.segments[:-1]), child.segments[-1]
    rank = label_order(step.kind, step.label, alphabet)
    after = [n for a, n in order.items() if a.segments[:-1] == holder.segments and a.segments[-1].kind is step.kind
             and label_order(step.kind, a.segments[-1].label, alphabet) > rank]
    if after:
        return min(after) - 0.5
    return max(n for a, n in order.items() if holder.contains(a)) + 0.5  # past its holder's last provision
