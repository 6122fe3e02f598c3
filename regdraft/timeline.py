"""Legal time: the text in force on a date, replayed from the base text and adopted amendments.

Amendments are data. The text in force on a date is the base text (the regulation as it was
before its first adopted amendment, kept in `regulations/history/<stem>/base.md`; the current
file when nothing was ever adopted) with every adopted amendment whose effective date is on or
before that date applied in order of effective date. Commit dates play no part.

Post-conditions of `replay`:
1. Amendments apply in order of (effective date, signing date, number); those without an
   effective date, or taking effect after `as_of`, are left out.
2. The result is exactly what applying them one after another gives; any failure raises.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from regdraft.amend.apply import Applied, apply
from regdraft.amend.document import PENDING, Amendment, as_date
from regdraft.errors import ParseError, Problem, RegdraftError
from regdraft.markdown import heading_text, parse
from regdraft.model import Located, Regulation
from regdraft.store import Workspace


@dataclass(frozen=True, slots=True)
class Timeline:
    """The text reached by a replay, and each amendment applied on the way."""

    regulation: Regulation
    steps: tuple[tuple[Amendment, Applied], ...]


def _order(amendment: Amendment) -> tuple[dt.date, dt.date, str, str]:
    return (amendment.effective or dt.date.max, amendment.signed or dt.date.max, amendment.number, amendment.slug)


def replay(base: Regulation, amendments: Sequence[Amendment], as_of: dt.date | None) -> Timeline:
    """Apply the amendments in force on `as_of` (all with an effective date, for None) to `base`."""
    current = base
    steps: list[tuple[Amendment, Applied]] = []
    for amendment in sorted(amendments, key=_order):
        effective = amendment.effective
        if effective is None or (as_of is not None and effective > as_of):
            continue
        applied = apply(current, amendment)
        steps.append((amendment, applied))
        current = applied.regulation
    return Timeline(current, tuple(steps))


def adopted_for(ws: Workspace, reg_id: str) -> list[Amendment]:
    """The adopted amendments of a regulation, in replay order."""
    from regdraft.amend.workspace import list_amendments

    found = [a for a in list_amendments(ws) if a.status == "adopted" and a.regulation == reg_id]
    return sorted(found, key=_order)


def base_text(ws: Workspace, regulation_path: str) -> Regulation:
    """The text before the first adopted amendment, or the current file when none was adopted."""
    from regdraft.amend.workspace import base_path

    base = base_path(ws, regulation_path)
    if ws.path(base).is_file():
        return parse(ws.read(base), base)
    return parse(ws.read(regulation_path), regulation_path)


def regulation_as_of(ws: Workspace, name: str, as_of: str | dt.date) -> Regulation:
    """The text of a regulation in force on a date."""
    from regdraft.amend.workspace import parse_date

    day = parse_date(as_of, "--as-of")
    path = ws.locate_regulation(name)
    base = base_text(ws, path)
    start = as_date(base.meta.get("effective")) or as_date(base.meta.get("signed"))
    if start is not None and day < start:
        raise RegdraftError(f"{base.id} took effect on {start}; no text of it was in force on {day}.")
    return replay(base, adopted_for(ws, base.id), day).regulation


def replay_through(ws: Workspace, amendment: Amendment) -> Applied:
    """The adopted `amendment` as applied in the replay of its regulation's history."""
    path = ws.locate_regulation(amendment.regulation)
    base = base_text(ws, path)
    history = [a for a in adopted_for(ws, base.id) if _order(a) <= _order(amendment)]
    timeline = replay(base, history, None)
    for done, applied in timeline.steps:
        if done.slug == amendment.slug:
            return applied
    raise RegdraftError(
        f"{amendment.source}: the adopted amendment has no effective date, so it is not in the history."
    )


def check_replay(ws: Workspace, name: str | None = None) -> list[Problem]:
    """`regdraft check`: regulations edited without an amendment, and problems of pending amendments."""
    from regdraft.amend.workspace import check, check_amendment, survey

    entries = survey(ws)
    paths = [ws.locate_regulation(name)] if name else [ws.relative(p) for p in ws.regulation_files()]
    problems: list[Problem] = []
    ids: set[str] = set()
    for path in paths:
        try:
            current = parse(ws.read(path), path)
        except ParseError:
            continue  # the regulation check reports it
        ids.add(current.id)
        adopted = [
            e.amendment
            for e in entries
            if e.amendment is not None and e.amendment.status == "adopted" and e.amendment.regulation == current.id
        ]
        if adopted:
            problems.extend(_compare(ws, path, current, adopted))
    for entry in entries:
        if entry.amendment is None:
            if name is None and entry.error is not None:
                # What its readable instructions would do is checked too: every problem in one run.
                problems.extend(check(ws, entry.slug) or [Problem(str(entry.error), entry.slug)])
        elif entry.amendment.status in PENDING and entry.amendment.regulation in ids:
            problems.extend(check_amendment(ws, entry.amendment))
    return problems


def _compare(ws: Workspace, path: str, current: Regulation, adopted: list[Amendment]) -> list[Problem]:
    try:
        replayed = replay(base_text(ws, path), adopted, None).regulation
    except (RegdraftError, ParseError) as exc:
        return [Problem(f"replaying the adopted amendments on the base text fails: {exc.report()}", path)]
    if replayed.units == current.units and replayed.preamble == current.preamble:
        return []
    where, line = _first_difference(current, replayed)
    return [
        Problem(
            f"differs from its base text with the adopted amendments replayed (first at {where}): it was "
            "edited without an amendment. Undo the edit, or write it as an amendment and adopt it.",
            path,
            line,
        )
    ]


def _first_difference(current: Regulation, replayed: Regulation) -> tuple[str, int]:
    if current.preamble != replayed.preamble:
        return "the preamble", 0
    mine: Iterator[Located] = current.walk()
    theirs: Iterator[Located] = replayed.walk()
    language = current.language
    for a, b in zip(mine, theirs, strict=False):
        if a.address != b.address or (a.unit.title, a.unit.text, a.unit.repealed) != (
            b.unit.title,
            b.unit.text,
            b.unit.repealed,
        ):
            return (
                a.address.describe(language) if a.address == b.address else heading_text(a.unit, language)
            ), a.unit.line
    return "the end of the document", 0
