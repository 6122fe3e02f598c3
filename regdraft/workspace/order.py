"""Amendments adopted out of the order they take effect (an urgent amendment in force first).

Replay is by effective date (`workspace.timeline`), each instruction an entry-into-force article dates on its own
from that date (`core.amend.staged`), so the regulation file written at adoption must be what replay gives. An
amendment adopted after others but taking effect before them (before the whole of an adopted document, or before a
dated instruction of one: `khoản 6 Điều 1` of a document in force from 2025, dated 2027) is recorded when applying
it last (adoption order) and applying it in its place (effective order) give the same text; otherwise the two touch
the same provisions in a way whose order changes the result, and it is refused naming those provisions, the dated
instruction and its date (`check_order`). `amend check` says the same as a warning (`order_warning`), and
`regdraft check` names the dated instruction of a workspace adopted so by an older regdraft (`dated_out_of_order`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from regdraft.core.amend.apply import Applied
from regdraft.core.amend.conflicts import footprints
from regdraft.core.amend.document import Amendment
from regdraft.core.commands import Command
from regdraft.core.errors import AmendmentConflict, Problem, RegdraftError
from regdraft.core.model import Regulation
from regdraft.workspace.store import Workspace
from regdraft.workspace.timeline import adopted_for, base_text, dated_steps, replay


def check_order(ws: Workspace, amendment: Amendment, applied: Applied, signed: dt.date, effective: dt.date) -> None:
    """Refuse an amendment taking effect before adopted ones (or their dated instructions) when the order of the
    two changes the text."""
    found = out_of_order(ws, amendment, applied.regulation, signed, effective, fixed=True)
    if found is not None:
        raise RegdraftError(f"{amendment.source}: {found[0]} Nothing was changed.", found[1])


def out_of_order(ws: Workspace, amendment: Amendment, applied: Regulation, signed: dt.date,
                 effective: dt.date, *, fixed: bool = False) -> tuple[str, tuple[Problem, ...]] | None:
    """Why the amendment (applied to the working file: `applied`) cannot take effect on `effective` before the
    adopted amendments or dated instructions in force after it, with the problems of applying it there; None when it
    can (or none is in force after it). `fixed`: a signed document, whose date its text fixes (`_refusal`)."""
    dated = replace(amendment, meta={**amendment.meta, "status": "adopted", "signed": signed, "effective": effective})
    history = adopted_for(ws, amendment.regulation)
    mine = dated_steps([dated])
    first = min(p.effective or effective for p in mine)
    later = [p for p in dated_steps(history) if p.effective and p.effective > first]
    if not later:
        return None
    base = base_text(ws, ws.locate_regulation(amendment.regulation))
    try:
        in_order = replay(base, [*history, dated], None).regulation
    except (AmendmentConflict, RegdraftError) as exc:
        # The problems of applying it before them follow the sentence; the summary of `apply` ("1 problem
        # applying …; nothing was changed:") is not repeated inside it.
        problems = exc.problems or (Problem(str(exc), amendment.source),)
        # Applied on its own date it fails, or a later one fails after it: `readoption.way_out` says which.
        return (_refusal(ws, amendment, later, (signed, effective), "so it cannot be applied before them", fixed),
                tuple(problems))
    if in_order.units != applied.units:
        return _refusal(ws, amendment, later, (signed, effective), "and applied in the order they take effect they "
                        "give a different text from the order of adoption", fixed), ()
    return None


def _day(amendment: Amendment) -> dt.date | None:
    """The date the amendment would take effect: its `effective`, else what its entry-into-force article says of its
    `signed` date or today."""
    from regdraft.core.amend.entry import entry_into_force

    entry = entry_into_force(amendment)
    return amendment.effective or (entry.date(amendment.signed or dt.date.today()) if entry is not None else None)


def _entry_line(ws: Workspace, amendment: Amendment) -> int:
    """The line of the amendment's entry-into-force sentence (that of its article when the sentence is not found
    below it); without one, that of its front matter's `effective:` key when it is dated so (0 otherwise)."""
    from regdraft.core.amend.entry import entry_into_force
    from regdraft.core.frontmatter import key_line
    from regdraft.core.markdown import decode

    entry = entry_into_force(amendment)
    if entry is None and amendment.effective is None:
        return 0
    try:
        lines = decode(ws.read(amendment.source), amendment.source).split("\n")  # as the amendment was read
    except (OSError, RegdraftError):
        return entry.line if entry is not None else 0
    if entry is None:  # dated only by its front matter: the key's own line, as other front-matter problems stand
        closing = next((n for n in range(1, len(lines)) if lines[n].strip() == "---"), len(lines))
        return key_line(lines[:closing], "effective") if lines and lines[0].lstrip("\ufeff").strip() == "---" else 0
    start = entry.sentence[:40]
    return next((n for n in range(max(entry.line, 1), len(lines) + 1) if start in lines[n - 1].replace("\\", "")),
                entry.line)


