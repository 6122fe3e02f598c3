"""What `amend show` and `amend list` say of the conference votes on an amendment (r41: after `amend vote` neither said
a word of it, and the office looked in `vote.yaml`).

Post-conditions:
1. `votes_on(ws, amendment)` reads the vote on the whole document and the votes on its parts, each with what it
   means: majority, quorum met (or why it could not be judged), and whether the text voted on is still the draft's
   (`votes.changed_since_vote`, `vote_parts` fingerprints). A vote file, or a parts file, that cannot be read is
   named (`unreadable`), not raised: `show` shows the rest; `check` and adoption name it as before.
2. `VotesOn.lines()` are `amend show`'s lines (none without a vote), `VotesOn.word()` `amend list`'s word (""
   without a vote), `VotesOn.row()` their `--json`. Nothing is written.
3. `quorum_met(vote)` is True or False when the vote's attendance can be judged against the quorum recorded with it,
   None when it cannot (no quorum set then, or no number present, or of members).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from regdraft.core.errors import RegdraftError
from regdraft.workspace.vote_counts import basis
from regdraft.workspace.vote_quorum import below_quorum, share

if TYPE_CHECKING:
    from regdraft.core.amend.document import Amendment
    from regdraft.workspace.amendments import Entry
    from regdraft.workspace.store import Workspace
    from regdraft.workspace.vote_parts import PartVote
    from regdraft.workspace.votes import Vote


def quorum_met(vote: Vote) -> bool | None:
    """Whether the vote met the quorum recorded with it (post-condition 3)."""
    if share(vote.quorum) is None or vote.present is None or vote.members is None:
        return None
    return below_quorum(vote) is None


def _attendance(vote: Vote) -> str:
    """`48 of 49 members present, quorum 2/3 met`; `no quorum set`; `members present not recorded`."""
    present = (f"{vote.present} of {vote.members} members present" if vote.present is not None and vote.members
               else f"{vote.present} members present" if vote.present is not None else "members present not recorded")
    met = quorum_met(vote)
    if met is None:
        return f"{present}, quorum {'not checked' if vote.quorum else 'not set'}"
    return f"{present}, quorum {vote.quorum} {'met' if met else 'NOT met: ' + str(below_quorum(vote))}"


def _facts(vote: Vote) -> dict[str, Any]:
    return {"date": vote.date, "for": vote.for_, "against": vote.against, "abstain": vote.abstain,
            "members": vote.members, "present": vote.present, "majority": vote.majority, "quorum": vote.quorum or None,
            "quorum_met": quorum_met(vote), "draft": vote.draft}


@dataclass(frozen=True, slots=True)
class PartOn:
    """A part vote and whether its instructions still read as voted (`current`; `gone` when the draft lost them)."""

    part: PartVote
    current: bool
    gone: bool


@dataclass(frozen=True, slots=True)
class VotesOn:
    """The votes on one amendment as `amend show` and `amend list` say them (post-condition 2)."""

    vote: Vote | None
    changed: str | None  # `votes.changed_since_vote`: the text is no longer the one voted on
    parts: tuple[PartOn, ...]
    unreadable: tuple[str, ...] = ()  # why a vote file (or the parts file) cannot be read

    def lines(self) -> list[str]:
        """`amend show`'s lines on the votes: the whole, then each part."""
        out = [f"Vote: {why}" for why in self.unreadable]
        v = self.vote
        if v is not None:
            on = f" on draft {v.draft}" if v.draft is not None else ""
            out.append(f"Vote{on} ({v.date}): {v.for_} for, {v.against} against, {v.abstain} abstaining; "
                       f"{'a majority' if v.majority else 'no majority'} ({basis(v)})")
            out.append(f"  {_attendance(v)}")
            out.append(f"  the text has changed since the vote: {self.changed}" if self.changed else
                       "  the text is the one voted on" if v.instructions else
                       "  the text voted on was not recorded (a vote recorded before regdraft kept it)")
        for p in self.parts:
            part, pv = p.part, p.part.vote
            amends = f" (on {part.amends})" if part.amends else ""
            out.append(f"Vote on {part.on}{amends} ({pv.date}): {pv.for_} for, {pv.against} against, {pv.abstain} "
                       f"abstaining; {'a majority' if pv.majority else 'no majority'} ({basis(pv)})")
            out.append(f"  {_attendance(pv)}")
            out.append("  the draft no longer has these instructions" if p.gone else
                       "  its wording is the one voted on" if p.current else "  its wording has changed since the vote")
        return out

    def word(self) -> str:
        """`amend list`'s word: `voted 45-2-1`, `voted 20-25-0, no majority`, `voted 45-2-1, changed since`, and how
        many parts were voted on."""
        said: list[str] = ["vote unreadable"] if self.unreadable else []
        v = self.vote
        if v is not None:
            troubles = [t for t, on in (("no majority", not v.majority), ("below quorum", quorum_met(v) is False),
                                        ("changed since", self.changed is not None)) if on]
            said.append(f"voted {v.for_}-{v.against}-{v.abstain}" + "".join(f", {t}" for t in troubles))
        if self.parts:
            off = sum(1 for p in self.parts if not p.current or not p.part.vote.majority
                      or quorum_met(p.part.vote) is False)
            said.append(f"{len(self.parts)} part{'' if len(self.parts) == 1 else 's'} voted"
                        + (f" ({off} not carried as they stand)" if off else ""))
        return "; ".join(said)

    def row(self) -> dict[str, Any]:
        """The votes for `--json`."""
        return {"vote": None if self.vote is None else {**_facts(self.vote), "changed_since": self.changed},
                "part_votes": [{"on": p.part.on, "amends": p.part.amends, **_facts(p.part.vote), "current": p.current,
                                "gone": p.gone} for p in self.parts],
                "vote_problems": list(self.unreadable)}


