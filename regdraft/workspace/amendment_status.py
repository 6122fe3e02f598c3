"""An amendment's status, draft number and document number, changed in a workspace: each change one commit.

Transitions between statuses are `core.amend.document.TRANSITIONS`; adoption is not set here but by
`workspace.adoption`, behind its gates. Checking and previewing an amendment is `workspace.lifecycle`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from regdraft.core.amend.document import PENDING, STATUSES, TRANSITIONS, Amendment, load_amendment, with_front_matter
from regdraft.core.commands import Command
from regdraft.core.counts import count as counted
from regdraft.core.errors import NotPending, RegdraftError, UsageError
from regdraft.core.layout import amendment_path
from regdraft.core.markdown import decode
from regdraft.workspace.amendments import load, load_or_front, read_back
from regdraft.workspace.numbers import PLACEHOLDER, refuse_taken, refuse_untaggable, untaggable_sentence
from regdraft.workspace.store import Workspace, writes

# The statuses `set_status` sets: adoption is `adopt`'s, behind its gates.
SETTABLE = tuple(status for status in STATUSES if status != "adopted")


@writes
def set_status(ws: Workspace, slug: str, status: str | None, draft: int | None = None) -> Amendment:
    """Change an amendment's status and/or draft number in one commit; transitions are checked.

    A status that is not one `set_status` sets is refused (`UsageError`) before the amendment is read, so the
    mistake typed is what is reported, even of an amendment whose instructions do not read."""
    if status is not None:
        _settable(slug, status)
    # Withdrawn or rejected, a draft whose instructions do not read is set from its front matter alone.
    amendment, unread = load_or_front(ws, slug) if status in ("withdrawn", "rejected") else (load(ws, slug), None)
    if status is None:
        if draft is None:
            raise UsageError(f"Give the new status ({', '.join(SETTABLE)}), the new draft number, or both.",
                             options=("draft",))
        status = amendment.status
        if status not in PENDING:
            raise NotPending(f"{amendment.source}: the amendment is {status}; its draft number is final.")
    if status not in ("withdrawn", "rejected"):  # a document numbered so can still be set aside
        refuse_untaggable(amendment)
    current = amendment.status
    if status != current and status not in TRANSITIONS.get(current, ()):
        allowed = ", ".join(TRANSITIONS.get(current, ())) or "none (it is final)"
        raise (UsageError if TRANSITIONS.get(current) else NotPending)(
            f"{amendment.source}: cannot move from {current} to {status}; from {current} the next "
            f"status can be: {allowed}.{_by_way_of(ws, slug, current, status)}"
        )
    changes: dict[str, Any] = {"status": status}
    if draft is not None:
        if draft < 1:
            raise UsageError("The draft number starts at 1.")
        changes["draft"] = draft
    if status == current and draft in (None, amendment.draft):  # None: "circulating" again wrote "Draft None"
        raise UsageError(f"{amendment.source} is already {status}" + (f", draft {draft}." if draft else "."))
    relative = amendment_path(slug)
    text = with_front_matter(decode(ws.read(relative), relative), changes)
    unread_meta = {**amendment.meta, **changes}  # its instructions unread, what was read with the keys set
    updated = (read_back(ws, text, relative, slug, amendment.language) if unread is None
               else replace(amendment, meta=unread_meta))
    name = amendment.number or slug
    if status == current:
        message = f"Draft {draft} of {name}: draft number set (was {amendment.draft or 'none'})"
    else:
        message = f"Set amendment {name} to {status}" + (f" (draft {draft})" if draft is not None else "")
    if unread is not None:
        message += f"; its instructions were not read ({counted(len(unread.problems) or 1, 'problem')})"
    ws.commit({relative: text.encode("utf-8")}, message)
    return updated


def _by_way_of(ws: Workspace, slug: str, current: str, status: str) -> str:
    """` Comment round 1 was held, but …: set it circulating first (…), then submitted.` for a status one step
    further: after a full comment round the refusal of draft to submitted did not say that `round open` leaves the
    status as it was, nor how to go on (r37 sweep BQ 5)."""
    step = next((s for s in TRANSITIONS.get(current, ()) if status in TRANSITIONS.get(s, ())), None)
    if step is None:
        return ""
    from regdraft.workspace.amendments import load_rounds

    try:
        rounds = load_rounds(ws, slug)
    except RegdraftError:
        rounds = []
    held = ""
    if rounds:
        numbers = ", ".join(str(r.number) for r in rounds)
        held = (f" {'Comment rounds' if len(rounds) > 1 else 'Comment round'} {numbers} "
                f"{'were' if len(rounds) > 1 else 'was'} held, but opening a round leaves the status as it is;")
    then = Command.of("amend status", slug, step)
    return f"{held} {'set' if held else 'Set'} it {step} first (`{then}`), then {status}."


def _settable(slug: str, status: str) -> None:
    """Refuse `status` unless `set_status` sets it: a word that is no status, or `adopted`, which `adopt` sets."""
    adopt = Command.of("amend adopt", slug)
    if status == "adopted":
        raise UsageError(f"An amendment becomes adopted with `{adopt}` and its signing date, once it passes the "
                         "adoption gates.", options=("amend adopt:signed",))
    if status not in SETTABLE:
        raise UsageError(f"'{status}' is not a status; use one of {', '.join(SETTABLE[:-1])} or {SETTABLE[-1]} "
                         f"(`{adopt}` adopts it).")


@writes
def set_number(ws: Workspace, slug: str, number: str) -> Amendment:
    """Give an amendment its document number (`07-QC/TU`) in one commit; refused once adopted or if taken."""
    amendment = load(ws, slug)
    wanted = " ".join(number.split())
    if not wanted or " " in wanted or not any(ch.isdigit() for ch in wanted):
        raise UsageError(f"'{number}' is not a document number; write it as the document does, e.g. 07-QC/TU.")
    if amendment.status == "adopted":
        raise NotPending(f"{amendment.source}: the amendment is adopted as {amendment.number}; its number is final.")
    if amendment.number == wanted:
        raise RegdraftError(f"{amendment.source} already has the number {wanted}.")
    if PLACEHOLDER in wanted or "..." in wanted:
        raise UsageError(f"'{number}' is an example, not a number: write the number the document is signed with.")
    if refused := untaggable_sentence(wanted):
        raise UsageError(refused[0].upper() + refused[1:] + ".")
    refuse_taken(ws, amendment, wanted)
    relative = amendment_path(slug)
    text = with_front_matter(decode(ws.read(relative), relative), {"number": wanted})
    from regdraft.workspace.amendments import kept_numbers

    # A translation's amending document numbered as its original's keeps the original's instruction numbers.
    kept = kept_numbers(ws, replace(amendment, meta={**amendment.meta, "number": wanted}))
    updated = load_amendment(text, relative, slug, amendment.language, kept)
    was = f" (was {amendment.number})" if amendment.number else ""
    ws.commit({relative: text.encode("utf-8")}, f"Number amendment {slug} as {wanted}{was}")
    return updated
