"""What a conference vote's counts mean for adoption, in words (r39 sweep BZ F1, F4).

A vote recorded as "no majority" was adopted without a word where `regdraft.yaml` does not require a majority (the
shipped default), a document drafted here was adopted with no vote recorded at all, and a majority taken of the
votes cast (no number of members given) read as a majority of the committee. The adoption now says each, and its
commit records it; `committee_members` in `regdraft.yaml` gives the number of members entitled to vote when a vote is
recorded without one.

Post-conditions:
1. `basis(vote)` names what the majority was taken of, with the votes it needed: `more than half of the 49 members
   entitled to vote (25)`, or `more than half of the 13 votes cast (7); no number of members was recorded`.
2. `counts_refusal(...)` is None for counts a vote may hold; else one sentence naming the rule broken and the numbers.
3. `votes.adoption_notes(ws, amendment)` lists, as clauses, what the adoption must say of its vote: with the vote
   gate off (`require_vote_majority` false), no vote recorded on a document drafted here (one with a draft number: an
   imported law had its own vote elsewhere), or one without a majority; in either case a majority taken of the
   votes cast. The gate refuses the others; a text changed since the vote is `votes.changed_ungated`'s to say.
   Nothing is written.
4. A vote recorded with no number of members, before `committee_members` was set (`members_since`), keeps the
   majority its record holds: regdraft does not count it again of a committee size set later (members come and go;
   the setting says today's). But adoption says so, naming the votes cast it was counted of and what the majority
   of the members the setting now gives is (`since_setting`); and where `regdraft.yaml` requires a majority and the
   votes for are none of those members, the gate refuses it until the vote is recorded again with the members
   entitled to vote at that conference (or adopted past the gate with a reason): a secretary who set both settings
   expects no document adopted by 13 votes of a 49-member committee without a word (r39 left open).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace
    from regdraft.workspace.votes import Vote

MEMBERS_SETTING = "committee_members"  # regdraft.yaml: the members entitled to vote, when a vote gives none
MOST_MEMBERS = 1_000_000  # the most a vote's counts and members may be (`votes.MAX_COUNT` is this)


def basis(vote: Vote) -> str:
    """What the vote's majority was taken of (post-condition 1)."""
    if vote.members is not None:
        return f"more than half of the {vote.members} members entitled to vote ({vote.members // 2 + 1})"
    cast = vote.for_ + vote.against + vote.abstain
    return f"more than half of the {cast} votes cast ({cast // 2 + 1}); no number of members was recorded"


def members_since(ws: Workspace, vote: Vote) -> int | None:
    """For a vote recorded with no number of members: the members `committee_members` now gives (set after the vote
    was recorded); None when the vote has its own, or the setting is unset or no number (`check` names that)."""
    from regdraft.core.errors import UsageError

    if vote.members is not None:
        return None
    try:
        return committee_members(ws)
    except UsageError:
        return None


def since_setting(vote: Vote, members: int) -> str:
    """`recorded before committee_members was set, … of the 49 members it now gives, a majority is 25, which its 20
    votes for are not` (post-condition 4)."""
    verb = "are" if vote.for_ * 2 > members else "are not"
    return (f"it was recorded before `{MEMBERS_SETTING}` was set, with no number of members, and counted a majority of "
            f"the votes cast ({basis(vote)}); of the {members} members regdraft.yaml now gives, a majority is "
            f"{members // 2 + 1}, which its {vote.for_} votes for {verb}")


def counts(vote: Vote) -> str:
    """`10 for, 2 against, 1 abstaining on 2026-12-07`."""
    return f"{vote.for_} for, {vote.against} against, {vote.abstain} abstaining on {vote.date}"


def counts_refusal(for_: int, against: int, abstain: int, members: int | None, most: int,
                   members_from: str = "") -> str | None:
    """Why these counts cannot be a vote (post-condition 2); `members_from` names where `members` came from when not
    from the command (`regdraft.yaml`'s setting), for the sentence to send the secretary there."""
    if min(for_, against, abstain) < 0:
        return "The vote counts cannot be negative."
    if max(for_, against, abstain) > most:
        return f"The vote counts cannot be over {most:,}."
    if members is not None and members > most:
        return f"The members{members_from} cannot be over {most:,}."
    cast = for_ + against + abstain
    if members is not None and cast > members:
        correct = f"the {MEMBERS_SETTING} setting in regdraft.yaml" if members_from else "the number of members"
        return (f"{cast} votes were cast ({for_} for, {against} against, {abstain} abstaining), more than the "
                f"{members} members entitled to vote{members_from}: each member casts at most one vote. Correct the "
                f"counts, or {correct}.")
    return None


def committee_members(ws: Workspace) -> int | None:
    """The members entitled to vote as `regdraft.yaml` gives them (`committee_members`: a whole number from 1, or
    figures quoted as text, `'49'`), or None when unset. `UsageError` for a setting that is neither (`'49.7'`, `-5`,
    `abc`): a vote then counted the majority of the votes cast without a word (r39 sweep CC F1)."""
    from regdraft.core.errors import UsageError

    value = ws.config.get(MEMBERS_SETTING)
    if value is None:
        return None
    problem = members_setting_problem(ws)
    if problem is not None:
        raise UsageError(f"regdraft.yaml: {problem} Nothing was recorded.", options=("members",))
    return _members(value)


def _members(value: object) -> int | None:
    # Figures past 20 are no count of members, and `int()` refuses over 4,300 of them with a traceback (r40 sweep CE
    # F3): such a value is none, which the setting's sentence names.
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and len(value.strip()) <= 20:
        value = int(value.strip())
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else None


def members_setting_problem(ws: Workspace) -> str | None:
    """`check`: the sentence for a `committee_members` setting that is no whole number from 1 to 1,000,000; None
    when it is one, or unset."""
    value = ws.config.get(MEMBERS_SETTING)
    if value is None:
        return None
    number = _members(value)
    if number is not None and number <= MOST_MEMBERS:
        return None
    shown = str(value) if len(str(value)) <= 40 else f"{str(value)[:20]}… ({len(str(value)):,} characters)"
    return (f"{MEMBERS_SETTING} is '{shown}'; write the number of members entitled to vote at the conference, a "
            f"whole number from 1 to {MOST_MEMBERS:,} (e.g. 49), or remove the setting.")