def order_warning(ws: Workspace, amendment: Amendment, applied: Regulation) -> list[Problem]:
    """`amend check`: the refusal `check_order` would give on the date the amendment takes effect (`_day`), as a
    warning at the line of its entry-into-force sentence."""
    signed = amendment.signed or dt.date.today()
    day = _day(amendment)
    if day is None:
        return []
    try:
        found = out_of_order(ws, amendment, applied, signed, day, fixed=amendment.signed is not None)
    except RegdraftError:
        return []  # a history that does not replay is `check`'s to report
    if found is None:
        return []
    when = "" if amendment.effective or amendment.signed else " (signed today)"
    return [Problem(f"adopted as it stands{when}, {found[0]}", amendment.source, _entry_line(ws, amendment))]


def pending_order(ws: Workspace, amendment: Amendment, adopted: Sequence[Amendment]) -> list[Problem]:
    """`regdraft check`: the `order_warning` of a pending amendment (as it amends one regulation, whose `adopted`
    amendments are given) with an effective or a signed date, as a warning. Nothing is applied or replayed unless
    an adopted document, or an instruction one dates on its own, takes effect after its first date."""
    from regdraft.core.amend.apply import apply
    from regdraft.workspace.amendments import target_regulation

    if amendment.effective is None and amendment.signed is None:
        return []  # no date of its own: `amend check` says what adopting it today would do
    day = _day(amendment)
    if day is None:
        return []
    dated = replace(amendment, meta={**amendment.meta, "effective": day, "signed": amendment.signed or day})
    first = min(p.effective or day for p in dated_steps([dated]))
    if not any(p.effective and p.effective > first for p in dated_steps(adopted)):
        return []
    try:
        applied = apply(target_regulation(ws, amendment), amendment).regulation
    except RegdraftError:
        return []  # the amendment's own check reports it
    return [replace(p, warning=True) for p in order_warning(ws, amendment, applied)]


def _shared(mine: Sequence[Amendment], theirs: Amendment) -> list[str]:
    """The provisions both change, smallest first, as the amendment's language cites them."""
    language = theirs.language
    own = [f.address for a in mine for ins in a.leaves() for f in footprints(ins)]
    shared: list[str] = []
    for ins in theirs.leaves():
        for footprint in footprints(ins):
            for address in own:
                if address.contains(footprint.address) or footprint.address.contains(address):
                    # the provision inside the other: what both change
                    shown = (footprint.address if address.contains(footprint.address) else address).describe(language)
                    if shown not in shared:
                        shared.append(shown)
    return shared


def _words_throughout(amendment: Amendment) -> list[str]:
    """The phrases the amendment changes throughout the text (`trong toàn bộ Quy chế`: naming no provision)."""
    from regdraft.core.amend.operations import ReplaceWords, Several

    ops = [p for ins in amendment.leaves() for p in (ins.op.parts if isinstance(ins.op, Several) else (ins.op,))]
    return [op.old for op in ops if isinstance(op, ReplaceWords) and op.throughout]


def _crossing(mine: Amendment, theirs: Amendment) -> list[str]:
    """What two amendments both change: the provisions (`_shared`), else the words one changes throughout the text
    that the other's new text holds (`the words “mọi mặt công tác” (throughout the text)`)."""
    shared = _shared([mine], theirs)
    if shared:
        return shared
    found: list[str] = []
    for one, other in ((mine, theirs), (theirs, mine)):
        quoted = "\n".join(line for ins in other.leaves() for line in ins.quote)
        found += [f"the words “{old}” (throughout the text)" for old in _words_throughout(one)
                  if old in quoted or old in _words_throughout(other)]
    return list(dict.fromkeys(found))


