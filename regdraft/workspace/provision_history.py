"""A provision's history (`regdraft log REG ADDRESS`): each adopted amending document that changed it, in the order
its changes take effect, as the consolidated text's notes name them.

The history replays the regulation's adopted amendments (`timeline.replay`, every one with an effective date, each
instruction dated on its own as a step of its own) and reads what each step did (`Applied.changes`), the changes
`core.consolidate` words its footnotes from.

Post-conditions of `provision_history(ws, name, address)`:
1. An entry per change of a step to the provision, to a unit inside it, or to a unit holding it that left the
   provision reading otherwise (`Điều 22 được sửa đổi` rewrites its khoản 2; words replaced elsewhere in Điều 22
   do not); a change a later step superseded is kept: it is history, though the consolidated text no longer notes it.
2. Entries come in replay order: effective date (the date of the step, for an instruction its document dates on its
   own), then signing date, then number; each gives its document's signing date and the step's effective date,
   and whether that date is after `today` (default: today): adopted, not yet in force.
3. What each entry says is worded as the consolidated text's note (`consolidate.note_head`, the profile's words in the
   regulation's language), naming the changed unit in full (`Khoản 2 Điều 22 được sửa đổi`), and the amending
   provision as the note cites it (`khoản 2 Điều 1 Nghị định số 48/2013/NĐ-CP`).
4. A provision found neither in the base text nor in the text after every step is an `UnknownUnit`; one no adopted
   amendment changed has an empty history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from regdraft.core.errors import UnknownUnit
from regdraft.core.model import Address, Regulation, Unit
from regdraft.workspace.store import Workspace


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change an adopted amending document made to a provision (or inside it, or around it)."""

    slug: str
    number: str  # the amending document's number (`48/2013/NĐ-CP`)
    unit: Address  # the unit changed: the provision, one inside it or one holding it
    kind: str  # `amended`, `inserted`, `repealed`, `words_replaced` …
    said: str  # as the consolidated text's note says it: `Khoản 2 Điều 22 được sửa đổi`
    cited: str  # the amending provision: `khoản 2 Điều 1 Nghị định số 48/2013/NĐ-CP`
    signed: dt.date | None
    effective: dt.date | None
    in_force: bool

    def shown(self, language: str) -> str:
        """`said`, the unit named before it when its wording does not name it (`khoản 3 Điều 30: Cụm từ “…” …`)."""
        unit = self.unit.describe(language)
        return self.said if unit.lower() in self.said.lower() else f"{unit}: {self.said}"

    def as_json(self) -> dict[str, Any]:
        """The entry as `log --json` gives it."""
        return {"amendment": self.slug, "number": self.number, "provision": str(self.unit), "change": self.kind,
                "said": self.said, "amending_provision": self.cited,
                "signed": self.signed.isoformat() if self.signed else None,
                "effective": self.effective.isoformat() if self.effective else None, "in_force": self.in_force}


@dataclass(frozen=True, slots=True)
class History:
    """A provision of a regulation and the changes made to it."""

    regulation: str
    address: Address
    language: str
    entries: tuple[HistoryEntry, ...]

    @property
    def described(self) -> str:
        """The provision as cited: `khoản 2 Điều 22`."""
        return self.address.describe(self.language)


def provision_history(ws: Workspace, name: str, address: str, today: dt.date | None = None) -> History:
    """The history of the provision at `address` of the regulation `name` (see the module)."""
    from regdraft.core.consolidate import note_head
    from regdraft.workspace.amendments import document_name
    from regdraft.workspace.profiles import profile_for
    from regdraft.workspace.timeline import adopted_for, base_text, replay

    day = today or dt.date.today()
    base = base_text(ws, ws.locate_regulation(name))
    language = base.language
    target = Address.parse(address, language)
    target = target.unit if target.part else target
    timeline = replay(base, adopted_for(ws, base.id), None)
    if _unit_at(base, target) is None and _unit_at(timeline.regulation, target) is None:
        raise UnknownUnit(f"{base.id} has no {target.describe(language)}, in its base text or as amended; "
                          f"`regdraft show {base.id}` prints its provisions.")
    words = profile_for(ws, base.meta).words(language)
    entries = []
    before = base
    for amendment, applied in timeline.steps:
        changed: bool | None = None  # whether the provision reads otherwise after the step, read once when asked
        for change in applied.changes:
            unit = change.address.unit if change.address.part else change.address
            if not target.contains(unit):
                if not unit.contains(target):
                    continue
                if changed is None:
                    changed = _unit_at(before, target) != _unit_at(applied.regulation, target)
                if not changed:
                    continue
            said = note_head(change, language, words, change.address.describe(language))
            cite = change.instruction.cite(language)
            document = document_name(amendment, words)
            entries.append(HistoryEntry(
                amendment.slug, amendment.number, change.address, str(getattr(change.kind, "value", change.kind)),
                said, words["note_cited"].format(instruction=cite, document=document) if cite else document,
                amendment.signed, amendment.effective,
                amendment.effective is not None and amendment.effective <= day))
        before = applied.regulation
    return History(base.id, target, language, tuple(entries))


def _unit_at(reg: Regulation, address: Address) -> Unit | None:
    try:
        return reg.find(address).unit
    except UnknownUnit:
        return None
