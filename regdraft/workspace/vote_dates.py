"""What a conference vote's date is checked against when it is recorded: the vote it replaces and the comment round
it follows (`votes.record_vote`).

Post-conditions:
1. `date_refusals` gives one clause per date check the vote fails, naming both dates; none when it passes them:
   - a vote replacing one on file is dated on or after it (a recount, or the vote on a later draft); an earlier date
     says the vote on file has its date wrong, which only a correction (a reason given) records;
   - a vote is dated on or after the day the last comment round on the draft voted on (or an earlier draft) was
     opened, when that day is known: a round regdraft saw opened on or before its comments were due. A round opened
     in regdraft after its due date records a consultation held before (an office bringing its history in, as the
     README's example does today): the day it was entered says nothing of when the draft went out, and nothing is
     compared with it.
2. The rounds are read as `load_rounds` reads them; a round file that cannot be read, or a round with no readable
   `opened` or `due`, is no date to compare (`check` names such a file).
3. `described(vote)` is the vote as messages and commits quote it: `the vote of 2025-09-20 on draft 2 (45 for,
   2 against, 1 abstaining)`.
4. The same checks hold for a vote on a part of the draft (`vote_parts.record_part_vote`), against the vote on that
   part it replaces; `date_refusal` words the refusal of either, with the command recording it as a correction.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from regdraft.core.commands import Command
from regdraft.core.errors import RegdraftError
from regdraft.workspace.amendments import load_rounds
from regdraft.workspace.store import Workspace

if TYPE_CHECKING:
    from regdraft.core.comment_model import Round
    from regdraft.workspace.votes import Vote

REPLACES = "Replaces "  # the line of a vote's commit naming the vote it replaces
CORRECTED = "Recorded past its date checks: "  # the line of a vote's commit giving the reason it was recorded so


def described(vote: Vote) -> str:
    """`the vote of 2025-09-20 on draft 2 (45 for, 2 against, 1 abstaining)`."""
    on = f" on draft {vote.draft}" if vote.draft is not None else ""
    return f"the vote of {vote.date}{on} ({vote.for_} for, {vote.against} against, {vote.abstain} abstaining)"


def vote_day(date: str | dt.date, force: str | None, cited: str) -> dt.date:
    """The day a vote on `cited` (`qc-sua-doi-2025`, `khoản 3 Điều 1 of qc-sua-doi-2025`) was held, as given: a
    `UsageError` for a reason given empty, or a day after today (one rule for the whole vote and a part's)."""
    from regdraft.core.dates import parse_date
    from regdraft.core.errors import UsageError

    if force is not None and not force.strip():
        raise UsageError("Say why the vote is recorded past its date checks.", options=("force", "reason"))
    voted, today = parse_date(date, "the vote date"), dt.date.today()
    if voted > today:
        raise UsageError(f"The vote date {voted.isoformat()} is after today ({today.isoformat()}): record the "
                         f"conference vote on {cited} once it is held, with the date it was held.", options=("date",))
    return voted


def date_refusal(slug: str, voted: dt.date, refused: list[str], for_: int, against: int, abstain: int,
                 members: int | None, present: int | None = None, on: str = "") -> str:
    """Why a vote's date is refused (`date_refusals`), and the two ways on: the date it was held, or the same vote
    recorded as a correction with its reason. `on` is the part voted on ("" for the whole)."""
    given: dict[str, object] = {"members": members} if members is not None else {}
    given.update({"present": present} if present is not None else {})
    correct = Command.of("amend vote", slug, on=on or False, for_=for_, against=against, abstain=abstain,
                         date=voted.isoformat(), **given, force=True, reason=None)
    of = f"{on} of {slug}" if on else slug
    return (f"The vote of {voted} on {of} is not recorded:\n" + "\n".join(f"  - {clause}" for clause in refused)
            + f"\nNothing was recorded. Record the vote with the date it was held; if it was held on {voted} all the "
            f"same, record it as a correction, saying why: `{correct}` (the reason is kept in its commit).")


def date_refusals(ws: Workspace, slug: str, voted: dt.date, draft: int | None, replaced: Vote | None) -> list[str]:
    """Each date check a vote of `voted` on `draft` of amendment `slug` fails, as a clause (module post-condition 1)."""
    out: list[str] = []
    if replaced is not None and voted < dt.date.fromisoformat(replaced.date):
        out.append(f"it is dated {voted}, before the vote it would replace, {described(replaced)}")
    opened = _last_opened(ws, slug, draft)
    if opened is not None and voted < opened[1]:
        r, day = opened
        out.append(f"it is dated {voted}, before comment round {r.number} (draft {r.draft}, comments due {r.due}) "
                   f"was opened on {day}: a conference votes on a draft once it has gone out for comment")
    return out


def _last_opened(ws: Workspace, slug: str, draft: int | None) -> tuple[Round, dt.date] | None:
    """The last round on `draft` or an earlier one whose opening day is known, and that day (post-condition 1)."""
    try:
        rounds = load_rounds(ws, slug)
    except RegdraftError:
        return None  # a round file that does not read is `check`'s to name, and no date to compare
    for r in reversed(rounds):
        if draft is not None and r.draft > draft:
            continue  # a round on a later draft than the one voted on (a number lowered by hand): not this vote's
        try:
            day, due = dt.datetime.fromisoformat(r.opened).date(), dt.date.fromisoformat(r.due)
        except ValueError:
            continue
        if day <= due:
            return r, day
    return None