def named(part: Amendment) -> str:
    """`05-QC/TU (in force from 2027-01-01)`; for an instruction dated on its own, `khoản 6 Điều 1 of 05-QC/TU (in
    force from 2027-01-01, as Điều 3 of it says: “…”)`."""
    from regdraft.core.amend.staged import STAGED, dated_parts

    staged = part.meta.get(STAGED)
    if not staged:
        return f"{part.name} (in force from {part.effective})"
    says = next((f", as {p.sentence.article} of it says: “{p.sentence.sentence}”" for p in dated_parts(part)
                 if p.day == part.effective), "")
    return f"{staged} of {part.name} (in force from {part.effective}{says})"


def _refusal(ws: Workspace, amendment: Amendment, later: list[Amendment], dates: tuple[dt.date, dt.date], why: str,
             fixed: bool) -> str:
    """Why it cannot take effect before the `later` adopted documents, and the way out: a draft's date can still be
    moved; a signed document's (`fixed`) is fixed by its text, so the later adoptions are undone and made again after
    it, as `readoption.way_out` says once it has tried the steps."""
    signed, effective = dates  # its signing and effective dates
    overlapping = [(p, _crossing(amendment, p)) for p in later]
    touching = [(p, s) for p, s in overlapping if s] or overlapping
    shared = list(dict.fromkeys(s for _, found in touching for s in found))
    names = ", ".join(named(p) for p, _ in touching)
    latest = max(p.effective or effective for p, _ in touching)
    touched = f"both change {', '.join(shared)}" if shared else "both change the same words"
    said = f"it would take effect on {effective}, before {names}, already adopted; {touched}, {why}."
    if fixed:
        from regdraft.workspace.readoption import way_out

        adopt = Command.of("amend adopt", amendment.slug, signed=signed, effective=effective)
        dated = replace(amendment, meta={**amendment.meta, "status": "adopted", "signed": signed,
                                         "effective": effective})
        return f"{said} {way_out(ws, dated, [p for p, _ in touching], adopt, (effective, latest))}"
    show = Command.of("show", amendment.regulation, as_of=effective.isoformat())
    return (f"{said} Give it an effective date on or after {latest}, or amend the provisions as they stand on "
            f"{effective} (`{show}`).")


def dated_out_of_order(ws: Workspace, path: str, current: Regulation, adopted: list[Amendment]) -> str | None:
    """`regdraft check`: why the adopted amendments do not replay to the working file, when it is because one
    was adopted (by a regdraft that did not refuse it) taking effect before another's dated instruction changing
    the same provisions: applied whole on their own dates (as adopted) they give the file. None otherwise."""
    from regdraft.core.amend.staged import STAGED

    base = base_text(ws, path)
    try:
        whole = replay(base, adopted, None, staged=False).regulation
    except RegdraftError:
        return None
    if whole.units != current.units:
        return None
    for part in dated_steps(adopted):
        if not part.meta.get(STAGED) or part.effective is None:
            continue
        own = next(a for a in adopted if a.slug == part.slug)
        before = [a for a in adopted if a.slug != part.slug and a.effective is not None
                  and (own.effective or part.effective) <= a.effective < part.effective and _crossing(a, part)]
        if before:
            shared = list(dict.fromkeys(s for a in before for s in _crossing(a, part)))
            one = len(before) == 1
            others = ", ".join(f"{a.name}, in force from {a.effective}," for a in before)
            return (f"{others} {'was' if one else 'were'} adopted after {named(part)} but {'takes' if one else 'take'} "
                    f"effect before it, and both change {', '.join(shared)}: applied on their dates they do not give "
                    f"the text they were adopted into (a regdraft that did not check this adopted them), so the "
                    f"consolidated text from {min(a.effective or part.effective for a in before)} on is wrong or "
                    f"cannot be made. Correct "
                    f"it with an amendment amending the provisions as they stand on its date")
    return None
