"""The conference votes adoption needs, whole and parts, read once for every caller (r41 vote41, item 3).

`amend adopt`'s gate (`gates.refusals`) read the vote on the whole and the part votes, while `check_adoptable`, the
library's check, read the whole vote alone: a part voted down let `check_adoptable` pass a document the gate refused.
Both now read `vote_refusals`, and adoption's warnings (without the gate) `adoption_vote_notes`.

Post-conditions:
1. `vote_refusals(ws, amendment)` lists, as `(missing, fix)` clauses, what keeps the amendment from adoption where
   `regdraft.yaml` sets `require_vote_majority`: no vote on the whole, none with a majority (or known to be one of the
   members now set), below quorum, the text changed since it; then each part vote without a majority, below quorum,
   or on instructions changed or gone since (`vote_parts.part_notes`). Empty without the setting.
2. `check_adoptable(ws, slug)` raises `RegdraftError` with every clause of `vote_refusals` (none: it returns).
3. `adoption_vote_notes(ws, amendment)` lists what the adoption says of its votes without the setting (warnings, and
   `Vote:` lines of its commit): `votes.adoption_notes` of the whole, `vote_parts.adoption_part_notes` of the parts.
4. `last_vote(ws, slug)` is the latest date of the votes recorded on the amendment, whole or part, and the part
   (`khoản 3 Điều 1`; "" for the whole); None without one, or when a file cannot be read (the gate and `check` name
   it): a text is signed once every vote on it is taken.
"""

from __future__ import annotations

import datetime as dt

from regdraft.core.amend.document import Amendment
from regdraft.core.commands import Command
from regdraft.core.errors import RegdraftError
from regdraft.workspace.amendments import load
from regdraft.workspace.store import Workspace
from regdraft.workspace.vote_parts import adoption_part_notes, load_part_votes, part_notes
from regdraft.workspace.votes import adoption_notes, changed_since_vote, load_vote, vote_change_fix, vote_refusal


def vote_refusals(ws: Workspace, amendment: Amendment) -> list[tuple[str, str]]:
    """What the votes lack for adoption under `require_vote_majority`, each with its fix (post-condition 1)."""
    if not ws.config.get("require_vote_majority"):
        return []
    slug = amendment.slug
    out: list[tuple[str, str]] = []
    forced = Command.of("amend adopt", slug, force=True, reason=None)
    missing = vote_refusal(ws, slug)
    recorded = load_vote(ws, slug) if missing is not None else None
    if missing is not None and recorded is not None and recorded.majority:  # of the votes cast, before the size
        again = Command.of("amend vote", slug, for_=recorded.for_, against=recorded.against, abstain=recorded.abstain,
                           date=recorded.date, members=None)
        out.append((missing, f"record it again with the members entitled to vote at that conference (`{again}`), or "
                             f"adopt past the gate with `{forced}`"))
    elif missing is not None:
        record = Command.of("amend vote", slug, for_=None, against=None, abstain=None, date=None)
        out.append((missing, f"record the conference vote with `{record}`"))
    elif (changed := changed_since_vote(ws, amendment)) is not None:  # the text voted on is not this one
        out.append((changed, vote_change_fix(amendment, load_vote(ws, slug))))
    again = Command.of("amend vote", slug, on=None, for_=None, against=None, abstain=None, date=None)
    for said in part_notes(ws, amendment):  # a part voted on by itself without a majority, or changed since
        out.append((f"{said}, and regdraft.yaml requires a vote majority",
                    f"have the conference vote on the part again and record it with `{again}`, or adopt past the "
                    f"gate with `{forced}`"))
    return out


def check_adoptable(ws: Workspace, slug: str) -> None:
    """Refuse (`RegdraftError`) an amendment whose votes do not allow its adoption (post-condition 2)."""
    if not ws.config.get("require_vote_majority"):
        return
    refused = vote_refusals(ws, load(ws, slug))
    if not refused:
        return
    first = refused[0][0]
    if len(refused) == 1:
        raise RegdraftError(f"{first[:1].upper()}{first[1:]}; {refused[0][1]}.",
                            options=() if vote_refusal(ws, slug) is None else (
                                "amend vote:for_", "amend vote:against", "amend vote:abstain", "amend vote:date"))
    raise RegdraftError(f"{slug} cannot be adopted on its conference votes:\n"
                        + "\n".join(f"  - {missing}; {fix}" for missing, fix in refused))


def adoption_vote_notes(ws: Workspace, amendment: Amendment) -> list[str]:
    """What adoption says of the votes without the vote gate (post-condition 3)."""
    return adoption_notes(ws, amendment) + adoption_part_notes(ws, amendment)


def last_vote(ws: Workspace, slug: str) -> tuple[dt.date, str] | None:
    """The latest vote on the amendment, whole or part: its date and its part ("" for the whole) (post-condition
    4)."""
    try:
        vote = load_vote(ws, slug)
        parts = load_part_votes(ws, slug)
    except RegdraftError:
        return None
    dated = [(dt.date.fromisoformat(p.vote.date), p.on) for p in parts]
    dated += [(dt.date.fromisoformat(vote.date), "")] if vote is not None else []
    return max(dated, key=lambda d: (d[0], d[1] == ""), default=None)  # the whole's, of votes on one day
