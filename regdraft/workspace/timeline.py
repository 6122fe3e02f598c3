"""Legal time: the text in force on a date, replayed from the base text and adopted amendments.

Amendments are data. The text in force on a date is the base text (the regulation as it was
before its first adopted amendment, kept in `regulations/history/<stem>/base.md`; the current
file when nothing was ever adopted) with every adopted amendment whose effective date is on or
before that date applied in order of effective date. Commit dates play no part.

Post-conditions of `replay`:
1. Amendments apply in order of (effective date, signing date, number); those without an
   effective date, or taking effect after `as_of`, are left out. The instructions an amendment's
   entry-into-force article gives a date of their own apply from that date, as a step of their own
   (`core.amend.staged.stages`).
2. The result is exactly what applying them one after another gives; any failure raises.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from regdraft.core.amend.apply import Applied, apply
from regdraft.core.amend.document import Amendment
from regdraft.core.dates import parse_date, read_date
from regdraft.core.errors import RegdraftError
from regdraft.core.layout import base_path
from regdraft.core.model import Address, Regulation, Unit
from regdraft.workspace.amendments import list_amendments
from regdraft.workspace.parse_cache import read_regulation
from regdraft.workspace.store import Workspace


@dataclass(frozen=True, slots=True)
class Timeline:
    """The text reached by a replay, and each amendment applied on the way."""

    regulation: Regulation
    steps: tuple[tuple[Amendment, Applied], ...]


def _order(amendment: Amendment) -> tuple[dt.date, dt.date, str, str]:
    return (amendment.effective or dt.date.max, amendment.signed or dt.date.max, amendment.number, amendment.slug)


def replay(base: Regulation, amendments: Sequence[Amendment], as_of: dt.date | None, *,
           staged: bool = True) -> Timeline:
    """Apply the amendments in force on `as_of` (all with an effective date, for None) to `base`; each instruction
    from the date its document gives it (`core.amend.staged`: a step per date), unless `staged` is False."""
    from regdraft.core.amend.staged import STAGED

    current = base
    steps: list[tuple[Amendment, Applied]] = []
    for amendment in dated_steps(amendments) if staged else sorted(amendments, key=_order):
        effective = amendment.effective
        if effective is None or (as_of is not None and effective > as_of):
            continue
        # A dated part (`STAGED`) is a piece of a document validated whole when it was checked and adopted: walking
        # the whole text again for each part made `show --as-of` and `export` a third slower with a dated part in
        # every second document (r24 sweep i-costs defect 1). Its own changes still apply or fail as always.
        applied = apply(current, amendment, checked=STAGED not in amendment.meta)
        steps.append((amendment, applied))
        current = applied.regulation
    return Timeline(current, tuple(steps))


def dated_steps(amendments: Sequence[Amendment]) -> list[Amendment]:
    """Each amendment as the parts taking effect on their own dates (`core.amend.staged.stages`), in replay order."""
    from regdraft.core.amend.staged import stages

    return sorted((part for a in amendments for part in stages(a)), key=_order)


def adopted_for(ws: Workspace, reg_id: str) -> list[Amendment]:
    """The adopted amendments of a regulation, in replay order; a document amending several
    regulations is taken as it amends this one (its article for it, `Amendment.for_regulation`)."""
    found = [a.for_regulation(reg_id) for a in list_amendments(ws) if a.status == "adopted" and reg_id in a.regulations]
    return sorted(found, key=_order)


def base_text(ws: Workspace, regulation_path: str) -> Regulation:
    """The text before the first adopted amendment, or the current file when none was adopted."""
    base = base_path(regulation_path)
    # Reading never depends on a clean check: `regdraft check` reports the problems.
    if ws.exists(base):
        return read_regulation(ws, ws.read(base), base).regulation
    return read_regulation(ws, ws.read(regulation_path), regulation_path).regulation


def regulation_as_of(ws: Workspace, name: str, as_of: str | dt.date) -> Regulation:
    """The text of a regulation in force on a date; for a date on or after a new regulation replaced it
    (`replacements`), its text as it last stood, on the day before."""
    from regdraft.workspace.replacements import original, replaced_on

    day = parse_date(as_of, "the date the text is in force on")
    path = ws.locate_regulation(name)
    base = base_text(ws, path)
    start = read_date(base.meta.get("effective")) or read_date(base.meta.get("signed"))
    if start is not None and day < start:
        tense = "took" if start <= dt.date.today() else "takes"  # a text signed, not yet in force (r41 sweep CJ 6)
        raise RegdraftError(f"{base.id} {tense} effect on {start}; no text of it was in force on {day}.")
    replaced = replaced_on(ws, original(base.meta), day)
    if replaced is not None and replaced.last_day is not None:
        day = max(replaced.last_day, start or replaced.last_day)
    from regdraft.workspace.unread_adopted import refuse_unread

    refuse_unread(ws, base.id)  # not the text without it (r44 sweep CI F4)
    return replay(base, adopted_for(ws, base.id), day).regulation


def not_yet_in_force(ws: Workspace, name: str, address: str, as_of: str | dt.date) -> str | None:
    """Why a provision missing from the text in force on a date is missing, when an amendment in force later
    inserted it (`Điều 35a is not yet in force on 2013-06-30: Nghị định 48/2013/NĐ-CP inserted it, in force
    from 2013-07-01.`); None when no adopted amendment did."""
    from regdraft.core.amend.grammar import InsertUnit
    from regdraft.core.amend.staged import STAGED
    from regdraft.core.model import Address

    day = parse_date(as_of, "the date the text is in force on")
    target = Address.parse(address)
    base = base_text(ws, ws.locate_regulation(name))
    for amendment in dated_steps(adopted_for(ws, base.id)):
        effective = amendment.effective
        if effective is None or effective <= day:
            continue
        for ins in amendment.leaves():
            if isinstance(ins.op, InsertUnit) and ins.op.target.contains(target):
                where = target.describe(base.language)
                kind = amendment.meta.get("type")
                # `Regulations No. 08-QC/VPTU`, `Quy chế số 05-QC/TU`, as a document is named with its number
                named = (f"{kind} {'No.' if base.language == 'en' else 'số'} {amendment.number}"
                         if kind and amendment.number else f"the amendment {amendment.number or amendment.slug}")
                if amendment.meta.get(STAGED):  # an instruction dated on its own: `khoản 9 Điều 1 of …`
                    named = f"{amendment.meta[STAGED]} of {named}"
                return (f"{where[:1].upper()}{where[1:]} is not yet in force on {day}: {named} inserted it, in force "
                        f"from {effective}.")
    return None


def in_force_later(ws: Workspace, name: str, today: dt.date | None = None,
                   address: str | None = None) -> tuple[Amendment, ...]:
    """The adopted amendments of a regulation taking effect after `today` (default: today), in replay order: the
    regulation's file holds their changes, the text in force today does not. With `address`, only those changing
    that provision, one inside it or one around it (a change of words throughout the text changes every one)."""
    from regdraft.core.amend.conflicts import footprints

    day = today or dt.date.today()
    base = base_text(ws, ws.locate_regulation(name))
    history = adopted_for(ws, base.id)
    later = [a for a in dated_steps(history) if a.effective is not None and a.effective > day]
    if address is None:
        return tuple(later)
    target = Address.parse(address)
    reads: list[bool] = []

    def reads_otherwise() -> bool:
        """Whether the provision reads otherwise once the later amendments apply: what a change of words
        throughout the text decides (it names no provision; most hold none of its words)."""
        if not reads:
            sides = [replay(base, history, when).regulation for when in (day, None)]
            reads.append(_unit_at(sides[0], target) != _unit_at(sides[1], target))
        return reads[0]

    def touches(amendment: Amendment) -> bool:
        for ins in amendment.leaves():
            marks = [f.address for f in footprints(ins)]
            if any(m.contains(target) or target.contains(m) for m in marks) or (not marks and reads_otherwise()):
                return True
        return False

    return tuple(a for a in later if touches(a))


def _unit_at(reg: Regulation, address: Address) -> Unit | None:
    """The unit at `address` in `reg`, None where it has none."""
    from regdraft.core.errors import UnknownUnit

    try:
        return reg.find(address).unit
    except UnknownUnit:
        return None


def later_changes_note(ws: Workspace, name: str, address: str | None = None, today: dt.date | None = None) -> str:
    """The note that the regulation's file (or its provision at `address`) holds changes not yet in force on
    `today`, in the regulation's language and its profile's words: the amending documents with the dates they
    take effect, and the command that shows the text in force today; "" when it holds none."""
    from regdraft.core.commands import Command
    from regdraft.render.profile import cited_date
    from regdraft.workspace.profiles import profile_for

    day = today or dt.date.today()
    later = in_force_later(ws, name, day, address)
    if not later:
        return ""
    base = base_text(ws, ws.locate_regulation(name))
    profile = profile_for(ws, base.meta)
    words, style = profile.words(base.language), profile.cited_style(base.language)
    since = words["effective_from"]
    # an instruction dated on its own is cited so (`khoản 6 Điều 1 Quy chế số 05-QC/TU`), not as the whole document
    documents = ", ".join(f"{cited_step(a, words)} ({since} {cited_date(a.effective, style, words)})" for a in later)
    command = Command.of("show", name, *([address] if address else []), as_of=day.isoformat())
    return words["not_yet_in_force"].format(documents=documents, today=cited_date(day, style, words),
                                            command=f"`{command}`")


def cited_step(part: Amendment, words: Mapping[str, str]) -> str:
    """A step of the replay as a note names it: its document (`Quy chế số 05-QC/TU`), or the instructions its
    document dates on their own with it (`khoản 6 Điều 1 Quy chế số 05-QC/TU`, `clause 6 of Article 1 of …`)."""
    from regdraft.core.amend.staged import STAGED
    from regdraft.workspace.amendments import document_name

    staged = part.meta.get(STAGED)
    document = document_name(part, words)
    return words["note_cited"].format(instruction=staged, document=document) if staged else document


def replay_through(ws: Workspace, amendment: Amendment) -> Applied:
    """The adopted `amendment` as applied in the replay of its regulation's history."""
    path = ws.locate_regulation(amendment.regulation)
    base = base_text(ws, path)
    history = [a for a in adopted_for(ws, base.id) if _order(a) <= _order(amendment)]
    timeline = replay(base, history, None, staged=False)  # the whole document's changes, as adopted
    for done, applied in timeline.steps:
        if done.slug == amendment.slug:
            return applied
    raise RegdraftError(
        f"{amendment.source}: the adopted amendment has no effective date, so it is not in the history."
    )
