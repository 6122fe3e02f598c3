"""The votes a round's comment report ends with (`core.report_votes`): those the conference took on the draft the
round circulated, or on a later draft no other round was held on before the vote.

Post-conditions:
1. `report_votes(ws, slug, r)` gives the vote on the whole and each part vote taken on draft `r.draft` or later, when
   no later round circulated a draft at most the vote's (that round's report ends with it instead); a vote recording
   no draft (a file of an earlier version) is the last round's. None when none is recorded.
2. A vote file or parts file that cannot be read gives no vote (`check` names it): the report is still written.
"""

from __future__ import annotations

from regdraft.core.comment_model import Round
from regdraft.core.errors import RegdraftError
from regdraft.core.report_votes import ReportVote
from regdraft.workspace.amendments import load_rounds
from regdraft.workspace.store import Workspace
from regdraft.workspace.vote_parts import load_part_votes
from regdraft.workspace.vote_quorum import below_quorum
from regdraft.workspace.votes import Vote, load_vote


def _this_round(rounds: list[Round], r: Round, vote: Vote) -> bool:
    """Whether round `r`'s report states `vote` (post-condition 1)."""
    if vote.draft is None:
        return bool(rounds) and rounds[-1].number == r.number
    return r.draft <= vote.draft and not any(o.number > r.number and o.draft <= vote.draft for o in rounds)


def _stated(vote: Vote, part: str = "", amends: str = "") -> ReportVote:
    return ReportVote(vote.date, vote.for_, vote.against, vote.abstain, vote.members, vote.present, vote.draft, part,
                      amends, below_quorum(vote) is not None)


def report_votes(ws: Workspace, slug: str, r: Round) -> tuple[ReportVote, ...]:
    """The votes round `r`'s report ends with (post-conditions 1, 2)."""
    try:
        whole = load_vote(ws, slug)
        parts = load_part_votes(ws, slug)
        rounds = load_rounds(ws, slug)
    except RegdraftError:
        return ()
    out = [_stated(whole)] if whole is not None and _this_round(rounds, r, whole) else []
    out += [_stated(p.vote, p.on, p.amends) for p in parts if _this_round(rounds, r, p.vote)]
    return tuple(out)
