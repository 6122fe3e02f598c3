"""Amendments adopted out of the order they take effect (an urgent amendment in force first).

Replay is by effective date (`workspace.timeline`), so the regulation file written at adoption
must be what replay gives. An amendment adopted after others but taking effect before them is
recorded when applying it last (adoption order) and applying it in its place (effective order)
give the same text; otherwise the two touch the same provisions in a way whose order changes
the result, and it is refused naming those provisions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from regdraft.core.amend.apply import Applied
from regdraft.core.amend.conflicts import footprints
from regdraft.core.amend.document import Amendment
from regdraft.core.errors import AmendmentConflict, Problem, RegdraftError
from regdraft.workspace.store import Workspace
from regdraft.workspace.timeline import adopted_for, base_text, replay


def check_order(ws: Workspace, amendment: Amendment, applied: Applied, signed: dt.date, effective: dt.date) -> None:
    """Refuse an amendment taking effect before adopted ones when the order of the two changes the text."""
    later = [a for a in adopted_for(ws, amendment.regulation) if a.effective and a.effective > effective]
    if not later:
        return
    dated = replace(amendment, meta={**amendment.meta, "status": "adopted", "signed": signed, "effective": effective})
    base = base_text(ws, ws.locate_regulation(amendment.regulation))
    try:
        in_order = replay(base, [*adopted_for(ws, amendment.regulation), dated], None).regulation
    except (AmendmentConflict, RegdraftError) as exc:
        # The problems of applying it before them follow the sentence; the summary of `apply` ("1 problem
        # applying …; nothing was changed:") is not repeated inside it.
        problems = exc.problems or (Problem(str(exc), amendment.source),)
        raise RegdraftError(_refusal(amendment, later, effective, "so it cannot be applied before them"),
                            problems) from None
    if in_order.units != applied.regulation.units:
        raise RegdraftError(_refusal(amendment, later, effective, "and applied in the order they take effect they "
                                     "give a different text from the order of adoption"))


def _refusal(amendment: Amendment, later: list[Amendment], effective: dt.date, why: str) -> str:
    language = amendment.language
    mine = [f.address for ins in amendment.leaves() for f in footprints(ins)]
    shared: list[str] = []
    for other in later:
        for ins in other.leaves():
            for theirs in footprints(ins):
                for address in mine:
                    if address.contains(theirs.address) or theirs.address.contains(address):
                        shown = (address if address.contains(theirs.address) else theirs.address).describe(language)
                        if shown not in shared:
                            shared.append(shown)
    names = ", ".join(f"{a.name} (in force from {a.effective})" for a in later)
    touched = f"both change {', '.join(shared)}" if shared else "both change the same words"
    return (f"{amendment.source}: it would take effect on {effective}, before {names}, already adopted; {touched}, "
            f"{why}. Adopt it with an effective date on or after theirs, or amend it so the two do not overlap. "
            "Nothing was changed.")