def votes_on(ws: Workspace, amendment: Amendment) -> VotesOn:
    """The votes recorded on `amendment` (post-condition 1)."""
    from regdraft.workspace.vote_parts import load_part_votes, text_of
    from regdraft.workspace.votes import changed_since_vote, load_vote

    unreadable: list[str] = []
    try:
        vote = load_vote(ws, amendment.slug)
        changed = changed_since_vote(ws, amendment) if vote is not None else None
    except RegdraftError as exc:
        vote, changed = None, None
        unreadable.append(str(exc))
    try:
        parts = load_part_votes(ws, amendment.slug)
    except RegdraftError as exc:
        parts = []
        unreadable.append(str(exc))
    shown = []
    for part in parts:
        now = text_of(amendment, part.places, ws)
        shown.append(PartOn(part, bool(now) and (not part.text or now == part.text), not now))
    return VotesOn(vote, changed, tuple(shown), tuple(unreadable))



def named_amendment(ws: Workspace, typed: str) -> Amendment:
    """The amendment `typed` names, by its folder's name or by its document number (`05-QC/TU`), as `amend show`
    takes it; `UnknownName` naming the amendments there are, `UsageError` for a number several have."""
    from regdraft.core.errors import UsageError
    from regdraft.workspace.amendments import list_amendments, load, slugs

    if typed in slugs(ws):
        return load(ws, typed)
    numbered = [a for a in list_amendments(ws) if a.number and a.number == typed.strip()]
    if len(numbered) > 1:
        several = ", ".join(a.slug for a in numbered)
        raise UsageError(f"{typed} is the number of {len(numbered)} amendments ({several}): name the one to show by "
                         f"its folder's name.")
    return numbered[0] if numbered else load(ws, typed)


def shown(ws: Workspace, typed: str) -> tuple[dict[str, Any], list[str]]:
    """`amend show`: the amendment as `amend list --json` has it with its votes (`VotesOn.row`), and its lines."""
    from regdraft.workspace.amendments import Entry

    amendment = named_amendment(ws, typed)
    votes = votes_on(ws, amendment)
    entry = with_articles(ws, Entry(amendment.slug, amendment, votes=votes.word()))
    row = entry.row()
    draft = f", draft {row['draft']}" if row["draft"] else ""
    count = row["instructions"]
    if amendment.replacing:  # amends nothing, has no instructions: the regulation it is, what it replaces, its size
        from regdraft.workspace.amendments import new_regulation_words

        replaced, size = new_regulation_words(row)
        what = f"{replaced}, {size}" if size else replaced
    else:
        what = (f"amends {', '.join(row['regulations']) or row['regulation']}; "
                f"{count} instruction{'' if count == 1 else 's'}")
    lines = [f"{amendment.slug}: {amendment.number or 'no number yet'}, {row['status']}{draft}; {what}"]
    if row["signed"] or row["effective"]:
        lines.append(", ".join(f"{key} {row[key]}" for key in ("signed", "effective") if row[key]))
    lines += votes.lines() or ["No conference vote is recorded."]
    from regdraft.core.text import shown_text

    # What a colleague's files hold (a part's label, a vote file's unreadable value, a title) is quoted: no control
    # character reaches the terminal (r42 sweep CI F1), as `check` and `sync` quote them.
    return {**row, **votes.row()}, [shown_text(line) for line in lines]


def listed_with_votes(ws: Workspace) -> list[Entry]:
    """`amend list`: every amendment (`amendments.listed`), each with its conference votes in a word."""
    from dataclasses import replace

    from regdraft.workspace.amendments import listed

    return [with_articles(ws, replace(e, votes=votes_on(ws, e.amendment).word())) if e.amendment is not None else e
            for e in listed(ws)]


def with_articles(ws: Workspace, entry: Entry) -> Entry:
    """The entry with the articles of its text counted, when it is a new regulation's draft (`workspace.replacing`);
    as it was otherwise, or when its text cannot be read."""
    from dataclasses import replace

    if entry.amendment is None or not entry.amendment.replacing:
        return entry
    from regdraft.workspace.replacing import draft_reading

    try:
        regulation = draft_reading(ws, entry.amendment)[0].regulation
    except RegdraftError:
        return entry
    return replace(entry, articles=sum(1 for _ in regulation.articles()))
