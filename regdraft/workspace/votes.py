"""The Executive Committee conference vote on an amendment, kept in `amendments/<slug>/vote.yaml`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import yaml

from regdraft.core.dates import parse_date
from regdraft.core.errors import NotPending, RegdraftError, UsageError
from regdraft.core.frontmatter import dump_yaml, load_yaml
from regdraft.core.layout import vote_path
from regdraft.core.yaml_bounds import MAX_YAML_BYTES, size_of, too_long
from regdraft.workspace.amendments import amendment_file, load
from regdraft.workspace.store import Workspace, writes


@dataclass(frozen=True, slots=True)
class Vote:
    """The Executive Committee conference vote on an amendment.

    `members` is the number entitled to vote when known; a majority is more than half of it,
    else more than half of the votes cast.
    """

    for_: int
    against: int
    abstain: int
    date: str
    members: int | None = None

    @property
    def majority(self) -> bool:
        """True when the votes for are more than half of the members (or of the votes cast)."""
        base = self.members if self.members is not None else self.for_ + self.against + self.abstain
        return self.for_ * 2 > base


@writes
def record_vote(ws: Workspace, slug: str, for_: int, against: int, abstain: int, date: str | dt.date,
                members: int | None = None) -> Vote:
    """Record the conference vote next to the amendment (one commit); an adopted amendment's vote is
    part of its record and is not recorded again (`NotPending`), and a vote dated after today is refused: the
    conference has not voted yet (a date mistyped ahead let the text be signed "before" its vote)."""
    relative = amendment_file(ws, slug)
    amendment = load(ws, slug)
    if amendment.status == "adopted":
        recorded = load_vote(ws, slug)
        held = (f" ({recorded.for_} for, {recorded.against} against, {recorded.abstain} abstaining on {recorded.date})"
                if recorded else "")
        raise NotPending(f"{relative}: the amendment is adopted; the vote that led to it{held} is part of its record "
                         "and is not recorded again.")
    if min(for_, against, abstain) < 0 or (members is not None and members < for_ + against + abstain):
        raise UsageError("The vote counts must not be negative, and the votes cast cannot exceed the members.",
                         options=("members",))
    voted, today = parse_date(date, "the vote date"), dt.date.today()
    if voted > today:
        raise UsageError(f"The vote date {voted.isoformat()} is after today ({today.isoformat()}): record the "
                         f"conference vote on {slug} once it is held, with the date it was held.", options=("date",))
    vote = Vote(for_, against, abstain, voted.isoformat(), members)
    data = {"for": vote.for_, "against": vote.against, "abstain": vote.abstain, "members": vote.members,
            "date": vote.date, "majority": vote.majority}
    text = dump_yaml(data, sort_keys=False, allow_unicode=True)
    ws.commit({vote_path(slug): text.encode("utf-8")},
              f"Record the conference vote on {slug}: {for_} for, {against} against, {abstain} abstaining")
    return vote


def load_vote(ws: Workspace, slug: str) -> Vote | None:
    """The recorded vote on an amendment, or None."""
    path = vote_path(slug)
    if not ws.exists(path):
        return None
    text = ws.read(path)
    if (size := size_of(text)) > MAX_YAML_BYTES:
        raise RegdraftError(f"{path}: {too_long(size, MAX_YAML_BYTES, 'this vote')}.")
    try:
        data = load_yaml(text.decode("utf-8")) or {}
        members = data.get("members")
        return Vote(int(data["for"]), int(data["against"]), int(data["abstain"]), str(data["date"]),
                    int(members) if members is not None else None)
    except (yaml.YAMLError, UnicodeDecodeError, KeyError, TypeError, ValueError, AttributeError):
        raise RegdraftError(f"{vote_path(slug)}: cannot read the vote "
                            "(keys: for, against, abstain, date, members).") from None


def vote_majority(ws: Workspace, slug: str) -> bool:
    """True when a vote is recorded for the amendment and it carried a majority."""
    vote = load_vote(ws, slug)
    return vote is not None and vote.majority


def vote_refusal(ws: Workspace, slug: str) -> str | None:
    """What is missing of the conference vote adoption requires (None: a majority is recorded)."""
    vote = load_vote(ws, slug)
    if vote is None:
        return (f"regdraft.yaml requires a conference vote majority before adoption, and no vote is recorded "
                f"for '{slug}'")
    if not vote.majority:
        return (f"the conference vote on '{slug}' ({vote.for_} for, {vote.against} against, {vote.abstain} abstaining"
                f" on {vote.date}) is not a majority, which regdraft.yaml requires before adoption")
    return None


def check_adoptable(ws: Workspace, slug: str) -> None:
    """Refuse (RegdraftError) when the workspace requires a vote majority and none is recorded."""
    if not ws.config.get("require_vote_majority"):
        return
    missing = vote_refusal(ws, slug)
    if missing is not None:
        raise RegdraftError(f"{missing[:1].upper()}{missing[1:]}; record it with `regdraft amend vote {slug}`.",
                            options=("amend vote:for_", "amend vote:against", "amend vote:abstain", "amend vote:date"))
