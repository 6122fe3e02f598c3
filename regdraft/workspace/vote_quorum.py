"""Attendance at the conference that votes, and its quorum (`vote_quorum` in `regdraft.yaml`).

A Party committee's conference is valid only when enough of its members are present: the shipped workspace's
regulation says "Hội nghị chỉ hợp lệ khi có ít nhất hai phần ba tổng số Tỉnh ủy viên được triệu tập tham dự" (khoản 3
Điều 12 of 01-QC/TU). A vote records the members present (`present`) and, when `regdraft.yaml` gives the share of
members that must be present (`vote_quorum: 2/3`), the share it was judged by (`quorum`) and whether it was met
(`quorate`). A vote below quorum is recorded, as it was held, and said: in its commit, and at adoption, which refuses
it while `require_vote_majority` is set and warns of it otherwise.

Post-conditions:
1. `quorum_setting(ws)` is the share as `(2, 3)`, or None when unset; `UsageError` naming `regdraft.yaml`, the line
   and the value for anything that is no fraction `a/b` of whole numbers with 1 <= a <= b <= 1,000 (`5/0`, `-1`,
   `abc`, `0.67`, a 5,000-digit number, a list): such a setting is never passed over in silence.
2. `share(text)` reads `2/3` as `(2, 3)` (None for anything else), the form a vote file records.
3. `needed(members, share)` is the fewest members present that meet the quorum: at least `a/b` of them (33 of 49
   for 2/3).
4. `below_quorum(vote)` is the clause saying a vote fell short (`only 30 of the 49 members were present, below the
   quorum of 2/3 (33)`), None when it met the quorum or none could be judged (no members, attendance or share).
5. `attendance_refusal(...)` is None for a number present a vote may hold, else one sentence: fewer present than
   votes cast, or more present than members.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from regdraft.workspace.store import Workspace
    from regdraft.workspace.votes import Vote

QUORUM_SETTING = "vote_quorum"  # regdraft.yaml: the share of members that must be present for a vote to count
_MOST = 1000  # the largest denominator a share may have
_SHARE = re.compile(r"\s*([0-9]{1,4})\s*/\s*([0-9]{1,4})\s*")


def share(text: object) -> tuple[int, int] | None:
    """`2/3` as `(2, 3)`; None for anything that is no such fraction (post-condition 2)."""
    found = _SHARE.fullmatch(text) if isinstance(text, str) else None
    if found is None:
        return None
    top, bottom = int(found[1]), int(found[2])
    return (top, bottom) if 1 <= top <= bottom <= _MOST else None


def shown(value: tuple[int, int]) -> str:
    return f"{value[0]}/{value[1]}"


def quorum_setting(ws: Workspace) -> tuple[int, int] | None:
    """The quorum `regdraft.yaml` sets (post-condition 1)."""
    from regdraft.core.errors import UsageError

    problem = quorum_setting_problem(ws)
    if problem is not None:
        from regdraft.workspace.settings_checks import setting_line

        raise UsageError(f"regdraft.yaml:{setting_line(ws, QUORUM_SETTING)}: {problem} Nothing was recorded.")
    value = ws.config.get(QUORUM_SETTING)
    return None if value is None else share(value)


def quorum_setting_problem(ws: Workspace) -> str | None:
    """`check`: the sentence for a `vote_quorum` setting that is no fraction; None when it is one, or unset."""
    value = ws.config.get(QUORUM_SETTING)
    if value is None or share(value) is not None:
        return None
    said = " ".join(str(value).split()) if not isinstance(value, bool) else str(value).lower()
    said = said if len(said) <= 40 else f"{said[:39]}… ({len(said):,} characters)"
    return (f"{QUORUM_SETTING} is '{said}'; write the share of the members that must be present for a conference "
            f"vote to count as a fraction of whole numbers, at most 1 and with a denominator up to {_MOST:,} "
            f"(e.g. 2/3 for two thirds), or remove the setting.")


def needed(members: int, quorum: tuple[int, int]) -> int:
    """The fewest present that meet the quorum (post-condition 3)."""
    top, bottom = quorum
    return -(-members * top // bottom)


def below_quorum(vote: Vote) -> str | None:
    """The clause saying the vote fell short of its quorum (post-condition 4)."""
    quorum = share(vote.quorum)
    if quorum is None or vote.present is None or vote.members is None:
        return None
    least = needed(vote.members, quorum)
    if vote.present >= least:
        return None
    return (f"only {vote.present} of the {vote.members} members were present, below the quorum of {shown(quorum)} "
            f"of the members ({least})")


def attendance_refusal(present: int | None, cast: int, members: int | None, most: int) -> str | None:
    """Why a number present cannot be a vote's (post-condition 5)."""
    if present is None:
        return None
    if present > most:
        return f"The members present cannot be over {most:,}."
    if present < cast:
        return (f"{cast} votes were cast but {present} members were present: each member present casts at most one "
                f"vote. Correct the counts, or the number present.")
    if members is not None and present > members:
        return (f"{present} members were present, more than the {members} members entitled to vote. Correct the "
                f"number present, or the number of members.")
    return None


def quorum_notes(ws: Workspace, vote: Vote) -> list[str]:
    """What `amend vote` says of attendance as it records `vote`: below quorum, or a quorum set that cannot be
    judged (no number present, or no number of members)."""
    if below_quorum(vote):
        return [f"the vote was recorded below quorum: {below_quorum(vote)}; a vote below quorum does not count"]
    if not vote.quorum:
        return []
    if vote.present is None:
        return [f"the members present were not recorded, so the quorum ({vote.quorum} of the members, regdraft.yaml's "
                f"{QUORUM_SETTING}) was not checked; record the vote again with the number present"]
    if vote.members is None:
        return [f"no number of members is known, so the quorum ({vote.quorum} of the members) was not checked"]
    return []
